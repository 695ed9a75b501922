/// Who made a request, as authentication established it.
public struct UserInfo: Hashable, Sendable {
    public var name: String
    public var uid: String
    public var groups: [String]

    public init(name: String, uid: String = "", groups: [String] = []) {
        self.name = name
        self.uid = uid
        self.groups = groups
    }
}
