/// A named routine, given exactly as its article sets it out.
public struct Routine: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var title: String
    public var minutes: Int
    public var equipment: [EquipmentID]
    public var rounds: Int
    /// Rest after each round.
    public var restSeconds: Int
    public var perWeek: Int?
    public var how: SourcedText
    public var asks: [String]
    public var source: SourceRef
    public var items: [Item]

    public struct Item: Hashable, Sendable, Codable {
        public var exercise: ExerciseID
        public var reps: Int?
        public var seconds: Int?
        public var note: String?

        public init(exercise: ExerciseID, reps: Int? = nil, seconds: Int? = nil, note: String? = nil) {
            self.exercise = exercise
            self.reps = reps
            self.seconds = seconds
            self.note = note
        }
    }

    public init(
        id: String, title: String, minutes: Int, equipment: [EquipmentID], rounds: Int, restSeconds: Int,
        perWeek: Int? = nil, how: SourcedText, asks: [String], source: SourceRef, items: [Item]
    ) {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.equipment = equipment
        self.rounds = rounds
        self.restSeconds = restSeconds
        self.perWeek = perWeek
        self.how = how
        self.asks = asks
        self.source = source
        self.items = items
    }
}

/// What a workout says when it was asked for a number of sessions a week (`weekly` in
/// routines.yaml): the first advice whose `most` covers the number asked for.
public struct WeeklyAdvice: Hashable, Sendable, Codable {
    /// The most sessions a week this advice is for.
    public var most: Int
    /// Only for a short session without kit whose load keeps going up (band work): daily is
    /// fine for that, not for a full session.
    public var light: Bool
    public var advice: SourcedText

    public init(most: Int, light: Bool, advice: SourcedText) {
        self.most = most
        self.light = light
        self.advice = advice
    }
}
