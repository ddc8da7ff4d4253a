import CoachModel

/// Something a person's words name, as understanding found it.
public enum Entity: Hashable, Sendable {
    case exercise(ExerciseID)
    /// A name shared by several exercises ("rows"): the exercise ids it may mean.
    case family([ExerciseID])
    case muscle(MuscleID)
    case equipment(EquipmentID)
    /// A generic equipment word ("machine"): the pieces it may mean, most likely first.
    case equipmentFamily([EquipmentID])
    case painArea(String)
    case level(Level)
    /// A training goal ("posture"): a workout focus.
    case goal(String)
    case redFlag
    /// A limit in range or strength ("can't lift my arm fully overhead"): a red flag unless a
    /// doctor or physiotherapist has cleared the person to train (`limits_unless_cleared`).
    case limit
    /// A sign that needs emergency care now ("numb between my legs", "chest pain and short of
    /// breath"): a red flag whose reply leads with getting urgent help.
    case emergency
    /// Words that make pain a red flag only with pain ("for three weeks", "getting worse").
    case lasting
    /// Words that make soreness more than ordinary soreness ("all the time", "for a couple of
    /// months"): fewer than `lasting`, since "two weeks ago" dates a new soreness, not its length.
    case lastingSoreness
    /// Words of a sharp or sudden onset ("a sharp pain", "felt something tear"): with pain, a red
    /// flag too.
    case sudden
    /// Something plainly outside the upper back ("bench press", "calves").
    case outOfScope
    case soreness
    /// Words that say an ache settles by itself soon ("gone by the next day", "a mild ache"):
    /// ordinary soreness, whatever word of pain names it.
    case settles
    /// Words that say a sign passed at once ("fine in a minute", "stopped straight away when I
    /// moved"): a dead arm slept on, pins and needles from leaning on an elbow. With them, a
    /// warning sign that is no emergency and has not lasted is not one.
    case passedAtOnce
    /// Words that say a sign is still there ("still tingly", "3 hrs later"): it did not pass at
    /// once, whatever else the line guesses ("prob just slept on it weird").
    case stillThere
    case pain
    /// Words that say a pain reported earlier is better ("feels better", "the pain is gone").
    case painBetter
    /// Words that say a doctor or physiotherapist has cleared the person to train ("my physio
    /// cleared me"): the pain is better, and a limit said with it is no warning sign.
    case cleared
    /// Words of going back to training ("start training again"): with a pain said to be better,
    /// a question about returning after an injury.
    case returning
    /// A treatment asked about (`treatments` ids in safety.yaml), and whether naming it means pain.
    case treatment(String, meansPain: Bool)
    /// Words that say there is no pain ("it doesn't hurt", "not painful").
    case painDenied
    /// Words that say a doctor or physiotherapist has seen it already ("my physio said").
    case seenProfessional
    /// A body condition noticed (`conditions` ids in safety.yaml): "my shoulder blade sticks out".
    case condition(String)
    /// A setting said that explains aches (a condition with `aches` in safety.yaml): "at my desk
    /// all day". Not a condition noticed in itself: with no ache, it changes nothing.
    case setting(String)

    /// Whether "no pain", "pain free" and the like cancel it: words of pain, soreness and red
    /// flags, not where it is.
    public var deniable: Bool {
        switch self {
        case .pain, .soreness, .redFlag, .limit, .emergency, .lasting, .lastingSoreness, .sudden: true
        default: false
        }
    }

    /// Whether it is a sign that may call for a professional: a red flag, a limit, an emergency or
    /// a sudden onset.
    public var isWarningSign: Bool {
        switch self {
        case .redFlag, .limit, .emergency, .sudden: true
        default: false
        }
    }

    /// Whether it names a place that may hurt.
    public var isPainArea: Bool { if case .painArea = self { true } else { false } }

    /// Whether it names a muscle.
    public var isMuscle: Bool { if case .muscle = self { true } else { false } }

    /// Whether it names a goal ("posture", "rounded shoulders").
    public var isGoal: Bool { if case .goal = self { true } else { false } }

    /// Whether it names a condition of the body ("scoliosis", "osteoporosis").
    public var isCondition: Bool { if case .condition = self { true } else { false } }

    /// Whether it is a word of soreness or of how soreness is felt ("on fire", "in a good way",
    /// "nothing hurts", the place it is felt): what a line says beside its question.
    public var isSorenessWord: Bool {
        switch self {
        case .soreness, .settles, .painDenied, .painArea: true
        default: false
        }
    }

    /// Whether it names one exercise, or a family of them ("rows").
    public var isExercise: Bool {
        if case .exercise = self { true } else { false }
    }
    public var isFamily: Bool {
        if case .family = self { true } else { false }
    }
    /// Whether it says a level ("beginner", "never lifted").
    public var isLevel: Bool {
        if case .level = self { true } else { false }
    }
    /// Whether it names a piece of kit.
    public var isEquipment: Bool {
        if case .equipment = self { true } else { false }
    }
    /// Whether it is a general word for kit ("machine", "bar").
    public var isEquipmentFamily: Bool {
        if case .equipmentFamily = self { true } else { false }
    }

    /// Whether it is a treatment asked about.
    var isTreatment: Bool {
        if case .treatment = self { true } else { false }
    }

    /// The slot word that stands for this entity when the intent is classified.
    var slot: String? {
        switch self {
        case .exercise, .family: "slotexercise"
        case .muscle: "slotmuscle"
        case .equipment, .equipmentFamily: "slotequipment"
        default: nil
        }
    }
}

/// An entity and the words it was found in.
public struct EntityMatch: Hashable, Sendable {
    public var entity: Entity
    /// The words as normalised ("face pull").
    public var text: String
    /// Token positions, for deciding what a mention belongs to.
    public var range: Range<Int>

    /// Whether it names `exercise`: by its own name, or by a family name ("rows") that stands for
    /// it as the family's first member.
    public func names(_ exercise: ExerciseID) -> Bool {
        switch entity {
        case let .exercise(id): id == exercise
        case let .family(members): members.first == exercise
        default: false
        }
    }
}

/// An entity is saved in a snapshot as a short list of words, its kind then its ids
/// (["exercise", "face-pull"]), which reads back far faster than an enum's synthesized nested
/// containers.
extension Entity: Codable {
    public init(from decoder: any Decoder) throws {
        let words = try decoder.singleValueContainer().decode([String].self)
        guard let entity = Entity(words: words) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "no entity \(words)"))
        }
        self = entity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(words)
    }

    package init?(words: [String]) {
        guard let kind = words.first else { return nil }
        let ids = Array(words.dropFirst())
        let entity: Entity? =
            switch (kind, ids.count) {
            case ("exercise", 1): .exercise(ExerciseID(ids[0]))
            case ("family", _): .family(ids.map { ExerciseID($0) })
            case ("muscle", 1): .muscle(MuscleID(ids[0]))
            case ("equipment", 1): .equipment(EquipmentID(ids[0]))
            case ("equipment-family", _): .equipmentFamily(ids.map { EquipmentID($0) })
            case ("pain-area", 1): .painArea(ids[0])
            case ("level", 1): Level(rawValue: ids[0]).map(Entity.level)
            case ("goal", 1): .goal(ids[0])
            case ("red-flag", 0): .redFlag
            case ("limit", 0): .limit
            case ("emergency", 0): .emergency
            case ("lasting", 0): .lasting
            case ("lasting-soreness", 0): .lastingSoreness
            case ("sudden", 0): .sudden
            case ("out-of-scope", 0): .outOfScope
            case ("soreness", 0): .soreness
            case ("settles", 0): .settles
            case ("passed-at-once", 0): .passedAtOnce
            case ("still-there", 0): .stillThere
            case ("pain", 0): .pain
            case ("pain-better", 0): .painBetter
            case ("cleared", 0): .cleared
            case ("returning", 0): .returning
            case ("pain-denied", 0): .painDenied
            case ("seen-professional", 0): .seenProfessional
            case ("condition", 1): .condition(ids[0])
            case ("setting", 1): .setting(ids[0])
            case ("treatment", 2): .treatment(ids[0], meansPain: ids[1] == "pain")
            default: nil
            }
        guard let entity else { return nil }
        self = entity
    }

    var words: [String] {
        switch self {
        case let .exercise(id): ["exercise", id.rawValue]
        case let .family(ids): ["family"] + ids.map(\.rawValue)
        case let .muscle(id): ["muscle", id.rawValue]
        case let .equipment(id): ["equipment", id.rawValue]
        case let .equipmentFamily(ids): ["equipment-family"] + ids.map(\.rawValue)
        case let .painArea(id): ["pain-area", id]
        case let .level(level): ["level", level.rawValue]
        case let .goal(id): ["goal", id]
        case .redFlag: ["red-flag"]
        case .limit: ["limit"]
        case .emergency: ["emergency"]
        case .lasting: ["lasting"]
        case .lastingSoreness: ["lasting-soreness"]
        case .sudden: ["sudden"]
        case .outOfScope: ["out-of-scope"]
        case .soreness: ["soreness"]
        case .settles: ["settles"]
        case .passedAtOnce: ["passed-at-once"]
        case .stillThere: ["still-there"]
        case .pain: ["pain"]
        case .painBetter: ["pain-better"]
        case .cleared: ["cleared"]
        case .returning: ["returning"]
        case .painDenied: ["pain-denied"]
        case .seenProfessional: ["seen-professional"]
        case let .condition(id): ["condition", id]
        case let .setting(id): ["setting", id]
        case let .treatment(id, meansPain): ["treatment", id, meansPain ? "pain" : "no-pain"]
        }
    }
}

extension Collection<EntityMatch> {
    /// Whether every word of pain, soreness or lasting among these matches is one of a
    /// setting's `aches` (stemmed), and none is a sign no setting explains (sudden, an
    /// emergency, a warning sign, a limit, a treatment that means pain): "a knot nagging me since
    /// I started wfh" at a desk.
    public func allExplained(by aches: Set<String>) -> Bool {
        allSatisfy { match in
            switch match.entity {
            case .pain, .soreness, .lasting:
                match.text.split(separator: " ").allSatisfy { aches.contains(String($0)) }
            // (An ache that settles by itself, "gone by the next morning", is what a setting's
            // ache does.)
            case .settles: true
            case .sudden, .emergency, .redFlag, .limit, .treatment(_, meansPain: true): false
            default: true
            }
        }
    }
}
