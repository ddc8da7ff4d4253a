import CoachDialogue
import CoachModel
import CoachUnderstanding

/// A coach saved whole, at build time, and read back at every start: the checked knowledge base
/// and the understanding trained from it. Reading it takes a few milliseconds, where loading the
/// YAML and training take most of a cold start (see `SnapshotFormat`).
extension Coach {
    /// What a snapshot holds; the rest of a coach is rebuilt from the knowledge in microseconds.
    private struct Snapshot: Codable {
        var knowledge: KnowledgeBase
        var interpreter: Interpreter
    }

    /// The coach saved in `snapshot` by `snapshot()`.
    public init(snapshot: [UInt8]) throws(SnapshotError) {
        let saved = try SnapshotDecoder.decode(Snapshot.self, from: snapshot)
        self.init(knowledge: saved.knowledge, interpreter: saved.interpreter)
    }

    /// This coach as bytes, for `init(snapshot:)`.
    public func snapshot() throws(SnapshotError) -> [UInt8] {
        try SnapshotEncoder.encode(Snapshot(knowledge: knowledge, interpreter: interpreter))
    }

    /// Two coaches are the same when they know the same and understand alike.
    public func isSame(as other: Coach) -> Bool {
        knowledge == other.knowledge && interpreter == other.interpreter
    }
}
