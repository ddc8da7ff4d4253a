import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Form questions: how to do an exercise, or one point of it first.
struct FormResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .howTo
        // ("I can't actually do pull-ups tho" of a plan whose pull-ups are slow lowerings only: the
        // plan already holds the first step, said before how to work up to the full move.)
        if turn.reasons.contains(.cannotDoInPlan), let id = turn.exercise, let exercise = knowledge.exercise(id),
            let item = state.lastPlan?.items.first(where: { $0.exercise == id && !$0.isWarmUp }),
            item.name != exercise.name
        {
            draft.add(.paragraph(say(.formInPlanAlready, ["name": item.name])))
        }
        formReply(&draft, turn, state: state)
        // ("How do you do Y-T-W raises?" with a shoulder that hurts overhead reported earlier: the
        // answer, and that this move loads it.)
        if let id = draft.exercises.first?.id, draft.exercises.count == 1, let exercise = knowledge.exercise(id) {
            let loaded = exercise.loads.intersection(state.painReported)
            if !loaded.isEmpty {
                draft.add(.note(say(.formLoadsSpared, ["area": areaNames(loaded), "name": exercise.name])))
            } else if !state.painReported.isEmpty, draft.ask == .howTo || draft.ask == .whatIs,
                turn.understanding.wordCount <= Self.shortAboutAMove
            {
                // ("Physio said no overhead stuff ... thx, what about face pulls": that it leaves
                // the area alone is the answer they are after.)
                let areas = Set(state.painReported)
                draft.add(.note(say(.formSparesReported, ["area": areaNames(areas), "name": exercise.name])))
            }
        }
    }

    /// The most words of a line that only names a move ("what about face pulls"): after a pain,
    /// whether the move leaves it alone is what such a line asks.
    static let shortAboutAMove = 6

    /// How sure the topic classifier must be before a family's general question is answered by a
    /// topic rather than a question back.
    static let familyTopicFloor = 0.5

    /// A general question about a family of exercises ("stuck on rows, how do I progress?"): the
    /// topic that answers it for all of them rather than "which row do you mean?", with the two
    /// likeliest offered for their own answer ("the bent over one" then picks one). False when no
    /// topic answers the ask surely enough.
    private func familyTopic(_ draft: inout ReplyDraft, _ turn: Turn) -> Bool {
        let candidates = turn.understanding.exerciseCandidates.compactMap(knowledge.exercise)
        guard turn.exercise == nil, candidates.count >= 2, let ask = turn.understanding.ask,
            let best = turn.understanding.topicRanking.first, best.score >= Self.familyTopicFloor,
            let topic = knowledge.topic(best.id), topic.answers == ask,
            // (Sets of a family asked by the week, "how many sets of rows per week?", are its usual
            // member's dose and how often to train, not a card on sets in general.)
            ask != .dose || !turn.asksAbout(knowledge.language.words(.asksFrequency))
        else { return false }
        draft.ask = ask
        draft.say(topic)
        draft.add(.note(say(.formFamilyTopicMore, ["first": candidates[0].name, "second": candidates[1].name])))
        draft.offered = candidates.prefix(2).map(\.id)
        return true
    }

    /// One point of form asked of a family ("tempo for rows?", "should my shoulder blades move on
    /// rows?"): a point like that holds for the whole family, so it is answered from the member
    /// the family's name usually means (its first), saying so, with the next two offered for their
    /// own cues ("the seated one" then picks one). It used to ask "which row do you mean?" first.
    /// False when the question names no point, asks for the whole how-to, or the first member's
    /// cues do not speak to the point.
    private func familyPoint(_ draft: inout ReplyDraft, _ turn: Turn) -> Bool {
        let candidates = turn.understanding.exerciseCandidates.compactMap(knowledge.exercise)
        // (Not when sets are asked in so many words: "how many sets of rows per week for a thicker
        // back?" names the back as the goal, not a point of form.)
        let asksSets =
            turn.understanding.ask == .dose && turn.asksAbout(knowledge.language.words(.asksDose))
        guard turn.exercise == nil, candidates.count >= 3, turn.understanding.ask != .howTo, !asksSets,
            let family = familyName(of: candidates.map(\.id))
        else { return false }
        let start = draft.blocks.count
        guard leadWithCueTopic(&draft, about: turn.pointFeatures, candidates[0]) else { return false }
        draft.blocks.insert(
            .paragraph(say(.formFamilyPoint, ["family": family, "name": candidates[0].name])), at: start)
        draft.add(.note(say(.formFamilyPointMore, ["first": candidates[1].name, "second": candidates[2].name])))
        draft.ask = .formPoint
        draft.exercises = [suggestion(candidates[0], way: candidates[0].ways.first)]
        draft.offered = Array(candidates.prefix(3).map(\.id))
        return true
    }

    /// The dose of each of the two exercises just compared ("how many sets of each if i do both").
    private func pairDose(_ draft: inout ReplyDraft, _ turn: Turn) -> Bool {
        let pair = turn.comparedPair.compactMap(knowledge.exercise)
        guard pair.count == 2, turn.understanding.ask == .dose else { return false }
        startingDoses(pair, into: &draft)
        draft.ask = .dose
        draft.exercises = pair.map { suggestion($0, way: $0.ways.first) }
        return true
    }

    /// Sets and reps asked of a family ("how many sets of rows should I do?"), or how heavy: the dose of the
    /// member the family's name usually means, saying so, with the weekly topic when the line
    /// asks about the week too, and the next two offered for their own. It used to ask "which
    /// row do you mean?" and answer nothing.
    private func familyDose(_ draft: inout ReplyDraft, _ turn: Turn) -> Bool {
        let candidates = turn.understanding.exerciseCandidates.compactMap(knowledge.exercise)
        guard turn.exercise == nil, candidates.count >= 3, [.dose, .load].contains(turn.understanding.ask),
            let family = familyName(of: candidates.map(\.id))
        else { return false }
        let usual = candidates[0]
        draft.add(.paragraph(say(.formFamilyDose, ["family": family, "name": usual.name])))
        // ("What weight should I use for rows?": how heavy, the same way.)
        if turn.understanding.ask == .load {
            let facts = usual.facts(answering: .load)
            if facts.isEmpty, let topic = knowledge.topic(answering: .load) {
                draft.say(topic)
            } else {
                draft.list(facts)
            }
            draft.add(.note(say(.formFamilyDoseMore, ["first": candidates[1].name, "second": candidates[2].name])))
            draft.ask = .load
            draft.exercises = [suggestion(usual, way: usual.ways.first)]
            draft.offered = Array(candidates.prefix(3).map(\.id))
            return true
        }
        draft.list(usual.facts(answering: .dose))
        dosageBlock(&draft, usual, heading: false)
        weeklyDose(&draft, turn)
        // (The week named, "how many sets of rows per week?", brings how often to train.)
        let frequency = turn.understanding.topicRanking.first.flatMap { best in
            best.score >= Self.familyTopicFloor ? knowledge.topic(best.id) : nil
        }.flatMap { $0.answers == .frequency ? $0 : nil }
        let weekly =
            turn.asksAbout(knowledge.language.words(.asksFrequency)) ? knowledge.topic(answering: .frequency) : nil
        if let topic = frequency ?? weekly { draft.say(topic) }
        draft.add(.note(say(.formFamilyDoseMore, ["first": candidates[1].name, "second": candidates[2].name])))
        draft.ask = .dose
        draft.exercises = [suggestion(usual, way: usual.ways.first)]
        draft.offered = Array(candidates.prefix(3).map(\.id))
        return true
    }

    /// How much a week, when a week is named with the dose ("how many sets of face pulls a week is
    /// enough? I do 3x15 once a week"): the dose topics' facts that also say how often.
    private func weeklyDose(_ draft: inout ReplyDraft, _ turn: Turn) {
        guard turn.asksAbout(knowledge.language.words(.asksWeek)) else { return }
        draft.list(
            knowledge.topics.filter { $0.answers == .dose }.flatMap(\.answer).filter { $0.answers.contains(.frequency) }
        )
    }

    /// The answer to what was asked about the exercise: the whole card only for how-to, else the
    /// part that answers the ask, with an offer of the rest.
    func formReply(_ draft: inout ReplyDraft, _ turn: Turn, state: ConversationState) {
        // (Two exercises named with a level, "face pulls or reverse flys for a beginner?", ask
        // which suits it: a comparison that leads with the verdict.)
        if turn.understanding.ask == .compare || Self.weighsTwo(turn, knowledge)
            || turn.understanding.ask == .levelFit && turn.understanding.level != nil
                && namedExercises(turn).count >= 2,
            compare(&draft, turn)
        {
            return
        }
        if pairDose(&draft, turn) || familyTopic(&draft, turn) || familyPoint(&draft, turn) || familyDose(&draft, turn)
        {
            return
        }
        guard let exercise = exerciseOrAsk(&draft, turn) else { return }
        // ("Face pulls with a band or the cable, which is better?": the two ways weighed.)
        if compareWays(exercise, turn, into: &draft) { return }
        draft.exercises = [suggestion(exercise, way: exercise.ways.first)]
        // A dose read from a word of reps ("are partial reps worth anything?") that asks no dose
        // and names a point of form: the point.
        // (Nor when it asks when to go heavier: "3x10 forever, jump to 35 feels huge".)
        var ask = turn.understanding.ask
        let asksWhenHeavier = turn.says(.asksWhenHeavier, knowledge.language) || turn.continuesWhenHeavier
        if ask == .dose, !turn.asksAbout(knowledge.language.words(.asksDose)),
            !turn.asksAbout(knowledge.language.words(.asksHowLong)), !asksWhenHeavier, names(aPointOf: exercise, turn)
        {
            ask = .formPoint
        }
        // So is how heavy read from a question that names no weight but a point ("how slow am I
        // supposed to lower the bar on lat pulldown?": the tempo).
        if ask == .load, !turn.asksAbout(knowledge.language.words(.asksLoad)), names(aPointOf: exercise, turn) {
            ask = .formPoint
        }
        // And how to progress, read from words of more reps, in a question that names a point of
        // form and asks for no next step ("my pull ups are half reps ... does it matter if it gets
        // me more reps?": the range).
        if ask == .progression, names(aPointOf: exercise, turn), !turn.asksAbout(knowledge.language.words(.asksNext)),
            turn.understanding.rule != .plateau, turn.understanding.substituteReason != .cannotDoYet,
            !asksWhenHeavier, turn.asksYesNo
        {
            ask = .formPoint
        }
        // "Explain the I-Y-T raise, like what are the positions?": what it is and its steps, not
        // the definition alone or a few cues (not "explain why the pulldown goes to the front").
        if [.whatIs, .formPoint].contains(ask), asksExplained(turn) { ask = .whatIs }
        // And what it works, read from a question about where it should be felt ("why do pullups
        // hit my biceps more than my back? where am i supposed to feel it?"): that point.
        // (Not of a day asked for it: "back day or chest day?" names no back to keep flat.)
        if ask == .whatItWorks, turn.daysAsked.isEmpty, names(aPointOf: exercise, turn) { ask = .formPoint }
        // Whether it trains a muscle the line names, asked yes or no ("is the pullover legit for
        // lats?"): what it works, with the verdict first. (A comparison read from one exercise
        // named has nothing to compare it with. Not when it names a point of form: "do you always
        // recommend external rotation with face pulls? ... rear delts" asks about the rotation.)
        if turn.asksYesNo, turn.understanding.muscle != nil, !names(aPointOf: exercise, turn),
            [.howTo, .whatIs, .bestFor].contains(ask) || ask == .compare && namedExercises(turn).count < 2
        {
            ask = .whatItWorks
        }
        // "Just hit my first pull-up ever!": well done, then how to build on it (unless something
        // hurts, or the line asks something else of it in so many words).
        let celebrates =
            turn.tellsOfMilestone(knowledge.language) && !turn.understanding.painMentioned
            && !Self.pointAsks.contains(ask ?? .progression)
        if celebrates {
            draft.add(.paragraph(say(.formCelebrate)))
            ask = .progression
        }
        // "Doing negatives for two months, what's next?" asks how to progress, whatever the words
        // of level or of what it is around it suggest; so does "stuck at 0 pull ups, what am I
        // doing wrong / what's next?", whose words of what goes wrong ask for a point of form.
        let stuckAtZero = ask == .formPoint && turn.understanding.repsAlready == 0
        if [.levelFit, .whatIs, .howTo].contains(ask) || stuckAtZero,
            turn.asksAbout(knowledge.language.words(.asksNext))
        {
            ask = .progression
        }
        // "When should I go up in weight on db rows? I do 3x10 with 20 kg": the rule for moving
        // on, for this exercise's range, leads (the team's rule from progress.yaml).
        // (Someone who says they already do sets at the top of the range, "been on 3x10 forever,
        // jumping to the next dumbbell feels huge", is told to go up, and how to take the jump.)
        let said = turn.understanding.repsPerSet ?? turn.understanding.repsAlready
        // (So does a plateau at a load said with the reps done: "been on 60kg seated cable row 3x10
        // for two months, cant get 65": the reps climb at that load before the next step.)
        let plateauAtALoad =
            turn.understanding.rule == .plateau && (said ?? 0) > 0
            && turn.mentions(knowledge.language.words(.loadUnits))
        if [.progression, .load, .dose].contains(ask), let reps = exercise.dosage.reps,
            asksWhenHeavier || plateauAtALoad,
            let rule = knowledge.progress.advice[
                (said ?? 0) >= reps.upperBound ? .atTopSaid : said == nil ? .stayAtLoad : .stayAtLoadSaid]
        {
            draft.cite(rule.basis)
            let values = [
                "exercise": exercise.name, "top": "\(reps.upperBound)", "bottom": "\(reps.lowerBound)",
                "said": said.map(String.init) ?? "", "sessions": "\(knowledge.progress.sessionsAtTop)",
            ]
            draft.add(.paragraph(Replies.fill(rule.text, values) + say(.logOurRule)))
            ask = .progression
        }
        // "How many pull-ups per workout? I can only do 4 in a row": sets of a share of that best,
        // so every rep stays clean (the team's `percent_of_best`), before the usual dose.
        if ask == .dose, let best = turn.understanding.repsAlready,
            best > 0, exercise.dosage.reps != nil, turn.understanding.repsPerSet == nil
        {
            draft.add(doseFromBest(best, of: exercise))
            ask = .dose
        }
        // "Is it bad to do face pulls every day?" asks how often, in words of whether it is safe.
        // So does a yes-or-no question said of every day in other words ("is 100 band pull-aparts a
        // day too much?", "100 a day challenge - dumb or legit?"), unless it asks a point of form.
        let daily = turn.says(.asksDaily, knowledge.language)
        if daily, ask == .isSafe || turn.asksYesNo && ![.formPoint, .setUp, .howTo, .compare].contains(ask) {
            ask = .frequency
        }
        // (An answer may settle on another ask than the one read: a what-is that names a problem of
        // form is answered as that point.)
        let askBefore = draft.ask
        draft.ask = ask
        if let ask, answer(ask, about: exercise, turn, into: &draft) {
            // "What frequency, sets and reps, and intensity for face pulls?" asks three things of
            // one exercise: each part its question names gets its answer, under its heading.
            // (Each part comes under a heading of its own: the dose's, or its topic's title.)
            let notDose = turn.asksAbout(knowledge.language.words(.notDose))
            for (other, signal) in Self.sideAsks
            where other != ask && turn.asksAbout(knowledge.language.words(signal)) && !(other == .dose && notDose) {
                if other == .dose {
                    draft.list(exercise.facts(answering: .dose))
                    dosageBlock(&draft, exercise, heading: true)
                } else {
                    _ = answer(other, about: exercise, turn, into: &draft)
                }
            }
            // (Not the offer of the whole card for a move a professional ruled out.)
            if !professionalAdvisedAgainst(turn) { draft.add(.note(say(.formMore, ["name": exercise.name]))) }
            return
        }
        draft.ask = askBefore
        // A question that is not how-to but names no point in its question sentence ("what's the
        // best approach?" after a backstory about retracting the shoulder blades): the point the
        // post is about, before the whole card.
        // (Only the cue topics there: sets, mistakes and steps named in a backstory are not asked.)
        // (Asked in so many words how to do it, the whole card, whatever kit or part the rest of
        // the post names: "how do u do a face pull. never done one, my gym has the cable thing
        // with a rope".)
        let asksHowToDoIt = turn.understanding.ask == .howTo && turn.understanding.asksHow
        // (How-to guessed with no word of how, "my lower back rounds on barbell rows by rep 6.
        // hinge looks fine on the first few. cues?", is no request for the whole card either.)
        if !asksHowToDoIt,
            leadWithPoint(&draft, turn, exercise)
                || leadWithCueTopic(&draft, about: turn.understanding.features, exercise)
        {
            draft.ask = .formPoint
            draft.add(.note(say(.formMore, ["name": exercise.name])))
            return
        }
        // Not how to do it, and no point its own cues speak to, but one a topic surely answers
        // ("lat pulldown: wide grip or close grip?", the topic on grip width): that topic.
        if turn.understanding.ask != .howTo,
            let topic = FAQResponder.topicAnswering(
                turn.understanding, in: knowledge, floor: Self.familyTopicFloor, ask: .formPoint)
        {
            draft.ask = .formPoint
            draft.say(topic)
            draft.add(.note(say(.formMore, ["name": exercise.name])))
            return
        }
        // (Kit said earlier in the conversation counts too: "a smith machine and a bench, how do I
        // row?", then "the bent-over one" leads with the Smith machine way.)
        let kit = turn.understanding.have.isEmpty ? state.equipment ?? [] : Set(turn.understanding.have)
        card(exercise, kitSaid: kit, into: &draft)
    }

    /// Fewer set-up facts than this answer "how do I set it up" only with the steps beside them.
    static let fewestSetUpFacts = 2

    /// Asks about one point of an exercise: a milestone told with one of them ("got my first
    /// pull-up, how do I set my grip now?") is answered as asked, without the well done.
    /// Whether a doctor or physiotherapist who saw the person is said to have ruled the move out
    /// ("my doctor said deadlifts were dangerous for my spine").
    func professionalAdvisedAgainst(_ turn: Turn) -> Bool {
        turn.understanding.seenProfessional && turn.says(.advisedAgainst, knowledge.language)
    }

    static let pointAsks: Set<Ask> = [.formPoint, .setUp, .compare, .dose, .load, .frequency, .howTo, .isSafe]

    /// Two exercises named with words of weighing them ("face pull or reverse fly for rear delts?
    /// and what's the difference really"), whatever ask the classifier made of it.
    static func weighsTwo(_ turn: Turn, _ knowledge: KnowledgeBase) -> Bool {
        let named = turn.understanding.matches.filter { $0.entity.isExercise }
        let distinct = Set(named.compactMap { if case let .exercise(id) = $0.entity { id } else { nil } })
        guard distinct.count >= 2 else { return false }
        return turn.asksAbout(knowledge.language.words(.asksWhichBetter)) || joinsAChoice(turn, knowledge)
    }

    /// Most words between two exercises joined as a choice ("pull-ups or the lat pulldown").
    static let wordsJoiningAChoice = 3

    /// Whether a question joins two different exercises as a choice ("should I do pull-ups or lat
    /// pulldowns as a beginner?"), and asks nothing of one of them alone (not "how many sets of
    /// rows or pulldowns?", which asks a dose of either).
    static func joinsAChoice(_ turn: Turn, _ knowledge: KnowledgeBase) -> Bool {
        guard turn.asksQuestion,
            !sideAsks.contains(where: { turn.understanding.ask == $0.ask && turn.says($0.signal, knowledge.language) })
        else { return false }
        let words = turn.understanding.words
        let joiners = knowledge.language.understanding.wordsAsRead(.eitherOr)
        let ordered = turn.understanding.matches.filter { $0.entity.isExercise }.sorted {
            $0.range.lowerBound < $1.range.lowerBound
        }
        return zip(ordered, ordered.dropFirst()).contains { first, second in
            guard first.entity != second.entity, first.range.upperBound <= second.range.lowerBound,
                second.range.lowerBound - first.range.upperBound <= wordsJoiningAChoice,
                second.range.lowerBound <= words.count
            else { return false }
            return words[first.range.upperBound..<second.range.lowerBound].contains(where: joiners.contains)
        }
    }

    /// Asks a question about one exercise may add to its main one, each with the words that name it.
    static let sideAsks: [(ask: Ask, signal: Signal)] = [
        (.dose, .asksDose), (.frequency, .asksFrequency), (.load, .asksLoad),
    ]

    /// Reps someone says they already do from which the facts about a first rep are not for them.
    static let repsPastTheFirst = 3

    /// "Do I need a bench for bent-over rows?": no, when a way of it (not a drill) uses none of the
    /// kit asked about (said with the way), else yes. The kit asked about is what the line names,
    /// every piece a general word ("weights") may mean.
    private func kitNeededVerdict(_ draft: inout ReplyDraft, _ exercise: Exercise, _ turn: Turn) {
        let asked = Set(turn.have).union(turn.understanding.equipmentFamilies.flatMap(\.candidates))
            .subtracting([knowledge.bodyweightID])
        // (A gym named is no piece of kit asked about: "necessary to spend hours in the gym doing
        // pull-ups?" is not whether the pull-up needs every machine there.)
        guard !asked.isEmpty, !turn.understanding.wholeGym else { return }
        // ("Weights": each piece the word may mean, "a dumbbell, kettlebell or barbell".)
        let ordered =
            Set(turn.have).subtracting([knowledge.bodyweightID]).sorted()
            + turn.understanding.equipmentFamilies.flatMap(\.candidates)
        var names: [String] = []
        for id in ordered where !names.contains(knowledge.equipmentName(id)) {
            names.append(knowledge.equipmentName(id))
        }
        let named = listed(names, last: .joinOr)
        if let way = exercise.ways.first(where: { !$0.isDrill && $0.needs.isDisjoint(with: asked) }) {
            draft.add(.paragraph(say(.formKitNotNeeded, ["name": exercise.name, "way": way.name, "kit": named])))
        } else {
            draft.add(.paragraph(say(.formKitNeeded, ["name": exercise.name, "kit": named])))
        }
    }

    /// "Back day or chest day?": the day said that trains most of the exercise's main muscles (the
    /// pullover's chest: chest day), either when days tie, else neither.
    private func dayVerdict(_ draft: inout ReplyDraft, _ exercise: Exercise, _ days: [String]) {
        let score = { (day: String) in
            exercise.primaryMuscles.filter { (knowledge.language.trainingDays[day] ?? []).contains($0.rawValue) }.count
        }
        let best = days.map(score).max() ?? 0
        let fitting = best == 0 ? [] : days.filter { score($0) == best }
        let muscles = exercise.primaryMuscles.map(knowledge.muscleName).joined(separator: say(.joinList))
        let key: ReplyKey = fitting.count == 1 ? .formDayOne : fitting.isEmpty ? .formDayNeither : .formDayEither
        draft.add(.paragraph(say(key, ["day": fitting.first ?? "", "name": exercise.name, "muscles": muscles])))
    }

    /// Whether the line asks for an exercise to be explained ("explain the I-Y-T raise, like what
    /// are the positions?"), not why something is so, and reports no pain.
    private func asksExplained(_ turn: Turn) -> Bool {
        turn.says(.asksExplained, knowledge.language) && !turn.says(.asksWhy, knowledge.language)
            && !turn.understanding.painMentioned
    }

    /// The asks about one exercise that its own facts answer, whatever the intent.
    static func answersAlone(_ ask: Ask) -> Bool {
        [.formPoint, .setUp, .dose, .load, .whatIs, .levelFit, .isSafe, .progression, .frequency].contains(ask)
    }

    /// A dose said in a yes-or-no question ("is 3x10 enough?", "are 5 sets of 20 too many?"),
    /// weighed against the exercise's usual dose: within it, too few or too many reps, too few or
    /// many sets. Said in one line before the usual dose; nothing when no dose is said.
    private func doseVerdict(_ draft: inout ReplyDraft, _ exercise: Exercise, _ turn: Turn) {
        guard turn.asksYesNo, let reps = turn.understanding.repsPerSet, let range = exercise.dosage.reps else {
            return
        }
        let sets = turn.understanding.setsSaid ?? exercise.dosage.sets
        let usual = exercise.dosage.sets
        let key: ReplyKey =
            reps < range.lowerBound
            ? .formDoseFewReps
            : reps > range.upperBound
                ? .formDoseManyReps
                : sets < usual
                    ? .formDoseFewSets : sets > usual + Self.extraSetsStillFine ? .formDoseManySets : .formDoseFits
        let values = [
            "name": exercise.name, "sets": "\(sets)", "reps": "\(reps)", "usual": "\(usual)",
            "range": repsText(range),
            "top": "\(range.upperBound)", "bottom": "\(range.lowerBound)",
        ]
        draft.add(.paragraph(say(key, values) + say(.teamMark)))
    }

    /// Sets past the usual dose that still need no warning (a fourth set of three is fine).
    static let extraSetsStillFine = 1

    /// One part of the card for one ask; false when this ask is answered with the whole card.
    private func answer(_ ask: Ask, about exercise: Exercise, _ turn: Turn, into draft: inout ReplyDraft) -> Bool {
        // (Someone who cannot do it yet is working up to a first rep; someone who says they already
        // do a few is past it.)
        // ("Stuck on 0 pull-ups" cannot do one yet as plainly.)
        // (A plateau is past it too: "been on 60kg seated cable row 3x10 for 2 months, cant get 65".)
        let cannotYet =
            (turn.understanding.substituteReason == .cannotDoYet && turn.understanding.rule != .plateau
                || turn.understanding.repsAlready == 0)
            && !turn.tellsOfMilestone(knowledge.language)
        // (A milestone told, "just got my first pull-up!", is past the first rep.)
        // (So is a plateau of someone who can do some: "as soon as I could do a pull up ... I
        // wanted to be able to do more than 1".)
        let pastFirst =
            (turn.understanding.repsAlready ?? 0) >= Self.repsPastTheFirst
            || turn.tellsOfMilestone(knowledge.language)
            || turn.understanding.rule == .plateau && !cannotYet
                && turn.understanding.substituteReason != .cannotDoYet
        let stage: RepStage? = cannotYet ? .firstRep : pastFirst ? .pastFirstRep : nil
        let tagged = Self.forKitSaid(
            exercise.facts(answering: ask, at: stage), exercise, have: Set(turn.have), missing: Set(turn.missing))
        switch ask {
        case .dose:
            // ("Is 3 sets of 10 enough for face pulls?": yes or no, against the usual dose, first.)
            doseVerdict(&draft, exercise, turn)
            // A fact about this very dose (how long to hold the top) leads; the usual sets follow.
            draft.list(tagged)
            dosageBlock(&draft, exercise, heading: false)
            weeklyDose(&draft, turn)
        case .setUp:
            // ("Do I need weights for it?": yes or no from its ways, first.)
            if turn.asksYesNo, turn.says(.asksNeeded, knowledge.language) {
                kitNeededVerdict(&draft, exercise, turn)
            }
            // ("Rope to forehead or to chin?": the set-up fact about the point named comes first.)
            let topics = Set(cueTopics(in: turn.pointFeatures))
            let matched = { (fact: SourcedText) in fact.about.filter(topics.contains).count }
            let tagged = tagged.enumerated().sorted { one, other in
                (matched(one.element), -one.offset) > (matched(other.element), -other.offset)
            }.map(\.element)
            if tagged.isEmpty {
                draft.add(.paragraph(say(.formSetupSilent, ["name": exercise.name])))
                waysBlock(&draft, exercise)
            } else {
                // ("Whats a bow and arrow row and how do i set it up": what it is said first.)
                if turn.says(.asksWhatIs, knowledge.language) { introBlock(&draft, exercise) }
                draft.add(.heading(say(.headingSetUp, ["name": exercise.name])))
                draft.list(tagged)
                // (A set-up of one line is no answer to "how do I set it up": the steps follow.)
                if tagged.count < Self.fewestSetUpFacts, !turn.asksYesNo { stepsBlock(&draft, exercise) }
                // ("On a bench or the floor, and weights or not?": a choice of kit, and each way is
                // one to set out. "Rope to forehead or to chin?" chooses a point, not a way.)
                if exercise.ways.count > 1, turn.says(.offersChoice, knowledge.language),
                    !turn.understanding.wholeGym,
                    !turn.have.isEmpty || !turn.understanding.equipmentFamilies.isEmpty
                {
                    waysBlock(&draft, exercise, kitSaid: Set(turn.have))
                }
            }
        case .load, .warmUp:
            // The facts that say how heavy (or how to warm up for it); when none does, the topic
            // that answers it in general, else say so plainly and give what is nearest: the ways
            // to do it and its level.
            if tagged.isEmpty, let topic = knowledge.topic(answering: ask) {
                draft.say(topic)
            } else if tagged.isEmpty {
                draft.add(.paragraph(say(.formSilent, ["name": exercise.name, "what": knowledge.askMeaning(ask)])))
                levelBlock(&draft, exercise)
                waysBlock(&draft, exercise)
            } else {
                draft.add(.heading(say(ask == .load ? .headingLoad : .headingWarmUp, ["name": exercise.name])))
                draft.list(tagged)
            }
        case .whatIs:
            // A problem said with the exercise and no word asking what it is ("inverted row: hips
            // keep sagging halfway through the set"): the point its cues speak to.
            let whatWords = Set(knowledge.language.words(.asksWhatItIs))
            let asksWhat = turn.understanding.words.contains(where: whatWords.contains)
            if !asksWhat, leadWithPoint(&draft, turn, exercise) {
                draft.ask = .formPoint
                break
            }
            introBlock(&draft, exercise)
            // Asked by another name ("what's a Y-T-W raise?"): what the facts say of that variant.
            if let variant = variant(turn, exercise) {
                draft.list(Array(variant.facts.prefix(2)))
            } else if asksExplained(turn) {
                stepsBlock(&draft, exercise)
            }
        case .whatItWorks:
            if !turn.daysAsked.isEmpty {
                dayVerdict(&draft, exercise, turn.daysAsked)
            } else if turn.asksYesNo, let muscle = turn.understanding.muscle {
                draft.add(.paragraph(worksVerdict(exercise, on: muscle)))
            }
            worksBlock(&draft, exercise)
            draft.list(tagged)
        case .levelFit:
            // (Only with a level said: "are bent over rows too much strain at this point?" of a
            // pregnancy asks about that, not about the move's level.)
            if turn.asksYesNo, let level = turn.understanding.level { levelVerdict(&draft, exercise, for: level) }
            levelBlock(&draft, exercise)
            draft.list(tagged)
        case .formPoint:
            // ("Are behind the neck pulldowns dangerous?": the verdict on that way.)
            if answerMistakeAsked(&draft, exercise, turn) || leadWithPoint(&draft, turn, exercise) {
                break
            } else if let topic = FAQResponder.topicAnswering(turn.understanding, in: knowledge) {
                // A point the exercise's own cues do not speak to ("how far apart should my hands be
                // on the pulldown?") that a topic answers: the topic, under its title.
                draft.say(topic)
            } else {
                draft.add(.heading(say(.headingCues) + ": " + exercise.name))
                draft.list(exercise.howToCues)
                draft.add(.heading(say(.headingMistakes)))
                draft.list(exercise.mistakes)
            }
        case .progression
        where cannotYet
            || turn.says(.easier, knowledge.language) && !turn.says(.harder, knowledge.language):
            // Working up to it ("how do I get my first pull-up?", "how do I make them easier?"): the
            // ways that build toward it and the easier exercises on the way, not how to make it
            // harder.
            draft.list(tagged)
            progression(toward: exercise, into: &draft)
            guard !tagged.isEmpty || !exercise.easier.isEmpty else { return false }
        case .frequency, .progression:
            // "Can I do rear delt flys every day?": the yes or no first.
            if ask == .frequency, turn.asksYesNo, turn.says(.asksDaily, knowledge.language) {
                draft.add(.paragraph(say(.formEveryDay, ["name": exercise.name])))
            }
            // ("The bands are kinda light, strongest one feels too easy": how that kit is made
            // harder, where it has its own way and the exercise's own facts say nothing of
            // progress, before progress in general.)
            let named = turn.understanding.matches.compactMap { match -> EquipmentID? in
                if case let .equipment(id) = match.entity, !turn.missing.contains(id) { id } else { nil }
            }
            // ("30 reps no problem now. thicker band or what": yes, the next band up, first.)
            let heavierKit = named.first { id in
                exercise.ways.contains { $0.equipment.contains(id) } && knowledge.equipment(id)?.harder != nil
            }
            let asksHeavierKit =
                ask == .progression && heavierKit != nil && turn.says(.heavierKit, knowledge.language)
            if asksHeavierKit, let heavierKit {
                draft.add(.paragraph(say(.formHeavierKit, ["equipment": knowledge.equipmentName(heavierKit)])))
            }
            // (Or the kit said to be all there is: "i only have one band", "its already the heaviest".)
            let kitHarder =
                ask == .progression
                    && (tagged.isEmpty || asksHeavierKit || turn.reasons.contains(.mostKitAfterProgression)
                        || turn.saysOnlyKit(knowledge.language) && !named.isEmpty)
                ? kitHarderTips(exercise, kit: Set(turn.have + named)) : []
            kitHarder.forEach { draft.add(.paragraph($0 + say(.teamMark))) }
            draft.list(tagged)
            if let topic = knowledge.topic(answering: ask) {
                draft.say(topic)
            } else if tagged.isEmpty && kitHarder.isEmpty {
                return false
            }
            if ask == .progression { levelBlock(&draft, exercise) }
            // ("Inverted rows at table height getting easy now, what comes next before pull ups":
            // the harder move named is the goal, so how to get a first one of it follows.)
            if ask == .progression,
                let next = namedExercises(turn).first(where: { $0.id != exercise.id && exercise.harder.contains($0.id) }
                )
            {
                let steps = Self.forKitSaid(
                    next.facts(answering: .progression, at: .firstRep), next, have: Set(turn.have),
                    missing: Set(turn.missing))
                if !steps.isEmpty {
                    draft.add(.heading(say(.headingTowardNext, ["name": next.name])))
                    draft.list(steps)
                }
            }
        case .isSafe:
            let facts = exercise.safety + tagged.filter { !exercise.safety.contains($0) }
            // ("Is behind the neck lat pulldown safe?" asks of a way of doing it that is one of its
            // mistakes: no yes for the exercise, but that point.)
            // (A body area a harm is said of, "is the superman bad for your back?", is no point of
            // form: the word of a weak topic such as the back counts only without a word of harm;
            // "arch" still asks of the back.)
            let harmAsked = turn.says(.asksHarm, knowledge.language)
            let weak = Set(knowledge.language.understanding.weakCueTopics.map(TextNormalizer.stem))
            let pointTopics = cueTopics(in: turn.pointFeatures.filter { !harmAsked || !weak.contains($0) })
            let asksOfAMistake = exercise.mistakes.contains { !Set($0.about).isDisjoint(with: pointTopics) }
            // ("Is it ok to shrug on face pulls?" asks of a point of form, not of the exercise: no
            // yes for the exercise, but what that point should be.)
            let saysYes = turn.asksYesNo && turn.says(.asksSafe, knowledge.language) && pointTopics.isEmpty
            // ("Is it true that pull-ups are bad for your elbows?", asked of harm with nothing
            // hurting: not for most people, and the mistakes that make it so.)
            // (So is "is there a reason to avoid lat pulldowns?", or why people shun one.)
            let saysNo =
                !saysYes
                && (turn.asksYesNo && turn.says(.asksHarm, knowledge.language)
                    || turn.says(.asksWhyAvoided, knowledge.language))
                && !asksOfAMistake && !turn.understanding.painMentioned
            // (With no safety point of its own, "is it safe to do face pulls?": yes for most people,
            // and the mistakes that make it less so.)
            // ("Is it ok to round my back on bent-over rows?": a way of doing it that is one of its
            // mistakes, so no, and how to do it instead.)
            if !professionalAdvisedAgainst(turn), answerMistakeAsked(&draft, exercise, turn) { return true }
            guard !facts.isEmpty || (saysYes || saysNo) && !exercise.mistakes.isEmpty else { return false }
            draft.add(.heading(say(.headingSafety) + ": " + exercise.name))
            // ("My doctor said deadlifts were dangerous for my spinal condition, what do you think?":
            // the professional who examined them is followed, never the general yes.)
            if professionalAdvisedAgainst(turn) {
                draft.add(.paragraph(say(.formProfessionalAdvised, ["name": exercise.name])))
                return true
            }
            // ("Is it safe to do face pulls?" gets its yes; "someone said I'll do myself an injury, is he
            // right?" does not.)
            if saysYes {
                draft.add(.paragraph(say(.formSafeGenerally)))
            } else if saysNo {
                draft.add(.paragraph(say(.formHarmGenerally)))
            }
            if facts.isEmpty {
                draft.add(.heading(say(.headingMistakes) + ": " + exercise.name))
                draft.list(exercise.mistakes)
            } else {
                draft.list(facts)
            }
            levelBlock(&draft, exercise)
            // Whether a point of form is safe ("I round my upper back on heavy rows: is that bad?"):
            // that point, named in the question or, failing that, in the post.
            if !leadWithCueTopic(&draft, about: turn.pointFeatures, exercise) {
                _ = leadWithCueTopic(&draft, about: turn.understanding.features, exercise)
            }
        default:
            return false
        }
        return true
    }

    /// The facts without those of ways that use none of the kit the person said they have ("set
    /// up the raise with dumbbells" is not answered with the band's set-up); all of them when no
    /// kit was said, or when no way of the exercise uses what was said.
    static func forKitSaid(
        _ facts: [SourcedText], _ exercise: Exercise, have: Set<EquipmentID>, missing: Set<EquipmentID> = []
    ) -> [SourcedText] {
        // (A way that needs kit said to be missing is left out too: "no bands, just a doorframe
        // bar" drops the band-assisted pull-up.)
        let lacking = exercise.ways.filter { !$0.needs.isDisjoint(with: missing) }.compactMap(\.fact)
        let facts = facts.filter { !lacking.contains($0) }
        guard !have.isEmpty, exercise.ways.contains(where: { !$0.needs.isDisjoint(with: have) }) else { return facts }
        let otherWays = exercise.ways.filter { !$0.needs.isEmpty && $0.needs.isDisjoint(with: have) }.compactMap(\.fact)
        return facts.filter { !otherWays.contains($0) }
    }

    /// Which of two exercises suits a level said in the question: the one at or below it, else the
    /// easier of two that both suit it, else that neither does yet.
    private func levelVerdict(_ pair: [Exercise], for level: Level) -> String {
        let ordered = pair.sorted { $0.level < $1.level }
        let (fit, other) = (ordered[0], ordered[1])
        let key: ReplyKey =
            fit.level > level
            ? .compareLevelNone
            : other.level > level ? .compareLevelOne : fit.level < other.level ? .compareLevelEasier : .compareLevelBoth
        return say(
            key,
            [
                "level": level.rawValue, "fit": fit.name, "other": other.name, "fitLevel": fit.level.rawValue,
                "otherLevel": other.level.rawValue,
            ])
    }

    /// An exercise against a variant of it named by another name ("what's the difference between
    /// a chin-up and a pull-up?", both the pull-up to coach): the exercise's facts that speak of
    /// the variant, its way, cues and mistakes. False when the other name is in none of them.
    private func compareVariant(_ draft: inout ReplyDraft, _ turn: Turn, _ exercise: Exercise) -> Bool {
        guard let variant = variant(turn, exercise) else { return false }
        draft.ask = .compare
        draft.add(.heading(say(.compareHeading, ["first": exercise.name, "second": variant.name])))
        draft.list(Array(variant.facts.prefix(3)))
        return true
    }

    /// Another name the line calls the exercise by ("chin up" for the pull-up, "y t w" for the
    /// I-Y-T), written the way the exercise's own name is, and the exercise's facts that speak of
    /// it (its way, cues and mistakes); nil when the line uses its own name or no fact names the other.
    private func variant(_ turn: Turn, _ exercise: Exercise) -> (name: String, facts: [SourcedText])? {
        let ownName = TextNormalizer.tokens(exercise.name).map(TextNormalizer.stem)
        guard
            let said = turn.understanding.matches.lazy.filter({ $0.entity == .exercise(exercise.id) })
                .map({ $0.text.split(separator: " ").map(String.init) }).first(where: { $0 != ownName })
        else { return nil }
        // "y t w raise" is looked for as "y t w" (a last word of the exercise's own name dropped),
        // but "chin up" stays whole: "chin" alone is also the chin over the bar.
        var other = said
        while other.count > 2, let last = other.last, ownName.contains(last) { other.removeLast() }
        // Read as input is ("w" stands for "with"), so the fact's words compare with the line's.
        let synonyms = knowledge.language.synonyms
        func mentions(_ fact: SourcedText) -> Bool {
            let words = TextNormalizer.tokens(fact.text).map { synonyms[$0] ?? $0 }.map(TextNormalizer.stem)
            guard words.count >= other.count else { return false }
            return (0...(words.count - other.count)).contains { Array(words[$0..<($0 + other.count)]) == other }
        }
        let facts = (exercise.ways.filter { !$0.isDrill }.compactMap(\.fact) + exercise.cues + exercise.mistakes)
            .filter(mentions)
        guard !facts.isEmpty else { return nil }
        // Written the way the exercise's own name is ("Pull-Up" -> "Chin-Up"); letters stay
        // letters ("y t with" was "Y-T-W" before "w" was read as "with").
        let joiner = exercise.name.contains("-") ? "-" : " "
        let letters = other.filter { $0.count == 1 }.count >= 2
        let shown = other.map { letters && $0 == "with" ? "w" : $0 }
        return (shown.map(capitalizedFirst).joined(separator: joiner), facts)
    }

    /// Its level, and the easier and harder exercises the knowledge names.
    private func levelBlock(_ draft: inout ReplyDraft, _ exercise: Exercise) {
        draft.add(.paragraph(say(.formLevel, ["name": exercise.name, "level": exercise.level.rawValue])))
        let easier = exercise.easier.compactMap(knowledge.exercise).map(\.name)
        let harder = exercise.harder.compactMap(knowledge.exercise).map(\.name)
        if !easier.isEmpty {
            draft.add(.paragraph(say(.formEasier, ["names": easier.joined(separator: say(.joinList))])))
        }
        if !harder.isEmpty {
            draft.add(.paragraph(say(.formHarder, ["names": harder.joined(separator: say(.joinList))])))
        }
    }

    /// The exercise a piece of kit named in the line stands for ("lat pulldown machine").
    private func exerciseInKitName(_ turn: Turn) -> Exercise? {
        turn.understanding.matches.lazy.compactMap { match -> Exercise? in
            guard case let .equipment(id) = match.entity, let kit = knowledge.equipment(id) else { return nil }
            return knowledge.exerciseNamed(inKit: kit)
        }.first
    }

    /// Whether the line names kit before any exercise.
    private func kitNamedFirst(_ turn: Turn) -> Bool {
        let first = turn.understanding.matches.first { match in
            if case .equipment = match.entity { return true }
            return match.entity.isExercise
        }
        if case .equipment = first?.entity { return true }
        return false
    }

    /// Two exercises side by side: what each is, what it trains, its level and its kit. False
    /// when the question names fewer than two exercises coach knows.
    private func compare(_ draft: inout ReplyDraft, _ turn: Turn) -> Bool {
        // (A choice asked of the two just compared, "ok if i only pick one?", is the verdict alone.)
        let again = !turn.comparedPair.isEmpty
        var exercises = again ? turn.comparedPair.compactMap(knowledge.exercise) : namedExercises(turn)
        // ("Is the lat pulldown machine as good as actual pull ups?": the machine stands for its
        // exercise when one other is named.)
        if !again, exercises.count == 1, let inKit = exerciseInKitName(turn), inKit.id != exercises[0].id {
            exercises.insert(inKit, at: kitNamedFirst(turn) ? 0 : 1)
        }
        if exercises.count == 1, let exercise = exercises.first { return compareVariant(&draft, turn, exercise) }
        guard exercises.count >= 2 else { return false }
        let pair = Array(exercises.prefix(2))
        draft.ask = .compare
        // "Is a band pull-apart as good as a reverse fly?" asks for a verdict first: whether the
        // first named does the second's job (its main muscles and its kind of movement).
        // (Not whether one is better, "is a lat pulldown better than pull ups": the comparison below
        // answers that, and "yes, a fair swap" would not.)
        if turn.asksYesNo, !turn.mentions(knowledge.language.words(.asksBetter)),
            !Self.joinsAChoice(turn, knowledge)
        {
            draft.add(.paragraph(swapVerdict(replacing: pair[1], with: pair[0])))
        }
        // "Which is better for a beginner?": the one that suits that level first.
        if let level = turn.understanding.level {
            draft.add(.paragraph(levelVerdict(pair, for: level)))
        } else if again || turn.asksAbout(knowledge.language.words(.asksOne)) || turn.saysOnlyOne(knowledge.language),
            let pick = pickOne(pair)
        {
            // "Seated cable row vs TRX low row, I only have time for one": one of them, and why.
            draft.say(pick)
        } else if !turn.asksYesNo || turn.asksAbout(knowledge.language.words(.asksWhichBetter)),
            let verdict = betterVerdict(pair)
        {
            // "Lat pulldown vs pull-ups, is the machine just worse?": which does the job, first.
            draft.add(.paragraph(verdict))
        }
        if again, !draft.blocks.isEmpty {
            draft.exercises = pair.map { suggestion($0, way: $0.ways.first) }
            return true
        }
        // ("Upright rows or face pulls for traps? heard upright rows are bad for shoulders": the
        // worry answered, from the safety points of the one it is said of, before the comparison.)
        if turn.says(.asksHarm, knowledge.language) {
            let worried = worriedAbout(pair, turn)
            for exercise in worried where !exercise.safety.isEmpty {
                draft.add(.heading(say(.headingSafety) + ": " + exercise.name))
                draft.list(exercise.safety)
            }
        }
        draft.add(.heading(say(.compareHeading, ["first": pair[0].name, "second": pair[1].name])))
        // The point that tells them apart first: the muscles both work, and what only one does.
        let (first, second) = (Set(pair[0].primaryMuscles), Set(pair[1].primaryMuscles))
        let names = { (ids: [MuscleID]) in ids.map(knowledge.muscleName).joined(separator: say(.joinList)) }
        var points: [String] = []
        let shared = pair[0].primaryMuscles.filter(second.contains)
        if !shared.isEmpty { points.append(say(.compareShared, ["muscles": names(shared)])) }
        for (exercise, other) in [(pair[0], second), (pair[1], first)] {
            let only = exercise.primaryMuscles.filter { !other.contains($0) }
            if !only.isEmpty { points.append(say(.compareOnly, ["name": exercise.name, "muscles": names(only)])) }
        }
        // Then how each is done, and what only one of them strains ("only the Bent-Over Row loads
        // the lower back"): what a coach weighs beside the muscles.
        for exercise in pair {
            guard let note = exercise.swapNote else { continue }
            points.append(say(.compareHow, ["name": exercise.name, "how": note.text]))
            draft.cite(note.source)
        }
        for (exercise, other) in [(pair[0], pair[1]), (pair[1], pair[0])] {
            let only = exercise.loads.subtracting(other.loads).filter {
                knowledge.safety.painArea($0)?.tellsApart == true
            }
            if !only.isEmpty { points.append(say(.compareLoads, ["name": exercise.name, "areas": areaNames(only)])) }
        }
        if !points.isEmpty { draft.add(.bullets(points)) }
        for exercise in pair {
            draft.add(.paragraph(say(.compareLine, ["name": exercise.name, "summary": exercise.summary.text])))
            draft.cite(exercise.summary.source)
            var ways: [String] = []
            for way in exercise.ways where !way.isDrill {
                let kit = listed(way.equipment.map(knowledge.equipmentName))
                if !ways.contains(kit) { ways.append(kit) }
            }
            draft.add(
                .bullets([
                    say(
                        .compareTrains,
                        [
                            "muscles": muscleList(exercise), "level": exercise.level.rawValue,
                            "ways": ways.joined(separator: say(.joinList)),
                        ])
                ]))
            exercise.muscles.forEach { draft.cite($0.source) }
        }
        draft.exercises = pair.map { suggestion($0, way: $0.ways.first) }
        return true
    }

    /// The exercises of a pair a worry is said of: the one named last before the word of harm
    /// ("heard upright rows are bad for shoulders"), else both.
    private func worriedAbout(_ pair: [Exercise], _ turn: Turn) -> [Exercise] {
        let tokens = turn.understanding.words
        let harm = Set(knowledge.language.words(.asksHarm).map(TextNormalizer.stem))
        guard let at = tokens.indices.first(where: { harm.contains(tokens[$0]) }) else { return pair }
        let before = turn.understanding.matches.filter { $0.range.upperBound <= at }
        let named = before.last { match in pair.contains { match.names($0.id) } }
        return named.map { match in pair.filter { match.names($0.id) } } ?? pair
    }

    /// The one of two to do when there is time for only one: the one whose usual way is loaded with
    /// kit whose weight goes up (so it keeps working as they get stronger), then the one with more
    /// main muscles, then the easier; said with what its usual way offers. Nil when neither
    /// way says what it offers.
    private func pickOne(_ pair: [Exercise]) -> SourcedText? {
        let progressive = knowledge.progressiveKit
        let loaded = { (exercise: Exercise) in
            exercise.ways.first.map { !$0.needs.isDisjoint(with: progressive) } ?? false
        }
        let ranked = pair.sorted { first, second in
            if loaded(first) != loaded(second) { return loaded(first) }
            if first.primaryMuscles.count != second.primaryMuscles.count {
                return first.primaryMuscles.count > second.primaryMuscles.count
            }
            return first.level < second.level
        }
        guard let pick = ranked.first, let way = pick.ways.first, let offers = way.offers ?? pick.swapNote else {
            return nil
        }
        var text = offers
        // (A swap note is a phrase with no stop of its own.)
        let why = offers.text.hasSuffix(".") ? offers.text : offers.text + "."
        text.text = say(.comparePickOne, ["name": pick.name, "way": way.name, "why": why])
        return text
    }

    /// Which of two exercises is better, when no level is said: for two that mainly work the same
    /// muscles, neither, and how they differ (the easier one builds toward the harder; at one
    /// level, the kit decides). Nil when they share no main muscle (the points that follow say
    /// what each does).
    private func betterVerdict(_ pair: [Exercise]) -> String? {
        let shared = pair[0].primaryMuscles.filter(pair[1].primaryMuscles.contains)
        guard !shared.isEmpty else { return nil }
        let muscles = shared.map(knowledge.muscleName).joined(separator: say(.joinList))
        let ordered = pair.sorted { $0.level < $1.level }
        guard ordered[0].level < ordered[1].level else {
            return say(.compareBetterSameLevel, ["muscles": muscles])
        }
        return say(
            .compareBetterLevels,
            [
                "muscles": muscles, "easier": ordered[0].name, "easierLevel": ordered[0].level.rawValue,
                "harder": ordered[1].name, "harderLevel": ordered[1].level.rawValue,
            ])
    }

    /// What it is: its name, a line on it, and what it trains.
    private func introBlock(_ draft: inout ReplyDraft, _ exercise: Exercise) {
        draft.add(.heading(exercise.name))
        draft.say(exercise.summary)
        draft.add(.paragraph(say(.formTrains, ["muscles": muscleList(exercise)])))
        exercise.muscles.forEach { draft.cite($0.source) }
    }

    /// The whole card: what it is, ways, steps, cues, mistakes, dose and safety.
    private func card(_ exercise: Exercise, kitSaid: Set<EquipmentID>, into draft: inout ReplyDraft) {
        introBlock(&draft, exercise)
        waysBlock(&draft, exercise, kitSaid: kitSaid)
        stepsBlock(&draft, exercise)
        draft.add(.heading(say(.headingCues)))
        draft.list(exercise.howToCues)
        draft.add(.heading(say(.headingMistakes)))
        draft.list(exercise.mistakes)
        dosageBlock(&draft, exercise)
        if !exercise.safety.isEmpty {
            draft.add(.heading(say(.headingSafety)))
            draft.list(exercise.safety)
        }
    }

    /// The ways to do it, each with its kit and how; those using kit the line names first ("how do
    /// I do inverted rows under my dining table?": the table's way).
    private func waysBlock(_ draft: inout ReplyDraft, _ exercise: Exercise, kitSaid: Set<EquipmentID> = []) {
        draft.add(.heading(say(.headingWays)))
        // (Ways the kit said allows in full lead, then those that use some of it: "a Smith machine
        // and a bench" leads with the Smith machine way, not the dumbbell rows braced on a bench.)
        let allowed = exercise.ways.filter { !$0.equipment.isEmpty && Set($0.equipment).isSubset(of: kitSaid) }
        let usesSome = exercise.ways.filter { way in
            !kitSaid.isDisjoint(with: way.equipment) && !allowed.contains { $0.id == way.id }
        }
        let ways = allowed + usesSome + exercise.ways.filter { kitSaid.isDisjoint(with: $0.equipment) }
        draft.add(
            .bullets(
                ways.map { way in
                    let named = say(
                        .formWay,
                        [
                            "name": capitalizedFirst(way.name),
                            "equipment": way.equipment.map(knowledge.equipmentName).joined(separator: say(.joinList)),
                        ])
                    return way.text.map { say(.formWayText, ["way": named, "text": $0]) } ?? named
                }))
        exercise.ways.forEach { draft.cite($0.source) }
    }

    /// When the question is about one point (a body part or phase, sets, mistakes), answers that
    /// first. (A body part or phase before sets: "a dead hang on each rep?" asks about the bottom
    /// of the rep, not how many.)
    private func leadWithPoint(_ draft: inout ReplyDraft, _ turn: Turn, _ exercise: Exercise) -> Bool {
        if leadWithCueTopic(&draft, about: turn.pointFeatures, exercise) { return true }
        if turn.asksAbout(knowledge.language.words(.dosage)), !turn.asksAbout(knowledge.language.words(.notDose)) {
            dosageBlock(&draft, exercise, heading: false)
            return true
        }
        if turn.asksAbout(knowledge.language.words(.mistakes)) {
            draft.add(.heading(say(.headingMistakes) + ": " + exercise.name))
            draft.list(exercise.mistakes)
            return true
        }
        if turn.asksAbout(knowledge.language.words(.steps)) {
            stepsBlock(&draft, exercise)
            return true
        }
        return false
    }

    /// Whether the question names a body part or phase that the exercise's cues, mistakes or
    /// safety points speak to.
    private func names(aPointOf exercise: Exercise, _ turn: Turn) -> Bool {
        let topics = cueTopics(in: turn.pointFeatures)
        return (exercise.cues + exercise.mistakes + exercise.safety).contains {
            !Set($0.about).isDisjoint(with: topics)
        }
    }

    /// The cue topics (body parts and phases) that `features` name, by the topic or its words.
    private func cueTopics(in features: [String]) -> [String] {
        let words = knowledge.language.understanding.cueTopicWords
        let said = Set(features)
        let language = knowledge.language.understanding
        let named = language.cueTopics.filter { topic in
            ([topic] + (words[topic] ?? [])).contains { said.contains(TextNormalizer.stem($0)) }
        }
        let strong = named.filter { topic in
            !language.weakCueTopics.contains(topic)
                || (words[topic] ?? []).contains { said.contains(TextNormalizer.stem($0)) }
        }
        return strong.isEmpty || strong.count == named.count ? named : strong
    }

    /// Whether the line asks, yes or no, whether something is all right or harmful ("is it ok to",
    /// "is it bad to", "are ... dangerous?").
    private func asksWhetherAllRight(_ turn: Turn) -> Bool {
        turn.asksYesNo && (turn.says(.asksSafe, knowledge.language) || turn.says(.asksHarm, knowledge.language))
    }

    /// The mistakes of `exercise` that the asked part of the line describes: a word that says a
    /// move is done wrong (`fault-words`) said in both ("is it bad to pull the bar behind my
    /// neck?", "is it ok to shrug on pulldowns?"). ("Is a dead hang at the bottom bad?" shares only
    /// where the body is with "half reps that stop before the bottom": not that.)
    func mistakesDescribed(_ exercise: Exercise, _ turn: Turn) -> [SourcedText] {
        let faults = knowledge.language.understanding.wordsAsRead(.faultWords)
        let asked = turn.askedWords.filter(faults.contains)
        guard !asked.isEmpty else { return [] }
        // (The same word in two forms the stemmer leaves apart, "shrug" and "shrugging", counts
        // once: the longer is the shorter, of four letters or more, with an ending of up to four.)
        func same(_ one: String, _ other: String) -> Bool {
            one == other
                || min(one.count, other.count) >= 4 && (one.hasPrefix(other) || other.hasPrefix(one))
                    && abs(one.count - other.count) <= 4
        }
        return exercise.mistakes.filter { mistake in
            let said = TextNormalizer.tokens(mistake.text).map(TextNormalizer.stem)
            return asked.contains { word in said.contains { same(word, $0) } }
        }
    }

    /// Asked, yes or no, whether it is all right to do one of the exercise's mistakes: better not,
    /// the mistakes the line describes, and the cues on the same part of the body, which say what
    /// to do instead. False, and nothing said, when the line asks no such thing.
    private func answerMistakeAsked(_ draft: inout ReplyDraft, _ exercise: Exercise, _ turn: Turn) -> Bool {
        guard asksWhetherAllRight(turn) else { return false }
        let described = mistakesDescribed(exercise, turn)
        guard !described.isEmpty else { return false }
        draft.add(.paragraph(say(.formMistakeAsked, ["name": exercise.name])))
        draft.list(described)
        let about = Set(described.flatMap(\.about))
        let instead = exercise.cues.filter { !Set($0.about).isDisjoint(with: about) }
        if !instead.isEmpty {
            draft.add(.heading(say(.headingCues) + ": " + exercise.name))
            draft.list(instead)
        }
        return true
    }

    /// The cues, steps, mistakes and safety points about the body part or phase that `features`
    /// (the words of the question, or of the whole post) name.
    private func leadWithCueTopic(_ draft: inout ReplyDraft, about features: [String], _ exercise: Exercise) -> Bool {
        let words = knowledge.language.understanding.cueTopicWords
        let topics = cueTopics(in: features)
        guard !topics.isEmpty else { return false }
        let matching = { (texts: [SourcedText]) in texts.filter { !Set($0.about).isDisjoint(with: topics) } }
        let cues = matching(exercise.cues)
        let mistakes = matching(exercise.mistakes)
        let safety = matching(exercise.safety)
        // Steps carry no topics, so a step is matched by the topic's other words ("Lean back just a
        // little" answers whether to lean back on the pulldown; "back" alone is in too many steps).
        let topicWords = Set(topics.flatMap { words[$0] ?? [] }.map(TextNormalizer.stem))
        let steps = exercise.steps.items.filter { step in
            !topicWords.isDisjoint(with: TextNormalizer.tokens(step).map(TextNormalizer.stem))
        }
        guard !(cues.isEmpty && mistakes.isEmpty && safety.isEmpty && steps.isEmpty) else { return false }
        if !cues.isEmpty {
            draft.add(.heading(say(.headingCues) + ": " + exercise.name))
            draft.list(cues)
        }
        if !steps.isEmpty {
            draft.add(.heading(say(.headingSteps) + ": " + exercise.name))
            draft.add(.bullets(steps))
            draft.cite(exercise.steps.source)
        }
        for (key, texts) in [(ReplyKey.headingMistakes, mistakes), (ReplyKey.headingSafety, safety)]
        where !texts.isEmpty {
            draft.add(.heading(say(key) + ": " + exercise.name))
            draft.list(texts)
        }
        return true
    }

}
