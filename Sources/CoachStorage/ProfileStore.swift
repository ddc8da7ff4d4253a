import Foundation

/// Saves what coach keeps about a person between sessions: the equipment they have, and where
/// they reported pain (until they say it is better). Written whole, mode 0600 (`AtomicFile`). A
/// file that cannot be read gives a warning and a fresh start.
public struct ProfileStore: Sendable {
    public let url: URL

    public init(directory: URL) { url = directory.appending(path: "profile.json") }

    /// What is saved. Both fields are optional, so a profile written before `pain` existed (or
    /// one that only records pain) reads back.
    struct Profile: Codable {
        var equipment: [String]?
        var pain: [String]?
        var level: String?
    }

    /// What an earlier session saved.
    public struct Saved: Equatable, Sendable {
        /// The equipment, or nil when none was saved.
        public var equipment: Set<String>?
        /// Pain areas reported and not yet said to be better, in the order reported.
        public var pain: [String] = []
        /// The level the person said is theirs.
        public var level: String?
        public var warning: String?
    }

    /// What was saved; nothing, with a warning, when the file is unreadable or corrupt.
    public func load() -> Saved {
        guard FileManager.default.fileExists(atPath: url.path) else { return Saved() }
        // A FIFO would block the read for ever: refuse what is not a plain file first.
        if let kind = FileProblem.kind(of: url) {
            return Saved(warning: "coach: ignoring the profile at \(url.path): \(kind); starting fresh")
        }
        do {
            let profile = try JSONDecoder().decode(Profile.self, from: Data(contentsOf: url))
            return Saved(equipment: profile.equipment.map(Set.init), pain: profile.pain ?? [], level: profile.level)
        } catch {
            return Saved(
                warning:
                    "coach: ignoring the profile at \(url.path): \(FileProblem.describe(error, at: url)); starting fresh"
            )
        }
    }

    public func save(equipment: Set<String>?, pain: [String] = [], level: String? = nil) throws {
        let data = try JSONEncoder().encode(
            Profile(equipment: equipment?.sorted(), pain: pain.isEmpty ? nil : pain, level: level))
        let folder = try AtomicFile.makeFolder(for: url)
        try FileLock.withLock(folder.appending(path: ".profile.lock")) { try AtomicFile.write(data, to: url) }
    }
}
