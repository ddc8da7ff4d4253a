/// Everything coach knows, loaded and checked: the single input of understanding, dialogue and
/// recommending. A value: cheap to share, safe across threads.
public struct KnowledgeBase: Equatable, Sendable, Codable {
    public let sources: [Source]
    public let exercises: [Exercise]
    public let muscles: [Muscle]
    public let equipment: [Equipment]
    public let safety: SafetyKnowledge
    public let topics: [Topic]
    public let routines: [Routine]
    public let timeModel: TimeModel
    /// How to make a workout harder, said under one above beginner level.
    public let harderAdvice: SourcedText
    /// What a workout says about the sessions a week asked for, in order (`weekly`).
    public let weeklyAdvice: [WeeklyAdvice]
    public var language: Language
    public let replies: Replies
    /// Which muscles make up the upper back, as an overview.
    public let muscleOverview: SourcedText
    /// The ids the catalog promises, for `coach kb stats` and the tests.
    public let catalog: Catalog
    /// The muscles the overview names, in its order.
    public let overviewMembers: [MuscleID]
    /// What a balanced week for the upper back holds (`balance` in muscles.yaml).
    public let balance: BalancedBack
    /// The equipment id that stands for no equipment at all (`bodyweight: true`).
    public let bodyweightID: EquipmentID
    /// Equipment always at hand (`at_hand: true`): no equipment, a mat.
    public let atHand: Set<EquipmentID>
    /// The kit any home or hotel room has (a towel: `household` in equipment.yaml).
    public var householdKit: Set<EquipmentID> { Set(equipment.filter(\.household).map(\.id)) }
    /// Kit many homes have (`in_many_homes`: a door, a sturdy table), which holds a body's weight.
    public var inManyHomesKit: Set<EquipmentID> { Set(equipment.filter(\.inManyHomes).map(\.id)) }
    /// Everyday kit of a home: what any home has and what many homes have.
    public var homeKit: Set<EquipmentID> { householdKit.union(inManyHomesKit) }
    /// Kit whose load keeps going up (`progressive` in equipment.yaml): dumbbells, a barbell, a cable.
    public var progressiveKit: Set<EquipmentID> { Set(equipment.filter(\.progressive).map(\.id)) }
    /// Kit only a gym has (`gym_only` in equipment.yaml).
    public var gymOnlyKit: Set<EquipmentID> { Set(equipment.filter(\.gymOnly).map(\.id)) }
    /// How to coach from the training log (`progress.yaml`).
    public let progress: ProgressRules

    private var exerciseIndex: [ExerciseID: Int] = [:]
    private var muscleIndex: [MuscleID: Int] = [:]
    private var equipmentIndex: [EquipmentID: Int] = [:]
    private var sourceIndex: [SourceID: Int] = [:]
    /// Per muscle, the exercises that train it: as primary movers first, then as helpers.
    private var trainingIndex: [MuscleID: [Int]] = [:]
    /// Per exercise, the kit its name says (`kitInName(of:)`), worked out once: looked up for
    /// every exercise in a list, it made lists slow on a large knowledge base.
    private var namedKit: [Set<EquipmentID>] = []

    public init(
        sources: [Source], exercises: [Exercise], muscles: [Muscle], equipment: [Equipment],
        safety: SafetyKnowledge, topics: [Topic], routines: [Routine], timeModel: TimeModel, harderAdvice: SourcedText,
        language: Language, replies: Replies, muscleOverview: SourcedText, catalog: Catalog = Catalog(),
        overviewMembers: [MuscleID] = [], progress: ProgressRules = .none, weeklyAdvice: [WeeklyAdvice] = [],
        balance: BalancedBack = BalancedBack()
    ) {
        self.balance = balance
        self.weeklyAdvice = weeklyAdvice
        self.progress = progress
        self.overviewMembers = overviewMembers
        self.catalog = catalog
        self.sources = sources
        let atHand = Set(equipment.filter(\.atHand).map(\.id))
        self.atHand = atHand
        bodyweightID = equipment.first(where: \.isBodyweight)?.id ?? ""
        self.exercises = exercises.map { exercise in
            var exercise = exercise
            for index in exercise.ways.indices {
                exercise.ways[index].needs = Set(exercise.ways[index].equipment.filter { !atHand.contains($0) })
                exercise.ways[index].loads = exercise.ways[index].ownLoads ?? exercise.loads
            }
            return exercise
        }
        self.muscles = muscles
        self.equipment = equipment
        self.safety = safety
        self.topics = topics
        self.routines = routines
        self.timeModel = timeModel
        self.harderAdvice = harderAdvice
        self.language = language
        self.replies = replies
        self.muscleOverview = muscleOverview
        exerciseIndex = Self.index(self.exercises.map(\.id))
        muscleIndex = Self.index(muscles.map(\.id))
        equipmentIndex = Self.index(equipment.map(\.id))
        sourceIndex = Self.index(sources.map(\.id))
        // Equipment names as word sequences, then every run of up to four words of each
        // exercise's name looked up among them.
        var kitNames: [String: EquipmentID] = [:]
        for piece in equipment where !piece.atHand {
            for name in [piece.name] + piece.aliases {
                let key = Self.words(name).joined(separator: " ")
                if kitNames[key] == nil { kitNames[key] = piece.id }
            }
        }
        namedKit = self.exercises.map { exercise in
            let words = Self.words(exercise.name)
            var found: Set<EquipmentID> = []
            for start in words.indices {
                for end in start..<min(words.count, start + 4) {
                    if let id = kitNames[words[start...end].joined(separator: " ")] { found.insert(id) }
                }
            }
            return found
        }
        for secondary in [false, true] {
            for (position, exercise) in self.exercises.enumerated() {
                for muscle in Set(secondary ? exercise.secondaryMuscles : exercise.primaryMuscles) {
                    trainingIndex[muscle, default: []].append(position)
                }
            }
        }
    }

    private static func index<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func exercise(_ id: ExerciseID) -> Exercise? { exerciseIndex[id].map { exercises[$0] } }
    public func muscle(_ id: MuscleID) -> Muscle? { muscleIndex[id].map { muscles[$0] } }
    public func equipment(_ id: EquipmentID) -> Equipment? { equipmentIndex[id].map { equipment[$0] } }
    public func source(_ id: SourceID) -> Source? { sourceIndex[id].map { sources[$0] } }
    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }
    /// The first topic whose answer is for `ask` ("how heavy to go" for load).
    public func topic(answering ask: Ask) -> Topic? { topics.first { $0.answers == ask } }
    /// What an ask means, in words ("how heavy to go"), from `asks.yaml`.
    public func askMeaning(_ ask: Ask) -> String { language.asks[ask.rawValue] ?? ask.rawValue }

    /// Whether `exercise` is upper back work: one of its main muscles is a muscle of the upper
    /// back (`overview_members` in muscles.yaml). The front raise and the pullover are not.
    public func worksUpperBack(_ exercise: Exercise) -> Bool {
        exercise.primaryMuscles.contains(where: overviewMembers.contains)
    }

    /// The kit an exercise's name says ("Resistance Band High Row", "Single-Arm Kettlebell Row"): a
    /// way with that kit is not traded for another because other kit is preferred.
    public func kitInName(of exercise: Exercise) -> Set<EquipmentID> {
        exerciseIndex[exercise.id].map { namedKit[$0] } ?? []
    }

    /// The exercise a piece of kit's name starts with, done on that kit ("lat pulldown machine":
    /// the Lat Pulldown); nil for kit that names none.
    public func exerciseNamed(inKit kit: Equipment) -> Exercise? {
        let kitWords = TextNormalizer.tokens(kit.name).map(TextNormalizer.stem)
        return exercises.first { exercise in
            let words = TextNormalizer.tokens(exercise.name).map(TextNormalizer.stem)
            return words.count < kitWords.count && Array(kitWords.prefix(words.count)) == words
                && exercise.ways.first?.equipment.contains(kit.id) == true
        }
    }

    /// A name as lowercase words, hyphens read as spaces ("Single-Arm" -> "single", "arm").
    private static func words(_ name: String) -> [Substring] {
        name.lowercased().split { $0 == " " || $0 == "-" }
    }

    /// The exercises that train `muscle`, those that train it most first.
    public func exercises(training muscle: MuscleID) -> [Exercise] {
        (trainingIndex[muscle] ?? []).map { exercises[$0] }
    }

    /// The muscles a focus stands for: a muscle id itself, or the muscles of a goal (`posture`).
    public func focusMuscles(_ focus: String) -> [MuscleID] {
        if muscle(MuscleID(focus)) != nil { return [MuscleID(focus)] }
        return language.goals[focus] ?? []
    }

    /// The display name of an equipment id ("resistance band"), or the id itself.
    public func equipmentName(_ id: EquipmentID) -> String { equipment(id)?.name ?? id.rawValue }
    /// The display name of a muscle id ("rear delts (posterior deltoid)"), or the id itself.
    public func muscleName(_ id: MuscleID) -> String { muscle(id)?.name ?? id.rawValue }
}

/// Saved without its lookup tables, which are rebuilt on reading: they must match the lists.
extension KnowledgeBase {
    private enum CodingKeys: String, CodingKey {
        case sources, exercises, muscles, equipment, safety, topics, routines, timeModel, harderAdvice, language
        case replies
        case muscleOverview, catalog, overviewMembers, progress, weeklyAdvice, balance
    }

    public init(from decoder: any Decoder) throws {
        let saved = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sources: try saved.decode([Source].self, forKey: .sources),
            exercises: try saved.decode([Exercise].self, forKey: .exercises),
            muscles: try saved.decode([Muscle].self, forKey: .muscles),
            equipment: try saved.decode([Equipment].self, forKey: .equipment),
            safety: try saved.decode(SafetyKnowledge.self, forKey: .safety),
            topics: try saved.decode([Topic].self, forKey: .topics),
            routines: try saved.decode([Routine].self, forKey: .routines),
            timeModel: try saved.decode(TimeModel.self, forKey: .timeModel),
            harderAdvice: try saved.decode(SourcedText.self, forKey: .harderAdvice),
            language: try saved.decode(Language.self, forKey: .language),
            replies: try saved.decode(Replies.self, forKey: .replies),
            muscleOverview: try saved.decode(SourcedText.self, forKey: .muscleOverview),
            catalog: try saved.decode(Catalog.self, forKey: .catalog),
            overviewMembers: try saved.decode([MuscleID].self, forKey: .overviewMembers),
            progress: try saved.decode(ProgressRules.self, forKey: .progress),
            weeklyAdvice: try saved.decode([WeeklyAdvice].self, forKey: .weeklyAdvice),
            balance: try saved.decode(BalancedBack.self, forKey: .balance))
    }
}
