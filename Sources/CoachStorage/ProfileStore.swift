import Foundation

/// Saves the equipment a person has, so that it outlives the session. Written atomically (a
/// temporary file renamed over the old one, so a crash leaves the old file or the new, never
/// half of one), mode 0600. A file that cannot be read gives a warning and a fresh start.
public struct ProfileStore: Sendable {
    public let url: URL

    public init(directory: URL) { url = directory.appending(path: "profile.json") }

    struct Profile: Codable { var equipment: [String] }

    /// The saved equipment, or nil with a warning when the file is unreadable or corrupt.
    public func load() -> (equipment: Set<String>?, warning: String?) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (nil, nil) }
        do {
            let profile = try JSONDecoder().decode(Profile.self, from: Data(contentsOf: url))
            return (Set(profile.equipment), nil)
        } catch {
            return (
                nil,
                "coach: ignoring the profile at \(url.path): it could not be read (\(error.localizedDescription)); starting fresh"
            )
        }
    }

    public func save(equipment: Set<String>) throws {
        let data = try JSONEncoder().encode(Profile(equipment: equipment.sorted()))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileLock.withLock(url.deletingLastPathComponent().appending(path: ".profile.lock")) { try write(data) }
    }

    private func write(_ data: Data) throws {
        let temporary = url.deletingLastPathComponent().appending(
            path: ".profile.json.\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
