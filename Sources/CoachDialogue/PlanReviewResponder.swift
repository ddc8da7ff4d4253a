import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "My back day is 3x10 face pulls, 3x8 rows and 3x5 pull-ups, Monday and Thursday: anything to
/// change?": a verdict on the plan someone describes, first, then the points it rests on, the
/// changes before what already works: how often (at least the sessions a week the articles
/// suggest, never two hard days running), what kinds of move it covers (`BalanceCheck`), and each
/// dose said against the move's beginner dose. Where these got the progression or frequency card
/// of the first move named.
struct PlanReviewResponder: Responder {
    let context: ResponderContext

    /// A dose said of a move: sets by reps ("3x10", "3 sets of 10").
    struct DoseSaid: Equatable {
        var sets: Int
        var reps: Int
    }

    /// Whether a turn describes a plan and asks what to make of it: a word of review
    /// (`asks-plan-review`: "thoughts?", "anything I should change?", "is this good?") or of
    /// enough, with two moves or more named and how often or how much said (or one move with
    /// both), and no pain, no log, no missing kit and no swap or workout asked for.
    static func applies(to turn: Turn, knowledge: KnowledgeBase) -> Bool {
        let understanding = turn.understanding
        guard !understanding.painMentioned, !understanding.redFlag, understanding.log == nil,
            turn.missing.isEmpty, ![.substitution, .greeting, .help, .safety].contains(turn.intent),
            turn.says(.asksPlanReview, knowledge.language) || turn.says(.asksMoveEnough, knowledge.language)
                || turn.says(.asksEnough, knowledge.language)
        else { return false }
        let moves = EnoughResponder.namedMoves(turn, knowledge: knowledge).filter { !$0.added }
        let often = turn.understanding.sessionsAWeek != nil
        let dosed = !doses(turn, knowledge: knowledge).isEmpty
        return moves.count >= 2 && (often || dosed) || moves.count == 1 && often && dosed
    }

    /// The days of the week the line names, by their place in the week, in order, each once.
    static func weekdays(_ turn: Turn, knowledge: KnowledgeBase) -> [Int] {
        let days = knowledge.language.understanding.sessionsAWeek.weekdays
        return Set(turn.understanding.words.compactMap { days[$0] }).sorted()
    }

    /// The dose said of each move named: the sets by reps said just before it ("3x10 face
    /// pulls") or, when the first move named has none there, just after each ("face pulls
    /// 3x10"), at most two words away.
    static func doses(_ turn: Turn, knowledge: KnowledgeBase) -> [ExerciseID: DoseSaid] {
        let words = turn.understanding.words
        var said: [(range: Range<Int>, dose: DoseSaid)] = []
        for index in words.indices.dropFirst().dropLast() {
            guard let sets = Int(words[index - 1]) else { continue }
            if words[index] == "x", let reps = Int(words[index + 1]) {
                said.append(((index - 1)..<(index + 2), DoseSaid(sets: sets, reps: reps)))
            } else if words[index] == "set", index + 2 < words.count, words[index + 1] == "of",
                let reps = Int(words[index + 2])
            {
                said.append(((index - 1)..<(index + 3), DoseSaid(sets: sets, reps: reps)))
            }
        }
        guard !said.isEmpty else { return [:] }
        let moves = turn.understanding.matches.compactMap { match -> (range: Range<Int>, id: ExerciseID)? in
            EnoughResponder.move(named: match).map { (match.range, $0) }
        }
        func before(_ range: Range<Int>) -> DoseSaid? {
            said.first { (0...2).contains(range.lowerBound - $0.range.upperBound) }?.dose
        }
        func after(_ range: Range<Int>) -> DoseSaid? {
            said.first { (0...2).contains($0.range.lowerBound - range.upperBound) }?.dose
        }
        let saidBefore = moves.first.map { before($0.range) != nil } ?? false
        var doses: [ExerciseID: DoseSaid] = [:]
        for move in moves where doses[move.id] == nil {
            if let dose = saidBefore ? before(move.range) : after(move.range) { doses[move.id] = dose }
        }
        return doses
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        // (What to change in a plan, as the splits label it: "Monday/Wednesday upright row, chin-up,
        // better with rows?")
        draft.ask = .workoutChange
        let named = EnoughResponder.namedMoves(turn, knowledge: knowledge)
        let done = named.filter { !$0.added }.compactMap { knowledge.exercise($0.id) }
        let toAdd = named.filter(\.added).compactMap { knowledge.exercise($0.id) }
        guard !done.isEmpty else { return }
        var changes: [SourcedText] = []
        var fine: [SourcedText] = []
        let frequency = knowledge.topic(answering: .frequency)?.answer.first?.source ?? SourceRef(id: SourceRef.teamID)
        let target = knowledge.progress.sessionsPerWeek
        if let sessions = turn.understanding.sessionsAWeek {
            let count = timesSaid(sessions)
            if sessions < target {
                changes.append(
                    SourcedText(
                        text: say(.planReviewOftenLow, ["count": count, "target": "\(target)"]), source: frequency))
            } else {
                fine.append(
                    SourcedText(
                        text: say(.planReviewOftenEnough, ["count": count, "target": "\(target)"]), source: frequency))
            }
            let days = Self.weekdays(turn, knowledge: knowledge)
            if let (first, second) = zip(days, days.dropFirst()).first(where: { $1 - $0 == 1 }) {
                changes.append(
                    SourcedText(
                        text: say(
                            .planReviewBackToBack, ["first": say(.weekday(first)), "second": say(.weekday(second))]),
                        source: frequency))
            }
        }
        let availability = Availability(
            have: turn.have.isEmpty ? state.equipment : Set(turn.have), missing: state.missing,
            cannotLie: state.cannotLie, spare: Set(state.painReported))
        let check = BalanceCheck(
            done: done, named: toAdd, balance: knowledge.balance, exercises: knowledge.exercises,
            availability: availability)
        let balanceSource = knowledge.balance.why?.source ?? SourceRef(id: SourceRef.teamID)
        if check.isBalanced {
            fine.append(
                SourcedText(
                    text: say(
                        .planReviewKindsCovered,
                        [
                            "kinds": listed(check.kindsDone.map { say(.pattern($0)) }),
                            "covered": listed(check.worked.map(knowledge.muscleName)),
                        ]),
                    source: balanceSource))
        } else {
            for addition in check.additions {
                let muscles = addition.exercise.primaryMuscles.filter(check.missing.contains)
                changes.append(
                    SourcedText(
                        text: say(
                            .planReviewAdd,
                            [
                                "kind": say(.pattern(addition.pattern)),
                                "muscles": listed(muscles.map(knowledge.muscleName)),
                                "line": bestForLine(addition.exercise, addition.way),
                            ]),
                        source: addition.exercise.summary.source))
            }
            draft.exercises = check.additions.map { suggestion($0.exercise, way: $0.way) }
        }
        let doses = Self.doses(turn, knowledge: knowledge)
        for exercise in done {
            guard let dose = doses[exercise.id], let verdict = doseVerdict(dose, of: exercise) else { continue }
            if verdict.fits { fine.append(verdict.text) } else { changes.append(verdict.text) }
        }
        let lead: ReplyKey =
            switch changes.count {
            case 0: .planReviewSound
            case 1: .planReviewOneChange
            default: .planReviewChanges
            }
        draft.add(.paragraph(say(lead)))
        draft.list(changes)
        if !fine.isEmpty {
            draft.add(.heading(say(.planReviewWorksHeading)))
            draft.list(fine)
        }
    }

    /// The dose said of a move against the move's beginner dose: within a set of its sets and
    /// inside its rep range fits; otherwise what to make of it. Nil for a move dosed in seconds.
    private func doseVerdict(_ dose: DoseSaid, of exercise: Exercise) -> (fits: Bool, text: SourcedText)? {
        let dosage = exercise.dosage
        guard let reps = dosage.reps else { return nil }
        let values = [
            "name": exercise.name, "said": "\(dose.sets) x \(dose.reps)",
            "dose": "\(dosage.sets) x \(repsText(reps))",
        ]
        let key: ReplyKey
        if dose.sets < 2 {
            key = .planReviewFewSets
        } else if dose.sets > dosage.sets + 2 {
            key = .planReviewManySets
        } else if dose.reps < reps.lowerBound {
            key = .planReviewFewReps
        } else if dose.reps > reps.upperBound {
            key = .planReviewManyReps
        } else {
            return (true, SourcedText(text: say(.planReviewDoseFits, values), source: dosage.source))
        }
        // (What to make of a dose off the beginner one is the team's reading; the dose is the
        // article's, cited in the line that fits or by the move's card.)
        return (false, SourcedText(text: say(key, values), source: SourceRef(id: SourceRef.teamID)))
    }
}
