import CoachModel

/// A workout built for a request: what to do, in what order, for how long.
public struct WorkoutPlan: Hashable, Sendable {
    public var title: String
    public var minutes: Int
    public var rounds: Int
    public var items: [Item]
    /// The named routine this is, when it is one.
    public var routineID: String?
    /// The estimated length, in seconds, by the time model.
    public var estimatedSeconds: Int
    public var equipment: [EquipmentID]
    /// Stretches done once at the end, when asked for ("add a stretch at the end"); timed in
    /// `estimatedSeconds`, and never counted among the main exercises.
    public var coolDown: [Item] = []

    public struct Item: Hashable, Sendable {
        public var exercise: ExerciseID
        public var name: String
        public var equipment: [EquipmentID]
        public var sets: Int
        public var reps: Int?
        public var seconds: Int?
        public var restSeconds: Int
        public var perSide: Bool
        public var isWarmUp: Bool
        public var note: String?
        /// The pain areas the way chosen loads (`ExerciseWay.loads`).
        public var loads: Set<String> = []

        package init(
            exercise: ExerciseID, name: String, equipment: [EquipmentID], sets: Int, reps: Int? = nil,
            seconds: Int? = nil,
            restSeconds: Int, perSide: Bool, isWarmUp: Bool, note: String? = nil, loads: Set<String> = []
        ) {
            self.exercise = exercise
            self.name = name
            self.equipment = equipment
            self.sets = sets
            self.reps = reps
            self.seconds = seconds
            self.restSeconds = restSeconds
            self.perSide = perSide
            self.isWarmUp = isWarmUp
            self.note = note
            self.loads = loads
        }
    }

    package init(
        title: String, minutes: Int, rounds: Int, items: [Item], routineID: String? = nil, estimatedSeconds: Int,
        equipment: [EquipmentID]
    ) {
        self.title = title
        self.minutes = minutes
        self.rounds = rounds
        self.items = items
        self.routineID = routineID
        self.estimatedSeconds = estimatedSeconds
        self.equipment = equipment
    }
}

/// What a person asked a workout to fit.
public struct WorkoutRequest: Hashable, Sendable {
    public var minutes: Int
    public var availability: Availability
    public var level: Level
    /// A muscle id, or a goal id such as `posture` (see `goals` in vocabulary.yaml).
    public var focus: String?
    public var seed: UInt64
    /// How many main exercises, when the person asked for a number.
    public var exerciseCount: Int?
    /// Exercises the person asked to leave out ("without the superman").
    public var exclude: Set<ExerciseID> = []
    /// Kit the person just named ("I have a pull-up bar"): moves that use it come first.
    public var preferred: Set<EquipmentID> = []
    /// Exercises asked for by name ("a 20 minute workout with face pulls"): they lead the main
    /// block when the kit, the level and any pain allow them.
    public var include: [ExerciseID] = []
    /// The level the exercises asked for by name are done at, when above the workout's ("I can do
    /// 5 strict pull-ups": the pull-up itself, not its assisted way).
    public var includeLevel: Level?
    /// The best the person has said they do at the moves asked for by name ("I can do 12
    /// pull-ups"): their sets are a share of it (`TimeModel.repsPerSet(ofBest:)`).
    public var bestReps: Int?
    /// Whether the minutes are the level's usual length, none having been said: a later change of
    /// level brings that level's length ("too easy, I've been lifting a year" of a 10-minute
    /// beginner session gives the intermediate 20 minutes).
    public var minutesAssumed = false
    /// An easier session than the lowest level gives ("make it easier" of a beginner one): at
    /// most two sets of a move and no second round.
    public var gentler = false
    /// A denser session, asked for by how it should feel ("want my back to actually burn"): the
    /// shortest rest of the level, the minutes filled with more work rather than longer rests.
    public var denser = false
    /// Fewer reps in more sets, or more reps in fewer sets, when asked ("less reps more sets").
    public var repStyle = RepStyle.usual
    /// Whether it starts with warm-up moves ("skip the warm-up" turns them off; the minutes go to
    /// the main work).
    public var warmUp = true
    /// Whether it ends with a stretch (`WorkoutPlan.coolDown`), asked for as "add a cool-down".
    public var coolDown = false
    /// The sets of every main exercise, when asked for ("3 sets each"): kept whatever the minutes,
    /// which are filled with exercises and rest instead, in one round.
    public var setsEach: Int?

    public init(
        minutes: Int, availability: Availability, level: Level, focus: String?, seed: UInt64, exerciseCount: Int? = nil
    ) {
        self.exerciseCount = exerciseCount
        self.minutes = minutes
        self.availability = availability
        self.level = level
        self.focus = focus
        self.seed = seed
    }
}
