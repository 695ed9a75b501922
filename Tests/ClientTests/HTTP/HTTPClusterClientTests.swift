import CapstanTestKit
import Client
import Foundation
import Resources
import Testing

@Suite struct KubeconfigTests {
    static let config = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: one
          cluster: {server: "https://127.0.0.1:6443/", certificate-authority-data: "Q0E="}
        - name: two
          cluster: {server: "http://127.0.0.1:8080", insecure-skip-tls-verify: true}
        users:
        - name: admin
          user: {client-certificate-data: "Q0VSVA==", client-key-data: "S0VZ"}
        - name: robot
          user: {token: secret}
        contexts:
        - {name: first, context: {cluster: one, user: admin}}
        - {name: second, context: {cluster: two, user: robot}}
        current-context: first
        """

    @Test func currentContextPicksClusterAndUserWithInlineCredentials() throws {
        let config = try Kubeconfig(yaml: Self.config)
        #expect(config.server == "https://127.0.0.1:6443")
        #expect(config.certificateAuthorityPEM == Array("CA".utf8))
        #expect(config.clientCertificatePEM == Array("CERT".utf8))
        #expect(config.clientKeyPEM == Array("KEY".utf8))
        #expect(config.token == nil)
    }

    @Test func namedContextOverridesTheCurrentOne() throws {
        let config = try Kubeconfig(yaml: Self.config, context: "second")
        #expect(config.server == "http://127.0.0.1:8080")
        #expect(config.token == "secret")
        #expect(config.insecureSkipTLSVerify)
    }

    @Test func unknownContextIsNamedInTheError() {
        #expect {
            try Kubeconfig(yaml: Self.config, context: "third")
        } throws: { error in
            "\(error)".contains("contexts has no entry named \"third\"")
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct HTTPClusterClientTests {
    static func client(for cluster: InProcessCluster) throws -> HTTPClusterClient {
        let yaml = """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "\(cluster.baseURL)"}}]
            contexts: [{name: c, context: {cluster: c}}]
            current-context: c
            """
        return try HTTPClusterClient(kubeconfig: Kubeconfig(yaml: yaml))
    }

    @Test func typedVerbsRoundTripOverHTTP() async throws {
        let cluster = try await InProcessCluster.start(controllers: false)
        defer { Task { await cluster.stop() } }
        let client = try Self.client(for: cluster)
        var map = ConfigMap()
        map.metadata.name = "settings"
        map.metadata.namespace = "default"
        map.data = ["mode": "one"]
        let created = try await client.create(map)
        #expect(created.metadata.uid?.isEmpty == false)
        let read = try await client.get(ConfigMap.self, name: "settings", namespace: "default")
        #expect(read.data["mode"] == "one")
        do {
            _ = try await client.get(ConfigMap.self, name: "missing", namespace: "default")
            Issue.record("a missing object must throw")
        } catch {
            #expect(error.isNotFound)
        }
        await client.shutdown()
    }

    @Test func watchStreamsEventsLineByLine() async throws {
        let cluster = try await InProcessCluster.start(controllers: false)
        defer { Task { await cluster.stop() } }
        let client = try Self.client(for: cluster)
        let start = try await client.list(ConfigMap.self, namespace: "default")
        let events = try await client.watch(ConfigMap.self, namespace: "default",
                                            options: ListOptions(resourceVersion: start.metadata.resourceVersion, timeoutSeconds: 20))
        for index in 0..<3 {
            var map = ConfigMap()
            map.metadata.name = "m\(index)"
            map.metadata.namespace = "default"
            _ = try await client.create(map)
        }
        var names: [String] = []
        for try await event in events {
            if event.type == .added, let object = event.object { names.append(object.name) }
            if names.count == 3 { break }
        }
        #expect(names == ["m0", "m1", "m2"])
        await client.shutdown()
    }
}
