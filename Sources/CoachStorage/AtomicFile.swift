import Foundation

/// Files coach keeps for a person (history, profile): private to them, and never half written.
public enum AtomicFile {
    /// Writes `data` to `url` whole: into a temporary file of mode 0600 beside it, then renamed
    /// over it, so a crash leaves the old file or the new one, never half of one.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appending(
            path: ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path]) }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// The folder `url` is in, made (mode 0700) when it is missing.
    @discardableResult
    public static func makeFolder(for url: URL) throws -> URL {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }
}
