import Foundation
import Resources
import YAML

/// The connection a kubeconfig describes for one context: server URL, the CA to trust, and
/// the user's client certificate and key or bearer token. Inline `-data` fields and file
/// paths (relative to the kubeconfig's folder) are both read, as kubectl reads them.
public struct Kubeconfig: Sendable, Hashable {
    public var server: String
    public var certificateAuthorityPEM: [UInt8]?
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    public var token: String?
    public var insecureSkipTLSVerify: Bool

    /// Why a kubeconfig cannot be used, naming the field.
    public struct Problem: Error, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// Parses `text`, using `context` or else `current-context` (or else the only context).
    public init(yaml text: String, context: String? = nil, directory: String = FileManager.default.currentDirectoryPath) throws {
        let config: JSONValue
        do {
            config = try YAMLDecoder().value(from: text)
        } catch {
            throw Problem(description: "kubeconfig is not valid YAML: \(error)")
        }
        func named(_ list: String, _ name: String?) throws -> (JSONValue, String) {
            let entries = config[list]?.arrayValue ?? []
            if let name {
                guard let entry = entries.first(where: { $0["name"]?.stringValue == name }) else {
                    throw Problem(description: "kubeconfig: \(list) has no entry named \"\(name)\"")
                }
                return (entry, name)
            }
            guard entries.count == 1, let only = entries.first else {
                throw Problem(description: "kubeconfig: \(list) must name one entry (found \(entries.count))")
            }
            return (only, only["name"]?.stringValue ?? "")
        }
        let contextName = context ?? config["current-context"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let (contextEntry, resolvedContext) = try named("contexts", contextName)
        let clusterName = contextEntry["context"]?["cluster"]?.stringValue
        let userName = contextEntry["context"]?["user"]?.stringValue
        let (clusterEntry, _) = try named("clusters", clusterName)
        guard let cluster = clusterEntry["cluster"], let server = cluster["server"]?.stringValue, !server.isEmpty else {
            throw Problem(description: "kubeconfig: context \"\(resolvedContext)\": cluster has no server")
        }
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        insecureSkipTLSVerify = cluster["insecure-skip-tls-verify"]?.boolValue ?? false
        func material(_ object: JSONValue?, _ field: String, in path: String) throws -> [UInt8]? {
            if let inline = object?["\(field)-data"]?.stringValue {
                guard let data = Data(base64Encoded: inline, options: .ignoreUnknownCharacters) else {
                    throw Problem(description: "kubeconfig: \(path).\(field)-data is not base64")
                }
                return Array(data)
            }
            if let file = object?[field]?.stringValue {
                let resolved = file.hasPrefix("/") ? file : directory + "/" + file
                guard let data = FileManager.default.contents(atPath: resolved) else {
                    throw Problem(description: "kubeconfig: \(path).\(field): cannot read \(resolved)")
                }
                return Array(data)
            }
            return nil
        }
        certificateAuthorityPEM = try material(cluster, "certificate-authority", in: "clusters[\(clusterName ?? "")].cluster")
        if userName != nil || config["users"]?.arrayValue?.count == 1 {
            let (userEntry, _) = try named("users", userName)
            let user = userEntry["user"]
            let path = "users[\(userName ?? "")].user"
            clientCertificatePEM = try material(user, "client-certificate", in: path)
            clientKeyPEM = try material(user, "client-key", in: path)
            token = user?["token"]?.stringValue
            if token == nil, let file = user?["tokenFile"]?.stringValue {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Problem(description: "kubeconfig: \(path).tokenFile: cannot read \(file)")
                }
                token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if (clientCertificatePEM == nil) != (clientKeyPEM == nil) {
                throw Problem(description: "kubeconfig: \(path) needs both client-certificate and client-key")
            }
        }
    }

    /// Reads and parses the kubeconfig at `path`.
    public init(contentsOfFile path: String, context: String? = nil) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "cannot read kubeconfig \(path)")
        }
        try self.init(yaml: String(decoding: data, as: UTF8.self), context: context,
                      directory: (path as NSString).deletingLastPathComponent)
    }
}
