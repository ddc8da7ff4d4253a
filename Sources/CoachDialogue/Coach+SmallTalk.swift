import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Greetings, help, clarifying questions and what is out of scope.
extension Coach {
    func helpReply(_ draft: inout ReplyDraft) {
        draft.add(.paragraph(say(.help)))
        draft.add(.paragraph(say(.helpCommands)))
    }

    func unknownReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        let understanding = turn.understanding
        if understanding.normalized.isEmpty {
            draft.add(.paragraph(say(.unknownEmpty)))
        } else if understanding.rule != nil {
            draft.add(.paragraph(say(.unknownGibberish)))
        } else {
            draft.add(.paragraph(say(.unknown)))
        }
    }

    func clarifyReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        let ranking = turn.understanding.ranking
        let first = say(.about(ranking[0].intent))
        let second = say(.about(ranking[1].intent))
        draft.add(.paragraph(say(.clarifyIntent, ["first": first, "second": second])))
    }
}
