import Foundation

/// Saves the equipment a person has, so that it outlives the session: written whole, mode 0600
/// (`AtomicFile`). A file that cannot be read gives a warning and a fresh start.
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
        let folder = try AtomicFile.makeFolder(for: url)
        try FileLock.withLock(folder.appending(path: ".profile.lock")) { try AtomicFile.write(data, to: url) }
    }
}
