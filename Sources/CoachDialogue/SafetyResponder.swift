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
        // (The kit the conversation knows, from the last workout or what was said: the gentler moves
        // offered for later keep to it.)
        // (Kit said as owned in the line itself comes first.)
        let owned =
            !turn.have.isEmpty && !turn.understanding.wholeGym && turn.says(.ownsKit, knowledge.language)
        let kit = owned ? Set(turn.have) : state.lastWorkout?.availability.have ?? state.equipment
        // (A follow-up to a pain just answered that says when it gets worse, "yeah its worse when
        // i grip hard, not swollen", is about that pain, whatever sign it says is absent.)
        let followsPain =
            state.lastIntent == .safety && !state.painReported.isEmpty
            && turn.understanding.matches.contains { $0.entity == .lasting }
        let nothingHurts = safetyReply(&draft, turn, kit: kit, followsPain: followsPain)
        // Ordinary soreness, desk stiffness or something said not to hurt is no pain to spare:
        // the workouts that follow are not held back.
        turn.nothingToSpare = draft.ask == .soreness || nothingHurts
    }

    /// Whether every word of pain that is no soreness (`not-soreness`: "sharp") is said just after
    /// a word of denial ("not sharp").
    private func saysOnlyDenied(_ turn: Turn) -> Bool {
        let words = knowledge.language.understanding
        let tokens = turn.understanding.words
        let notSoreness = words.wordsAsRead(.notSoreness)
        let denials = words.wordsAsRead(.refuses)
        let said = tokens.indices.filter { notSoreness.contains(tokens[$0]) }
        return !said.isEmpty && said.allSatisfy { $0 > 0 && denials.contains(tokens[$0 - 1]) }
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

    /// The direct answer to a pain question (or whether a move is safe with it), deferring to a
    /// doctor or physiotherapist who has seen it already; nil for any other question.
    static func lead(_ ask: Ask, seenProfessional seen: Bool) -> ReplyKey? {
        switch ask {
        case .painCause: seen ? .safetySeenCause : .safetyLeadCause
        case .painTrainThrough: seen ? .safetySeenTrainThrough : .safetyLeadTrainThrough
        case .painReturn: seen ? .safetySeenReturn : .safetyLeadReturn
        case .painTreat: seen ? .safetySeenTreat : .safetyLeadTreat
        case .isSafe: seen ? .safetySeenIsSafe : .safetyLeadIsSafe
        default: nil
        }
    }

    /// True when the line leaves nothing to spare in the workouts that follow: answered as a
    /// setting that explains its aches (desk stiffness), or as something that does not hurt.
    private func safetyReply(
        _ draft: inout ReplyDraft, _ turn: Turn, kit: Set<EquipmentID>?, followsPain: Bool = false
    ) -> Bool {
        let safety = knowledge.safety
        let understanding = turn.understanding
        if turn.stopsAfterPainless, let exercise = turn.exercise.flatMap(knowledge.exercise) {
            let lead = say(.safetyNoPainKeepGoing, ["name": exercise.name])
            draft.add(.paragraph(lead))
            draft.add(.note(say(.safetyGeneral)))
            draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
            return true
        }
        // (Also: asked whether a move is safe with a tightness or stiffness that is no pain, "is it
        // safe to do face pulls if my shoulders are a bit tight?".)
        // (A yes-or-no question whose runner-up ask is is-safe asks it: "is it safe to..." is no
        // how-to-treat question.)
        let asksIsSafe =
            understanding.ask == .isSafe
            || turn.asksYesNo && understanding.askRanking.prefix(2).contains { $0.ask == .isSafe }
        // (A limit heard as no warning sign, arms that will not lift the day after a session, is no
        // word of pain either: the words that said it are the limit's.)
        let limits = understanding.redFlag ? [] : understanding.matches.filter { $0.entity == .limit }.map(\.range)
        let painWordSaid = understanding.matches.contains { $0.entity == .pain && !limits.contains($0.range) }
        let soreSaid = turn.mentions(knowledge.language.words(.saysSore))
        let onlyTight = asksIsSafe && understanding.soreness && !painWordSaid && !soreSaid
        // (Nothing reported at all, only how to keep clear of injury: "how do I avoid hurting my
        // shoulders when I start overhead work? want to stay injury free".)
        let onlyPrevention =
            !understanding.painMentioned && !understanding.soreness && understanding.treatments.isEmpty
            && understanding.conditionOnly == nil && !understanding.redFlag
            && turn.says(.preventsInjury, knowledge.language)
        // (Only a mild word of feeling beside the denial, with no warning sign or soreness, says
        // it does not hurt too: "clicking in my shoulder, doesnt really hurt but feels weird".)
        let onlyMild =
            understanding.saysOnlyMildPain(knowledge.safety) && !understanding.redFlag && !understanding.soreness
        if (!understanding.painMentioned || onlyMild) && understanding.painDenied && !followsPain
            || onlyTight || onlyPrevention
            || turn.reasons.contains(.safeToStart)
        {
            // Read as a safety question, and the person says it does not hurt ("my shoulder blade
            // clicks, but it doesn't hurt"): not an injury answer. (Only when they say so: a pain
            // said in words coach does not know is still answered as pain.) The ask stays the
            // classifier's pain ask: the question is still what it is, or whether it matters.
            // (Nothing noticed, only whether training will hurt: "I've always had a weak back, but
            // I'm not in pain right now. Will exercise hurt me?" asks how to start safely.)
            // Nothing noticed and no yes or no asked ("nothing hurts, how do I keep my rotator cuffs
            // healthy while I add volume?"): how to keep it that way. Asked yes or no, the answer
            // follows the question: "will it hurt me?" is answered "not if...", "is it safe?"
            // "yes, if...".
            let nothingNoticed = !onlyTight && !turn.mentions(knowledge.language.words(.noticed))
            let lead =
                !nothingNoticed
                ? say(.safetyNoPain)
                : !turn.asksYesNo && !turn.reasons.contains(.safeToStart)
                    ? say(.safetyNoPainPrevent)
                    : say(
                        turn.says(.asksHarm, knowledge.language)
                            ? .safetyNoPainStart : .safetyNoPainStartSafe)
            draft.ask = nothingNoticed && turn.asksYesNo || onlyTight ? .isSafe : understanding.painAsk ?? .painCause
            draft.add(.paragraph(lead))
            draft.add(.note(say(.safetyGeneral)))
            draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
            return true
        }
        // "My upper back always feels tight and achy by 3pm at my desk": what long sitting does,
        // and what helps. Something noticed that does not hurt in itself ("my shoulder blade
        // sticks out"): what it usually is and what to do. Neither presumes an injury.
        // ("Rear delts are aching after high rep pull-aparts yesterday, dull ache both sides": an
        // ache in a muscle the day after a session is soreness, whatever word of pain it takes.)
        let dullAches = Set(knowledge.language.words(.dullAche).map(TextNormalizer.stem))
        let dayAfterAche =
            turn.says(.afterASession, knowledge.language)
            && (understanding.muscle != nil || understanding.exercise != nil)
            && understanding.matches.allSatisfy { match in
                match.entity != .pain || match.text.split(separator: " ").allSatisfy { dullAches.contains(String($0)) }
            }
            && !understanding.matches.contains { $0.entity == .sudden || $0.entity == .lasting }
        // (A setting said beside a session, "after a long drive and rows yesterday", leaves the
        // ache to the session.)
        let aching = dayAfterAche ? nil : Self.achingCondition(understanding, in: knowledge)
        if let condition = aching ?? understanding.conditionOnly.flatMap(safety.condition) {
            draft.ask = understanding.painAsk ?? .painCause
            draft.say(condition.advice)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: condition.advice.text)
            return aching != nil
        }
        // (A treatment asked about, "should I take ibuprofen for my sore shoulder?", gets its answer.)
        // Soreness asked about ("still sore 4 days after a new workout, is that normal?") gets the
        // soreness answer, though its words ("aching") may be words of pain too.
        // ("My lower back gets sore on rows after two sets, am I doing something wrong?" asks what
        // causes it, and "is it safe to do face pulls if my shoulders are tight?" whether it is
        // safe, not whether soreness is normal.)
        // (A pinch or a sharp pain is no soreness, however soon it goes: "face pulls leave a pinchy
        // feeling at the front of my shoulder, goes away after a few mins".)
        // (Nor is soreness in a joint: "pull-ups make my elbow sore" is a pain to train around.)
        let inAJoint = understanding.painAreas.contains { safety.painArea($0)?.joint == true }
        // (A word of no soreness denied is none: "not sharp, gone by evening".)
        let notSorenessSaid = turn.mentions(knowledge.language.words(.notSoreness)) && !saysOnlyDenied(turn)
        let onlySoreness =
            understanding.soreness && understanding.treatments.isEmpty && !inAJoint
            && !notSorenessSaid
            && !turn.mentions(knowledge.language.words(.mistakes))
            // ("Upper back wrecked, sore to touch, can I lift today?": whether to train on it is
            // the soreness answer too.)
            && (understanding.ask != .isSafe || soreSaid && !painWordSaid)
            && (understanding.ask == .soreness || understanding.settles
                || turn.asksAbout(knowledge.language.words(.asksNormal))
                || !painWordSaid || dayAfterAche)
        if onlySoreness {
            draft.ask = .soreness
            // ("Is it fine to train back two days in a row? ... no pain, just a lil sore": yes or
            // no about training on, answered first.)
            if understanding.painDenied || dayAfterAche, turn.asksYesNo,
                !turn.asksAbout(knowledge.language.words(.asksNormal))
            {
                draft.add(.paragraph(say(.sorenessTrainOn)))
            }
            // ("DOMS after upping volume from 10 to 16 sets a week, is that too big a jump?": the
            // jump asked about, answered before what soreness is.)
            if turn.says(.weightJump, knowledge.language) {
                draft.add(.paragraph(say(.sorenessBigJump)))
            }
            draft.say(safety.soreness)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: safety.soreness.text)
            // ("Shoulders sore after double sessions, coach says it's normal. What back exercises
            // would help keep them healthy?": the moves asked for too.)
            if understanding.exercise == nil, turn.mentions(knowledge.language.words(.exercisesAsked)) {
                let moves = BestForResponder.startingMoves(in: knowledge, at: .beginner, Availability(have: nil))
                draft.add(.heading(say(.safetyGentleMoves)))
                draft.add(.bullets(moves.map { bestForLine($0.exercise, $0.way) }))
                moves.forEach { draft.cite($0.exercise.summary.source) }
                draft.exercises = moves.map { suggestion($0.exercise, way: $0.way) }
            }
            return false
        }
        if sparingMovesAsked(turn), offerSparingMoves(turn, kit: kit, into: &draft) { return false }
        // The pain question asked gets its direct answer first (general guidance, marked as such);
        // "how long until it heals?" gets the usual time a strain takes.
        // (Whether it is safe, once cleared, "my doctor said I can do rows again, are they safe?", is
        // how to come back.)
        let cleared = understanding.matches.contains { $0.entity == .cleared }
        let ask = understanding.ask == .isSafe && cleared ? .painReturn : understanding.ask ?? .painTreat
        // (Coming back once discharged, "had shoulder surgery, discharged from physio in the spring,
        // can I start face pulls?", is the usual gradual return: there is no plan left to defer to.)
        let clearedToReturn = ask == .painReturn && cleared
        let seen = understanding.seenProfessional && !clearedToReturn
        let asksHowLong =
            !seen && [.painTreat, .painReturn].contains(ask) && turn.mentions(knowledge.language.words(.asksHowLong))
        // "Could it be my rotator cuff?": a guess at the cause, answered as one.
        let guessesCause = ask == .painCause && !seen && turn.asksYesNo
        // "What should I do to keep from pulling it in the future?": how to keep it from coming
        // back, where it got how to come back or what it is.
        let asksPrevention =
            !seen && [.painReturn, .painTreat, .painCause].contains(ask)
            && turn.says(.preventsInjury, knowledge.language)
        let lead =
            asksHowLong
            ? .safetyLeadHowLong
            : guessesCause
                ? .safetyLeadCauseGuess : asksPrevention ? .safetyLeadPrevent : Self.lead(ask, seenProfessional: seen)
        draft.ask = lead == nil ? .painTreat : ask
        // The other pain questions a post asks ("...and should I skip tomorrow's workout?"), each
        // answered once after the first.
        let others = turn.questionPainAsks.map(\.ask).filter { $0 != ask }
        if !others.isEmpty { draft.parts = Self.parts(answering: [ask] + others, of: turn.questionPainAsks) }
        // A treatment asked about ("should I ice it", "can I take ibuprofen") gets its own answer;
        // one named in passing ("I iced it, but what is it?") leaves the question asked.
        let treatments =
            ask == .painTreat || lead == nil || others.contains(.painTreat)
            ? understanding.treatments.compactMap(safety.treatment) : []
        let treatmentsFirst = !treatments.isEmpty && (ask == .painTreat || lead == nil)
        if treatmentsFirst {
            draft.ask = .painTreat
            for treatment in treatments { draft.say(treatment.advice) }
        }
        // "My shoulder hurts on the second one" after a workout: which move that is, and to drop it.
        let chosen = turn.reasons.lazy.compactMap { reason -> Exercise? in
            if case let .choseExercise(id) = reason { knowledge.exercise(id) } else { nil }
        }.first
        if let chosen { draft.add(.paragraph(say(.safetyChosenFromList, ["name": chosen.name]))) }
        let intro = say(treatmentsFirst ? .safetyLeadTreatAfter : lead ?? .safetyIntro)
        draft.add(.paragraph(intro))
        if !treatmentsFirst { for treatment in treatments { draft.say(treatment.advice) } }
        if asksHowLong, ask == .painTreat, treatments.isEmpty {
            draft.add(.paragraph(say(.safetyLeadTreatAfter)))
            draft.add(.note(say(.safetyGeneral)))
        }
        for other in others where other != .painTreat || treatments.isEmpty {
            if let key = Self.lead(other, seenProfessional: seen) { draft.add(.paragraph(say(key))) }
        }
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
        // (The time a strain takes is the treatment guidance's first point: not said twice.)
        if let guidance = Self.guidance(lead == nil || (asksHowLong && ask == .painTreat) ? nil : ask),
            treatments.isEmpty, !seen, gentleMoves.isEmpty
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
        // Likely causes answer what it is, not how to treat it or whether to train on.
        // (So do they how to keep it from coming back: "sometimes I hurt my neck doing weighted
        // pull-ups, what can I do to prevent it?")
        let causesAsked =
            lead == nil || draft.ask == .painCause || others.contains(.painCause)
            || turn.says(.preventsInjury, knowledge.language)
        // (At most five: a pain in two areas listed ten, more than anyone reads.)
        let causes = causesAsked ? Array(areas.flatMap(\.causes).prefix(5)) : []
        if !causes.isEmpty {
            draft.add(.heading(say(.safetyCauses, ["area": areas.map(\.name).joined(separator: say(.joinOr))])))
            draft.list(causes)
        }
        // An exercise's own safety points only when this line names it: one carried over from
        // earlier in the conversation is not what the pain is about.
        // (They answer whether to train it: "beginners can deadlift safely" is filler to someone
        // asking how to treat a strain.)
        if let exercise, understanding.exercise == exercise.id, !exercise.safety.isEmpty,
            lead == nil || ask == .painTrainThrough || ask == .isSafe
        {
            draft.add(.heading(say(.headingSafety) + ": " + exercise.name))
            draft.list(exercise.safety)
        }
        // The precautions that answer this pain question (`answers` in safety.yaml), at most four:
        // "leave upper back training alone" answers whether to train through it, and would
        // contradict the way back someone asks for.
        // A lone precaution under the heading ("leave rest between hard sessions" after how to treat
        // it) reads as filler: the section is for two or more, or for a pain question with no
        // answer of its own.
        // (Not what is said to someone new to lifting, to someone past the beginner level.)
        let fitting = forTheirLevel(safety.precautions(answering: draft.ask ?? .painTreat), turn)
        let precautions =
            lead == nil
            ? (fitting.count >= 2 ? fitting : forTheirLevel(safety.precautions, turn))
            : draft.ask == .painReturn && fitting.count >= 2 ? fitting : []
        if !precautions.isEmpty {
            draft.add(.heading(say(.headingPrecautions)))
            draft.list(Array(precautions.prefix(4)))
        }
        addGentler(to: &draft, areas: areas, exercise: exercise, hurtMuscle: understanding.muscle, kit: kit)
        return false
    }

    /// Whether the line asks for other moves that leave a sore area alone, in so many words, with
    /// no exercise to replace and no treatment asked about: "my wrist hurts holding dumbbells, any
    /// back exercises I can do without gripping much?" wants the moves now, not how to treat it.
    private func sparingMovesAsked(_ turn: Turn) -> Bool {
        let understanding = turn.understanding
        let language = knowledge.language
        return !understanding.painAreas.isEmpty && turn.exercise == nil && understanding.treatments.isEmpty
            && !understanding.redFlag && !understanding.lastingPain && understanding.conditionOnly == nil
            && (turn.says(.asksSomethingElse, language) || turn.asksAbout(language.words(.swap)))
    }

    /// The moves that leave the sore areas alone (the areas' own gentler moves first, then the
    /// usual starting moves that spare them), with how to keep the area out of them; false, adding
    /// nothing, when none does.
    private func offerSparingMoves(_ turn: Turn, kit: Set<EquipmentID>?, into draft: inout ReplyDraft) -> Bool {
        let areas = Set(turn.understanding.painAreas)
        let sparing = Availability(have: kit).sparing(areas)
        var seen: Set<ExerciseID> = []
        let own = areas.sorted().compactMap(knowledge.safety.painArea).flatMap(\.gentler)
            .compactMap(knowledge.exercise)
            .compactMap { exercise in sparing.firstWay(of: exercise).map { (exercise: exercise, way: $0) } }
        let usual = BestForResponder.startingMoves(
            in: knowledge, at: .beginner, Availability(have: kit), sparing: areas)
        let moves = Array((own + usual).filter { seen.insert($0.exercise.id).inserted }.prefix(4))
        guard !moves.isEmpty else { return false }
        let lead = say(.safetyLeadSparingMoves, ["area": areaNames(areas)])
        draft.ask = .substitute
        draft.add(.paragraph(lead))
        offerForFocus(moves, into: &draft)
        spareTips(areas, into: &draft)
        draft.safety = Reply.SafetyNote(redFlag: false, advice: lead)
        return true
    }

    /// A condition named with only the aches it explains (`aches` in safety.yaml): "my upper back
    /// always feels tight and achy by 3pm at my desk". Nil with a red flag, a pain that came on
    /// suddenly or has lasted, a medicine asked about, or any word of pain beyond those aches
    /// ("I pulled something in my upper back, I sit at a desk all day" is an injury).
    static func achingCondition(
        _ understanding: Understanding, in knowledge: KnowledgeBase
    ) -> SafetyKnowledge.Condition? {
        guard !understanding.redFlag else { return nil }
        let conditions = understanding.matches.compactMap { match -> SafetyKnowledge.Condition? in
            guard case let .setting(id) = match.entity else { return nil }
            return knowledge.safety.condition(id)
        }
        for condition in conditions where !condition.aches.isEmpty {
            // (An ache the setting brings back every day, "constantly tight and achy by 4pm" at a
            // desk job, lasts in its own words: "constantly" is one of the setting's aches.)
            if understanding.matches.allExplained(by: Set(condition.aches.map(TextNormalizer.stem))) {
                return condition
            }
        }
        return nil
    }

    /// The pain questions answered, each with the question of the post that asked it (the first
    /// question for one the whole post asks), for the JSON reply's `parts`.
    static func parts(answering asks: [Ask], of questions: [(question: String, ask: Ask)]) -> [Reply.Part] {
        let first = questions.first?.question ?? ""
        return asks.map { answered in
            Reply.Part(
                question: questions.first { $0.ask == answered }?.question ?? first, intent: .safety, ask: answered)
        }
    }

    /// Up to three gentler moves for once it feels fine: the exercise's easier ones that leave the
    /// sore areas alone, then the area's own. For pain outside the upper back ("my lower back") they are upper
    /// back moves that leave it alone, and the line says so.
    private func addGentler(
        to draft: inout ReplyDraft, areas: [SafetyKnowledge.PainArea], exercise: Exercise?, hurtMuscle: MuscleID?,
        kit: Set<EquipmentID>?
    ) {
        var gentlerIDs = areas.flatMap(\.gentler)
        // (The exercise's easier versions only where they leave the sore areas alone: the lat
        // pulldown is an easier pull-up, but no gentler move for a shoulder the pull-up hurt.)
        // (Nor where their main work falls on a muscle the line says is hurt: "I pulled my lats on
        // pull-ups" is not sent to the lat pulldown.)
        let sore = Set(areas.map(\.id))
        if let exercise {
            let easier = exercise.easier.compactMap(knowledge.exercise).filter { easier in
                easier.spares(sore) && hurtMuscle.map { !easier.primaryMuscles.contains($0) } ?? true
            }
            gentlerIDs = easier.map(\.id) + gentlerIDs
        }
        var named: Set<ExerciseID> = []
        let availability = Availability(have: kit)
        let candidates = gentlerIDs.filter { named.insert($0).inserted && $0 != exercise?.id }.compactMap(
            knowledge.exercise)
        // (Those the kit allows when some do, every one when the kit is not known; else all, for
        // whenever the kit is at hand.)
        let withKit = candidates.filter { availability.firstWay(of: $0) != nil }
        let gentler = (withKit.isEmpty ? candidates : withKit).prefix(3)
        guard !gentler.isEmpty else { return }
        let names = gentler.map(\.name).joined(separator: say(.joinList))
        let scope = knowledge.language.understanding
        let outside = areas.filter { !(scope.scopePainAreas + scope.scopeRegions).contains($0.id) }
        let line =
            outside.isEmpty || outside.count < areas.count
            ? say(.safetyGentler, ["names": names])
            : say(.safetyGentlerSparing, ["names": names, "area": outside.map(\.name).joined(separator: say(.joinOr))])
        draft.add(.paragraph(line))
        draft.exercises = gentler.map { suggestion($0, way: availability.firstWay(of: $0) ?? $0.ways.first) }
    }
}
