import SwiftCompilerPlugin
import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxBuilder
import SwiftSyntaxMacros

/// `@APIObject` on a struct of the API model generates:
/// - `unknownFields`, which keeps every JSON member the struct does not declare, so a
///   decode/encode round trip loses nothing;
/// - `init(from:)` and `encode(to:)` keyed by the property names (or `@JSONKey("…")`);
/// - a memberwise `init` whose parameters default to `nil`, or to the property's initial value;
/// - `schema`, the type's OpenAPI schema (see `APIObjectMacro+Schema.swift`);
/// - `Codable`, `Hashable`, `Sendable`, `UnknownFieldsCarrying` and `SchemaDescribing`
///   conformances.
///
/// Decoding rules, chosen to match how the Kubernetes API server reads JSON:
/// - `T?` properties decode if present; `null` reads as absent.
/// - properties with an initial value use it when the member is absent or `null`.
/// - properties with neither are required.
/// Encoding omits `nil` optionals and empty collections that have an initial value.
public struct APIObjectMacro: MemberMacro, ExtensionMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let structDecl = declaration.as(StructDeclSyntax.self) else {
            throw MacroError("@APIObject applies to structs only")
        }
        let access = structDecl.modifiers.contains { $0.name.tokenKind == .keyword(.public) } ? "public " : ""
        let properties = try storedProperties(of: structDecl)

        let keys = properties.map { "\"\($0.key)\"" }.joined(separator: ", ")
        var decodeLines: [String] = []
        var encodeLines: [String] = []
        var parameters: [String] = []
        var assignments: [String] = []
        for p in properties {
            switch p.shape {
            case .optional(let wrapped):
                decodeLines.append("self.\(p.name) = try container.decodeIfPresent(\(wrapped).self, forKey: \"\(p.key)\")")
                encodeLines.append("try container.encodeIfPresent(self.\(p.name), forKey: \"\(p.key)\")")
                parameters.append("\(p.name): \(p.type) = nil")
            case .defaulted(let initial, let isCollection):
                decodeLines.append("self.\(p.name) = try container.decodeIfPresent(\(p.type).self, forKey: \"\(p.key)\") ?? \(initial)")
                if isCollection {
                    encodeLines.append("if !self.\(p.name).isEmpty { try container.encode(self.\(p.name), forKey: \"\(p.key)\") }")
                } else {
                    encodeLines.append("try container.encode(self.\(p.name), forKey: \"\(p.key)\")")
                }
                parameters.append("\(p.name): \(p.type) = \(initial)")
            case .required:
                decodeLines.append("self.\(p.name) = try container.decode(\(p.type).self, forKey: \"\(p.key)\")")
                encodeLines.append("try container.encode(self.\(p.name), forKey: \"\(p.key)\")")
                parameters.append("\(p.name): \(p.type)")
            }
            assignments.append("self.\(p.name) = \(p.name)")
        }
        parameters.append("unknownFields: [String: JSONValue] = [:]")
        assignments.append("self.unknownFields = unknownFields")

        return [
            """
            /// JSON members this type does not declare, kept so that round trips are lossless.
            \(raw: access)var unknownFields: [String: JSONValue] = [:]
            """,
            """
            /// The JSON member names this type declares.
            \(raw: access)static let declaredJSONKeys: Set<String> = [\(raw: keys)]
            """,
            try schemaDeclaration(of: structDecl, arguments: node, properties: properties, access: access),
            """
            \(raw: access)init(\(raw: parameters.joined(separator: ", "))) {
            \(raw: assignments.joined(separator: "\n"))
            }
            """,
            """
            \(raw: access)init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyCodingKey.self)
            \(raw: decodeLines.joined(separator: "\n"))
            self.unknownFields = try container.decodeUnknownFields(declared: Self.declaredJSONKeys)
            }
            """,
            """
            \(raw: access)func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            \(raw: encodeLines.joined(separator: "\n"))
            try container.encodeUnknownFields(self.unknownFields)
            }
            """,
        ]
    }

    public static func expansion(
        of node: AttributeSyntax,
        attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        // `protocols` lists only the conformances the type does not already declare.
        guard !protocols.isEmpty else { return [] }
        let names = protocols.map(\.trimmedDescription).joined(separator: ", ")
        let ext: DeclSyntax = "extension \(type.trimmed): \(raw: names) {}"
        return [ext.cast(ExtensionDeclSyntax.self)]
    }

    // MARK: - Property analysis

    enum Shape {
        case optional(wrapped: String)
        case defaulted(initial: String, isCollection: Bool)
        case required
    }

    struct Property {
        var name: String
        var key: String
        var type: String
        var shape: Shape
        /// The declared type, for the schema.
        var typeSyntax: TypeSyntax
        /// The property's doc comment, as one description.
        var description: String
        /// The `@Patch`, `@ListType` and `@MapType` markers on the declaration.
        var attributes: AttributeListSyntax
    }

    static func storedProperties(of decl: StructDeclSyntax) throws -> [Property] {
        var result: [Property] = []
        for member in decl.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
            if variable.modifiers.contains(where: { $0.name.tokenKind == .keyword(.static) }) { continue }
            let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
            let customKey = jsonKeyAttribute(variable.attributes)
            for binding in variable.bindings {
                if let accessor = binding.accessorBlock {
                    // Computed properties are not part of the JSON shape; observers still are.
                    if case .getter = accessor.accessors { continue }
                    if case .accessors(let list) = accessor.accessors,
                       list.contains(where: { $0.accessorSpecifier.tokenKind == .keyword(.get) }) { continue }
                }
                guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else { continue }
                let name = pattern.identifier.text
                let bare = name.trimmingCharacters(in: "`")
                guard let typeAnnotation = binding.typeAnnotation else {
                    throw MacroError("@APIObject needs an explicit type on '\(bare)'")
                }
                let type = typeAnnotation.type.trimmedDescription
                let initial = binding.initializer?.value.trimmedDescription
                if isLet && initial != nil { continue }  // a constant, not decoded
                let shape: Shape
                if let optional = typeAnnotation.type.as(OptionalTypeSyntax.self) {
                    shape = .optional(wrapped: optional.wrappedType.trimmedDescription)
                } else if let initial {
                    let t = typeAnnotation.type
                    shape = .defaulted(initial: initial, isCollection: t.is(ArrayTypeSyntax.self) || t.is(DictionaryTypeSyntax.self))
                } else {
                    shape = .required
                }
                result.append(Property(name: name, key: customKey ?? bare, type: type, shape: shape,
                                       typeSyntax: typeAnnotation.type.trimmed,
                                       description: docComment(variable.leadingTrivia),
                                       attributes: variable.attributes))
            }
        }
        return result
    }

    static func jsonKeyAttribute(_ attributes: AttributeListSyntax) -> String? {
        for element in attributes {
            guard let attribute = element.as(AttributeSyntax.self),
                  attribute.attributeName.trimmedDescription == "JSONKey",
                  let arguments = attribute.arguments?.as(LabeledExprListSyntax.self),
                  let first = arguments.first?.expression.as(StringLiteralExprSyntax.self)
            else { continue }
            return first.segments.trimmedDescription
        }
        return nil
    }
}

struct MacroError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
