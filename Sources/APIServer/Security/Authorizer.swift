/// What a request wants to do, as the authorizer sees it (Kubernetes' `authorizer.Attributes`).
public struct AuthorizationAttributes: Hashable, Sendable {
    public var user: UserInfo
    /// `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`, or the
    /// lower-case HTTP method for non-resource requests.
    public var verb: String
    public var isResourceRequest: Bool
    public var group: String
    public var version: String
    public var resource: String
    public var subresource: String
    public var namespace: String
    public var name: String
    /// The request path, for non-resource requests.
    public var path: String

    public init(user: UserInfo, verb: String, isResourceRequest: Bool, group: String = "", version: String = "",
                resource: String = "", subresource: String = "", namespace: String = "", name: String = "", path: String) {
        self.user = user
        self.verb = verb
        self.isResourceRequest = isResourceRequest
        self.group = group
        self.version = version
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
        self.path = path
    }
}

/// The answer of an authorizer; `reason` is shown in the 403 Status when denied.
public enum AuthorizationDecision: Hashable, Sendable {
    case allow
    case deny(reason: String)
}

/// Decides whether an authenticated user may do what a request asks. RBAC will be one.
public protocol Authorizer: Sendable {
    func authorize(_ attributes: AuthorizationAttributes) -> AuthorizationDecision
}

/// The policy until RBAC: every authenticated user may do everything.
public struct AllowAuthenticatedAuthorizer: Authorizer {
    public init() {}
    public func authorize(_ attributes: AuthorizationAttributes) -> AuthorizationDecision { .allow }
}
