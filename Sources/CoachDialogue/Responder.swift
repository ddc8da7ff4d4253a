import CoachModel
import CoachRecommending
import CoachUnderstanding

/// What a responder answers from: the knowledge and the recommenders, built once per coach.
struct ResponderContext: Sendable {
    let knowledge: KnowledgeBase
    let substitutions: SubstitutionFinder
    let workouts: WorkoutBuilder

    /// The line that names the articles a reply comes from; nil when it cites none.
    func citation(_ sources: [Source]) -> Block? {
        guard !sources.isEmpty else { return nil }
        return .sources(
            knowledge.replies(
                .headingSources,
                [
                    "titles": sources.map {
                        knowledge.replies(.sourcesItem, ["title": $0.title, "id": $0.id.rawValue])
                    }
                    .joined(separator: knowledge.replies(.joinSources))
                ]))
    }

    /// Ends the draft with the line naming the articles it cites; returns those articles.
    func addSources(to draft: inout ReplyDraft) -> [Source] {
        let sources = draft.sourceIDs.compactMap(knowledge.source)
        if let citation = citation(sources) { draft.add(citation) }
        return sources
    }
}

/// One small type per kind of reply: given a turn (what was understood, with the conversation's
/// context filled in), it writes structured reply content into the draft and says which ask
/// it answers. A responder that only reads the turn and the state hands them on by value to its
/// reply function, so the compiler holds it to reading them.
protocol Responder: Sendable {
    var context: ResponderContext { get }
    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft)
}

/// What every responder uses: the knowledge, its sentences, and the pieces several replies share.
extension Responder {
    var knowledge: KnowledgeBase { context.knowledge }
    var say: Replies { context.knowledge.replies }

    /// The name of the family these exercises are (`families` in vocabulary.yaml), its longest
    /// spelling ("rows", not "row"); nil when they are no family.
    func familyName(of candidates: [ExerciseID]) -> String? {
        knowledge.language.families.filter { $0.value == candidates }.keys.max { $0.count < $1.count }
    }

    /// The exercise the turn is about; when unclear, asks (offering the likely ones) and
    /// returns nil.
    func exerciseOrAsk(_ draft: inout ReplyDraft, _ turn: Turn) -> Exercise? {
        if let id = turn.exercise, let exercise = knowledge.exercise(id) { return exercise }
        var candidates = turn.understanding.exerciseCandidates.compactMap(knowledge.exercise)
        // ("A smith machine and a flat bench, how do I row?": the rows that kit allows; when one
        // does, that one, not "the Bent-Over Row or the Seated Cable Row?".)
        if candidates.count >= 2, !turn.have.isEmpty {
            let kit = Availability(have: Set(turn.have))
            let fitting = candidates.filter { kit.firstWay(of: $0) != nil }
            if fitting.count == 1 { return fitting[0] }
            if fitting.count >= 2 { candidates = fitting }
        }
        if candidates.count >= 2 {
            draft.add(.paragraph(say(.clarifyExercise, ["first": candidates[0].name, "second": candidates[1].name])))
            draft.exercises = candidates.prefix(2).map { suggestion($0, way: $0.ways.first) }
            draft.offered = candidates.prefix(2).map(\.id)
            draft.reasons.append(.severalExercises(candidates.map(\.id)))
        } else if let lift = turn.understanding.matches.first(where: { $0.entity == .outOfScope }) {
            // A lift it does not cover, named ("how far back on the bench press?"): said so, not
            // "which exercise do you mean?".
            draft.add(
                .paragraph(
                    say(.exerciseOutOfScope, ["name": capitalizedFirst(lift.text), "examples": exampleExercises])))
        } else {
            draft.add(.paragraph(say(.exerciseUnknown, ["examples": exampleExercises])))
        }
        return nil
    }

    /// The sets and reps to start each swap at, in one line ("Sets and reps to start: Reverse Fly
    /// 3 x 8-12; I-Y-T Raise 3 x 5"): a list of moves with no dose leaves the person to guess.
    /// (`ways`: the way offered of each, where known, so that a way called by its own name is
    /// dosed by it: "Single-Arm Band Row 3 x 8-10 each side".)
    func startingDoses(_ exercises: [Exercise], ways: [ExerciseWay?] = [], into draft: inout ReplyDraft) {
        let called = Dictionary(
            zip(exercises, ways).compactMap { exercise, way in way?.called.map { (exercise.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        var seen: Set<ExerciseID> = []
        let doses = exercises.filter { seen.insert($0.id).inserted }.map { exercise -> String in
            let dosage = exercise.dosage
            var dose =
                dosage.reps.map { reps in
                    say(
                        .substitutionDoseReps,
                        [
                            "sets": "\(dosage.sets)",
                            "reps": repsText(reps),
                        ])
                }
                ?? say(
                    .substitutionDoseSeconds,
                    [
                        "sets": "\(dosage.sets)",
                        "seconds": "\(dosage.seconds ?? knowledge.timeModel.defaultHoldSeconds)",
                    ])
            if dosage.perSide { dose += say(.substitutionDosePerSide) }
            draft.cite(dosage.source)
            return (called[exercise.id] ?? exercise.name) + " " + dose
        }
        guard !doses.isEmpty else { return }
        draft.add(.paragraph(say(.substitutionDoses, ["doses": doses.joined(separator: say(.joinAlso))])))
    }

    /// The goal or muscle a swap is asked for ("what else can I do for posture?"), with its
    /// muscles and how the reply names it, when none of them is a main muscle of the exercise
    /// replaced: then what serves that comes first, not what trains the exercise's own muscles.
    func focusAsked(_ understanding: Understanding, replacing exercise: Exercise) -> (
        muscles: [MuscleID], name: String
    )? {
        let goalMuscles = understanding.goal.map(knowledge.focusMuscles) ?? []
        // (A muscle counts only when said as the one to train: "something for my lats", not
        // "chest supported rear delt flys" or "dumbbells in the trunk".)
        let target = understanding.muscle.flatMap { saysAsTarget($0, understanding) ? $0 : nil }
        let muscles = goalMuscles + (target.map { [$0] } ?? []).filter { !goalMuscles.contains($0) }
        guard !muscles.isEmpty, Set(muscles).isDisjoint(with: exercise.primaryMuscles) else { return nil }
        let name = understanding.goal ?? target.map(knowledge.muscleName) ?? ""
        return (muscles, name)
    }

    /// Whether `muscle` is said with a word of training it just before (`names-a-target`: one
    /// ending at most three words before one of its mentions).
    private func saysAsTarget(_ muscle: MuscleID, _ understanding: Understanding) -> Bool {
        let tokens = understanding.words
        let ends = Set(
            Interpreter.phraseEnds(knowledge.language.understanding.wordsAsRead(.namesATarget), in: tokens))
        return understanding.matches.contains { match in
            guard case let .muscle(id) = match.entity, id == muscle else { return false }
            let start = match.range.lowerBound
            return ((start - Self.targetWordReach + 1)...start).contains(where: ends.contains)
        }
    }

    /// How many words before a muscle a word of training it is looked for in.
    static var targetWordReach: Int { 3 }

    /// The first few moves for a focus asked in place of `exercise` (`focusAsked`), ranked as a
    /// question about those muscles is, with what `availability` allows, the exercise left out.
    func movesFor(
        _ focus: (muscles: [MuscleID], name: String), _ availability: Availability, replacing exercise: Exercise
    ) -> [(exercise: Exercise, way: ExerciseWay)] {
        Array(
            BestForResponder(context: context).rank(focus.muscles, availability)
                .filter { $0.exercise.id != exercise.id }.prefix(Self.movesForFocus))
    }

    /// How many moves are offered for a goal or muscle asked for in place of an exercise.
    static var movesForFocus: Int { 3 }

    /// Exercises offered for a muscle or a goal, each as a `bestForLine` with its kit, cited, with
    /// the sets and reps to start at, and as the reply's suggestions.
    func offerForFocus(_ ranked: [(exercise: Exercise, way: ExerciseWay)], into draft: inout ReplyDraft) {
        draft.add(.bullets(ranked.map { bestForLine($0.exercise, $0.way) }))
        ranked.forEach { draft.cite($0.exercise.summary.source) }
        startingDoses(ranked.map(\.exercise), ways: ranked.map(\.way), into: &draft)
        draft.exercises = ranked.map { suggestion($0.exercise, way: $0.way) }
    }

    /// "Band Pull-Apart (resistance band): works rear deltoid, ...": an exercise offered for a
    /// muscle or a goal, with its kit.
    /// (A way people call by its own name goes by it: "Seated Band Row (resistance band)", not
    /// "Seated Cable Row (resistance band)".)
    func bestForLine(_ exercise: Exercise, _ way: ExerciseWay) -> String {
        say(
            .bestForLine,
            [
                "name": way.called ?? exercise.name, "kit": listed(way.equipment.map(knowledge.equipmentName)),
                "muscles": muscleList(exercise),
            ])
    }

    /// Well-known exercises to name as examples ("Face Pull, Bent-Over Row or Pull-Up").
    var exampleExercises: String {
        let named = knowledge.language.exampleExercises.compactMap(knowledge.exercise)
        return (named.isEmpty ? Array(knowledge.exercises.prefix(3)) : named).map(\.name).joined(
            separator: say(.joinList))
    }

    /// The steps toward an exercise someone cannot do yet: its easier exercises, easiest first.
    func progression(toward exercise: Exercise, into draft: inout ReplyDraft) {
        var chain: [Exercise] = []
        var next = exercise.easier.compactMap(knowledge.exercise)
        while let step = next.first, !chain.contains(where: { $0.id == step.id }), chain.count < 4 {
            chain.insert(step, at: 0)
            next = step.easier.compactMap(knowledge.exercise)
        }
        guard !chain.isEmpty else { return }
        let steps = (chain + [exercise]).map(\.name).joined(separator: say(.joinArrow))
        draft.add(.note(say(.substitutionProgression, ["name": exercise.name, "steps": steps])))
    }

    /// "The Face Pull works rear deltoid, trapezius; also ...", cited.
    func worksBlock(_ draft: inout ReplyDraft, _ exercise: Exercise) {
        draft.add(.paragraph(say(.anatomyExercise, ["name": exercise.name, "muscles": muscleList(exercise)])))
        exercise.muscles.forEach { draft.cite($0.source) }
    }

    /// Whether an exercise trains a muscle, asked yes or no ("is the pullover legit for lats?"):
    /// yes when it is one of its main muscles, partly when it only helps, else not really.
    func worksVerdict(_ exercise: Exercise, on muscle: MuscleID) -> String {
        let main = listed(exercise.primaryMuscles.map(knowledge.muscleName))
        let values = ["name": exercise.name, "muscle": knowledge.muscleName(muscle), "main": main]
        if exercise.primaryMuscles.contains(muscle) { return say(.worksYes, values) }
        if exercise.secondaryMuscles.contains(muscle) { return say(.worksPartly, values) }
        return say(.worksNo, values)
    }

    /// The beginner dose: sets and reps (or seconds), per side where it is one side at a time.
    func dosageBlock(_ draft: inout ReplyDraft, _ exercise: Exercise, heading: Bool = true) {
        let dosage = exercise.dosage
        var text: String
        if let reps = dosage.reps {
            text = say(.dosageReps, ["sets": "\(dosage.sets)", "reps": repsText(reps), "name": exercise.name])
        } else {
            text = say(
                .dosageSeconds,
                [
                    "sets": "\(dosage.sets)", "seconds": "\(dosage.seconds ?? knowledge.timeModel.defaultHoldSeconds)",
                    "name": exercise.name,
                ])
        }
        if dosage.perSide { text += " " + say(.dosagePerSide) }
        if heading { draft.add(.heading(say(.headingDosage))) }
        draft.say(SourcedText(text: text, source: dosage.source))
    }

    /// The exercise's steps, under a heading that names the way they are written for.
    func stepsBlock(_ draft: inout ReplyDraft, _ exercise: Exercise) {
        let way = exercise.ways.first { $0.id == exercise.steps.way }
        let heading = say(.headingSteps) + (way.map { " (\($0.name))" } ?? "")
        draft.add(.heading(heading))
        draft.add(.numbered(exercise.steps.items))
        draft.cite(exercise.steps.source)
    }

    /// "rear delts (posterior deltoid), trapezius; also rhomboids".
    func muscleList(_ exercise: Exercise) -> String {
        let primary = exercise.primaryMuscles.map(knowledge.muscleName).joined(separator: say(.joinList))
        let secondary = exercise.secondaryMuscles.map(knowledge.muscleName)
        return secondary.isEmpty
            ? primary
            : primary + say(.joinAlso)
                + say(.anatomySecondary, ["muscles": secondary.joined(separator: say(.joinList))])
    }
    func suggestion(_ exercise: Exercise, way: ExerciseWay?, why: String? = nil) -> Reply.Suggestion {
        Reply.Suggestion(id: exercise.id, name: exercise.name, equipment: way?.equipment ?? [], why: why, way: way?.id)
    }
    /// Says which reported pain areas the suggestions leave alone, and why.
    func noteSpared(_ areas: Set<String>, _ draft: inout ReplyDraft) {
        let names = areaNames(areas)
        guard !names.isEmpty else { return }
        // (Pain where a workout can simply leave it out, a wrist or the lower back, is no reason to
        // skip training.)
        let aside = areas.allSatisfy { id in knowledge.safety.painAreas.first { $0.id == id }?.workAround == true }
        draft.add(.note(say(aside ? .sparedAreasAside : .sparedAreas, ["area": names])))
        spareTips(areas, into: &draft)
        draft.reasons.append(.sparesPain(areas.sorted()))
    }
    /// Says which ways of lying down are left out ("moves done lying face down"), when any are.
    func noteCannotLie(_ ways: Set<Lying>, _ draft: inout ReplyDraft) {
        guard !ways.isEmpty else { return }
        let allOnTheFloor = ways.isSuperset(of: Lying.onTheFloor)
        if allOnTheFloor { draft.add(.note(say(.lyingLeftOutAll))) }
        let rest = Lying.allCases.filter { ways.contains($0) && !(allOnTheFloor && Lying.onTheFloor.contains($0)) }
        guard !rest.isEmpty else { return }
        let names = rest.map { say(.lying($0)) }
        draft.add(.note(say(.lyingLeftOut, ["ways": names.joined(separator: say(.joinOr))])))
    }

    /// Two ways of one exercise weighed against each other ("barbell row vs dumbbell row, which is
    /// better for thickness?"): the same muscles, then what each way gives (`offers`), for the
    /// ways with the kit the line names. False when fewer than two such ways say what they give.
    func compareWays(_ exercise: Exercise, _ turn: Turn, into draft: inout ReplyDraft) -> Bool {
        // (Or weighed for a level: "barbell row or dumbbell row for a beginner?")
        guard
            turn.mentions(knowledge.language.words(.asksWhichBetter))
                || turn.understanding.rule == .kitSwap && turn.understanding.level != nil
        else { return false }
        var ways: [ExerciseWay] = []
        // (Not kit read from a general word only: "bar in front or behind the neck?" of the lat
        // pulldown names the machine's own bar, no pull-up bar to weigh against a band.)
        let named = Set(
            turn.understanding.matches.compactMap { match -> EquipmentID? in
                if case let .equipment(id) = match.entity { id } else { nil }
            })
        // (Nor the whole of a gym said: "my gym buddy swears behind the neck is better" weighs no kit.)
        let fromGeneralWords = Set(turn.understanding.equipmentFamilies.flatMap(\.candidates)).subtracting(named)
        let kits = (turn.have + turn.missing).filter { kit in
            !fromGeneralWords.contains(kit) && (!turn.understanding.wholeGym || named.contains(kit))
        }
        for kit in kits {
            if let way = exercise.ways.first(where: { $0.offers != nil && $0.equipment.contains(kit) }),
                !ways.contains(where: { $0.id == way.id })
            {
                ways.append(way)
            }
        }
        guard ways.count >= 2 else { return false }
        draft.ask = .compare
        draft.add(.paragraph(say(.swapForWaysCompared, ["name": exercise.name])))
        draft.add(
            .bullets(ways.compactMap { way in way.offers.map { "\(capitalizedFirst(way.name)): \(draft.marked($0))" } })
        )
        ways.compactMap(\.offers).forEach { draft.cite($0.source) }
        draft.exercises += ways.map { suggestion(exercise, way: $0) }
        return true
    }

    /// `texts` without those for someone new to lifting when the line says the person is past the
    /// beginner level ("4 years of training", "I'm an advanced lifter").
    func forTheirLevel(_ texts: [SourcedText], _ turn: Turn) -> [SourcedText] {
        guard let level = turn.understanding.level, level > .beginner else { return texts }
        return texts.filter { $0.stage != .newToIt }
    }

    /// How each piece of `kit` that `exercise` is done with is made harder, where it has its own
    /// ways (a band's: stand further back, fold it double), in the order of the kit's ids.
    func kitHarderTips(_ exercise: Exercise, kit: Set<EquipmentID>) -> [String] {
        kit.sorted().compactMap { id in
            exercise.ways.contains { $0.equipment.contains(id) } ? knowledge.equipment(id)?.harder : nil
        }
    }

    /// The exercises a line names, in the order named, each once; with `families`, a name shared by
    /// several ("rows") stands for its first exercise.
    func namedExercises(_ turn: Turn, families: Bool = false) -> [Exercise] {
        var ids: [ExerciseID] = []
        for match in turn.understanding.matches {
            switch match.entity {
            case let .exercise(id): if !ids.contains(id) { ids.append(id) }
            case let .family(members) where families:
                if let first = members.first, !ids.contains(first) { ids.append(first) }
            default: break
            }
        }
        return ids.compactMap(knowledge.exercise)
    }
    /// The note on areas a reply leaves out as the line reports them: to keep to a professional's
    /// advice when one is looking after it, else when to have it seen.
    func sparedNowKey(_ turn: Turn) -> ReplyKey {
        turn.understanding.seenProfessional ? .sparedAreasUnderCare : .sparedAreasNow
    }

    /// How to do the moves left in without loading `areas` (their `spare_tip`), each once.
    func spareTips(_ areas: Set<String>, into draft: inout ReplyDraft) {
        for id in areas.sorted() {
            guard let tip = knowledge.safety.painArea(id)?.spareTip else { continue }
            draft.add(.note(draft.marked(tip)))
            draft.cite(tip.source)
        }
    }

    /// Pain areas by name, in a fixed order: "lower back or shoulder".
    func areaNames(_ areas: Set<String>) -> String {
        areas.sorted().compactMap { knowledge.safety.painArea($0)?.name }.joined(separator: say(.joinOr))
    }
    func capitalizedFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    /// Whether `replacement` does `original`'s job, said with the main muscles both work: yes
    /// (the same main muscles and kind of movement), partly, or not really (no main muscle shared).
    /// For "can I swap rows for pull-ups?" and "is a pull-apart as good as a reverse fly?" alike.
    func swapVerdict(replacing original: Exercise, with replacement: Exercise) -> String {
        let shared = original.primaryMuscles.filter(replacement.primaryMuscles.contains)
        let lost = original.primaryMuscles.filter { !replacement.primaryMuscles.contains($0) }
        let names = { (ids: [MuscleID]) in ids.map(knowledge.muscleName).joined(separator: say(.joinList)) }
        if worksOnlyAsHelper(replacing: original, with: replacement) {
            return say(
                .swapForLighter,
                [
                    "original": original.name, "replacement": replacement.name,
                    "muscles": listed(lost.map(knowledge.muscleName)),
                    "own": listed(replacement.primaryMuscles.map(knowledge.muscleName)),
                ])
        }
        let verdict: ReplyKey =
            shared.isEmpty
            ? .swapForNo : (lost.isEmpty && original.pattern == replacement.pattern ? .swapForYes : .swapForPartly)
        return say(verdict, ["original": original.name, "replacement": replacement.name, "muscles": names(shared)])
    }

    /// The Cobra for the Superman: what the first mainly works, the second works only as a helper
    /// (no main muscle shared, every one of the first's a helper of the second), so it is the
    /// lighter of the two on those muscles, not a different job.
    func worksOnlyAsHelper(replacing original: Exercise, with replacement: Exercise) -> Bool {
        let lost = original.primaryMuscles.filter { !replacement.primaryMuscles.contains($0) }
        return lost.count == original.primaryMuscles.count && !lost.isEmpty
            && lost.allSatisfy(replacement.secondaryMuscles.contains)
    }

    /// "With a best of 5 in a row, do your Pull-Up sets at about 4 reps...": sets of a share of a
    /// best said (the team's `percent_of_best`), so every rep stays clean.
    func doseFromBest(_ best: Int, of exercise: Exercise) -> Block {
        let reps = knowledge.timeModel.repsPerSet(ofBest: best)
        return .paragraph(
            say(
                .formDoseFromBest,
                [
                    "best": "\(best)", "reps": "\(reps)", "percent": "\(knowledge.timeModel.percentOfBest)",
                    "exercise": exercise.name,
                ]) + say(.logOurRule))
    }

    /// "a, b and c" (`Replies.listed`).
    func listed(_ items: [String], last: ReplyKey = .joinAnd) -> String { say.listed(items, last: last) }

    /// How many times, in words: "no times", "once", "twice", "3 times".
    func timesSaid(_ count: Int) -> String {
        switch count {
        case 0: say(.logTimesNone)
        case 1: say(.logTimesOnce)
        case 2: say(.logTimesTwice)
        default: say(.logTimes, ["count": "\(count)"])
        }
    }

    /// A range of reps as a dose says it: "8-12", or "5" when it is one number.
    func repsText(_ reps: ClosedRange<Int>) -> String {
        reps.lowerBound == reps.upperBound ? "\(reps.lowerBound)" : "\(reps.lowerBound)-\(reps.upperBound)"
    }
    /// "rear deltoid", or a goal's name ("posture").
    func focusName(_ focus: String) -> String { knowledge.muscle(MuscleID(focus))?.name ?? focus }
}
