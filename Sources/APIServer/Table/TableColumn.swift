import Resources

/// One column of a `meta.k8s.io/v1` Table, as upstream's `TableColumnDefinition`.
///
/// `priority` 0 columns are always printed; kubectl prints priority 1 columns only with
/// `-o wide`. The server always sends every column and every cell (upstream renders server-side
/// tables with `Wide: true`), so a row has exactly one cell per column.
struct TableColumn: Sendable, Hashable {
    /// The header kubectl upper-cases (`Nominated Node` prints as `NOMINATED NODE`).
    var name: String
    /// The OpenAPI type of the cells: `string`, `integer`, `boolean` (or `date`).
    var type: String
    /// `name` marks the column holding the object's name; otherwise empty.
    var format: String
    var description: String
    var priority: Int

    init(_ name: String, type: String = "string", format: String = "", priority: Int = 0, _ description: String) {
        self.name = name
        self.type = type
        self.format = format
        self.description = description
        self.priority = priority
    }

    /// A priority 1 column: printed by kubectl only with `-o wide`.
    static func wide(_ name: String, type: String = "string", _ description: String) -> TableColumn {
        TableColumn(name, type: type, priority: 1, description)
    }

    /// The `Name` column every kind starts with (Event moves it to the end, as upstream).
    static let name = TableColumn("Name", format: "name", ObjectMetaDocs.name)

    /// The `Age` column: `translateTimestampSince(creationTimestamp)`.
    static let age = TableColumn("Age", ObjectMetaDocs.creationTimestamp)

    /// The column definition as it travels in the Table (every member present, as upstream
    /// marshals it).
    var json: JSONValue {
        ["name": .string(name), "type": .string(type), "format": .string(format),
         "description": .string(description), "priority": .integer(Int64(priority))]
    }
}

/// The upstream descriptions of the metadata fields every table shows (`ObjectMeta` swagger
/// docs), which kubectl shows in `kubectl explain`-style help for the columns.
enum ObjectMetaDocs {
    static let name = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of a name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
    static let creationTimestamp = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
}
