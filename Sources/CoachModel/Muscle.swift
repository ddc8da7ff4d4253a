/// A muscle: where it sits and what it does. Which exercises train it comes from the exercises.
public struct Muscle: Hashable, Sendable, Identifiable, Codable {
    public var id: MuscleID
    public var name: String
    public var aliases: [String]
    /// Vague ways people point at it ("between my shoulder blades").
    public var phrases: [String]
    public var region: String
    public var location: SourcedText
    public var function: SourcedText
    /// What its parts do and what trains each, for a muscle people talk of in parts ("upper traps"
    /// and "middle traps"); nil for one they do not.
    public var parts: SourcedText?

    public init(
        id: MuscleID, name: String, aliases: [String], phrases: [String], region: String, location: SourcedText,
        function: SourcedText
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.phrases = phrases
        self.region = region
        self.location = location
        self.function = function
    }
}

/// A piece of equipment and what can stand in for it.
public struct Equipment: Hashable, Sendable, Identifiable, Codable {
    public var id: EquipmentID
    public var name: String
    public var aliases: [String]
    public var standIns: [StandIn]
    /// Always at hand, so never asked for: no equipment at all, or a mat (a towel will do).
    public var atHand: Bool = false
    /// Stands for no equipment at all (a bodyweight way).
    public var isBodyweight: Bool = false
    /// Found in a gym, not at home or in a hotel room (a cable station, a rack).
    public var gymOnly: Bool = false
    /// Found in any home or hotel room (a towel): counted as had away from the gym when nothing
    /// else is said.
    public var household: Bool = false
    /// Found in many homes but not all (a sturdy table, a door): never assumed, but offered for
    /// the same exercise, "if you have one", to someone with body weight alone.
    public var inManyHomes: Bool = false
    /// Kit whose load can keep going up as the lifter gets stronger (free weights, cables, a
    /// machine, a bar to hang from): a workout for someone past the beginner stage, or at a gym,
    /// uses it first.
    public var progressive: Bool = false
    /// Everyday things that do its job, said as what someone has ("a couple of water jugs", "a
    /// backpack full of books" for a light dumbbell): said, they count as having it, and replies
    /// say what stands in for what.
    public var everyday: [String] = []
    /// How to make its moves harder without buying more of it ("stand further from the anchor"
    /// for a band): said with a plan past the beginner stage that uses it and no weights.
    public var harder: String?
    /// Moves may use two at once (a dumbbell in each hand): "I only have one" can change a plan.
    public var usedInPairs: Bool = false
    /// The exercise whose name people use for this machine in a list of what they have ("I have
    /// a cable machine and lat pulldown": the machine, not the exercise).
    public var namedBy: ExerciseID?

    /// Something that can replace the equipment itself (a towel for a band).
    public struct StandIn: Hashable, Sendable, Codable {
        public var equipment: EquipmentID
        public var text: String
        public var source: SourceRef
        /// The exercises it is a stand-in for ("a dumbbell in each hand for the barbell in the
        /// upright row"); empty when it serves any exercise that uses the equipment.
        public var exercises: [ExerciseID] = []

        /// Whether it helps with `exercise`.
        public func serves(_ exercise: ExerciseID) -> Bool { exercises.isEmpty || exercises.contains(exercise) }

        public init(equipment: EquipmentID, text: String, source: SourceRef) {
            self.equipment = equipment
            self.text = text
            self.source = source
        }
    }

    public init(
        id: EquipmentID, name: String, aliases: [String], standIns: [StandIn], atHand: Bool = false,
        isBodyweight: Bool = false
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.standIns = standIns
        self.atHand = atHand
        self.isBodyweight = isBodyweight
    }
}
