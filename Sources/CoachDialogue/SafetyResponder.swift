import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Safety first: red flags stop everything; otherwise precautions, likely causes and gentler moves.
struct SafetyResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        if !turn.understanding.redFlag, swapForPain(&draft, turn, state: state) { return }
        safetyReply(&draft, turn)
    }

    /// "My shoulder hurts on pull-ups, what can I do instead?": leave that exercise out, and the
    /// swaps that train the same muscles without loading the sore area (or what they would load,
    /// when every close move does). Only when the line names the exercise and asks for a swap in
    /// so many words ("instead", "alternative"): the ask classifier alone reads too many pain
    /// posts as swaps.
    private func swapForPain(_ draft: inout ReplyDraft, _ turn: Turn, state: ConversationState) -> Bool {
        let understanding = turn.understanding
        guard understanding.ask == .substitute, turn.mentions(knowledge.language.words(.swap)),
            let id = understanding.exercise, let exercise = knowledge.exercise(id)
        else { return false }
        let areas = Set(understanding.painAreas + state.painReported)
        let area = areas.isEmpty ? say(.safetySoreArea) : say(.safetyYourArea, ["area": areaNames(areas)])
        draft.ask = .substitute
        let availability = Availability(have: state.equipment, missing: state.missing)
        let swaps = SubstitutionResponder(context: context).painSwaps(
            for: exercise, sparing: areas, availability: availability, into: &draft)
        let lead = say(
            swaps ? .safetyLeadSubstitute : .safetyLeadSubstituteNone, ["name": exercise.name, "area": area])
        draft.blocks.insert(.paragraph(lead), at: 0)
        draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
        let fitting = (knowledge.safety.precautions + knowledge.safety.avoid).filter {
            $0.answers.contains(.substitute)
        }
        if !fitting.isEmpty {
            draft.add(.heading(say(.headingPrecautions)))
            draft.list(Array(fitting.prefix(3)))
        }
        return true
    }

    /// The first line of a red-flag reply, by the pain question asked.
    static func redFlagLead(_ ask: Ask) -> ReplyKey {
        switch ask {
        case .painCause: .redFlagLeadCause
        case .painTreat: .redFlagLeadTreat
        case .painReturn: .redFlagLeadReturn
        default: .redFlagLeadTrainThrough
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

    func safetyReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        let safety = knowledge.safety
        let understanding = turn.understanding
        if understanding.redFlag, !understanding.urgentRedFlag {
            // Pain that lasts, worsens or keeps coming back, with no urgent sign: have it
            // examined, and meanwhile what answers the pain question asked (general guidance).
            let ask = understanding.askRanking.lazy.map(\.ask).first(where: \.isPainAsk) ?? .painTrainThrough
            draft.ask = ask
            let lead = say(.safetyLastingLead)
            draft.add(.paragraph(lead))
            draft.add(.paragraph(say(Self.lasting(ask))))
            draft.add(.note(say(.safetyGeneral)))
            draft.safety = Reply.SafetyNote(redFlag: true, advice: lead)
            return
        }
        if understanding.redFlag {
            // The answer to any pain question is then: stop, and see a professional; said the way
            // that answers what was asked.
            let ask = understanding.askRanking.lazy.map(\.ask).first(where: \.isPainAsk) ?? .painTrainThrough
            draft.ask = ask
            draft.add(.paragraph(say(Self.redFlagLead(ask))))
            draft.say(safety.redFlagAdvice, as: Block.alert)
            draft.add(.paragraph(say(.safetyNoWorkout)))
            draft.safety = Reply.SafetyNote(redFlag: true, advice: safety.redFlagAdvice.text)
            return
        }
        if !understanding.painMentioned, understanding.painDenied {
            // Read as a safety question, and the person says it does not hurt ("my shoulder blade
            // clicks, but it doesn't hurt"): not an injury answer. (Only when they say so: a pain
            // said in words coach does not know is still answered as pain.) The ask stays the
            // classifier's pain ask: the question is still what it is, or whether it matters.
            let lead = say(.safetyNoPain)
            draft.ask = understanding.askRanking.lazy.map(\.ask).first(where: \.isPainAsk) ?? .painCause
            draft.add(.paragraph(lead))
            draft.add(.note(say(.safetyGeneral)))
            draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
            return
        }
        let onlySoreness =
            understanding.soreness
            && !understanding.matches.contains { $0.entity == .pain }
        if onlySoreness {
            draft.ask = .soreness
            draft.say(safety.soreness)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: safety.soreness.text)
            return
        }
        // The pain question asked gets its direct answer first (general guidance, marked as such).
        let ask = understanding.ask ?? .painTreat
        let lead: ReplyKey? =
            switch ask {
            case .painCause: .safetyLeadCause
            case .painTrainThrough: .safetyLeadTrainThrough
            case .painReturn: .safetyLeadReturn
            case .painTreat: .safetyLeadTreat
            default: nil
            }
        draft.ask = lead == nil ? .painTreat : ask
        // A treatment asked about ("should I ice it", "can I take ibuprofen") gets its own answer
        // first; one named in passing ("I iced it, but what is it?") leaves the question asked.
        let treatments =
            ask == .painTreat || lead == nil ? understanding.treatments.compactMap(safety.treatment) : []
        if !treatments.isEmpty { draft.ask = .painTreat }
        for treatment in treatments { draft.say(treatment.advice) }
        let intro = say(treatments.isEmpty ? lead ?? .safetyIntro : .safetyLeadTreatAfter)
        draft.add(.paragraph(intro))
        if let guidance = Self.guidance(lead == nil ? nil : ask), treatments.isEmpty {
            draft.add(.paragraph(say(guidance)))
            draft.add(.note(say(.safetyGeneral)))
        }
        draft.safety = Reply.SafetyNote(redFlag: false, advice: intro)
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
        let fitting = (safety.precautions + safety.avoid).filter { $0.answers.contains(draft.ask ?? .painTreat) }
        draft.add(.heading(say(.headingPrecautions)))
        draft.list(Array((fitting.isEmpty ? safety.precautions : fitting).prefix(4)))
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
