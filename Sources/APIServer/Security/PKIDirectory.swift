import Foundation

/// The directory holding the cluster's PKI files (`DATA_DIR/pki`): the only code that touches
/// them on disk.
///
/// Contracts:
/// - The directory is created (mode 0700) on first use.
/// - `writeAtomically` is atomic: the contents go to a temporary file in the same directory, created
///   with its final mode (so a secret is never readable by others, not even briefly), flushed
///   to disk, then renamed over the target; a crash leaves either the old file or the new one.
struct PKIDirectory: Sendable {
    /// The file names under the directory, in one place so the layout is documented here.
    enum File: String, CaseIterable, Sendable {
        case caCertificate = "ca.crt"
        case caKey = "ca.key"
        case servingCertificate = "apiserver.crt"
        case servingKey = "apiserver.key"
        case adminCertificate = "admin.crt"
        case adminKey = "admin.key"
        case tokens = "tokens.csv"
        case serviceAccountKey = "service-account.key"

        /// Whether the file holds a secret and is written mode 0600 (otherwise 0644).
        var isSecret: Bool {
            switch self {
            case .caKey, .servingKey, .adminKey, .tokens, .serviceAccountKey: return true
            case .caCertificate, .servingCertificate, .adminCertificate: return false
            }
        }
    }

    let path: String

    init(path: String) {
        self.path = path
    }

    /// The full path of `file`.
    func path(of file: File) -> String {
        (path as NSString).appendingPathComponent(file.rawValue)
    }

    /// The file's text, or nil if it does not exist.
    func read(_ file: File) throws(ClusterCredentialsError) -> String? {
        let filePath = path(of: file)
        guard FileManager.default.fileExists(atPath: filePath) else { return nil }
        guard let data = FileManager.default.contents(atPath: filePath) else {
            throw .unreadableFile(path: filePath, reason: "cannot open the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: filePath, reason: "not UTF-8 text")
        }
        return text
    }

    /// Replaces `file` with `contents` atomically, with the mode its `isSecret` asks for.
    func writeAtomically(_ file: File, contents: String) throws(ClusterCredentialsError) {
        let target = path(of: file)
        do {
            try createDirectoryIfNeeded()
        } catch {
            throw .unwritableFile(path: path, reason: "\(error)")
        }
        let temporary = target + ".tmp-\(UInt32.random(in: .min ... .max))"
        let mode: mode_t = file.isSecret ? 0o600 : 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .unwritableFile(path: temporary, reason: Self.lastError()) }
        var failure: String?
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                failure = Self.lastError()
                break
            }
            written += result
        }
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = Self.lastError() }
        if failure == nil, fsync(descriptor) != 0 { failure = Self.lastError() }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = Self.lastError() }
        if let failure {
            unlink(temporary)
            throw .unwritableFile(path: target, reason: failure)
        }
        syncDirectory()
    }

    private func createDirectoryIfNeeded() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Makes the renames durable; best effort, as not every file system supports it.
    private func syncDirectory() {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
