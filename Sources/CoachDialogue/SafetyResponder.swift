import CoachModel
import CoachRecommending
import CoachUnderstanding

/// A pain question with no red flag: the direct answer to the pain question asked, what a coach
/// usually adds, likely causes, precautions and gentler moves; soreness, and a worry said not to
/// hurt, get their own short answers. (Red flags: `RedFlagResponder`; a swap asked for because
/// of pain: `PainSwapResponder`.)
struct SafetyResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        safetyReply(&draft, turn)
    }

    /// What a coach usually adds to the first line of a pain answer, by the pain question asked.
    static func guidance(_ ask: Ask?) -> ReplyKey? {
        switch ask {
        case .painCause: .safetyGuidanceCause
        case .painTreat: .safetyGuidanceTreat
        case .painTrainThrough: .safetyGuidanceTrainThrough
        case .painReturn: .safetyGuidanceReturn
        default: nil
        }
    }

    /// The direct answer to a pain question, deferring to a doctor or physiotherapist who has
    /// seen it already; nil for a question that is not a pain ask.
    static func lead(_ ask: Ask, seenProfessional seen: Bool) -> ReplyKey? {
        switch ask {
        case .painCause: seen ? .safetySeenCause : .safetyLeadCause
        case .painTrainThrough: seen ? .safetySeenTrainThrough : .safetyLeadTrainThrough
        case .painReturn: seen ? .safetySeenReturn : .safetyLeadReturn
        case .painTreat: seen ? .safetySeenTreat : .safetyLeadTreat
        default: nil
        }
    }

    private func safetyReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        let safety = knowledge.safety
        let understanding = turn.understanding
        if !understanding.painMentioned, understanding.painDenied {
            // Read as a safety question, and the person says it does not hurt ("my shoulder blade
            // clicks, but it doesn't hurt"): not an injury answer. (Only when they say so: a pain
            // said in words coach does not know is still answered as pain.) The ask stays the
            // classifier's pain ask: the question is still what it is, or whether it matters.
            let lead = say(.safetyNoPain)
            draft.ask = understanding.painAsk ?? .painCause
            draft.add(.paragraph(lead))
            draft.add(.note(say(.safetyGeneral)))
            draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
            return
        }
        if let id = understanding.conditionOnly, let condition = safety.condition(id) {
            // Something noticed that does not hurt in itself ("my shoulder blade sticks out"): what
            // it usually is and what to do, not an answer that presumes pain.
            draft.ask = understanding.painAsk ?? .painCause
            draft.say(condition.advice)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: condition.advice.text)
            return
        }
        // (A treatment asked about, "should I take ibuprofen for my sore shoulder?", gets its answer.)
        let onlySoreness =
            understanding.soreness
            && !understanding.matches.contains { $0.entity == .pain } && understanding.treatments.isEmpty
        if onlySoreness {
            draft.ask = .soreness
            draft.say(safety.soreness)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: safety.soreness.text)
            return
        }
        // The pain question asked gets its direct answer first (general guidance, marked as such).
        let ask = understanding.ask ?? .painTreat
        let lead = Self.lead(ask, seenProfessional: understanding.seenProfessional)
        draft.ask = lead == nil ? .painTreat : ask
        // A treatment asked about ("should I ice it", "can I take ibuprofen") gets its own answer
        // first; one named in passing ("I iced it, but what is it?") leaves the question asked.
        let treatments =
            ask == .painTreat || lead == nil ? understanding.treatments.compactMap(safety.treatment) : []
        if !treatments.isEmpty { draft.ask = .painTreat }
        for treatment in treatments { draft.say(treatment.advice) }
        let intro = say(treatments.isEmpty ? lead ?? .safetyIntro : .safetyLeadTreatAfter)
        draft.add(.paragraph(intro))
        // Exercises asked for with a pain that only bothers ("what exercises can I do to
        // strengthen it?"): gentle moves, below, rather than how long a strain takes to settle.
        let asksForExercises =
            understanding.ask == .bestFor || understanding.ask == .substitute
            || (ask == .painTreat && turn.mentions(knowledge.language.words(.exercisesAsked)))
        let gentleMoves =
            (lead == nil || ask == .painTreat) && treatments.isEmpty && understanding.exercise == nil
                && asksForExercises
            ? BestForResponder.startingMoves(
                in: knowledge, at: .beginner, Availability(have: nil), sparing: Set(understanding.painAreas)) : []
        // (What a coach usually adds gives way to the plan of whoever has examined it.)
        if let guidance = Self.guidance(lead == nil ? nil : ask), treatments.isEmpty, !understanding.seenProfessional,
            gentleMoves.isEmpty
        {
            draft.add(.paragraph(say(guidance)))
            draft.add(.note(say(.safetyGeneral)))
        }
        draft.safety = Reply.SafetyNote(redFlag: false, advice: intro)
        // The gentle moves, leaving the sore area alone.
        if !gentleMoves.isEmpty {
            draft.add(.heading(say(.safetyGentleMoves)))
            draft.add(.bullets(gentleMoves.map { bestForLine($0.exercise, $0.way) }))
            gentleMoves.forEach { draft.cite($0.exercise.summary.source) }
            draft.exercises = gentleMoves.map { suggestion($0.exercise, way: $0.way) }
        }
        let areas = understanding.painAreas.compactMap(safety.painArea)
        let exercise = turn.exercise.flatMap(knowledge.exercise)
        let causes = areas.flatMap(\.causes)
        if !causes.isEmpty {
            draft.add(.heading(say(.safetyCauses, ["area": areas.map(\.name).joined(separator: say(.joinOr))])))
            draft.list(causes)
        }
        // An exercise's own safety points only when this line names it: one carried over from
        // earlier in the conversation is not what the pain is about.
        if let exercise, understanding.exercise == exercise.id, !exercise.safety.isEmpty {
            draft.add(.heading(say(.headingSafety) + ": " + exercise.name))
            draft.list(exercise.safety)
        }
        // The precautions that answer this pain question (`answers` in safety.yaml), at most four:
        // "leave upper back training alone" answers whether to train through it, and would
        // contradict the way back someone asks for.
        // A lone precaution under the heading ("leave rest between hard sessions" after how to treat
        // it) reads as filler: the section is for two or more, or for a pain question with no
        // answer of its own.
        let fitting = (safety.precautions + safety.avoid).filter { $0.answers.contains(draft.ask ?? .painTreat) }
        let precautions = fitting.count >= 2 ? fitting : (lead == nil ? safety.precautions : [])
        if !precautions.isEmpty {
            draft.add(.heading(say(.headingPrecautions)))
            draft.list(Array(precautions.prefix(4)))
        }
        var gentlerIDs = areas.flatMap(\.gentler)
        if let exercise { gentlerIDs = exercise.easier + gentlerIDs }
        var seen: Set<ExerciseID> = []
        let gentler = gentlerIDs.filter { seen.insert($0).inserted && $0 != exercise?.id }.compactMap(
            knowledge.exercise
        ).prefix(3)
        if !gentler.isEmpty {
            draft.add(.paragraph(say(.safetyGentler, ["names": gentler.map(\.name).joined(separator: say(.joinList))])))
            draft.exercises = gentler.map { suggestion($0, way: $0.ways.first) }
        }
    }
}
