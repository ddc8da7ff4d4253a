import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Can I do rows and pull-ups on the same day?": yes or no first, whether two moves go in one
/// session (moves of different kinds complement each other; two of one kind overlap), then what
/// order to do them in, and a move of any kind the session still lacks. Where this got the card
/// of the last move named.
struct SameSessionResponder: Responder {
    let context: ResponderContext

    /// Whether a turn asks, yes or no, whether moves it names go in one session (`same-session`:
    /// "same day", "together", "one workout"), with two moves or more named, no pain, no log, no
    /// missing kit and no swap asked.
    static func applies(to turn: Turn, knowledge: KnowledgeBase) -> Bool {
        let understanding = turn.understanding
        guard turn.asksYesNo, !understanding.painMentioned, !understanding.redFlag, understanding.log == nil,
            turn.missing.isEmpty, ![.substitution, .greeting, .help, .safety, .workout].contains(turn.intent),
            turn.says(.sameSession, knowledge.language)
        else { return false }
        return EnoughResponder.namedMoves(turn, knowledge: knowledge).count >= 2
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .workoutChange
        let moves = EnoughResponder.namedMoves(turn, knowledge: knowledge).compactMap { knowledge.exercise($0.id) }
        guard moves.count >= 2 else { return }
        let names = listed(moves.map(\.name))
        let kinds = moves.map(\.pattern).reduce(into: [MovementPattern]()) { if !$0.contains($1) { $0.append($1) } }
        if kinds.count == 1, let kind = kinds.first {
            draft.add(.paragraph(say(.sameSessionOverlap, ["names": names, "kind": say(.pattern(kind))])))
        } else {
            draft.add(
                .paragraph(say(.sameSessionYes, ["names": names, "kinds": listed(kinds.map { say(.pattern($0)) })])))
        }
        draft.add(.paragraph(say(.sameSessionOrder)))
        let availability = Availability(
            have: turn.have.isEmpty ? state.equipment : Set(turn.have), missing: state.missing,
            cannotLie: state.cannotLie, spare: Set(state.painReported))
        let check = BalanceCheck(
            done: moves, balance: knowledge.balance, exercises: knowledge.exercises, availability: availability)
        addMoves(check.additions, under: .sameSessionRoundOut, into: &draft)
        draft.add(.note(say(.safetyGeneral)))
    }
}
