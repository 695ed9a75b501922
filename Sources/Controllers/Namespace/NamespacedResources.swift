import Client
import Resources

/// A namespaced resource the server serves, found through discovery: what the namespace
/// controller deletes and counts in a terminating namespace.
struct NamespacedResource: Hashable, Sendable {
    /// `""` for the core group.
    var groupVersion: String
    var plural: String
    var verbs: Set<String>

    /// The collection path in `namespace`.
    func path(in namespace: String) -> String {
        let root = groupVersion.contains("/") ? "/apis/\(groupVersion)" : "/api/\(groupVersion)"
        return "\(root)/namespaces/\(namespace)/\(plural)"
    }

    /// Every namespaced resource (no subresources) of the preferred version of each group.
    static func discover(_ client: any ClusterClient) async throws(ClientError) -> [NamespacedResource] {
        var versions = ["v1"]
        let groups = try await get(client, "/apis")
        for group in groups["groups"]?.arrayValue ?? [] {
            if let preferred = group["preferredVersion"]?["groupVersion"]?.stringValue { versions.append(preferred) }
        }
        var resources: [NamespacedResource] = []
        for version in versions {
            let list = try await get(client, version.contains("/") ? "/apis/\(version)" : "/api/\(version)")
            for entry in list["resources"]?.arrayValue ?? [] {
                guard entry["namespaced"]?.boolValue == true, let name = entry["name"]?.stringValue, !name.contains("/") else { continue }
                let verbs = Set((entry["verbs"]?.arrayValue ?? []).compactMap(\.stringValue))
                resources.append(NamespacedResource(groupVersion: version, plural: name, verbs: verbs))
            }
        }
        return resources
    }

    static func get(_ client: any ClusterClient, _ path: String) async throws(ClientError) -> JSONValue {
        let bytes = try await client.perform(ClientRequest(method: .get, path: path))
        do { return try JSONValue.parse(bytes) } catch {
            throw ClientError.transport("discovery answer from \(path) is not JSON: \(error)")
        }
    }
}
