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
    ///
    /// NB: of the English word list (37,000 words), only the words spelling correction must leave
    /// alone are saved: they are all the understanding uses, and the whole list tripled the
    /// snapshot and the time to read it at every start. A coach trained again from the saved
    /// knowledge (cross-validation in `coach eval`) is protected the same way.
    public func snapshot() throws(SnapshotError) -> [UInt8] {
        var saved = knowledge
        saved.language.englishWords = interpreter.protectedWords.sorted().joined(separator: " ")
        return try SnapshotEncoder.encode(Snapshot(knowledge: saved, interpreter: interpreter))
    }

    /// Two coaches are the same when they know the same and understand alike (the English word
    /// list aside: a snapshot keeps only the part of it that is used).
    public func isSame(as other: Coach) -> Bool {
        var mine = knowledge
        var theirs = other.knowledge
        mine.language.englishWords = ""
        theirs.language.englishWords = ""
        return mine == theirs && interpreter == other.interpreter
    }
}
