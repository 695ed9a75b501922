import Foundation
import Testing

@Suite struct SmokeTests {
    @Test func kubectlBasics() async throws {
        let server = try await InProcessServer.start()
        defer { Task { await server.stop() } }
        let k = Kubectl(connection: ["--server", server.baseURL])
        for args in [["version"], ["get", "ns"], ["api-resources"],
                     ["apply", "--validate=false", "-f", "-"], ["apply", "--validate=false", "-f", "-"], ["get", "deploy", "web", "-o", "yaml"],
                     ["get", "deploy", "-o", "wide"], ["scale", "deploy/web", "--replicas", "3"],
                     ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"],
                     ["label", "deploy", "web", "tier=front"], ["get", "deploy", "-l", "tier=front"],
                     ["delete", "deploy", "web"], ["get", "deploy"]] {
            let manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports: [{containerPort: 80}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: conf}
            data: {a: "1"}
            """
            let r = try k.run(args, stdin: args.contains("-") ? manifest : nil)
            print("$ kubectl \(args.joined(separator: " ")) -> \(r.status)\n\(r.stdout)\(r.stderr)")
        }
    }
}
