import Foundation

/// Where a logged session came from.
public enum LogSource: String, Codable, Sendable, Hashable, CaseIterable {
    /// A workout coach guided, set by set.
    case guided
    /// Sets entered on the command line (`coach log add`).
    case manual
    /// Sets said in the chat ("I did 3 sets of 12 face pulls with the medium band").
    case chat
}

/// One set done or skipped.
public struct LoggedSet: Hashable, Sendable, Codable {
    public var exercise: ExerciseID
    /// The way it was done, as the knowledge names it ("with a resistance band"), when known.
    public var way: String?
    /// The kit used.
    public var equipment: [EquipmentID]
    public var reps: Int?
    public var seconds: Int?
    /// A load as the person said it: a band level ("medium") or a weight ("10 kg").
    public var load: String?
    /// False when the set was skipped.
    public var done: Bool

    public init(
        exercise: ExerciseID, way: String? = nil, equipment: [EquipmentID] = [], reps: Int? = nil,
        seconds: Int? = nil, load: String? = nil, done: Bool = true
    ) {
        self.exercise = exercise
        self.way = way
        self.equipment = equipment
        self.reps = reps
        self.seconds = seconds
        self.load = load
        self.done = done
    }
}

/// A training session in the log: when, what plan, every set.
public struct LoggedSession: Hashable, Sendable, Codable, Identifiable {
    /// The log's number for it, once stored (`coach log delete --session N`).
    public var id: Int64?
    public var started: Date
    public var ended: Date?
    public var source: LogSource
    /// The plan's title, for a guided workout.
    public var plan: String?
    /// How hard it felt, when the person said ("easy", "hard").
    public var effort: String?
    public var sets: [LoggedSet]

    public init(
        id: Int64? = nil, started: Date, ended: Date? = nil, source: LogSource, plan: String? = nil,
        effort: String? = nil, sets: [LoggedSet]
    ) {
        self.id = id
        self.started = started
        self.ended = ended
        self.source = source
        self.plan = plan
        self.effort = effort
        self.sets = sets
    }

    /// The sets actually done (not skipped).
    public var doneSets: [LoggedSet] { sets.filter(\.done) }

    /// The exercises in it, in the order first met.
    public var exercises: [ExerciseID] {
        var seen: Set<ExerciseID> = []
        return sets.map(\.exercise).filter { seen.insert($0).inserted }
    }
}

/// What the log holds, as a value the dialogue reads (the front end loads it from the store and
/// adds what is logged during the chat). Sessions are kept oldest first.
public struct TrainingLog: Hashable, Sendable {
    public var sessions: [LoggedSession]
    /// False when nothing can be logged (the file is unreadable, foreign, or the folder read-only):
    /// replies then say so instead of "logged".
    public var isWritable: Bool

    public init(sessions: [LoggedSession] = [], isWritable: Bool = true) {
        self.sessions = sessions.sorted { $0.started < $1.started }
        self.isWritable = isWritable
    }

    public mutating func add(_ session: LoggedSession) {
        let position = sessions.firstIndex { $0.started > session.started } ?? sessions.endIndex
        sessions.insert(session, at: position)
    }

    /// Sessions that started at or after `start`.
    public func sessions(since start: Date) -> [LoggedSession] { sessions.filter { $0.started >= start } }

    /// Sessions with at least one done set of `exercise`, oldest first.
    public func sessions(with exercise: ExerciseID) -> [LoggedSession] {
        sessions.filter { session in session.sets.contains { $0.exercise == exercise && $0.done } }
    }
}

/// The words of `language/log.yaml`: how people log sets and ask about their log.
public struct LogLanguage: Hashable, Sendable, Codable {
    public var entry: [String] = []
    public var amend: [String] = []
    /// The most words a question about the log, or an amendment, has (longer lines are posts).
    public var longestQuestion = 16
    public var longestAmend = 10
    public var review: [String] = []
    public var reviewWithPeriod: [String] = []
    public var progress: [String] = []
    public var frequency: [String] = []
    public var next: [String] = []
    public var periods: [LogPeriod: [String]] = [:]
    public var setsWords: [String] = []
    public var repsWords: [String] = []
    public var secondsWords: [String] = []
    public var minutesWords: [String] = []
    /// Weight units by the unit coach writes ("kg", "lb").
    public var weightWords: [String: [String]] = [:]
    /// Effort by the word coach logs ("easy", "hard").
    public var effort: [String: [String]] = [:]
    /// Words for a band ("band", "loop"), and words before one that do not name its level or
    /// colour ("the", "resistance").
    public var bandWords: [String] = []
    public var notBandNames: [String] = []

    public init() {}
}

/// A stretch of time a log question names.
public enum LogPeriod: String, Codable, Sendable, Hashable, CaseIterable {
    case today, week, month

    /// The period's start, counted back from `now` (a week is the last 7 days).
    public func start(before now: Date, calendar: Calendar = .current) -> Date {
        switch self {
        case .today: calendar.startOfDay(for: now)
        case .week: now.addingTimeInterval(-7 * 86_400)
        case .month: now.addingTimeInterval(-30 * 86_400)
        }
    }
}
