import CoachModel
import CoachRecommending
import CoachUnderstanding

/// The engine: understands a line in the light of the conversation and writes the reply.
/// A value built once from the knowledge base; the conversation lives in `ConversationState`.
public struct Coach: Sendable {
    public let knowledge: KnowledgeBase
    public let interpreter: Interpreter
    let context: ResponderContext
    /// Words that open a yes-or-no question (`yes-no`), stemmed.
    let questionOpeners: Set<String>
    /// Words that open a second question after "and" in one sentence (`opens-question`).
    let questionJoiners: Set<String>
    /// Who a yes-or-no question asks about (`asked-about`): "and should i" opens a question.
    let askedAboutWords: Set<String>

    public init(knowledge: KnowledgeBase) {
        self.init(knowledge: knowledge, interpreter: Interpreter(knowledge: knowledge))
    }

    /// A coach whose understanding was trained earlier from `knowledge` (see `Coach+Snapshot`).
    public init(knowledge: KnowledgeBase, interpreter: Interpreter) {
        self.knowledge = knowledge
        self.interpreter = interpreter
        questionOpeners = Set(knowledge.language.words(.yesNo).map(TextNormalizer.stem))
        questionJoiners = Set(knowledge.language.words(.opensQuestion))
        askedAboutWords = Set(knowledge.language.words(.askedAbout))
        let index = ExerciseIndex(knowledge: knowledge)
        context = ResponderContext(
            knowledge: knowledge, substitutions: SubstitutionFinder(knowledge: knowledge, index: index),
            workouts: WorkoutBuilder(knowledge: knowledge, index: index))
    }

    var say: Replies { knowledge.replies }

    /// The responder that writes the reply to a turn of this intent.
    func responder(for intent: Intent) -> any Responder {
        switch intent {
        case .form: FormResponder(context: context)
        case .substitution: SubstitutionResponder(context: context)
        case .workout: WorkoutResponder(context: context)
        case .anatomy: AnatomyResponder(context: context)
        case .safety: SafetyResponder(context: context)
        case .faq: FAQResponder(context: context)
        case .greeting: GreetingResponder(context: context)
        case .help: HelpResponder(context: context)
        case .unknown: OutOfScopeResponder(context: context)
        }
    }

    /// The responder for a turn: a clarifying question when the intent is in doubt; the one for
    /// its ask where an ask has its own and the turn names what it needs; else the intent's.
    func responder(for turn: Turn) -> any Responder {
        if turn.understanding.log != nil { return LogResponder(context: context) }
        // A safety question with no word of pain, about an exercise it names ("I round my upper
        // back on heavy rows: am I going to do myself an injury?"): whether that exercise is safe,
        // from its own safety points, not an answer that presumes a pain.
        // (`TurnResolver` reads it so.)
        // (Not with a condition of the body said, "i have mild osteoporosis. is it ok for me to do
        // supermans?": what that condition asks of training comes first.)
        if turn.intent == .safety, !turn.understanding.painMentioned, turn.understanding.ask == .isSafe,
            turn.understanding.exercise != nil, turn.understanding.conditionOnly == nil
        {
            return FormResponder(context: context)
        }
        if turn.intent == .safety {
            if turn.understanding.redFlag { return RedFlagResponder(context: context) }
            // ("Should I stop rowing completely then?" right after an ache on rows: whether to stop
            // is answered by the way of it that spares the area, and the moves that do. With no such
            // way, "should i just stop doing them?" of sore elbows on pull-ups, how to train around
            // it keeps the move.)
            if PainSwapResponder.applies(to: turn, knowledge: knowledge) || turn.stopsForAWaySparing
                || turn.reasons.contains(.anotherAfterSwap)
            {
                return PainSwapResponder(context: context)
            }
        }
        // What the articles do not cover, asked about no exercise of theirs: said so, not a card
        // picked on a surface word.
        // (With an exercise named, only what its facts cannot answer: "to failure on pull-ups" is
        // not covered, "full range on pull-ups" is answered from the pull-up's cues. A safety
        // reading with no word of pain is the classifier's guess, and gives way too, unless the
        // line says what it is about instead: no pain (unless a topic is named), or a body condition.)
        // (A sign said as absent with a topic named, "hands tired after rows but nothing numb or
        // tingly, should I use straps?", asks about the topic: the denial only rules a sign out.)
        // ("My shoulder clicks when reaching overhead. It's not painful but feels tight. Is the
        // clicking normal?": pain denied and tightness alone; the matter named is what is asked.)
        let deniedButTight = onlySoreness(turn) && turn.understanding.painDenied && turn.exercise == nil
        let safetyGuess =
            turn.intent == .safety && turn.understanding.conditionOnly == nil
            && (!turn.understanding.painDenied || deniedButTight
                || !turn.understanding.painMentioned && !turn.understanding.redFlag
                    && turn.understanding.notCovered.flatMap(knowledge.language.uncovered)?.medical == false)
        // (Something medical the articles leave out, a scan or an operation, is said so even with a
        // word of pain, unless a warning sign was heard.)
        // (An age said is no question about age: "I'm a 67-year-old woman, can you suggest exercises
        // against height loss?" asks for exercises, with what the team says of age first.)
        // (Nor when a plateau on an exercise is what the post is about: "stuck at 8 pull-ups ... 4
        // sets to failure" asks how to progress the pull-up, not about failure.)
        if !turn.understanding.notCoveredByAge, turn.understanding.rule != .plateau,
            let uncovered = turn.understanding.notCovered.flatMap(knowledge.language.uncovered),
            !turn.understanding.painMentioned || uncovered.medical && !turn.understanding.redFlag
                || onlySoreness(turn) && turn.understanding.settles && turn.exercise == nil
                || deniedButTight,
            [.faq, .unknown, .form, .anatomy, .help].contains(turn.intent) || safetyGuess || uncovered.medical
                // ("Is it better to work out in the morning or evening?" is no good morning.)
                || turn.intent == .greeting && turn.asksQuestion
                || swapsUncovered(turn) || asksOnlyWhetherToTrain(turn, uncovered),
            turn.exercise == nil && turn.understanding.exerciseCandidates.isEmpty || !uncovered.exerciseAnswers,
            caveat(of: turn) == nil || asksOnlyWhetherToTrain(turn, uncovered)
        {
            return NotCoveredResponder(context: context)
        }
        // ("3x10 face pulls and 3x8 rows, Monday and Thursday: anything to change?": a verdict on
        // the plan described.)
        if PlanReviewResponder.applies(to: turn, knowledge: knowledge) { return PlanReviewResponder(context: context) }
        // ("Can I do rows and pull-ups on the same day?": whether they go together, and in what order.)
        if SameSessionResponder.applies(to: turn, knowledge: knowledge) {
            return SameSessionResponder(context: context)
        }
        // ("Are pull-ups enough or do I also need rows?": what the moves cover and what to add.)
        if EnoughResponder.applies(to: turn, knowledge: knowledge) { return EnoughResponder(context: context) }
        // ("Are face pulls good for posture?": yes, partly or not much, from the goal's muscles.)
        if GoalVerdictResponder.applies(to: turn, knowledge: knowledge) {
            return GoalVerdictResponder(context: context)
        }
        if turn.clarifies { return ClarifyResponder(context: context) }
        // ("What rows can I do with just a band?": the rows that kit allows, not "which row?".)
        if BestForResponder.familyAsked(turn, knowledge: knowledge) != nil { return BestForResponder(context: context) }
        // ("Thanks man, back feels way better after 6 weeks of this stuff": thanks for what worked,
        // with no question and no pain, is small talk, not a question of coming back.)
        // (Nor does a pump told with the thanks, "so pumped from face pulls I couldn't scratch my
        // back, anyway thanks for the tips": soreness alone, no pain, no warning sign.)
        let onlySoreness = onlySoreness(turn)
        if turn.mentions(knowledge.language.words(.thanks)), !turn.asksQuestion, !turn.asksAfterComma,
            !turn.understanding.painMentioned || onlySoreness, turn.exercise == nil || onlySoreness,
            turn.understanding.minutes == nil, turn.understanding.have.isEmpty
        {
            return GreetingResponder(context: context)
        }
        // ("lol ur honestly better than my old trainer", after a workout: praise with no question,
        // no pain and no exercise named is small talk, not "which exercise?".)
        // (Not a question without its mark: "what's the best move for a wider back / lats" asks
        // for moves, "the best" there being no praise.)
        if !turn.asksQuestion, !turn.understanding.painMentioned, turn.exercise == nil,
            turn.understanding.exerciseCandidates.isEmpty, turn.understanding.minutes == nil,
            turn.understanding.have.isEmpty, turn.understanding.wordCount <= 14,
            turn.understanding.muscle == nil, turn.understanding.goal == nil,
            !turn.asksAbout(knowledge.language.words(.asksWhatItIs)),
            !turn.asksAbout(knowledge.language.words(.asksHow)),
            turn.says(.praise, knowledge.language)
        {
            return GreetingResponder(context: context)
        }
        // ("Yo coach whats good, just finished a sick back session": a session told as done, with
        // no question, no pain and nothing to log, is small talk: well done, and what next.)
        if !turn.asksQuestion, !turn.understanding.painMentioned, turn.understanding.log == nil, turn.exercise == nil,
            turn.understanding.exerciseCandidates.isEmpty, turn.understanding.minutes == nil,
            turn.says(.sessionDone, knowledge.language)
        {
            return GreetingResponder(context: context)
        }
        // ("Hit a pull-up PR today, 8 clean reps!!": well done and what next, not a workout.)
        if turn.exercise != nil, !turn.understanding.painMentioned, turn.understanding.log == nil,
            turn.tellsOfMilestone(knowledge.language), [.workout, .faq, .form, .unknown, .safety].contains(turn.intent)
        {
            return FormResponder(context: context)
        }
        // ("What's the difference between traps and rhomboids?": the muscles side by side, not
        // the exercises for the first.)
        // (Not the best exercises asked for one of them: "best exercise for rear delts? my front
        // delts are huge" wants the moves.)
        if turn.intent == .anatomy, turn.understanding.exercise == nil,
            turn.musclesNamed.count >= 2,
            turn.asksAbout(knowledge.language.words(.asksWhichBetter)),
            !turn.says(.asksBestFor, knowledge.language)
        {
            return AnatomyResponder(context: context)
        }
        // ("What counts as the upper back?": its muscles, not a card on why it matters.)
        if [.anatomy, .faq, .form, .unknown].contains(turn.intent),
            AnatomyResponder.asksWhatTheUpperBackIs(turn, knowledge)
        {
            return AnatomyResponder(context: context)
        }
        // ("Face pull or reverse fly for rear delts? What's the difference?": the two weighed,
        // not the muscles of one.)
        if [.anatomy, .faq].contains(turn.intent), FormResponder.weighsTwo(turn, knowledge) {
            return FormResponder(context: context)
        }
        // ("Lat pulldown or pull-ups for a wider back? My gym has both": a choice between two, not
        // a swap for either, when no kit is missing and no swap is asked.)
        if turn.intent == .substitution, turn.missing.isEmpty, !turn.says(.swap, knowledge.language),
            FormResponder.weighsTwo(turn, knowledge),
            FormResponder.joinsAChoice(turn, knowledge)
        {
            return FormResponder(context: context)
        }
        // "I'm a beginner, where do I start?" asks for moves, whatever ask its level words suggest:
        // the level card alone names none.
        if [.faq, .form].contains(turn.intent), [.levelFit, .progression].contains(turn.understanding.ask),
            turn.asksAbout(knowledge.language.words(.startingOut)),
            BestForResponder.canAnswer(turn, knowledge: knowledge)
        {
            return BestForResponder(context: context)
        }
        // A form question about no exercise in particular ("how wide should my grip be?") that a
        // topic answers: the topic, not "which exercise do you mean?".
        // (Not when it names a lift coach does not cover: "how far back on the bench press?" is
        // said to be outside what it covers, not answered with a card about grips.)
        // (Nor when it asks which moves work a muscle it names: "what works the rear delts with a
        // band?" wants the moves, not the card on training at home.)
        if turn.intent == .form, turn.exercise == nil, turn.understanding.exerciseCandidates.isEmpty,
            !turn.understanding.matches.contains(where: { $0.entity == .outOfScope }),
            !(turn.understanding.ask == .bestFor && turn.understanding.muscle != nil),
            FAQResponder.topicAnswering(turn.understanding, in: knowledge) != nil
        {
            return FAQResponder(context: context)
        }
        // ("How do the exercises differ in affecting back width?": a goal asked about with no
        // exercise named is answered with the moves that serve it, not the muscle overview.)
        let goalOnly =
            turn.intent == .anatomy && turn.understanding.goal != nil && turn.exercise == nil
            && turn.understanding.exerciseCandidates.isEmpty && turn.understanding.muscle == nil
        if turn.understanding.ask == .bestFor || goalOnly, [.faq, .anatomy, .form].contains(turn.intent),
            BestForResponder.canAnswer(turn, knowledge: knowledge)
        {
            return BestForResponder(context: context)
        }
        // ("What can I do for traps besides shrugs?": a swap that names no exercise of ours and no
        // kit, but a muscle or a goal, asks for the moves that train it, not which exercise.)
        if turn.intent == .substitution, turn.exercise == nil, turn.understanding.exerciseCandidates.isEmpty,
            turn.missing.isEmpty, turn.have.isEmpty,
            turn.understanding.muscle != nil || turn.understanding.goal != nil,
            BestForResponder.canAnswer(turn, knowledge: knowledge)
        {
            return BestForResponder(context: context)
        }
        // A general question that names an exercise and asks one point of it ("how to stop
        // rounding on the deadlift") is answered from that exercise's facts, not a topic card.
        if turn.intent == .faq, turn.exercise != nil, let ask = turn.understanding.ask, FormResponder.answersAlone(ask)
        {
            return FormResponder(context: context)
        }
        // So is sets and reps asked of a family ("how many sets of rows per week?"): its usual
        // member's dose, not the general card on sets.
        if turn.intent == .faq, turn.exercise == nil, !turn.understanding.exerciseCandidates.isEmpty,
            turn.understanding.ask == .dose
        {
            return FormResponder(context: context)
        }
        return responder(for: turn.intent)
    }

    /// With a pain reported earlier, a question about what can still be trained that names no
    /// exercise ("doc says 4-6 weeks no loading it, can I still do back stuff somehow?"): the moves
    /// that leave the sore area alone, not a topic card its other words suggest.
    func asksWhatStillWorks(_ turn: Turn, state: ConversationState) -> Bool {
        !state.painReported.isEmpty && !turn.understanding.painMentioned && !turn.clarifies
            && [.faq, .form, .anatomy].contains(turn.intent) && turn.exercise == nil
            && turn.understanding.exerciseCandidates.isEmpty && turn.understanding.muscle == nil
            && turn.understanding.goal == nil && turn.says(.asksMeanwhile, knowledge.language)
    }

    /// A workout for a request made outside the chat (`coach workout`), as a reply.
    public func workout(for request: WorkoutRequest, assumedEquipment: Bool = false) -> Reply {
        WorkoutResponder(context: context).workout(for: request, assumedEquipment: assumedEquipment)
    }

    /// The equipment id a name stands for: an id itself ("resistance-band"), or a name people
    /// use ("band", "kb"); nil when it names no equipment.
    public func equipmentID(named name: String) -> EquipmentID? {
        let lowered = EquipmentID(name.lowercased())
        if knowledge.equipment(lowered) != nil { return lowered }
        return interpreter.understand(name).have.first
    }

    /// The exercise id a name stands for: an id itself ("face-pull"), or a name people use
    /// ("face pulls", "rear delt fly"); nil when it names no exercise.
    public func exerciseID(named name: String) -> ExerciseID? {
        let lowered = ExerciseID(name.lowercased())
        if knowledge.exercise(lowered) != nil { return lowered }
        return interpreter.understand(name.split(separator: "-").joined(separator: " ")).exercise
    }

    /// The reply to `line`, updating what the conversation remembers.
    public func respond(to line: String, state: inout ConversationState) -> Reply {
        // ("Face pulls but with dumbbells?? possible?": a bare yes-or-no tag is part of the question
        // before it, not one of its own.)
        var questions = Interpreter.questions(line).filter { !interpreter.isBareYesNoTag($0) }
        // ("Whats the right way to do supermans? are they even a back exercise or just lower back":
        // a last sentence that opens as a yes-or-no question asks one, with or without its mark. One
        // that opens with what or how more often goes on with the first: "how does that even work".)
        if questions.count == 1, let last = Interpreter.unmarkedLastQuestion(line, openers: questionOpeners) {
            questions.append(last)
        }
        // ("What should i do for my back and how often": two questions joined by "and", one mark.)
        var firstPart = line.firstIndex(where: { $0 == "?" || $0 == "？" }).map { String(line[...$0]) }
        // (Not when one reply answers both: a card on the exercise, "what's a superman and how do I
        // do it", or several measures of one, "how often ..., how many sets, and how heavy?".)
        if questions.count <= 1,
            let joined = Interpreter.joinedQuestion(
                line, opens: questionJoiners, yesNo: questionOpeners, askedAbout: askedAboutWords),
            let firstAsk = interpreter.understand(joined.first).ask,
            let secondAsk = interpreter.understand(joined.second).ask,
            !firstAsk.isMeasureOfAnExercise, ![Ask.howTo, .whatIs].contains(firstAsk), secondAsk != .howTo
        {
            firstPart = joined.first
            questions = [joined.first, joined.second]
        }
        // A post that asks two things: the backstory and first question are answered together,
        // then the next question on its own. Pain anywhere in the post means safety, alone.
        guard questions.count >= 2, !interpreter.understand(line).painMentioned, let firstPart
        else { return answer(line, state: &state) }
        var reply = answer(firstPart, state: &state)
        reply.input = TerminalText.sanitized(line)
        guard let second = questions.dropFirst().first(where: isAnswerable) else { return reply }
        let other = answer(second, state: &state)
        // The second question read as the first ("...warm up first? Is it a good idea?"): its
        // answer is the one just given, so it is not given twice.
        // (Nor when both are the same comparison: "face pulls vs reverse flys, whats the difference?
        // do i need both?" is answered by the comparison's verdict, pick either or do both.)
        guard other.blocks.filter({ !$0.isSources }) != reply.blocks.filter({ !$0.isSources }),
            reply.ask != .compare || other.ask != .compare
        else {
            state.lastReply = reply
            return reply
        }
        let sources = reply.sources + other.sources.filter { source in !reply.sources.contains { $0.id == source.id } }
        reply.blocks =
            reply.blocks.filter { !$0.isSources }
            + [.heading(say(.alsoAsked, ["question": TerminalText.sanitized(second, limit: 120)]))]
            + other.blocks.filter { !$0.isSources }
        reply.blocks += context.citation(sources).map { [$0] } ?? []
        reply.sources = sources
        reply.exercises += other.exercises.filter { suggestion in !reply.exercises.contains { $0.id == suggestion.id } }
        reply.routine = reply.routine ?? other.routine
        reply.reasons.append(.secondQuestion)
        reply.parts = [
            .init(
                question: TerminalText.sanitized(firstPart, limit: 400), intent: reply.intent, ask: reply.ask
            ),
            .init(question: TerminalText.sanitized(second, limit: 400), intent: other.intent, ask: other.ask),
        ]
        state.lastReply = reply
        return reply
    }

    /// A question worth its own answer: understood with confidence, and about training. A safety
    /// reading with no word of pain is a guess ("Can I start weightlifting?" after a question about
    /// age is no pain question). A workout needs the question to name something of its own (an
    /// exercise, muscle, piece of kit, goal, sore area or routine): "I've heard people say anywhere
    /// from 30 to 90 minutes?" after "how long should my workouts be?" got a 30-minute workout
    /// nobody asked for. Other questions that name nothing ("What can I do instead?") are answered
    /// about what the first one named.
    private func isAnswerable(_ question: String) -> Bool {
        let understood = interpreter.understand(question)
        guard understood.rule == nil, understood.confidence >= 0.5,
            ![.unknown, .greeting, .help, .safety].contains(understood.intent)
        else { return false }
        let namesSomething = !understood.matches.isEmpty || understood.routine != nil
        // (A second question that names nothing and is read without much certainty, "What amount
        // of time do you recommend?" after "how long should my workouts be?", is the first one
        // again in other words, not a question for a card picked on "recommend".)
        let sure =
            understood.confidence >= Self.sureOfABareQuestion
            || (understood.askRanking.first?.score ?? 0) >= Self.sureOfABareAsk
        return namesSomething || understood.intent != .workout && sure
    }

    /// How sure the reading of a second question that names nothing must be to answer it apart:
    /// of its intent, or of its ask ("how often?" is read 0.56 sure of frequency; "what amount of
    /// time do you recommend?" 0.27 of its best guess).
    static let sureOfABareQuestion = 0.7
    static let sureOfABareAsk = 0.5

    /// What the everyday things said as had stand in for ("what you have there will do as a
    /// dumbbell", with the piece's own everyday stand-in saying how), when the line names any.
    private func everydayKit(_ turn: Turn) -> (EquipmentID, String)? {
        guard let id = turn.everydayKit else { return nil }
        let how = knowledge.equipment(id)?.standIns.first { $0.equipment == knowledge.bodyweightID }?.text
        return (id, say(.equipmentEveryday, ["equipment": knowledge.equipmentName(id), "how": how ?? ""]))
    }

    /// A swap whose one side is something the articles leave out: "what can I do instead of
    /// shrugs?" (nothing of theirs named to replace) or "can I swap lat pulldowns for straight-arm
    /// pulldowns?" (weighing one of theirs against it, with no other reason for the swap said:
    /// missing kit, a pain or a dislike still get the swaps). The team's guidance on it says what it
    /// does and how it compares, where a list of the articles' swaps would answer another question.
    private func swapsUncovered(_ turn: Turn) -> Bool {
        turn.intent == .substitution && turn.understanding.notCovered != nil
            && (turn.exercise == nil && turn.understanding.exerciseCandidates.isEmpty
                || [nil, .swapFor].contains(turn.understanding.substituteReason) && turn.have.isEmpty)
    }

    /// Something the articles leave out, named beside an exercise of theirs in a swap question that
    /// says what kit there is ("all I have is a band, what instead of shrugs and rear delt flys?"):
    /// said so first, then the swap for theirs with that kit.
    private func uncoveredBesideASwap(_ turn: Turn) -> NotCovered? {
        guard turn.intent == .substitution, !turn.have.isEmpty, !swapsUncovered(turn),
            let uncovered = turn.understanding.notCovered.flatMap(knowledge.language.uncovered), !uncovered.medical
        else { return nil }
        return uncovered
    }

    /// A turn for a line, with what its questions say on their own: which point the first one
    /// asks about (in a long post), whether one asks yes or no, and the pain question each asks.
    private func turn(for line: String, _ understanding: Understanding) -> Turn {
        var turn = Turn(understanding: understanding)
        let questions = Interpreter.questions(line)
        let sentences = Interpreter.sentences(line)
        if sentences.count >= 3, let question = questions.first {
            turn.pointFeatures = interpreter.understand(question).pointFeatures
        }
        // (With no question mark, the last sentence is the question, as the ask classifier reads it.)
        if sentences.count >= 2,
            let asking = questions.isEmpty ? sentences.last.map(String.init) : questions.joined(separator: " ")
        {
            let asked = interpreter.understand(asking)
            turn.askedWords = asked.words
            if understanding.exercise != nil || !understanding.exerciseCandidates.isEmpty {
                turn.questionExercises = asked.exercise.map { [$0] } ?? asked.exerciseCandidates
            }
        }
        // (A line of one sentence asks its question without the mark as often as with it: "is it
        // bad to do face pulls every day".)
        let unmarked = questions.isEmpty && sentences.count == 1 ? [line] : []
        turn.asksYesNo = (questions + unmarked).contains { interpreter.asksYesNo($0) }
        // (Nor does the last of several: "all i have is a towel and a door. can i even do rows
        // with that".)
        turn.endsAskingYesNo =
            turn.asksYesNo
            || questions.isEmpty && sentences.count > 1
                && sentences.last.map { interpreter.asksYesNo(String($0)) } == true
        turn.asksYesNoAfterComma = (questions + unmarked).contains { interpreter.asksYesNo($0, afterCommas: true) }
        // (A question may come without its mark: "thanks. can I do this twice a week".)
        // (Or after a comma, opening with what, how or when: "thx, how many reps should i do of
        // those", which is no thanks alone.)
        turn.asksQuestion = !questions.isEmpty || sentences.contains { interpreter.asksYesNo(String($0)) }
        turn.asksAfterComma = sentences.contains { sentence in
            Interpreter.clauses(String(sentence)).dropFirst().contains(where: interpreter.opensAQuestion)
        }
        if understanding.intent == .safety, questions.count >= 2 {
            for question in questions {
                if let ask = interpreter.painAsk(ofQuestion: question),
                    !turn.questionPainAsks.contains(where: { $0.ask == ask })
                {
                    turn.questionPainAsks.append((TerminalText.sanitized(question, limit: 400), ask))
                }
            }
        }
        return turn
    }

    private func answer(_ line: String, state: inout ConversationState) -> Reply {
        let understanding = interpreter.understand(line)
        var turn = turn(for: line, understanding)
        TurnResolver(knowledge: knowledge).resolve(&turn, state: state)
        state.cannotLie.formUnion(understanding.cannotLie)
        if understanding.floorlessLasting { state.cannotLie.formUnion(Lying.onTheFloor) }
        // Somewhere with no floor ("at my desk") rules lying down out for this line only.
        let lastingCannotLie = state.cannotLie
        if understanding.floorless { state.cannotLie.formUnion(Lying.onTheFloor) }
        defer { state.cannotLie = lastingCannotLie }
        var draft = ReplyDraft(teamMark: say(.teamMark))
        if !state.painReported.isEmpty, !understanding.painMentioned, understanding.painBetter {
            // "My shoulder feels better": stop sparing it. A line that says only that gets only
            // this; one that also asks for something ("...give me a workout") goes on to it.
            state.painReported = []
            draft.add(.paragraph(say(.painBetter)))
            draft.reasons.append(.painBetter)
            if [.unknown, .greeting, .help, .safety].contains(turn.intent) || turn.clarifies {
                draft.ask = .smallTalk
                return finish(line, turn: turn, understanding: understanding, draft: draft, state: &state)
            }
        }
        let responder: any Responder =
            HeldForRedFlagResponder.applies(to: turn, state: state)
            ? HeldForRedFlagResponder(context: context)
            : asksWhatStillWorks(turn, state: state) || (!turn.workAround.isEmpty && turn.intent != .workout)
                || turn.reasons.contains(.listWithoutKit) || turn.reasons.contains(.listWithKit)
                ? BestForResponder(context: context)
                : turn.reasons.contains(.nextAfterWorkout)
                    ? NextWeekResponder(context: context)
                    : PlanRestResponder.answers(turn)
                        ? PlanRestResponder(context: context)
                        : AddMoveResponder.applies(to: turn, state: state, knowledge: knowledge)
                            ? AddMoveResponder(context: context) : responder(for: turn)
        responder.respond(to: &turn, state: &state, into: &draft)
        // ("A backpack and some water jugs": the jugs are the dumbbells of the plan, said first.)
        // (Said only where it is used: a plan that leaves the chair unused needs no word on it.)
        if [.workout, .substitution, .form].contains(turn.intent), let (id, note) = everydayKit(turn),
            draft.routine.map({ $0.equipment.contains(id) })
                ?? (turn.intent != .workout
                    // (A swap list that uses none of it says nothing of it: "a rolling chair,
                    // anything like a face pull?")
                    && (turn.intent != .substitution || turn.exercise == nil
                        || draft.exercises.contains { $0.equipment.contains(id) }))
        {
            draft.blocks.insert(.note(note), at: 0)
        }
        if responder is SubstitutionResponder, let uncovered = uncoveredBesideASwap(turn) {
            draft.blocks.insert(
                contentsOf: NotCoveredResponder(context: context).opening(uncovered, missing: turn.missing), at: 0)
        }
        // ("Post spinal fusion, 10 minute workout?": what the condition asks of training first.)
        if turn.intent != .safety, draft.safety == nil, draft.ask?.isTrainingAdvice == true,
            let condition = conditionBeforeTraining(turn)
        {
            draft.blocks.insert(.paragraph(draft.marked(condition.advice)), at: 0)
            draft.cite(condition.advice.source)
            draft.safety = Reply.SafetyNote(redFlag: false, advice: condition.advice.text)
            draft.reasons.append(.conditionFirst)
        }
        if let caveat = caveat(of: turn), !(responder is NotCoveredResponder) {
            // "Teen here, want a wider back, gym access, what should I do?": what is said about
            // the person first, then the answer to the training question.
            draft.blocks.insert(contentsOf: NotCoveredResponder(context: context).opening(caveat), at: 0)
        }
        return finish(line, turn: turn, understanding: understanding, draft: draft, state: &state)
    }

    /// The first body condition the line names whose advice comes before any training answer
    /// (`before_training` in safety.yaml).
    private func conditionBeforeTraining(_ turn: Turn) -> SafetyKnowledge.Condition? {
        turn.understanding.matches.lazy.compactMap { match -> SafetyKnowledge.Condition? in
            guard case let .condition(id) = match.entity, let condition = knowledge.safety.condition(id),
                condition.beforeTraining
            else { return nil }
            return condition
        }.first
    }

    /// Something the articles do not cover that is about the person (`caveat` in topics.yaml),
    /// said with a training question of its own: an exercise, a muscle, a goal or kit ("teen here,
    /// want a wider back, gym access"). Nil when the line asks nothing more, or reports pain.
    private func caveat(of turn: Turn) -> NotCovered? {
        guard let uncovered = turn.understanding.notCovered.flatMap(knowledge.language.uncovered), uncovered.caveat,
            !turn.understanding.painMentioned
        else { return nil }
        // (The line's own words, not the exercise of the conversation; and not kit: "my 12 year old
        // wants to lift weights with me" asks about the child, not about weights.)
        let understanding = turn.understanding
        let asksTraining =
            understanding.exercise != nil || understanding.muscle != nil || understanding.goal != nil
            // ("im 22 weeks pregnant, can i still do rows and band stuff": a family asked for with kit.)
            || !understanding.exerciseCandidates.isEmpty && turn.intent == .substitution
            || understanding.wholeGym || turn.intent == .workout || turn.reasons.contains(.safeToStart)
            // ("Swimmer here. whats good for upper back that wont wreck my shoulders": the best moves,
            // after what swimming changes.)
            || understanding.ask == .bestFor && turn.intent == .faq
        return asksTraining ? uncovered : nil
    }

    /// Soreness, a pump or a burn, with no pain, nothing lasting and no warning sign: the muscles
    /// worked. (Of a burn that settles, about no exercise, what the team says of the burn answers:
    /// "the burn in my upper back on the last reps is insane, is that normal?".)
    private func onlySoreness(_ turn: Turn) -> Bool {
        turn.understanding.soreness && !turn.understanding.redFlag
            && !turn.understanding.matches.contains { $0.entity == .pain || $0.entity == .lasting }
    }

    /// "I had a baby 4 months ago, can I start doing rows again?": a yes-or-no question about
    /// training, with a caveat about the person and no session asked for (no minutes, no kit), is
    /// answered by the caveat alone, not by the caveat and a workout nobody asked for.
    private func asksOnlyWhetherToTrain(_ turn: Turn, _ uncovered: NotCovered) -> Bool {
        uncovered.caveat && turn.intent == .workout && turn.asksYesNoAfterComma
            && turn.understanding.minutes == nil
            && turn.understanding.have.isEmpty && !turn.understanding.painMentioned
    }

    /// `suggestion` with how well it stands in for `replaced`: the exercise itself, another that
    /// works one of its main muscles, or only the nearest there is.
    private func fitted(_ suggestion: Reply.Suggestion, replacing replaced: Exercise) -> Reply.Suggestion {
        var fitted = suggestion
        if suggestion.id == replaced.id {
            fitted.fit = .sameExercise
        } else {
            let sharesAMainMuscle = !Set(replaced.primaryMuscles).isDisjoint(
                with: knowledge.exercise(suggestion.id)?.primaryMuscles ?? [])
            fitted.fit = sharesAMainMuscle ? .sameJob : .nearest
        }
        return fitted
    }

    /// Ends a turn: cites the sources, updates what the conversation remembers, builds the reply.
    private func finish(
        _ line: String, turn: Turn, understanding: Understanding, draft: ReplyDraft, state: inout ConversationState
    ) -> Reply {
        var draft = draft
        if let replaced = draft.replacing { draft.exercises = draft.exercises.map { fitted($0, replacing: replaced) } }
        let sources = context.addSources(to: &draft)
        state.remember(turn, safety: knowledge.safety)
        state.pendingChoice = draft.offered
        if draft.exercises.count >= 2 { state.lastListed = draft.exercises.map(\.id) }
        state.pendingIntent = draft.offered.isEmpty ? nil : turn.intent
        let answeredPoint = !draft.offered.isEmpty && draft.ask == .formPoint
        state.pendingAsk = draft.offered.isEmpty ? nil : answeredPoint ? .formPoint : turn.understanding.ask
        state.pendingPoint = answeredPoint ? turn.pointFeatures : []
        var reply = Reply(
            input: TerminalText.sanitized(line), intent: turn.intent,
            ask: draft.ask, confidence: understanding.classifierScore(for: turn.intent),
            decidedBy: understanding.rule != nil
                ? .rule : (turn.intent != understanding.intent ? .conversation : .classifier),
            rule: understanding.rule?.rawValue, entities: turn.entities, blocks: draft.blocks,
            exercises: draft.exercises, routine: draft.routine,
            sources: sources, safety: draft.safety,
            understanding: understanding, reasons: turn.reasons + draft.reasons)
        reply.parts = draft.parts
        reply.week = draft.week
        reply.logged = draft.logged
        reply.amended = draft.amended
        state.lastReply = reply
        return reply
    }
}
