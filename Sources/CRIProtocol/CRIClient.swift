import GRPCCore
import GRPCGoInterop
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf
import NIOCore

/// A client for one CRI v1 container runtime (containerd) on its unix socket, over gRPC
/// (plaintext HTTP/2), wrapping the generated `RuntimeService` and `ImageService` stubs.
///
/// A client exists only inside `CRIClient.connect(socketPath:requestTimeout:_:)`: the gRPC
/// connection loop runs in a child task of that call and ends when its body returns or throws, so
/// no connection outlives it. The methods below throw `CRIClientError`, which names the call and
/// the socket; every other CRI call goes through `runtimeService` or `imageService`, whose errors
/// are the raw `GRPCCore.RPCError`.
public struct CRIClient: Sendable {
    public typealias Transport = HTTP2ClientTransport.Posix

    /// The version the kubelet sends in `VersionRequest` (its `kubeRuntimeAPIVersion`).
    public static let kubeletAPIVersion = "0.1.0"
    /// The kubelet's default `--runtime-request-timeout`; every call but PullImage is held to it.
    public static let defaultRequestTimeout: Duration = .seconds(120)
    /// The largest request or response message, as the kubelet's CRI client allows (gRPC's default
    /// of 4 MiB is too small for ListContainers on a busy node).
    public static let maxMessageBytes = 16 * 1024 * 1024

    /// The runtime's socket, as given to `connect`.
    public let socketPath: String
    /// The generated stub for every RuntimeService call.
    public let runtimeService: Runtime_V1_RuntimeService.Client<Transport>
    /// The generated stub for every ImageService call.
    public let imageService: Runtime_V1_ImageService.Client<Transport>

    init(wrapping client: GRPCClient<Transport>, socketPath: String) {
        self.socketPath = socketPath
        runtimeService = .init(wrapping: client)
        imageService = .init(wrapping: client)
    }

    /// Connects to the runtime listening on the unix socket at `socketPath`, runs `body` with a
    /// client, and closes the connection once `body` returns or throws.
    ///
    /// Connecting is lazy: a socket nobody listens on fails the first call (code `unavailable`)
    /// rather than this one. Calls do not wait for the socket to appear.
    public static func connect<Result: Sendable>(
        socketPath: String,
        requestTimeout: Duration = defaultRequestTimeout,
        _ body: (CRIClient) async throws -> Result
    ) async throws -> Result {
        let config = HTTP2ClientTransport.Posix.Config.grpcGoServer
        let transport = try HTTP2ClientTransport.Posix(
            target: .unixDomainSocket(path: socketPath),
            transportSecurity: .plaintext,
            config: config,
            serviceConfig: serviceConfig(requestTimeout: requestTimeout)
        )
        return try await withGRPCClient(transport: transport) { client in
            try await body(CRIClient(wrapping: client, socketPath: socketPath))
        }
    }

    /// Every call is held to `requestTimeout` and `maxMessageBytes`, but PullImage has no deadline,
    /// as in the kubelet: a pull takes as long as the registry and the image need.
    static func serviceConfig(requestTimeout: Duration) -> ServiceConfig {
        ServiceConfig(methodConfig: [
            MethodConfig(
                names: [MethodConfig.Name(service: "")],
                timeout: requestTimeout,
                maxRequestMessageBytes: maxMessageBytes,
                maxResponseMessageBytes: maxMessageBytes
            ),
            MethodConfig(
                names: [
                    MethodConfig.Name(
                        service: Runtime_V1_ImageService.descriptor.fullyQualifiedService,
                        method: Runtime_V1_ImageService.Method.PullImage.descriptor.method
                    )
                ],
                maxRequestMessageBytes: maxMessageBytes,
                maxResponseMessageBytes: maxMessageBytes
            ),
        ])
    }

    // MARK: RuntimeService

    /// The runtime's name and versions; containerd answers `runtimeName` "containerd" and
    /// `runtimeApiVersion` "v1".
    public func version() async throws -> Runtime_V1_VersionResponse {
        try await call("RuntimeService/Version") {
            try await runtimeService.version(.with { $0.version = Self.kubeletAPIVersion })
        }
    }

    /// The runtime's conditions (`RuntimeReady`, `NetworkReady`); with `verbose`, `info` also holds
    /// the runtime's configuration as JSON.
    public func status(verbose: Bool = false) async throws -> Runtime_V1_StatusResponse {
        try await call("RuntimeService/Status") {
            try await runtimeService.status(.with { $0.verbose = verbose })
        }
    }

    /// The pod sandboxes that match `filter` (every one when nil), ready or not.
    public func listPodSandbox(_ filter: Runtime_V1_PodSandboxFilter? = nil) async throws -> [Runtime_V1_PodSandbox] {
        try await call("RuntimeService/ListPodSandbox") {
            try await runtimeService.listPodSandbox(.with { request in
                if let filter { request.filter = filter }
            }).items
        }
    }

    /// The sandbox `id` names, with its containers' statuses; throws code `notFound` for an unknown
    /// ID. With `verbose`, `info` also holds the runtime's own view of it as JSON.
    public func podSandboxStatus(_ id: String, verbose: Bool = false) async throws -> Runtime_V1_PodSandboxStatusResponse {
        try await call("RuntimeService/PodSandboxStatus") {
            try await runtimeService.podSandboxStatus(.with {
                $0.podSandboxID = id
                $0.verbose = verbose
            })
        }
    }

    /// The containers that match `filter` (every one when nil), in any state.
    public func listContainers(_ filter: Runtime_V1_ContainerFilter? = nil) async throws -> [Runtime_V1_Container] {
        try await call("RuntimeService/ListContainers") {
            try await runtimeService.listContainers(.with { request in
                if let filter { request.filter = filter }
            }).containers
        }
    }

    // MARK: ImageService

    /// The images that match `filter` (every one when nil).
    public func listImages(_ filter: Runtime_V1_ImageFilter? = nil) async throws -> [Runtime_V1_Image] {
        try await call("ImageService/ListImages") {
            try await imageService.listImages(.with { request in
                if let filter { request.filter = filter }
            }).images
        }
    }

    /// The image that `reference` (a name with tag or digest, or an image ID) names, or nil when
    /// the runtime has none: the CRI answers an absent image with an empty response, not an error.
    public func imageStatus(_ reference: String) async throws -> Runtime_V1_Image? {
        let response = try await call("ImageService/ImageStatus") {
            try await imageService.imageStatus(.with { $0.image.image = reference })
        }
        return response.hasImage ? response.image : nil
    }

    /// Pulls the image `reference` names, with registry credentials `auth` when given, for the pod
    /// whose sandbox `sandboxConfig` describes (the runtime may pick a platform or a runtime
    /// handler by it). Returns the runtime's reference to the stored image (containerd: its ID).
    public func pullImage(
        _ reference: String,
        auth: Runtime_V1_AuthConfig? = nil,
        sandboxConfig: Runtime_V1_PodSandboxConfig? = nil
    ) async throws -> String {
        try await call("ImageService/PullImage") {
            try await imageService.pullImage(.with { request in
                request.image.image = reference
                if let auth { request.auth = auth }
                if let sandboxConfig { request.sandboxConfig = sandboxConfig }
            }).imageRef
        }
    }

    /// Runs one call, turning its gRPC failure into a `CRIClientError` that names `name` and the
    /// socket. Other errors (cancellation) pass through unchanged.
    private func call<Response: Sendable>(
        _ name: String,
        _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as RPCError {
            throw CRIClientError(call: name, socketPath: socketPath, code: error.code, message: error.message)
        }
    }
}
