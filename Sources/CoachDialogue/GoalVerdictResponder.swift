import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Are face pulls good for posture?", "is the deadlift good for a thicker back?": yes, partly or
/// not much, from the muscles the goal leans on (`goals` in vocabulary.yaml) and the ones the move
/// works hardest; where it is not the move for it, the ones that are. Where these got the move's
/// whole card or its cues.
struct GoalVerdictResponder: Responder {
    let context: ResponderContext

    /// The asks a yes-or-no question of a move and a goal is read as when it asks whether the
    /// move serves the goal; others ("how often should I do face pulls for posture?") keep theirs.
    private static let serving: Set<Ask> = [.whatItWorks, .bestFor, .whatIs, .howTo, .results]

    /// Whether a turn asks yes or no whether one move it names serves a goal it names, with no
    /// muscle named (a muscle gets `worksVerdict`), no pain, no kit, no minutes.
    static func applies(to turn: Turn, knowledge: KnowledgeBase) -> Bool {
        let understanding = turn.understanding
        guard turn.asksYesNo, understanding.exercise != nil, let goal = understanding.goal,
            !knowledge.focusMuscles(goal).isEmpty, understanding.muscle == nil,
            !understanding.painMentioned, !understanding.redFlag, understanding.log == nil,
            turn.missing.isEmpty, turn.have.isEmpty, understanding.minutes == nil,
            understanding.sessionsAWeek == nil, turn.daysAsked.isEmpty, !turn.says(.asksDaily, knowledge.language),
            ![.workout, .substitution, .safety, .greeting, .help].contains(turn.intent),
            understanding.ask.map(serving.contains) ?? true || understanding.ask == .compare && namesOne(understanding)
        else { return false }
        return true
    }

    /// Whether one move alone is named ("good for" read as a comparison, with nothing to compare).
    private static func namesOne(_ understanding: Understanding) -> Bool {
        Set(
            understanding.matches.compactMap { match -> ExerciseID? in
                if case let .exercise(id) = match.entity { id } else { nil }
            }
        ).count == 1 && !understanding.matches.contains { $0.entity.isFamily }
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .whatItWorks
        guard let exercise = turn.exercise.flatMap(knowledge.exercise), let goal = turn.understanding.goal else {
            return
        }
        let targets = knowledge.focusMuscles(goal)
        let main = exercise.primaryMuscles.filter(targets.contains)
        let helps = exercise.secondaryMuscles.filter(targets.contains)
        let values = [
            "name": exercise.name, "goal": goal, "main": listed(exercise.primaryMuscles.map(knowledge.muscleName)),
            "shared": listed((main.isEmpty ? helps : main).map(knowledge.muscleName)),
            "targets": listed(targets.map(knowledge.muscleName)),
        ]
        let key: ReplyKey = !main.isEmpty ? .goalVerdictYes : !helps.isEmpty ? .goalVerdictPartly : .goalVerdictNo
        draft.add(.paragraph(say(key, values)))
        exercise.muscles.filter { targets.contains($0.muscle) || $0.role == .primary }.forEach { draft.cite($0.source) }
        draft.say(exercise.summary)
        draft.exercises = [suggestion(exercise, way: exercise.ways.first)]
        guard main.isEmpty else { return }
        // Not the move for it: the ones that work what the goal leans on hardest.
        let kit = Availability(
            have: state.equipment, missing: state.missing, cannotLie: state.cannotLie, spare: Set(state.painReported))
        let better = BestForResponder(context: context).rank(targets, kit).filter { $0.exercise.id != exercise.id }
            .prefix(Self.better)
        guard !better.isEmpty else { return }
        draft.add(.heading(say(.goalVerdictBetter, ["goal": goal])))
        offerForFocus(Array(better), into: &draft)
        draft.exercises.insert(suggestion(exercise, way: exercise.ways.first), at: 0)
    }

    /// How many moves are named when the one asked about is not the move for the goal.
    static let better = 3
}
