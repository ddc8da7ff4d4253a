import CoachModel
import CoachRecommending
import CoachUnderstanding

/// One answer of coach: what it says (as blocks) and what it means (intent, entities, the
/// exercises it suggests, a routine, sources, safety), from which text and JSON are rendered.
public struct Reply: Sendable {
    /// The line the person typed, made safe to print.
    public var input: String
    public var intent: Intent
    /// What the reply answers (how-to, set-up, a substitute...); nil when it answers nothing
    /// yet, such as a question back or a slash command.
    public var ask: Ask?
    /// The intent classifier's own probability for `intent` (0 when it did not rank it), even
    /// when a rule or the conversation decided: a rule's decision is not a probability.
    public var confidence: Double
    /// What decided the intent.
    public var decidedBy: DecidedBy = .command
    /// The rule that decided, by its id (`Understanding.Rule`), when `decidedBy` is `.rule`.
    public var rule: String?
    public var entities: Entities
    public var blocks: [Block]
    /// The exercises the reply describes or suggests, best first.
    public var exercises: [Suggestion] = []
    public var routine: WorkoutPlan?
    /// Every day's session of a week asked for ("a 3 day split"), in order, the first being
    /// `routine`; empty for a single session.
    public var week: [WorkoutPlan] = []
    /// Articles cited, in order of first use; facts marked as the team's are never cited.
    public var sources: [Source] = []
    public var safety: SafetyNote?
    /// How the reply was chosen, for `/why`.
    public var understanding: Understanding?
    /// Lines on how the reply was chosen beyond understanding (context used, rules applied).
    public var reasons: [Reason] = []
    /// For a post that asks several things: each question answered, in order, with what it was
    /// read as. Empty for a single question.
    public var parts: [Part] = []
    /// Sets this reply logged ("I did 3 sets of 12 face pulls"), for the front end to store.
    public var logged: LoggedSession?
    /// A session already in the log, changed by this reply ("it felt hard"), to store again.
    public var amended: LoggedSession?

    /// One question of a post, and how it was read.
    public struct Part: Hashable, Sendable {
        public var question: String
        public var intent: Intent
        public var ask: Ask?
    }

    public struct Entities: Hashable, Sendable {
        public var exercise: ExerciseID?
        public var muscle: MuscleID?
        public var equipmentHave: [EquipmentID] = []
        public var equipmentMissing: [EquipmentID] = []
        public var minutes: Int?
        public var level: Level?
    }

    /// An exercise, with the equipment the suggested way of doing it needs.
    public struct Suggestion: Hashable, Sendable {
        public var id: ExerciseID
        public var name: String
        public var equipment: [EquipmentID]
        /// One line on why it is suggested (for alternatives).
        public var why: String?
        /// The id of the way suggested, when one is (`ExerciseWay.id`).
        public var way: String?
        /// How well it stands in for the exercise a swap replaces; nil outside swaps.
        public var fit: Fit?
    }

    /// How a suggested swap relates to the exercise it replaces, judged from the knowledge.
    public enum Fit: String, Hashable, Sendable {
        /// The exercise itself, done another way (with the kit at hand).
        case sameExercise = "same-exercise"
        /// Another exercise that works a main muscle of the one replaced.
        case sameJob = "same-job"
        /// The nearest there is when nothing works its main muscles: said so in the reply, never
        /// listed as a replacement.
        case nearest
    }

    /// What decided a reply's intent.
    public enum DecidedBy: String, Hashable, Sendable {
        /// The intent classifier's likeliest intent.
        case classifier
        /// A rule over the words (pain words mean safety; see `Understanding.Rule`).
        case rule
        /// The conversation: a follow-up read in the light of what came before.
        case conversation
        /// A command or a fixed reply (help, `coach workout`), not a question understood.
        case command
    }

    public struct SafetyNote: Hashable, Sendable {
        public var redFlag: Bool
        public var advice: String
    }
}
