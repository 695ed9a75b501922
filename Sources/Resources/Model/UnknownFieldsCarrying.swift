/// A struct of the API model that keeps the JSON members it does not declare (every
/// `@APIObject` conforms), so strict decoding can name each one.
public protocol UnknownFieldsCarrying {
    /// The JSON members the type declares.
    static var declaredJSONKeys: Set<String> { get }
    var unknownFields: [String: JSONValue] { get }
}

extension UnknownFieldsCarrying {
    /// The path of every member not declared anywhere in this object, in path order:
    /// `spec.template.spec.containers[0].imagePullPolicyy`. Kubernetes' strict field
    /// validation reports these as `unknown field "…"`.
    public func unknownFieldPaths(under root: FieldPath = FieldPath("")) -> [FieldPath] {
        var found: [FieldPath] = []
        UnknownFieldWalk.visit(self, at: root, into: &found)
        return found.sorted { $0.text < $1.text }
    }
}

/// Walks nested model values (optionals, arrays, maps) by reflection, collecting unknown members.
enum UnknownFieldWalk {
    static func visit(_ value: Any, at path: FieldPath, into found: inout [FieldPath]) {
        let mirror = Mirror(reflecting: value)
        // Unwrap optionals first: a cast would see through them, the reflection would not.
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value { visit(wrapped, at: path, into: &found) }
            return
        }
        if let carrier = value as? any UnknownFieldsCarrying {
            for key in carrier.unknownFields.keys { found.append(path.child(key)) }
            for child in mirror.children {
                guard let label = child.label, label != "unknownFields" else { continue }
                visit(child.value, at: path.child(label), into: &found)
            }
            return
        }
        switch mirror.displayStyle {
        case .collection:
            for (i, element) in mirror.children.enumerated() { visit(element.value, at: path.index(i), into: &found) }
        case .dictionary:
            for entry in mirror.children {
                let pair = Mirror(reflecting: entry.value).children.map(\.value)
                guard pair.count == 2, let key = pair[0] as? String else { continue }
                visit(pair[1], at: path.key(key), into: &found)
            }
        default:
            return  // scalars, JSONValue, Quantity, Time: nothing declared inside
        }
    }
}
