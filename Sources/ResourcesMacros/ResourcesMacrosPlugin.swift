import SwiftCompilerPlugin
import SwiftSyntaxMacros

@main
struct ResourcesMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [APIObjectMacro.self, JSONKeyMacro.self, SchemaMarkerMacro.self]
}
