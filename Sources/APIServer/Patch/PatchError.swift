/// A patch that cannot be applied; `message` says why and where (the operation and JSON
/// pointer for JSON patch, the field path for strategic merge patch). The API server answers
/// it as 422 Unprocessable Entity.
public struct PatchError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
