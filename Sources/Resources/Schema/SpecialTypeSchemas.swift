// The types upstream describes by hand instead of from a Go struct.

extension Quantity: SchemaDescribing {
    public static let schema = TypeSchema(
        definitionName: "io.k8s.apimachinery.pkg.api.resource.Quantity",
        description: """
            Quantity is a fixed-point representation of a number: a decimal with an optional \
            binary-SI (Ki, Mi, Gi, Ti, Pi, Ei), decimal-SI (m, k, M, G, T, P, E) or decimal \
            exponent (e3, E6) suffix, such as `500m`, `1Gi` or `1e3`.
            """,
        shape: .quantity)
}

extension IntOrString: SchemaDescribing {
    public static let schema = TypeSchema(
        definitionName: "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
        description: """
            IntOrString is a type that can hold an int32 or a string. When used in JSON or YAML \
            marshalling and unmarshalling, it produces or consumes the inner type.
            """,
        shape: .intOrString)
}

extension Time: SchemaDescribing {
    public static let schema = TypeSchema(
        definitionName: "io.k8s.apimachinery.pkg.apis.meta.v1.Time",
        description: """
            Time is a wrapper around time.Time which supports correct marshaling to YAML and \
            JSON. It is serialized as RFC 3339 in UTC with second precision.
            """,
        shape: .dateTime)
}

extension MicroTime: SchemaDescribing {
    public static let schema = TypeSchema(
        definitionName: "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
        description: "MicroTime is version of Time with microsecond level precision.",
        shape: .dateTime)
}

extension JSONValue: SchemaDescribing {
    /// Inline: a member of this type accepts any JSON and keeps it.
    public static let schema = TypeSchema(definitionName: nil, shape: .freeForm)
}
