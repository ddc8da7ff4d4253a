import CoachModel
import CoachUnderstanding

/// Red flags, at two levels. An urgent sign (numbness, chest pain, weakness, a pop...) stops
/// everything: see a professional now, said the way that answers the pain question asked. A pain
/// that only lasts, worsens or keeps coming back is sent to be examined, with what to do
/// meanwhile. Either way no workout follows until `/reset` (`ConversationState.redFlagReported`).
struct RedFlagResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        let understanding = turn.understanding
        let ask = understanding.painAsk ?? .painTrainThrough
        draft.ask = ask
        // Someone a doctor or physiotherapist has seen already is sent back to them, not to one.
        let seen = understanding.seenProfessional
        if understanding.urgentRedFlag {
            // (After an emergency lead, the advice is not followed by when to get urgent help again.)
            let advice =
                understanding.emergency
                ? knowledge.safety.redFlagAdvice : Self.advice(for: understanding.painAreas, in: knowledge.safety)
            // A sign that needs emergency care leads with getting it, whatever was asked.
            // (A sign that needs a doctor the same day, though no emergency, says so: "see a
            // professional" alone understates a tendon that snapped with swelling.)
            let lead: ReplyKey? =
                understanding.emergency
                ? .redFlagLeadEmergency
                : seen
                    ? SafetyResponder.lead(ask, seenProfessional: true)
                    : needsToday(understanding) ? .redFlagLeadToday : nil
            draft.add(.paragraph(say(lead ?? Self.redFlagLead(ask, yesNo: turn.asksYesNo))))
            // Asked what it is: what such a sign often means, as the reason to have it examined.
            if ask == .painCause, !seen, !understanding.emergency, let meaning = meaning(of: understanding) {
                draft.say(meaning)
            }
            draft.say(advice, as: Block.alert)
            draft.add(.paragraph(say(.safetyNoWorkout)))
            draft.safety = Reply.SafetyNote(redFlag: true, advice: advice.text)
        } else {
            // What was heard leads: a pain that lasts or keeps coming back, or one that came on
            // sharply or suddenly (a new pain is not told it "has lasted").
            let lasting = understanding.lastingPain
            let key: ReplyKey =
                switch (seen, lasting) {
                case (true, true): .safetySeenLasting
                case (true, false): SafetyResponder.lead(ask, seenProfessional: true) ?? .safetySeenLasting
                case (false, true): .safetyLastingLead
                case (false, false): .safetySuddenLead
                }
            let lead = say(key)
            draft.add(.paragraph(lead))
            if ask == .painCause, !seen, let meaning = meaning(of: understanding) { draft.say(meaning) }
            draft.add(.paragraph(say(!lasting && ask == .painCause ? .safetySuddenCause : Self.lasting(ask))))
            // ("If it healed with time, how long did it take?": what decides how long, asked.)
            if lasting, turn.asksAbout(knowledge.language.words(.asksHowLong)) {
                draft.add(.paragraph(say(.safetyLastingHowLong)))
            }
            draft.add(.note(say(.safetyGeneral)))
            draft.safety = Reply.SafetyNote(redFlag: true, advice: lead)
        }
    }

    /// What to do about a red flag, with when to get urgent help: the signs of the area that hurts
    /// where it has its own (leg and bladder signs for the lower back, not chest pain), else the
    /// general ones.
    static func advice(for areas: [String], in safety: SafetyKnowledge) -> SourcedText {
        var advice = safety.redFlagAdvice
        let own = areas.lazy.compactMap { safety.painArea($0)?.urgent }.first
        if let urgent = own ?? (safety.redFlagUrgent.isEmpty ? nil : safety.redFlagUrgent) {
            advice.text += " " + urgent
        }
        return advice
    }

    /// Whether a warning sign heard is one to have seen the same day (`red_flags.same_day`).
    private func needsToday(_ understanding: Understanding) -> Bool {
        let today = Set(knowledge.safety.redFlagSameDay.map(TextNormalizer.stem))
        return understanding.matches.contains { match in
            [.redFlag, .limit, .sudden].contains(match.entity)
                && match.text.split(separator: " ").contains { today.contains(String($0)) }
        }
    }

    /// What the warning sign heard often means (`red_flags.meanings`): the first meaning whose
    /// words are among the words of the signs found.
    private func meaning(of understanding: Understanding) -> SourcedText? {
        let signs: Set<Entity> = [.redFlag, .limit, .emergency, .sudden, .lasting]
        let heard = Set(
            understanding.matches.filter { signs.contains($0.entity) }.flatMap { $0.text.split(separator: " ") }.map(
                String.init))
        return knowledge.safety.redFlagMeanings.first { meaning in
            meaning.words.contains { heard.contains(TextNormalizer.stem($0)) || heard.contains($0) }
        }?.text
    }

    /// The first line of a red-flag reply, by the pain question asked. "No:" answers a yes-or-no
    /// question ("can I keep going?"); a line that asks none ("my hand keeps going to sleep after
    /// pulldowns") is told the same without it.
    static func redFlagLead(_ ask: Ask, yesNo: Bool) -> ReplyKey {
        switch ask {
        case .painCause: .redFlagLeadCause
        case .painTreat: .redFlagLeadTreat
        case .painReturn: .redFlagLeadReturn
        default: yesNo ? .redFlagLeadTrainThrough : .redFlagLeadExamine
        }
    }

    /// What to do meanwhile about a pain that lasts, by the pain question asked.
    static func lasting(_ ask: Ask) -> ReplyKey {
        switch ask {
        case .painCause: .safetyLastingCause
        case .painTreat: .safetyLastingTreat
        case .painReturn: .safetyLastingReturn
        default: .safetyLastingTrainThrough
        }
    }
}
