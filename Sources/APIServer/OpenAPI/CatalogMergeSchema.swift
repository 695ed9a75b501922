import Resources

/// The strategic merge metadata of one object definition of the catalog: each member's
/// `x-kubernetes-patch-strategy` and `x-kubernetes-patch-merge-key`, exactly as the OpenAPI
/// documents carry them, and the definition of its object values.
struct CatalogMergeSchema: StrategicMergeSchema {
    let catalog: SchemaCatalog
    let definition: TypeSchema

    func member(_ name: String) -> StrategicMergeMember? {
        guard let property = definition.property(name) else { return nil }
        var valueSchema: (any StrategicMergeSchema)?
        if case .reference(let type) = property.value.innermost,
           let referenced = type.schema.definitionName.flatMap({ catalog[$0] }),
           case .object = referenced.schema.shape {
            valueSchema = CatalogMergeSchema(catalog: catalog, definition: referenced.schema)
        }
        return StrategicMergeMember(
            patchStrategies: Set(property.patch.strategies),
            patchMergeKey: property.patch.mergeKey,
            valueSchema: valueSchema)
    }
}
