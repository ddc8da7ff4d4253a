/// One line being answered: what was understood, plus what the conversation filled in.
struct Turn {
    var understanding: Understanding
    var intent: String
    var exercise: String?
    var entities: Reply.Entities
    /// How context or rules changed what was understood, for `/why`.
    var reasons: [String] = []

    init(understanding: Understanding) {
        self.understanding = understanding
        intent = understanding.intent
        exercise = understanding.exercise
        entities = Reply.Entities(
            exercise: understanding.exercise, muscle: understanding.muscle, equipmentHave: understanding.have,
            equipmentMissing: understanding.missing, minutes: understanding.minutes, level: understanding.level)
    }

    /// True when the classifier's words include `word` (compared as stems).
    func mentions(_ words: String...) -> Bool {
        words.contains { understanding.features.contains(TextNormalizer.stem($0)) }
    }
}

extension Coach {
    /// Fills in what the line leaves to the conversation, and settles doubtful intents.
    func resolve(_ turn: inout Turn, state: ConversationState) {
        let understanding = turn.understanding
        let hasEntity = understanding.exercise != nil || understanding.muscle != nil
            || !understanding.have.isEmpty || !understanding.missing.isEmpty || !understanding.exerciseCandidates.isEmpty
        if understanding.rule == nil {
            // A follow-up that only changes the workout ("make it 20 minutes").
            if state.lastIntent == "workout", understanding.minutes != nil || turn.mentions("another", "different"),
                understanding.exercise == nil, turn.intent != "safety"
            {
                if turn.intent != "workout" { turn.reasons.append("it changes the workout given just before") }
                turn.intent = "workout"
            } else if understanding.confidence < Interpreter.confidenceFloor, !hasEntity,
                understanding.ranking.count > 1,
                understanding.ranking[0].score - understanding.ranking[1].score < Interpreter.closeCall
            {
                turn.intent = "clarify"
                turn.reasons.append("the top two intents were too close to call")
            } else if turn.intent == "unknown", understanding.exercise != nil, understanding.knownWordShare > 0.5 {
                turn.intent = "form"
                turn.reasons.append("it names an exercise, so it is read as a form question")
            }
        }
        if turn.exercise == nil, understanding.exerciseCandidates.isEmpty,
            ["form", "anatomy", "substitution", "safety"].contains(turn.intent), let last = state.lastExercise,
            turn.intent != "anatomy" || understanding.muscle == nil
        {
            turn.exercise = last
            turn.entities.exercise = last
            turn.reasons.append("the exercise '\(last)' comes from earlier in the conversation")
        }
    }

    /// Updates the conversation with what this turn established.
    func remember(_ turn: Turn, state: inout ConversationState) {
        if let exercise = turn.exercise { state.lastExercise = exercise }
        let have = turn.understanding.have
        if !have.isEmpty, turn.intent != "safety" { state.equipment = Set(have) }
        if !turn.understanding.missing.isEmpty, var equipment = state.equipment {
            equipment.subtract(turn.understanding.missing)
            state.equipment = equipment
        }
        if turn.intent != "clarify" { state.lastIntent = turn.intent }
    }
}
