import Testing
@testable import Resources

/// ValidateObjectMeta / ValidateObjectMetaUpdate, asserted by their printed errors.
@Suite struct ObjectMetaValidationTests {
    static func meta(
        name: String? = "web", generateName: String? = nil, namespace: String? = "default",
        labels: [String: String]? = nil, annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil, finalizers: [String]? = nil,
        uid: String? = nil, resourceVersion: String? = nil, generation: Int64? = nil
    ) -> ObjectMeta {
        ObjectMeta(name: name, generateName: generateName, namespace: namespace, uid: uid,
                   resourceVersion: resourceVersion, generation: generation, labels: labels,
                   annotations: annotations, ownerReferences: ownerReferences, finalizers: finalizers)
    }

    static func owner(_ kind: String = "ReplicaSet", _ name: String = "web-1", controller: Bool? = nil,
                      apiVersion: String = "apps/v1", uid: String = "u1") -> OwnerReference {
        OwnerReference(apiVersion: apiVersion, kind: kind, name: name, uid: uid, controller: controller)
    }

    @Test func validMetadataHasNoErrors() {
        let m = Self.meta(labels: ["app": "web", "example.com/tier": "front"], annotations: ["note": "anything goes"],
                          ownerReferences: [Self.owner(controller: true)], finalizers: ["example.com/cleanup"])
        #expect(m.validate(namespaced: true).isEmpty)
    }

    @Test(arguments: [
        (meta(name: nil), true, ["metadata.name: Required value: name or generateName is required"]),
        (meta(name: "Web"), true,
         ["metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]),
        (meta(name: nil, generateName: "web-"), true, ["metadata.name: Required value: name or generateName is required"]),
        (meta(namespace: nil), true, ["metadata.namespace: Required value"]),
        (meta(namespace: "Prod"), true,
         ["metadata.namespace: Invalid value: \"Prod\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]),
        (meta(namespace: "default"), false, ["metadata.namespace: Forbidden: not allowed on this type"]),
        (meta(labels: ["app": "web server"]), true,
         ["metadata.labels: Invalid value: \"web server\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]),
        (meta(annotations: ["a/b/c": "x"]), true,
         ["metadata.annotations: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]),
        (meta(annotations: ["big": String(repeating: "x", count: 256 * 1024)]), true,
         ["metadata.annotations: Too long: may not be more than 262144 bytes"]),
        (meta(ownerReferences: [owner(apiVersion: "", uid: "")]), true,
         ["metadata.ownerReferences[0].apiVersion: Required value: must not be empty",
          "metadata.ownerReferences[0].uid: Required value: must not be empty"]),
        (meta(ownerReferences: [owner(apiVersion: "a/b/c")]), true,
         ["metadata.ownerReferences[0].apiVersion: Invalid value: \"a/b/c\": must be <group>/<version> or <version>"]),
        (meta(ownerReferences: [owner(controller: true), owner("StatefulSet", "db", controller: true)]), true,
         ["metadata.ownerReferences: Invalid value: [{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web-1\",\"uid\":\"u1\",\"controller\":true} {\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"name\":\"db\",\"uid\":\"u1\",\"controller\":true}]: Only one reference can have Controller set to true. Found \"true\" in references for ReplicaSet/web-1 and StatefulSet/db"]),
        (meta(finalizers: ["orphan", "foregroundDeletion"]), true,
         ["metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set"]),
        (meta(generation: -1), true, ["metadata.generation: Invalid value: -1: must be greater than or equal to 0"]),
    ] as [(ObjectMeta, Bool, [String])])
    func createErrorsArePrintedAsKubernetesPrintsThem(_ meta: ObjectMeta, _ namespaced: Bool, _ expected: [String]) {
        #expect(meta.validate(namespaced: namespaced).map(\.description) == expected)
    }

    @Test func generateNameIsCheckedAsAPrefix() {
        var m = Self.meta(generateName: "web-")
        #expect(m.validate(namespaced: true).isEmpty)
        m.generateName = "Web-"
        #expect(m.validate(namespaced: true).map(\.field.text) == ["metadata.generateName"])
    }

    @Test func serviceNamesAreDNS1035Labels() {
        let m = Self.meta(name: "1web")
        #expect(m.validate(namespaced: true, nameRule: .dns1035Label).map(\.field.text) == ["metadata.name"])
        #expect(m.validate(namespaced: true, nameRule: .dnsSubdomain).isEmpty)
    }

    @Test func updateKeepsIdentityImmutable() {
        let old = Self.meta(uid: "u1", resourceVersion: "7", generation: 3)
        var new = old
        new.name = "web2"
        new.namespace = "other"
        new.uid = "u2"
        new.creationTimestamp = Time(secondsSince1970: 0)
        new.generation = 2
        #expect(new.validateUpdate(from: old).map(\.description) == [
            "metadata.generation: Invalid value: 2: must not be decremented",
            "metadata.name: Invalid value: \"web2\": field is immutable",
            "metadata.namespace: Invalid value: \"other\": field is immutable",
            "metadata.uid: Invalid value: \"u2\": field is immutable",
            "metadata.creationTimestamp: Invalid value: \"1970-01-01T00:00:00Z\": field is immutable",
        ])
    }

    @Test func updateRequiresResourceVersionAndForbidsNewFinalizersDuringDeletion() {
        var old = Self.meta(finalizers: ["a.io/x"], uid: "u1", resourceVersion: "7")
        old.deletionTimestamp = Time(secondsSince1970: 100)
        var new = old
        new.resourceVersion = nil
        new.finalizers = ["a.io/x", "b.io/y"]
        #expect(new.validateUpdate(from: old).map(\.description) == [
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"b.io/y\"}",
            "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
        ])
    }

    @Test func unchangedMetadataUpdatesCleanly() {
        let old = Self.meta(labels: ["app": "web"], uid: "u1", resourceVersion: "7")
        var new = old
        new.labels = ["app": "web", "tier": "front"]
        #expect(new.validateUpdate(from: old).isEmpty)
    }
}
