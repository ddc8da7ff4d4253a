/// What a question asks, beyond its coarse intent: "how do I do a face pull" (how-to) and "how
/// high should the pulley be for face pulls" (set-up) are both form questions, but want
/// different answers. The set is closed; `Knowledge/language/asks.yaml` describes each one, and
/// loading fails when that file and this list disagree.
public enum Ask: String, CaseIterable, Codable, Sendable, Hashable {
    case howTo = "how-to"
    case formPoint = "form-point"
    case setUp = "set-up"
    case dose
    case frequency
    case load
    case progression
    case levelFit = "level-fit"
    case compare
    case bestFor = "best-for"
    case whatItWorks = "what-it-works"
    case whatIs = "what-is"
    case muscleRole = "muscle-role"
    case isSafe = "is-safe"
    case painCause = "pain-cause"
    case painTreat = "pain-treat"
    case painTrainThrough = "pain-train-through"
    case painReturn = "pain-return"
    case soreness
    case substitute
    case workout
    case workoutChange = "workout-change"
    case results
    case nutrition
    case warmUp = "warm-up"
    case motivation
    case smallTalk = "small-talk"
    case help
    case outOfScope = "out-of-scope"
    /// Sets done, said to be logged ("I did 3 sets of 12 face pulls").
    case logEntry = "log-entry"
    /// What the log holds for a time ("what did I do this week?").
    case logReview = "log-review"
    /// Whether an exercise is going up ("am I getting stronger at rows?").
    case logProgress = "log-progress"
    /// How often they trained ("how often have I trained my upper back this month?").
    case logFrequency = "log-frequency"
    /// What to do next, from the log ("what should I do today?").
    case nextSession = "next-session"

    /// The questions about the training log, answered from it.
    public var isLogAsk: Bool { [.logEntry, .logReview, .logProgress, .logFrequency, .nextSession].contains(self) }

    /// The questions whose answer is advice on training: how to do a move, how much, how often,
    /// how heavy, what to do instead, whether to train on. Held back while a warning sign stands.
    public var isTrainingAdvice: Bool {
        [
            .howTo, .formPoint, .setUp, .dose, .frequency, .load, .progression, .levelFit, .compare, .bestFor,
            .isSafe, .painTrainThrough, .painReturn, .substitute, .workout, .workoutChange, .warmUp,
        ].contains(self)
    }

    /// The questions about a pain or injury someone has: what it is, what to do about it, whether
    /// to train on, how to come back.
    public var isPainAsk: Bool { [.painCause, .painTreat, .painTrainThrough, .painReturn].contains(self) }

    /// How much of an exercise to do: how heavy, how many, how often.
    public var isMeasureOfAnExercise: Bool { [.dose, .frequency, .load].contains(self) }

    /// A pain question, or whether soreness is normal: what a line about how the body feels asks.
    public var isAboutHowItFeels: Bool { isPainAsk || self == .soreness }
}

/// Why someone wants a substitute, which changes what a good one is.
public enum SubstituteReason: String, CaseIterable, Codable, Sendable, Hashable {
    case missingKit = "missing-kit"
    case disliked
    case cannotDoYet = "cannot-do-yet"
    case pain
    case atHome = "at-home"
    case travelling
    case swapFor = "swap-for"
}
