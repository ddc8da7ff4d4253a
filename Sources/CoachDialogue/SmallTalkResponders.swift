import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Hi": who coach is and what to ask.
struct GreetingResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .smallTalk
        // Thanks, goodbye and "ok" get a line; a hello gets the introduction, after thanks for
        // any praise said with it ("first let me say your blog is fantastic").
        let words = knowledge.language
        if turn.mentions(words.words(.thanks)) {
            let better = turn.understanding.matches.contains { $0.entity == .painBetter }
            draft.add(.paragraph(say(better ? .smalltalkThanksBetter : .smalltalkThanks)))
            // (Soreness told with the thanks, "thanks! back's sore after yesterday though": what
            // soreness is, after the thanks.)
            if turn.understanding.soreness, !better {
                draft.say(knowledge.safety.soreness)
                draft.safety = Reply.SafetyNote(redFlag: false, advice: knowledge.safety.soreness.text)
            }
        } else if turn.says(.sessionDone, words), !turn.asksQuestion {
            draft.add(.paragraph(say(.smalltalkSessionDone)))
        } else if turn.mentions(words.words(.bye)) {
            draft.add(.paragraph(say(.smalltalkBye)))
        } else if turn.mentions(words.words(.acknowledge)), turn.understanding.features.count <= 2 {
            draft.add(.paragraph(say(.smalltalkOk)))
        } else {
            let praised = turn.mentions(words.words(.praise)) || turn.says(.praise, words)
            if praised { draft.add(.paragraph(say(.smalltalkPraise))) }
            // (Praise later in a conversation, "this is really helpful", needs no introduction.)
            draft.add(.paragraph(say(praised && state.lastReply != nil ? .smalltalkOk : .greeting)))
        }
    }
}

/// What coach can do, with examples and the commands.
struct HelpResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .help
        draft.add(.paragraph(say(.help)))
        draft.add(.paragraph(say(.helpCommands)))
    }
}

/// Anything outside training the upper back, gibberish, or nothing at all.
struct OutOfScopeResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .outOfScope
        let understanding = turn.understanding
        if understanding.normalized.isEmpty {
            draft.add(.paragraph(say(.unknownEmpty)))
        } else if understanding.rule != nil, understanding.rule != .outOfScope {
            draft.add(.paragraph(say(.unknownGibberish)))
        } else if understanding.painOutsideScope {
            draft.add(.paragraph(say(.unknownPain)))
        } else {
            draft.add(.paragraph(say(.unknown)))
        }
    }
}

/// Two intents too close to call: asks which was meant, naming both.
struct ClarifyResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        let ranking = turn.understanding.ranking
        let first = say(.about(ranking[0].intent))
        let second = say(.about(ranking[1].intent))
        draft.add(.paragraph(say(.clarifyIntent, ["first": first, "second": second])))
    }
}
