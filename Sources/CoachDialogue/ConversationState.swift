import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// What coach remembers within one conversation, so follow-ups ("what muscles does it work?",
/// "make it 20 minutes") need not repeat themselves.
public struct ConversationState: Sendable {
    public var lastExercise: ExerciseID?
    public var lastIntent: Intent?
    /// What the person has said they have (or their saved profile); nil when unknown.
    public var equipment: Set<EquipmentID>?
    /// What the person has said they lack, in this conversation.
    public var missing: Set<EquipmentID> = []
    /// The kit missing for a turn: what it says is missing, and what was said missing before
    /// unless this turn says it is had ("no cable machine" earlier, then "i have a cable machine
    /// and a lat pulldown": the cable counts now).
    func missing(for turn: Turn) -> Set<EquipmentID> {
        Set(turn.missing).union(missing.subtracting(turn.have))
    }
    /// A red flag was reported: no workout is pushed until the conversation is reset.
    public var redFlagReported = false
    /// Where the person said it hurts (pain area ids): workouts and swaps leave out what loads
    /// it until they say it is better. Kept in the saved profile.
    public var painReported: [String] = []
    /// How the person cannot lie down to train ("I can't lie face down", or pregnant): no way
    /// done so is offered in this conversation.
    public var cannotLie: Set<Lying> = []
    public var lastWorkout: WorkoutRequest?
    public var lastPlan: WorkoutPlan?
    /// How many days the last week of sessions held ("a 3 day split"), for a change of it ("make
    /// it 2 days"); nil after a single session.
    public var lastWeekDays: Int?
    public var lastReply: Reply?
    /// The exercises of the last reply that listed several ("good moves for the upper back: ..."),
    /// for a later "how do I do the first one?" or "what about the last one?".
    public var lastListed: [ExerciseID] = []
    /// The exercises offered in a question back ("the Bent-Over Row or the Seated Cable Row?"),
    /// and what was being asked about them, so the answer can be a word, a position or "either".
    public var pendingChoice: [ExerciseID] = []
    public var pendingIntent: Intent?
    /// What that question asked ("how do I do rows?" asks how-to), kept for the answer to it.
    public var pendingAsk: Ask?
    /// The words of the question that named a point of form ("tempo for rows?"), when the reply
    /// answered that point for a family and offered its members: "the seated one" then answers the
    /// same point for the seated row.
    public var pendingPoint: [String] = []
    /// Whether the front end can guide a workout ("start"): false for a pipe or a one-shot
    /// `coach ask`, where a hint to type "start" could not be followed.
    public var canGuide = true
    /// The saved profile, which `/reset` returns to.
    public var profileEquipment: Set<EquipmentID>?
    /// The level the person said is theirs ("I'm advanced"), saved in the profile: a workout
    /// that does not name a level uses it.
    public var profileLevel: Level?
    /// The training log as far as this conversation knows it (the front end loads it; what is
    /// logged in the chat is added here as well as handed to the front end to store).
    public var log = TrainingLog()
    /// Something was logged in this conversation (sets said, or a guided workout), so "it felt
    /// hard" or "I used the medium band" adds to the last session.
    public var loggedHere = false
    /// The time as a test fixes it; nil is the real clock.
    public var fixedNow: Date?
    /// Now, by the test's clock or the real one.
    public var now: Date { fixedNow ?? Date() }

    public init(profileEquipment: Set<EquipmentID>? = nil, painReported: [String] = [], profileLevel: Level? = nil) {
        self.profileEquipment = profileEquipment
        equipment = profileEquipment
        self.painReported = painReported
        self.profileLevel = profileLevel
    }

    /// Forgets the conversation; the saved profile (equipment, pain not yet better) stays.
    public mutating func reset() {
        let kept = self
        self = ConversationState(
            profileEquipment: profileEquipment, painReported: painReported, profileLevel: profileLevel)
        canGuide = kept.canGuide
        log = kept.log
        fixedNow = kept.fixedNow
        loggedHere = kept.loggedHere
    }
}
