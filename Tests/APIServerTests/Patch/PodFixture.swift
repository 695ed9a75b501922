import APIServer

/// The strategic merge metadata of a Pod, as far as the tests need it (from the `patchStrategy`
/// and `patchMergeKey` tags of `k8s.io/api/core/v1`).
enum PodFixture {
    static let container = SchemaFixture([
        "env": .mergeList(by: "name"),
        "ports": .mergeList(by: "containerPort"),
        "volumeMounts": .mergeList(by: "mountPath"),
    ])

    static let objectMeta = SchemaFixture([
        "finalizers": .mergePrimitives,
        "ownerReferences": .mergeList(by: "uid"),
    ])

    static let podSpec = SchemaFixture([
        "containers": .mergeList(by: "name", container),
        "initContainers": .mergeList(by: "name", container),
        "volumes": .mergeList(by: "name", SchemaFixture(), retainKeys: true),
    ])

    static let pod = SchemaFixture([
        "metadata": .object(objectMeta),
        "spec": .object(podSpec),
    ])
}
