import Hummingbird
import Logging
import NIOCore

/// The per-request context: the connection (for the client certificate) and the body limit.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// Bodies are capped at 3 MiB, as Kubernetes caps them.
    public var maxUploadSize: Int { ResourceHandler.maxBodyBytes }
}
