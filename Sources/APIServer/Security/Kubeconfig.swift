import Foundation

/// A kubeconfig with one cluster, one client-certificate user and one context that joins them,
/// as kubectl and client libraries read it.
///
/// Contracts:
/// - `rendered()` is YAML that kubectl (client-go) and the Python client's
///   `config.load_kube_config` accept: `apiVersion: v1`, `kind: Config`, and the PEM
///   credentials embedded as base64 `*-data` fields, so the file stands alone.
/// - Names and the server URL are double-quoted with escapes, so any text survives.
struct Kubeconfig: Hashable, Sendable {
    var clusterName: String
    var serverURL: String
    var certificateAuthorityPEM: String
    var userName: String
    var clientCertificatePEM: String
    var clientKeyPEM: String
    /// Also the current context.
    var contextName: String

    func rendered() -> String {
        let cluster = Self.quoted(clusterName)
        let user = Self.quoted(userName)
        let context = Self.quoted(contextName)
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: \(cluster)
              cluster:
                server: \(Self.quoted(serverURL))
                certificate-authority-data: \(Self.base64(certificateAuthorityPEM))
            users:
            - name: \(user)
              user:
                client-certificate-data: \(Self.base64(clientCertificatePEM))
                client-key-data: \(Self.base64(clientKeyPEM))
            contexts:
            - name: \(context)
              context:
                cluster: \(cluster)
                user: \(user)
            current-context: \(context)
            preferences: {}

            """
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    /// A YAML double-quoted scalar; escapes are the JSON subset YAML shares.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
