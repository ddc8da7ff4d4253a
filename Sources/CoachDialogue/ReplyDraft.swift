import CoachModel
import CoachRecommending
import CoachUnderstanding

/// A reply being written: blocks in order, and the sources cited along the way (each once,
/// the team's facts never).
struct ReplyDraft {
    var blocks: [Block] = []
    var sourceIDs: [SourceID] = []
    var exercises: [Reply.Suggestion] = []
    /// The exercise a swap replaces: each suggestion's `fit` is judged against it.
    var replacing: Exercise?
    var routine: WorkoutPlan?
    /// Every day's session of a week asked for ("a 3 day split"), the first being `routine`.
    var week: [WorkoutPlan] = []
    var safety: Reply.SafetyNote?
    /// What the reply answers; nil for a question back (which exercise?) or a list of choices.
    var ask: Ask?
    /// What the responder decided from the conversation, for `/why` (after the turn's own).
    var reasons: [Reason] = []
    /// Exercises offered in a question back, for the answer to choose from.
    var offered: [ExerciseID] = []
    /// Added after a sentence that no article states (`source: team`), so that the reply says
    /// which advice is the team's own and not the articles'.
    var teamMark = ""
    /// Sets to store in the training log.
    var logged: LoggedSession?
    /// The questions of a post answered one by one, each with what it asks (`Reply.parts`).
    var parts: [Reply.Part] = []
    /// A logged session changed, to store again.
    var amended: LoggedSession?

    mutating func add(_ block: Block) { blocks.append(block) }

    mutating func cite(_ source: SourceRef) {
        guard !source.isTeam, !sourceIDs.contains(source.id) else { return }
        sourceIDs.append(source.id)
    }

    /// Adds the sentence and cites where it comes from.
    mutating func say(_ text: SourcedText, as make: (String) -> Block = Block.paragraph) {
        add(make(marked(text)))
        cite(text.source)
    }

    /// The sentence, with the team's mark when no article states it.
    func marked(_ text: SourcedText) -> String { text.source.isTeam ? text.text + teamMark : text.text }

    /// A topic's answer under `heading` (its title unless another is given), each part cited.
    mutating func say(_ topic: Topic, heading: String? = nil) {
        add(.heading(heading ?? topic.title))
        for part in topic.answer { say(part) }
    }

    /// A bulleted list of sourced sentences, each cited.
    mutating func list(_ texts: [SourcedText]) {
        guard !texts.isEmpty else { return }
        add(.bullets(texts.map(marked)))
        texts.forEach { cite($0.source) }
    }
}
