import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "What are the best exercises for the rhomboids / for posture / with dumbbells?": the
/// exercises that train that muscle or serve that goal, ranked from the knowledge (those that
/// work it as a main muscle first), each with the kit it needs, kept to what the person has when
/// they said.
struct BestForResponder: Responder {
    let context: ResponderContext

    /// How many exercises the answer names.
    static let listed = 5

    /// Whether a turn names something to rank exercises for: a muscle, a goal, the kit had, or
    /// nothing at all, which means the upper back as a whole ("my upper back is weak, where do I
    /// start?"). (A muscle no exercise works as a main muscle, such as the core, has no best
    /// exercises here: "the Core Performance program" once got a list led by the front raise.)
    static func canAnswer(_ turn: Turn, knowledge: KnowledgeBase) -> Bool {
        if let muscle = turn.understanding.muscle {
            return knowledge.exercises.contains { $0.primaryMuscles.contains(muscle) }
        }
        // ("What should I do for my upper back?" names the upper back itself, and asks the same;
        // so does "how do I build my upper back?", where it is said as the place to train, which
        // is no pain area.)
        let namesTheUpperBack = turn.understanding.matches.contains { match in
            if case let .painArea(id) = match.entity {
                knowledge.language.understanding.scopePainAreas.contains(id)
            } else {
                false
            }
        }
        // (Kit said with one exercise named asks about that exercise, "explain Y-T-W raises, do I
        // need weights?", unless the line asks for moves for the upper back: "a hangboard and a
        // band, what can I do for upper back besides pull-ups?")
        if turn.understanding.goal != nil { return true }
        if !turn.have.isEmpty {
            return turn.exercise == nil || namesTheUpperBack
                || turn.asksAbout(knowledge.language.words(.exercisesAsked))
        }
        // Best for nothing named: only when the line asks for exercises or where to start, names no
        // exercise ("is the kipping pull-up good for anything?" asks about that one), and is not
        // about the muscles themselves ("which muscles make up the upper back?"), unless it asks for
        // the best moves in so many words ("your three favorite exercises for the upper back?").
        return (turn.intent != .anatomy || turn.says(.asksBestFor, knowledge.language)) && turn.exercise == nil
            && turn.understanding.exerciseCandidates.isEmpty
            && (turn.asksAbout(knowledge.language.words(.exercisesAsked))
                || turn.asksAbout(knowledge.language.words(.startingOut)) || namesTheUpperBack
                || turn.says(.asksBestFor, knowledge.language))
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .bestFor
        if turn.reasons.contains(.ruledOutAfterList) { draft.add(.paragraph(say(.bestForNoneRuledOut))) }
        if let family = Self.familyAsked(turn, knowledge: knowledge) {
            return familyMoves(family, turn, state, into: &draft)
        }
        // ("Sprained my wrist, what can I do for my upper back?": the moves that leave it out, with
        // the kit said before; kit named with the pain, "gripping a barbell hurts", is no kit had.)
        let now = Set(turn.workAround).subtracting(state.painReported)
        if !now.isEmpty {
            let note = say(sparedNowKey(turn), ["area": areaNames(now)])
            draft.add(.note(note))
            spareTips(now, into: &draft)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: note)
            let had = Availability(have: state.equipment, missing: state.missing, cannotLie: state.cannotLie)
            let spare = Set(state.painReported).union(now)
            // ("Which upper back exercises should I swap out?": those that load it, by name.)
            if TurnResolver.asksWhichToLeaveOut(turn, knowledge.language) {
                let out = knowledge.exercises.filter { !$0.spares(now) }.map(\.name)
                if !out.isEmpty {
                    draft.add(.paragraph(say(.bestForLeaveOut, ["area": areaNames(now), "names": listed(out)])))
                }
            }
            // ("My physio said no loaded bending for my lower back, what rows can I still do?": the
            // family's members that leave it alone, not the whole upper back.)
            if let family = Self.familyNamed(turn) {
                return familySparing(family, had, sparing: spare, into: &draft)
            }
            let level = turn.understanding.level ?? state.profileLevel ?? .beginner
            return wholeUpperBack(at: level, had, sparing: spare, saidNow: now, into: &draft)
        }
        let understanding = turn.understanding
        let goalMuscles = understanding.goal.map(knowledge.focusMuscles) ?? []
        let targets = understanding.muscle.map { [$0] } ?? goalMuscles
        // (At home or travelling with no kit said or saved, no gym machine: "how do I strengthen my
        // rhomboids at home?")
        let noGym =
            [.atHome, .travelling].contains(understanding.substituteReason) && turn.have.isEmpty
                && state.equipment == nil
            ? knowledge.gymOnlyKit : []
        let availability = Availability(
            have: turn.have.isEmpty ? nil : Set(turn.have), missing: Set(turn.missing).union(noGym),
            cannotLie: state.cannotLie)
        // At a gym, kit whose load keeps going up comes first (as in workouts), and the kit is not
        // listed back as if the person had named it.
        let atGym = understanding.wholeGym
        // (At a gym, kit whose load keeps going up; else the kit said in the line: "if i only got
        // dumbbells".)
        let preferred =
            atGym
            ? knowledge.progressiveKit
            : Set(turn.have).subtracting([knowledge.bodyweightID])
        // "Is there one single exercise that covers it all?": the one that works the most, from the
        // likeliest topic that answers best-for, not a list of five.
        if targets.isEmpty, turn.have.isEmpty, turn.asksAbout(knowledge.language.words(.asksOne)),
            let topic = FAQResponder.topicAnswering(understanding, in: knowledge, floor: 0, ask: .bestFor)
        {
            draft.say(topic)
            return
        }
        if targets.isEmpty, turn.have.isEmpty || atGym {
            // (With the kit said earlier in the conversation: "I only have dumbbells", then "what
            // should I do for my upper back?")
            let level = understanding.level ?? state.profileLevel ?? .beginner
            // (At a desk or in the office with no kit said: what any room has, not a gym machine:
            // "are there exercises I can do from my desk?")
            let workplace =
                understanding.atWorkplace && state.equipment == nil
                ? knowledge.atHand.union([knowledge.bodyweightID]).union(knowledge.householdKit) : nil
            let had =
                atGym
                ? availability
                : Availability(
                    have: workplace ?? state.equipment, missing: state.missing(for: turn).union(noGym),
                    cannotLie: state.cannotLie)
            return wholeUpperBack(
                at: level, had, sparing: Set(state.painReported), preferring: preferred, into: &draft)
        }
        // (Leaving alone what the person said hurts: "sprained my wrist", then "what works the
        // rhomboids?")
        let ranked = rank(targets, availability.sparing(state.painReported), preferring: preferred)
        let focus =
            understanding.muscle.map(knowledge.muscleName)
            ?? understanding.goal
            ?? listed(turn.have.map(knowledge.equipmentName))
        guard !ranked.isEmpty else {
            draft.add(.paragraph(say(.bestForNone, ["focus": focus])))
            return
        }
        // "Best single exercise for the lats if I can only pick one": one pick first, the one that
        // works nothing else as a main muscle (the most focused), in ranked order; the list after.
        if !targets.isEmpty, turn.asksAbout(knowledge.language.words(.asksOne)) {
            let focused = ranked.first { Set($0.exercise.primaryMuscles).isSubset(of: Set(targets)) } ?? ranked[0]
            draft.add(
                .paragraph(
                    say(
                        .bestForOne,
                        [
                            "focus": focus, "name": focused.exercise.name,
                            "kit": listed(focused.way.equipment.map(knowledge.equipmentName)),
                        ])))
        }
        // ("Is a band enough to build my back?": yes or no from the kinds of move it allows, first.)
        if targets.isEmpty, turn.asksYesNo, turn.says(.asksEnough, knowledge.language) {
            kitEnoughVerdict(ranked.map(\.exercise), kit: focus, into: &draft)
        }
        let heading: ReplyKey =
            targets.isEmpty ? .bestForKitHeading : (understanding.muscle == nil ? .bestForGoalHeading : .bestForHeading)
        draft.add(.heading(say(heading, ["focus": focus])))
        var lines: [String] = []
        for (exercise, way) in ranked.prefix(Self.listed) {
            lines.append(bestForLine(exercise, way))
            draft.cite(exercise.summary.source)
            exercise.muscles.filter { targets.contains($0.muscle) }.forEach { draft.cite($0.source) }
            if targets.isEmpty { draft.cite(way.source) }
        }
        draft.add(.bullets(lines))
        draft.exercises = ranked.prefix(Self.listed).map { suggestion($0.exercise, way: $0.way) }
        noteSpared(Set(state.painReported), &draft)
        if !goalMuscles.isEmpty, understanding.muscle == nil {
            draft.add(
                .note(
                    say(
                        .bestForGoal,
                        [
                            "focus": understanding.goal ?? "",
                            "muscles": goalMuscles.map(knowledge.muscleName).joined(separator: say(.joinList)),
                        ])))
        }
        draft.add(.note(say(.bestForMore)))
    }

    /// Whether the kit said covers the upper back: yes when its moves reach the main kinds of
    /// pulling (`kindsForEnough` of them), else only partly; each names the kinds it reaches.
    private func kitEnoughVerdict(_ exercises: [Exercise], kit: String, into draft: inout ReplyDraft) {
        let kinds = WorkoutBuilder.patternOrder.filter { pattern in exercises.contains { $0.pattern == pattern } }
        let names = listed(kinds.map { say(.pattern($0)) })
        let key: ReplyKey = kinds.count >= Self.kindsForEnough ? .bestForKitEnough : .bestForKitPartly
        draft.add(.paragraph(say(key, ["kit": kit, "kinds": names]) + say(.teamMark)))
    }

    /// How many kinds of upper back move (rows, pulldowns, rear shoulder work...) make kit enough.
    static let kindsForEnough = 3

    /// Nothing named to rank for: moves for the upper back as a whole at the person's level, one of
    /// each kind (a row, a rear shoulder move, a pulldown...) before a second of any, those at
    /// their level first.
    private func wholeUpperBack(
        at level: Level, _ availability: Availability, sparing spare: Set<String>, saidNow: Set<String> = [],
        preferring preferred: Set<EquipmentID> = [], into draft: inout ReplyDraft
    ) {
        let chosen = Self.startingMoves(
            in: knowledge, at: level, availability, sparing: spare, preferring: preferred)
        draft.add(.heading(say(.bestForStartHeading, ["level": level.rawValue])))
        draft.add(.bullets(chosen.map { bestForLine($0.exercise, $0.way) }))
        chosen.forEach { draft.cite($0.exercise.summary.source) }
        draft.exercises = chosen.map { suggestion($0.exercise, way: $0.way) }
        noteSpared(spare.subtracting(saidNow), &draft)
        draft.add(.note(say(.bestForMore)))
    }

    /// Moves for the upper back as a whole at `level` that `availability` allows and that leave
    /// `spare` alone, one of each kind before a second of any, those at the level first.
    static func startingMoves(
        in knowledge: KnowledgeBase, at level: Level, _ availability: Availability, sparing spare: Set<String> = [],
        preferring preferred: Set<EquipmentID> = []
    ) -> [(exercise: Exercise, way: ExerciseWay)] {
        let sparing = availability.sparing(spare)
        // Moves at their level lead, then the easier ones; within a level, a row before a rear
        // shoulder move before a pulldown (the workouts' order), then the knowledge's. Sorted as
        // small keys, not as exercises: copying whole exercises in the comparisons made this the
        // slowest turn by far on a knowledge base a hundred times larger.
        let levels = Level.allCases
        var keyed: [(level: Int, pattern: Int, loads: Int, index: Int, way: ExerciseWay)] = []
        for (index, exercise) in knowledge.exercises.enumerated() {
            guard exercise.pattern != .mobility, exercise.level <= level, knowledge.worksUpperBack(exercise),
                let (way, loads) = listedWay(of: exercise, in: knowledge, sparing, preferring: preferred),
                !way.isDrill
            else { continue }
            let pattern =
                WorkoutBuilder.patternOrder.firstIndex(of: exercise.pattern) ?? WorkoutBuilder.patternOrder.count
            keyed.append((-(levels.firstIndex(of: exercise.level) ?? 0), pattern, loads, index, way))
        }
        keyed.sort { ($0.level, $0.pattern, $0.loads, $0.index) < ($1.level, $1.pattern, $1.loads, $1.index) }
        // One of each kind (in the order the kinds first come) before a second of any.
        let chosen = RoundRobin.interleave(RoundRobin.groups(keyed) { $0.pattern }, limit: listed)
        return chosen.map { (knowledge.exercises[$0.index], $0.way) }
    }

    /// The way an exercise is listed with: at a gym (`preferred` kit), one with kit whose load keeps
    /// going up, never trading away the kit its name says; with 0 for such a way and 1 otherwise,
    /// which ranks it before the others of its kind.
    private static func listedWay(
        of exercise: Exercise, in knowledge: KnowledgeBase, _ availability: Availability,
        preferring preferred: Set<EquipmentID>
    ) -> (way: ExerciseWay, loads: Int)? {
        availability.firstWay(of: exercise, preferring: preferred, keeping: knowledge.kitInName(of: exercise)).map {
            way in (way, way.equipment.contains(where: preferred.contains) ? 0 : 1)
        }
    }

    /// The exercises with a way the person can do, those working `targets` as a main muscle
    /// first (then as a helper), those with the kit `preferred` first within a rank, then easier
    /// levels, then in knowledge order.
    func rank(
        _ targets: [MuscleID], _ availability: Availability, preferring preferred: Set<EquipmentID> = []
    ) -> [(exercise: Exercise, way: ExerciseWay)] {
        // Sorted as small keys (score, level, order), not as exercises: see `startingMoves`.
        var scored: [(score: Int, level: Int, loads: Int, order: Int, way: ExerciseWay)] = []
        for (order, exercise) in knowledge.exercises.enumerated() {
            // Stretches loosen; they are not what "best exercises for" asks for.
            guard exercise.pattern != .mobility,
                let (way, loads) = Self.listedWay(of: exercise, in: knowledge, availability, preferring: preferred)
            else { continue }
            var score = 0
            if targets.isEmpty {
                // Ranked for the kit alone: upper back work only (a main muscle of the upper back),
                // and a way that uses what they have before one that needs nothing.
                score = knowledge.worksUpperBack(exercise) ? (way.needs.isEmpty ? 1 : 2) : 0
            } else {
                for role in exercise.muscles where targets.contains(role.muscle) {
                    score += role.role == .primary ? 2 : 1
                }
            }
            guard score > 0 else { continue }
            scored.append((-score, Level.allCases.firstIndex(of: exercise.level) ?? 0, loads, order, way))
        }
        // (Within a rank, a way with the kit said comes before an easier one without it: "single
        // best exercise for traps if i only got dumbbells" leads with a dumbbell move.)
        scored.sort { ($0.score, $0.loads, $0.level, $0.order) < ($1.score, $1.loads, $1.level, $1.order) }
        return scored.map { (knowledge.exercises[$0.order], $0.way) }
    }
}
