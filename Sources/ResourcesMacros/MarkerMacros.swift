import SwiftSyntax
import SwiftSyntaxMacros

/// `@JSONKey("name")` marks the JSON member name of a property whose Swift name differs.
/// It generates nothing itself; `@APIObject` reads it.
public struct JSONKeyMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] { [] }
}

/// `@Patch`, `@ListType` and `@MapType` mark a property's patch metadata. They generate
/// nothing themselves; `@APIObject` reads and checks them.
public struct SchemaMarkerMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] { [] }
}
