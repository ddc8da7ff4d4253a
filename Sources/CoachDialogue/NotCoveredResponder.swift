import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Something the articles do not cover ("should I train to failure?"): said plainly in one line,
/// then the nearest topic they do cover, never a confident card about something else.
struct NotCoveredResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        guard let uncovered = turn.understanding.notCovered.flatMap(knowledge.language.uncovered) else { return }
        draft.ask = turn.understanding.ask
        var lead = say(.notCoveredLead, ["what": uncovered.what])
        if uncovered.medical { lead += " " + say(.notCoveredMedical) }
        draft.add(.paragraph(lead))
        guard let nearest = uncovered.nearest.flatMap(knowledge.topic) else { return }
        draft.say(nearest, heading: say(.notCoveredNearest, ["title": nearest.title]))
    }
}
