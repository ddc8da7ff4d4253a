/// An exercise, with everything coach can say about it.
public struct Exercise: Hashable, Sendable, Identifiable, Codable {
    public var id: ExerciseID
    public var name: String
    /// Other names people use for it ("rear delt fly", "DB row").
    public var aliases: [String]
    public var pattern: MovementPattern
    public var level: Level
    public var summary: SourcedText
    public var muscles: [MuscleRole]
    /// The ways to do it, each with all the equipment it needs; the first is the usual one.
    public var ways: [ExerciseWay]
    public var steps: Steps
    public var cues: [SourcedText]
    public var mistakes: [SourcedText]
    public var safety: [SourcedText]
    public var dosage: Dosage
    /// Gentler and harder exercises (ids).
    public var easier: [ExerciseID]
    public var harder: [ExerciseID]
    /// The pain areas it puts load on (`pain_areas` ids in safety.yaml): after someone reports
    /// pain there, workouts and swaps leave it out.
    public var loads: Set<String> = []
    /// What it brings when it stands in for another exercise, in a few words of our own ("one arm
    /// at a time, from an archer stance"), so that a list of swaps says how each differs rather
    /// than repeating what they share. Nil when the knowledge gives none.
    public var swapNote: SourcedText?

    /// Whether it leaves every one of `areas` alone, done its usual way (some other way may,
    /// where the whole exercise does not: `ExerciseWay.loads`).
    public func spares(_ areas: Set<String>) -> Bool { loads.isDisjoint(with: areas) }

    /// Whether some way of it leaves every one of `areas` alone.
    public func sparesSomeWay(_ areas: Set<String>) -> Bool {
        ways.contains { $0.loads.isDisjoint(with: areas) }
    }

    public var primaryMuscles: [MuscleID] { muscles.filter { $0.role == .primary }.map(\.muscle) }
    public var secondaryMuscles: [MuscleID] { muscles.filter { $0.role == .secondary }.map(\.muscle) }

    /// Every sentence about it that says it answers `ask` (`answers:` in its file), the most
    /// pointed first: cues, ways, mistakes, safety, then the summary.
    public func facts(answering ask: Ask) -> [SourcedText] {
        (cues + ways.compactMap(\.fact) + mistakes + safety + [summary]).filter { $0.answers.contains(ask) }
    }

    /// The facts answering an ask for someone at a stage with this exercise: none written for
    /// the other stage, and past the first rep, not the ways easier than the exercise's own level
    /// either (the pull-up's slow lowerings and band assistance). Every fact when the stage is
    /// not known.
    public func facts(answering ask: Ask, at stage: RepStage?) -> [SourcedText] {
        guard let stage else { return facts(answering: ask) }
        let easierWays =
            stage == .pastFirstRep
            ? ways.filter { way in way.level.map { $0 < level } ?? false }.compactMap(\.fact) : []
        return facts(answering: ask).filter { fact in
            fact.stage.map { $0 == stage } ?? true && !easierWays.contains(fact)
        }
    }

    /// The cues for doing it, without those that only say how heavy to go or how to progress
    /// (they answer those asks when asked, and would bury the how-to).
    /// (A cue written for one point people ask about, `answers: [form-point]` alone, such as where
    /// to feel it or the elbow path, is left out of the how-to card: it answers that question.)
    public var howToCues: [SourcedText] {
        cues.filter { cue in
            cue.answers.isEmpty || !cue.answers.allSatisfy { $0 == .load || $0 == .progression || $0 == .formPoint }
        }
    }

    public init(
        id: ExerciseID, name: String, aliases: [String], pattern: MovementPattern, level: Level, summary: SourcedText,
        muscles: [MuscleRole], ways: [ExerciseWay], steps: Steps, cues: [SourcedText], mistakes: [SourcedText],
        safety: [SourcedText], dosage: Dosage, easier: [ExerciseID], harder: [ExerciseID]
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.pattern = pattern
        self.level = level
        self.summary = summary
        self.muscles = muscles
        self.ways = ways
        self.steps = steps
        self.cues = cues
        self.mistakes = mistakes
        self.safety = safety
        self.dosage = dosage
        self.easier = easier
        self.harder = harder
    }
}

/// Lying down to do a way of an exercise: some people cannot (from mid-pregnancy, with reflux,
/// after some surgery), and then no way done so is offered.
public enum Lying: String, CaseIterable, Hashable, Sendable, Codable {
    case faceDown = "face-down"
    case onBack = "on-back"
    /// On the floor without lying down: on hands and knees, in a plank, or sitting.
    case onFloor = "on-floor"
    /// Standing bent over at the hips (a bent-over row, a reverse fly): no floor needed, but left
    /// out for someone who says nothing bent over (a new knee, a back that will not hinge).
    case bentOver = "bent-over"

    /// The positions that need a floor: left out somewhere with none ("at my desk").
    public static let onTheFloor: Set<Lying> = [.faceDown, .onBack, .onFloor]
}

/// How an exercise moves the body; substitutions keep the pattern.
public enum MovementPattern: String, CaseIterable, Hashable, Sendable, Codable {
    case horizontalPull = "horizontal-pull"
    case verticalPull = "vertical-pull"
    case rearDeltScapular = "rear-delt-scapular"
    case spinalExtension = "spinal-extension"
    case hinge
    case shoulderRaise = "shoulder-raise"
    case mobility
}

/// Training experience, for exercises and for people.
public enum Level: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case beginner, intermediate, advanced

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    /// 0 for beginners, 1 intermediate, 2 advanced.
    public var rank: Int {
        switch self {
        case .beginner: 0
        case .intermediate: 1
        case .advanced: 2
        }
    }
}

/// A muscle an exercise trains, and how much.
public struct MuscleRole: Hashable, Sendable, Codable {
    public enum Role: String, Hashable, Sendable, Codable { case primary, secondary }
    public var muscle: MuscleID
    public var role: Role
    public var source: SourceRef

    public init(muscle: MuscleID, role: Role, source: SourceRef) {
        self.muscle = muscle
        self.role = role
        self.source = source
    }
}

/// One way to do an exercise and the equipment it needs.
public struct ExerciseWay: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Every piece of equipment this way needs; `["none"]` for bodyweight.
    public var equipment: [EquipmentID]
    public var text: String?
    public var source: SourceRef
    /// What the way's text answers beyond how to do it this way (see `SourcedText.answers`).
    public var answers: [Ask] = []
    /// A way to learn the movement that barely loads its muscles (the standing dumbbell
    /// "pulldown"): never offered as a replacement, never put in a workout.
    public var isDrill = false
    /// Done one side at a time ("one arm at a time, braced on a bench") when the exercise's usual
    /// way is not, or the other way round; nil when it is done as the exercise's dose says.
    public var perSide: Bool?
    /// The level this way suits when it is not the exercise's (slow lowering makes the pull-up a
    /// beginner's move); nil for the exercise's own.
    public var level: Level?
    /// Done lying face down or on the back (`lying` in the exercise file); nil when not lying.
    public var lying: Lying?
    /// What this way gives that the exercise's other ways do not ("the most weight, added in small
    /// steps"): said when someone weighs two ways of the same exercise ("barbell row vs dumbbell
    /// row, which is better?").
    public var offers: SourcedText?
    /// What people call the exercise done this way, when it differs from the exercise's name
    /// with the way after it ("Single-Arm Dumbbell Row", not "Single-Arm Kettlebell Row, with a
    /// dumbbell"): the name plans and lists use for it.
    public var called: String?

    /// The way's text as a sourced sentence, if it has one.
    public var fact: SourcedText? { text.map { SourcedText(text: $0, source: source, answers: answers) } }

    /// The equipment a person must have for it: `equipment` less what is always at hand (no
    /// equipment, a mat: `at_hand` in equipment.yaml). Set by `KnowledgeBase`.
    public var needs: Set<EquipmentID> = []
    /// The pain areas this way loads when they differ from the exercise's (`loads` in the way):
    /// chest down on an incline bench, a row leaves the lower back out. Nil for the exercise's.
    public var ownLoads: Set<String>?
    /// The pain areas this way loads: its own, else the exercise's. Set by `KnowledgeBase`, so
    /// that what a person can do with a pain spared is a question about ways, as kit is.
    public var loads: Set<String> = []

    public init(id: String, name: String, equipment: [EquipmentID], text: String? = nil, source: SourceRef) {
        self.id = id
        self.name = name
        self.equipment = equipment
        self.text = text
        self.source = source
    }
}

/// The numbered steps of an exercise, as one article describes them.
public struct Steps: Hashable, Sendable, Codable {
    /// The id of the way the steps describe.
    public var way: String?
    public var source: SourceRef
    public var items: [String]

    public init(way: String? = nil, source: SourceRef, items: [String]) {
        self.way = way
        self.source = source
        self.items = items
    }
}

/// A beginner's dose of an exercise.
public struct Dosage: Hashable, Sendable, Codable {
    public var sets: Int
    public var reps: ClosedRange<Int>?
    public var seconds: Int?
    /// True when each arm or side is done on its own.
    public var perSide: Bool
    public var source: SourceRef

    public init(sets: Int, reps: ClosedRange<Int>? = nil, seconds: Int? = nil, perSide: Bool, source: SourceRef) {
        self.sets = sets
        self.reps = reps
        self.seconds = seconds
        self.perSide = perSide
        self.source = source
    }
}
