import Resources
import Testing
@testable import YAML

/// Typed values travel through JSONValue, so any Codable works without YAML knowing the kind.
@Suite struct TypedCodingTests {
    struct Probe: Codable, Equatable {
        var path: String
        var port: Int
    }

    struct App: Codable, Equatable {
        var name: String
        var replicas: Int32
        var enabled: Bool
        var version: String
        var probe: Probe?
        var tags: [String]
    }

    @Test func decodesATypedValue() throws {
        let app = try YAMLDecoder().decode(App.self, from: """
            name: web
            replicas: 3
            enabled: yes
            version: "1.10"
            probe: {path: /healthz, port: 8080}
            tags: [a, b]
            """)
        #expect(app == App(name: "web", replicas: 3, enabled: true, version: "1.10", probe: Probe(path: "/healthz", port: 8080), tags: ["a", "b"]))
    }

    @Test func encodeThenDecodeGivesTheSameValue() throws {
        let apps = [
            App(name: "a", replicas: 1, enabled: false, version: "1.0", probe: nil, tags: []),
            App(name: "b", replicas: 2, enabled: true, version: "true", probe: Probe(path: "/", port: 80), tags: ["x"]),
        ]
        let yaml = try YAMLEncoder().encodeAll(apps)
        #expect(try YAMLDecoder().decodeAll(App.self, from: yaml) == apps)
        #expect(try YAMLDecoder().decode(App.self, from: YAMLEncoder().encode(apps[1])) == apps[1])
    }

    @Test func typeMismatchIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try YAMLDecoder().decode(App.self, from: "name: web\nreplicas: many\nenabled: true\nversion: x\ntags: []\n")
        }
    }
}
