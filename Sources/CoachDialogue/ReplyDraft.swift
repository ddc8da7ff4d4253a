import CoachModel
import CoachRecommending
import CoachUnderstanding

/// A reply being written: blocks in order, and the sources cited along the way (each once,
/// the team's facts never).
struct ReplyDraft {
    var blocks: [Block] = []
    var sourceIDs: [SourceID] = []
    var exercises: [Reply.Suggestion] = []
    var routine: WorkoutPlan?
    var safety: Reply.SafetyNote?
    /// What the reply answers; nil for a question back (which exercise?) or a list of choices.
    var ask: Ask?
    /// What the responder decided from the conversation, for `/why` (after the turn's own).
    var reasons: [Reason] = []
    /// Exercises offered in a question back, for the answer to choose from.
    var offered: [ExerciseID] = []

    mutating func add(_ block: Block) { blocks.append(block) }

    mutating func cite(_ source: SourceRef) {
        guard !source.isTeam, !sourceIDs.contains(source.id) else { return }
        sourceIDs.append(source.id)
    }

    /// Adds the sentence and cites where it comes from.
    mutating func say(_ text: SourcedText, as make: (String) -> Block = Block.paragraph) {
        add(make(text.text))
        cite(text.source)
    }

    /// A bulleted list of sourced sentences, each cited.
    mutating func list(_ texts: [SourcedText]) {
        guard !texts.isEmpty else { return }
        add(.bullets(texts.map(\.text)))
        texts.forEach { cite($0.source) }
    }
}
