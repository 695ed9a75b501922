import Resources

/// The discovery documents: `/api`, `/apis`, and one `APIResourceList` per group-version,
/// built once from the registry.
struct Discovery: Sendable {
    let registry: ResourceRegistry

    /// The Kubernetes version this server's API matches.
    static let version: JSONValue = [
        "major": "1", "minor": "32", "gitVersion": "v1.32.0+capstan",
        "gitCommit": "0000000000000000000000000000000000000000", "gitTreeState": "clean",
        "buildDate": "2026-11-22T00:00:00Z", "goVersion": "go1.23.4", "compiler": "gc",
        "platform": "linux/amd64",
    ]

    /// The discovery document at `path` (`/api`, `/apis`, `/api/V`, `/apis/G`, `/apis/G/V`),
    /// or nil when the path is not one.
    func document(at path: String, serverAddress: String) -> JSONValue? {
        let parts = path.split(separator: "/").map(String.init)
        switch parts.count {
        case 1 where parts[0] == "api": return api(serverAddress: serverAddress)
        case 1 where parts[0] == "apis": return apis
        case 2 where parts[0] == "api": return resourceList(group: "", version: parts[1])
        case 2 where parts[0] == "apis": return group(parts[1])
        case 3 where parts[0] == "apis": return resourceList(group: parts[1], version: parts[2])
        default: return nil
        }
    }

    func api(serverAddress: String) -> JSONValue {
        ["kind": "APIVersions", "versions": ["v1"],
         "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]]
    }

    var apis: JSONValue {
        var groups: [JSONValue] = []
        var seen: Set<String> = []
        for (group, version) in registry.groupVersions where !group.isEmpty && seen.insert(group).inserted {
            let versions = registry.groupVersions.filter { $0.group == group }.map { gv -> JSONValue in
                ["groupVersion": .string("\(gv.group)/\(gv.version)"), "version": .string(gv.version)]
            }
            groups.append(["name": .string(group), "versions": .array(versions),
                           "preferredVersion": ["groupVersion": .string("\(group)/\(version)"), "version": .string(version)]])
        }
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
    }

    /// `/apis/GROUP`: the group's versions.
    func group(_ name: String) -> JSONValue? {
        let versions = registry.groupVersions.filter { $0.group == name }
        guard let preferred = versions.first else { return nil }
        return ["kind": "APIGroup", "apiVersion": "v1", "name": .string(name),
                "versions": .array(versions.map { ["groupVersion": .string("\($0.group)/\($0.version)"), "version": .string($0.version)] }),
                "preferredVersion": ["groupVersion": .string("\(name)/\(preferred.version)"), "version": .string(preferred.version)]]
    }

    static let allVerbs: [JSONValue] = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// `/api/v1`, `/apis/GROUP/VERSION`: the resources and subresources served there.
    func resourceList(group: String, version: String) -> JSONValue? {
        let served = registry.resources.filter { $0.type.group == group && $0.type.version == version }
        guard !served.isEmpty else { return nil }
        var resources: [JSONValue] = []
        for r in served {
            var entry: JSONValue = [
                "name": .string(r.type.plural), "singularName": .string(r.singularName),
                "namespaced": .bool(r.type.namespaced), "kind": .string(r.kind),
                "verbs": .array(Self.allVerbs),
            ]
            if !r.shortNames.isEmpty { entry["shortNames"] = .array(r.shortNames.map(JSONValue.string)) }
            if !r.categories.isEmpty { entry["categories"] = .array(r.categories.map(JSONValue.string)) }
            resources.append(entry)
            for sub in r.subresources.sorted() {
                var s: JSONValue = ["name": .string("\(r.type.plural)/\(sub)"), "singularName": "",
                                    "namespaced": .bool(r.type.namespaced)]
                switch sub {
                case "status":
                    s["kind"] = .string(r.kind)
                    s["verbs"] = ["get", "patch", "update"]
                case "scale":
                    s["kind"] = "Scale"
                    s["group"] = "autoscaling"
                    s["version"] = "v1"
                    s["verbs"] = ["get", "patch", "update"]
                case "binding":
                    s["kind"] = "Binding"
                    s["verbs"] = ["create"]
                case "eviction":
                    s["kind"] = "Eviction"
                    s["group"] = "policy"
                    s["version"] = "v1"
                    s["verbs"] = ["create"]
                case "token":
                    s["kind"] = "TokenRequest"
                    s["group"] = "authentication.k8s.io"
                    s["version"] = "v1"
                    s["verbs"] = ["create"]
                case "log":
                    s["kind"] = "Pod"
                    s["verbs"] = ["get"]
                case "exec":
                    s["kind"] = "PodExecOptions"
                    s["verbs"] = ["create", "get"]
                default:
                    s["kind"] = .string(r.kind)
                    s["verbs"] = ["get"]
                }
                resources.append(s)
            }
        }
        return ["kind": "APIResourceList", "apiVersion": "v1",
                "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
                "resources": .array(resources)]
    }
}
