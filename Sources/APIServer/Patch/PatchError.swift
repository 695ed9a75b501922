/// A patch that cannot be applied; `message` says why and where (the operation and JSON
/// pointer for JSON patch, the field path for strategic merge patch). The message is meant for
/// the client as it is; the HTTP layer chooses the status.
public struct PatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
