import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Should I add face pulls to my routine?", "any thoughts on adding pull-aparts?": whether the
/// move is worth adding, from what it works hardest (a move for the upper back, or one that mostly
/// works something else), with what it is and the dose to start at, where it got a whole workout
/// or the move's safety points.
struct AddMoveResponder: Responder {
    let context: ResponderContext

    /// Whether a turn asks if one move it names is worth adding: a word of adding (`asks-add`)
    /// with the move at most one word after it ("add face pulls", "adding in some pull-aparts";
    /// not "add weight to face pulls"), asked yes or no or as an opinion, with no pain, no kit,
    /// no minutes and no workout given to change.
    static func applies(to turn: Turn, state: ConversationState, knowledge: KnowledgeBase) -> Bool {
        let understanding = turn.understanding
        guard state.lastPlan == nil, let exercise = understanding.exercise, turn.asksQuestion,
            turn.asksYesNo || turn.says(.asksOpinion, knowledge.language),
            !understanding.painMentioned, !understanding.redFlag, understanding.log == nil,
            turn.missing.isEmpty, turn.have.isEmpty, understanding.minutes == nil, understanding.sessionsAWeek == nil,
            ![.greeting, .help, .substitution].contains(turn.intent)
        else { return false }
        let tokens = understanding.words
        let adds = knowledge.language.understanding.wordsAsRead(.asksAdd)
        let starts = understanding.matches.filter { $0.entity == .exercise(exercise) }.map(\.range.lowerBound)
        return Interpreter.phraseRanges(adds, in: tokens).contains { said in
            starts.contains { (said.upperBound...(said.upperBound + 1)).contains($0) }
        }
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .whatItWorks
        // (A question about a move, not a workout given: what follows does not change a plan.)
        turn.intent = .form
        guard let exercise = turn.exercise.flatMap(knowledge.exercise) else { return }
        let main = exercise.primaryMuscles
        let values = ["name": exercise.name, "main": listed(main.map(knowledge.muscleName))]
        let forTheBack = !Set(main).isDisjoint(with: knowledge.balance.muscles)
        draft.add(.paragraph(say(forTheBack ? .addMoveYes : .addMoveOther, values)))
        exercise.muscles.filter { $0.role == .primary }.forEach { draft.cite($0.source) }
        draft.say(exercise.summary)
        dosageBlock(&draft, exercise, heading: false)
        draft.add(.note(say(.addMoveMore, ["name": exercise.name])))
        draft.exercises = [suggestion(exercise, way: exercise.ways.first)]
    }
}
