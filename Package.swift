// swift-tools-version:6.1
import CompilerPluginSupport
import PackageDescription

/// Settings every Capstan target shares: Swift 6 mode and explicit existentials.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Capstan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "capstan", targets: ["capstan"]),
        .executable(name: "capstan-bench", targets: ["CapstanBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax.git", "602.0.0"..<"604.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.0.0"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.0.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.28.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
    ],
    targets: [
        // System libraries (pkg-config names; scripts/setup installs the apt providers).
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Compile-time code generation for the API model's Codable conformances.
        .macro(
            name: "ResourcesMacros",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ],
            swiftSettings: strict
        ),
        .target(name: "Resources", dependencies: ["ResourcesMacros"], swiftSettings: strict),
        .target(name: "SchedulingFramework", dependencies: ["Resources"], swiftSettings: strict),
        .target(name: "YAML", dependencies: ["CYAML", "Resources"], swiftSettings: strict),
        .target(name: "Store", dependencies: ["CSQLite"], swiftSettings: strict),
        // The API client: typed and unstructured verbs over a `ClusterClient` (HTTP or
        // in-process), informers, the work queue, leader election and events.
        .target(
            name: "Client",
            dependencies: [
                "Resources", "YAML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The desired-state loops: one folder per controller, pure decisions beside each
        // reconciler, and the runner that feeds them from informers through work queues.
        .target(
            name: "Controllers",
            dependencies: [
                "Client", "Resources",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The scheduler service: the scheduling queue, the cache fed by informers, and the
        // binder, around the pure framework.
        .target(
            name: "Scheduler",
            dependencies: [
                "SchedulingFramework", "Client", "Resources",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The node agent: registration, heartbeats, and the pods bound to its node, run through
        // a pod runtime (hollow for simulation; CRI on containerd as it arrives).
        .target(
            name: "NodeAgent",
            dependencies: [
                "Client", "Resources",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The Kubernetes REST API over the cluster store.
        .target(
            name: "APIServer",
            dependencies: [
                "Store", "Resources", "YAML", "Client",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Test support: an in-process control plane, hollow nodes, a manual clock.
        .target(
            name: "CapstanTestKit",
            dependencies: [
                "APIServer", "Store", "Client", "Controllers", "Scheduler", "SchedulingFramework", "Resources",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Appliance",
            dependencies: [
                "Store", "APIServer", "Client", "Controllers", "Scheduler", "NodeAgent", "Resources",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "capstan",
            dependencies: [
                "Appliance",
                "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // etcd v3 gRPC client: protos under Protos/, generated Swift committed beside them
        // (scripts/generate-etcd-protos regenerates it).
        .target(
            name: "EtcdProtocol",
            dependencies: [
                "GRPCGoInterop",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Protos"],
            swiftSettings: strict
        ),
        // What a grpc-swift client needs to talk to grpc-go servers (etcd, containerd).
        .target(
            name: "GRPCGoInterop",
            dependencies: [
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Kubernetes CRI v1 gRPC client (RuntimeService, ImageService) over containerd's unix
        // socket: protos under Protos/, generated Swift committed beside them
        // (scripts/generate-cri-protos regenerates it).
        .target(
            name: "CRIProtocol",
            dependencies: [
                "GRPCGoInterop",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Protos"],
            swiftSettings: strict
        ),
        // Benchmarks: the embedded store against a real etcd (scripts/bench-store), and the API
        // server over HTTPS against Kubernetes' published targets (scripts/bench-api).
        .executableTarget(
            name: "CapstanBench",
            dependencies: [
                "Store",
                "EtcdProtocol",
                "APIServer", "Client", "Resources", "YAML", "Controllers", "Scheduler", "SchedulingFramework", "CapstanTestKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        .testTarget(name: "ResourcesTests", dependencies: ["Resources"], swiftSettings: strict),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Resources"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store"], swiftSettings: strict),
        .testTarget(
            name: "APIServerTests",
            dependencies: [
                "APIServer", "Store", "Resources", "YAML", "Client", "CapstanTestKit",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ClientTests", dependencies: ["Client", "Resources", "CapstanTestKit"], swiftSettings: strict),
        .testTarget(
            name: "ControllersTests", dependencies: ["Controllers", "Client", "Resources", "CapstanTestKit"], swiftSettings: strict),
        .testTarget(name: "SchedulingFrameworkTests", dependencies: ["SchedulingFramework", "Resources", "CapstanTestKit"], swiftSettings: strict),
        .testTarget(
            name: "SchedulerTests",
            dependencies: ["Scheduler", "SchedulingFramework", "Client", "Resources", "CapstanTestKit"], swiftSettings: strict),
        .testTarget(
            name: "NodeAgentTests", dependencies: ["NodeAgent", "Client", "Resources", "CapstanTestKit"], swiftSettings: strict),
        .testTarget(name: "EtcdProtocolTests", dependencies: ["EtcdProtocol"], swiftSettings: strict),
        .testTarget(
            name: "CRIProtocolTests",
            dependencies: [
                "CRIProtocol",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: strict
        ),
    ]
)
