import SwiftSyntax
import SwiftSyntaxMacros

/// The `schema` member of an `@APIObject` struct: one `PropertySchema` per stored property,
/// read from the declaration.
///
/// - value types: `String`, `Bool`, `Int32`/`UInt32`/`Int16`/`UInt16` (int32), `Int64`/`Int`/
///   `UInt64`/`UInt` (int64), `Double`/`Float` (number), `[T]`, `[String: T]`, `T?`; any other
///   type is a reference to its own `SchemaDescribing` schema, so a member of a type that does
///   not describe itself fails to compile;
/// - required: non-optional without an initial value (exactly when decoding requires it);
/// - descriptions: the `///` doc comments of the property and of the struct;
/// - patch metadata: `@Patch`, `@ListType`, `@MapType`, checked for consistency here.
extension APIObjectMacro {
    static func schemaDeclaration(
        of decl: StructDeclSyntax, arguments node: AttributeSyntax, properties: [Property], access: String
    ) throws -> DeclSyntax {
        var namespace: String?
        var nameOverride: String?
        if let arguments = node.arguments?.as(LabeledExprListSyntax.self) {
            for argument in arguments {
                switch argument.label?.text {
                case nil:
                    let expression = argument.expression.trimmedDescription
                    if expression != "nil" { namespace = expression }
                case "name":
                    guard let name = stringLiteral(argument.expression) else {
                        throw MacroError("@APIObject(name:) takes a string literal")
                    }
                    nameOverride = name
                default:
                    throw MacroError("@APIObject takes a namespace and name:")
                }
            }
        }
        let simpleName = nameOverride ?? decl.name.text
        let definitionName = namespace.map { "(\($0) as SchemaNamespace).qualified(\(swiftLiteral(simpleName)))" }
            ?? swiftLiteral(simpleName)

        var entries: [String] = []
        for p in properties {
            let isRequired = if case .required = p.shape { true } else { false }
            var arguments = [
                "name: \(swiftLiteral(p.key))",
                "value: \(try valueSchema(of: p.typeSyntax, property: p.key))",
            ]
            if isRequired { arguments.append("isRequired: true") }
            if !p.description.isEmpty { arguments.append("description: \(swiftLiteral(p.description))") }
            if let patch = try patchMetadata(of: p) { arguments.append("patch: \(patch)") }
            entries.append("PropertySchema(\(arguments.joined(separator: ", ")))")
        }
        let description = docComment(decl.leadingTrivia)
        let list = entries.isEmpty ? "[]" : "[\n" + entries.joined(separator: ",\n") + "\n]"
        return """
            /// This type's OpenAPI schema, generated from its declaration.
            \(raw: access)static let schema = TypeSchema(
            definitionName: \(raw: definitionName),
            description: \(raw: swiftLiteral(description)),
            properties: \(raw: list))
            """
    }

    // MARK: - Value types

    static let int32Types: Set<String> = ["Int32", "UInt32", "Int16", "UInt16", "Int8", "UInt8"]
    static let int64Types: Set<String> = ["Int64", "Int", "UInt64", "UInt"]

    /// The `ValueSchema` expression of a declared type.
    static func valueSchema(of type: TypeSyntax, property: String) throws -> String {
        if let optional = type.as(OptionalTypeSyntax.self) {
            return try valueSchema(of: optional.wrappedType, property: property)
        }
        if let unwrapped = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            return try valueSchema(of: unwrapped.wrappedType, property: property)
        }
        if let array = type.as(ArrayTypeSyntax.self) {
            return ".array(\(try valueSchema(of: array.element, property: property)))"
        }
        if let dictionary = type.as(DictionaryTypeSyntax.self) {
            guard dictionary.key.trimmedDescription == "String" else {
                throw MacroError("'\(property)': JSON objects have string keys; use [String: T]")
            }
            return ".map(\(try valueSchema(of: dictionary.value, property: property)))"
        }
        if let identifier = type.as(IdentifierTypeSyntax.self),
           let generics = identifier.genericArgumentClause?.arguments.map({ $0.argument.trimmedDescription }) {
            // Optional<T>, Array<T>, Dictionary<String, T> spelled out.
            let parsed = generics.map { TypeSyntax(stringLiteral: $0) }
            switch (identifier.name.text, parsed.count) {
            case ("Optional", 1): return try valueSchema(of: parsed[0], property: property)
            case ("Array", 1): return ".array(\(try valueSchema(of: parsed[0], property: property)))"
            case ("Dictionary", 2) where generics[0] == "String":
                return ".map(\(try valueSchema(of: parsed[1], property: property)))"
            default: throw MacroError("'\(property)': generic type \(type.trimmedDescription) has no schema")
            }
        }
        let name = type.trimmedDescription
        switch name {
        case "String", "Substring", "Character": return ".string"
        case "Bool": return ".boolean"
        case "Double", "Float": return ".number"
        case _ where int32Types.contains(name): return ".integer(.int32)"
        case _ where int64Types.contains(name): return ".integer(.int64)"
        default: return ".reference(\(name).self)"
        }
    }

    // MARK: - Patch metadata

    static let patchStrategies: Set<String> = ["merge", "retainKeys", "replace"]

    /// The `PatchMetadata(…)` expression of a property's markers, nil without markers.
    static func patchMetadata(of p: Property) throws -> String? {
        var strategy: String?
        var mergeKey: String?
        var listType: String?
        var listMapKeys: [String] = []
        var mapType: String?
        for element in p.attributes {
            guard let attribute = element.as(AttributeSyntax.self) else { continue }
            let arguments = Array(attribute.arguments?.as(LabeledExprListSyntax.self) ?? [])
            func string(_ label: String?) throws -> String? {
                guard let argument = arguments.first(where: { $0.label?.text == label }) else { return nil }
                guard let value = stringLiteral(argument.expression) else {
                    throw MacroError("'\(p.key)': @\(attribute.attributeName.trimmedDescription) takes string literals")
                }
                return value
            }
            switch attribute.attributeName.trimmedDescription {
            case "Patch":
                strategy = try string("strategy")
                mergeKey = try string("key")
            case "ListType":
                listType = try string(nil)
                if let keys = arguments.first(where: { $0.label?.text == "keys" }) {
                    guard let array = keys.expression.as(ArrayExprSyntax.self) else {
                        throw MacroError("'\(p.key)': @ListType(keys:) takes an array of string literals")
                    }
                    listMapKeys = try array.elements.map {
                        guard let key = stringLiteral($0.expression) else {
                            throw MacroError("'\(p.key)': @ListType(keys:) takes an array of string literals")
                        }
                        return key
                    }
                }
            case "MapType":
                mapType = try string(nil)
            default:
                continue
            }
        }
        guard strategy != nil || listType != nil || mapType != nil else { return nil }

        let valueType = unwrapOptional(p.typeSyntax)
        let isArray = valueType.is(ArrayTypeSyntax.self)
        if let strategy {
            let parts = strategy.split(separator: ",").map(String.init)
            if parts.isEmpty || !parts.allSatisfy(patchStrategies.contains) {
                throw MacroError("'\(p.key)': patch strategy '\(strategy)' is not a combination of merge, retainKeys, replace")
            }
            if mergeKey != nil && !(parts.contains("merge") && isArray) {
                throw MacroError("'\(p.key)': a merge key needs the merge strategy on a list")
            }
        }
        if let listType {
            guard isArray else { throw MacroError("'\(p.key)': @ListType applies to arrays") }
            guard ["atomic", "set", "map"].contains(listType) else {
                throw MacroError("'\(p.key)': list type '\(listType)' is not atomic, set or map")
            }
            guard (listType == "map") == !listMapKeys.isEmpty else {
                throw MacroError("'\(p.key)': @ListType(\"map\") and only it takes keys:")
            }
        }
        if let mapType {
            guard !isArray, ["atomic", "granular"].contains(mapType) else {
                throw MacroError("'\(p.key)': @MapType is atomic or granular, on a map or an object")
            }
        }
        var arguments: [String] = []
        if let strategy { arguments.append("strategy: \(swiftLiteral(strategy))") }
        if let mergeKey { arguments.append("mergeKey: \(swiftLiteral(mergeKey))") }
        if let listType { arguments.append("listType: \(swiftLiteral(listType))") }
        if !listMapKeys.isEmpty { arguments.append("listMapKeys: [\(listMapKeys.map(swiftLiteral).joined(separator: ", "))]") }
        if let mapType { arguments.append("mapType: \(swiftLiteral(mapType))") }
        return "PatchMetadata(\(arguments.joined(separator: ", ")))"
    }

    static func unwrapOptional(_ type: TypeSyntax) -> TypeSyntax {
        if let optional = type.as(OptionalTypeSyntax.self) { return unwrapOptional(optional.wrappedType) }
        return type
    }

    // MARK: - Text

    /// The text of a doc comment (`///` lines or `/** */`) in `trivia`: lines of a paragraph
    /// joined by spaces, paragraphs and list items kept apart by newlines. A plain comment
    /// after a doc comment discards it (it documented something else).
    static func docComment(_ trivia: Trivia) -> String {
        var lines: [String] = []
        for piece in trivia {
            switch piece {
            case .docLineComment(let text):
                var line = Substring(text).dropFirst(3)
                if line.first == " " { line = line.dropFirst() }
                lines.append(String(line))
            case .docBlockComment(let text):
                let body = text.dropFirst(3).dropLast(2)
                for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
                    var line = raw.drop { $0 == " " || $0 == "\t" }
                    if line.first == "*" { line = line.dropFirst() }
                    if line.first == " " { line = line.dropFirst() }
                    lines.append(String(line))
                }
            case .lineComment, .blockComment:
                lines.removeAll()
            default:
                continue
            }
        }
        var text = ""
        var paragraphBreak = false
        for raw in lines {
            let line = raw.trimmingCharacters(in: " ")
            if line.isEmpty {
                paragraphBreak = !text.isEmpty
                continue
            }
            if text.isEmpty {
                text = line
            } else if paragraphBreak {
                text += "\n\n" + line
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                text += "\n" + line
            } else {
                text += " " + line
            }
            paragraphBreak = false
        }
        return text
    }

    /// The value of a plain string literal expression.
    static func stringLiteral(_ expression: ExprSyntax) -> String? {
        guard let literal = expression.as(StringLiteralExprSyntax.self),
              literal.segments.allSatisfy({ $0.is(StringSegmentSyntax.self) }) else { return nil }
        return literal.segments.compactMap { $0.as(StringSegmentSyntax.self)?.content.text }.joined()
    }

    /// `text` as a Swift string literal.
    static func swiftLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
