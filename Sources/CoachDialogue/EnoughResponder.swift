import CoachModel
import CoachRecommending
import CoachUnderstanding

/// "Are pull-ups enough for my back, or do I also need rows?": whether the moves someone does
/// cover the upper back (`balance` in muscles.yaml), what they leave to other moves, and a move of
/// each kind to add, where it got the cues of the one named or a card on how often to train.
struct EnoughResponder: Responder {
    let context: ResponderContext

    /// Whether a turn asks if moves it names are enough: a word of it in so many words
    /// (`asks-move-enough`), or a word of enough said just after a move named or a word that
    /// stands for one (`enough-of`: "are they enough?"), with no pain, no missing kit, no count
    /// (sets, reps, minutes, sessions: "is 3 sets enough?" asks the dose) and no workout asked for.
    static func applies(to turn: Turn, knowledge: KnowledgeBase) -> Bool {
        let understanding = turn.understanding
        guard !understanding.painMentioned, !understanding.redFlag, understanding.log == nil,
            // (Enough for a muscle named is whether the move works it: "to hit rear delts more, are
            // pull-aparts enough?")
            turn.musclesNamed.isEmpty,
            turn.missing.isEmpty, understanding.minutes == nil, understanding.repsAlready == nil,
            understanding.sessionsAWeek == nil,
            ![.workout, .greeting, .help].contains(turn.intent),
            !namedMoves(turn, knowledge: knowledge).isEmpty
        else { return false }
        if turn.says(.asksMoveEnough, knowledge.language) { return true }
        let tokens = understanding.words
        let units = knowledge.language.understanding.wordsAsRead(.countUnits)
        guard !zip(tokens, tokens.dropFirst()).contains(where: { $0.first?.isNumber == true && units.contains($1) })
        else { return false }
        let enough = knowledge.language.understanding.wordsAsRead(.asksEnough)
        let of = knowledge.language.understanding.wordsAsRead(.enoughOf)
        let namesEnd = Set(
            understanding.matches.filter { $0.entity.isExercise || $0.entity.isFamily }.map(\.range.upperBound))
        return tokens.indices.contains { index in
            enough.contains(tokens[index]) && index > 0 && (namesEnd.contains(index) || of.contains(tokens[index - 1]))
        }
    }

    /// The exercise a match names: the exercise itself, or a family ("rows") by its usual member;
    /// nil for anything else.
    static func move(named match: EntityMatch) -> ExerciseID? {
        switch match.entity {
        case let .exercise(id): id
        case let .family(members): members.first
        default: nil
        }
    }

    /// The moves the line names, in order, each once: a family ("rows") by its usual member.
    /// Each comes with whether it is named as one to add ("do I need rows too?", `adds-move`
    /// within three words before it).
    static func namedMoves(_ turn: Turn, knowledge: KnowledgeBase) -> [(id: ExerciseID, added: Bool)] {
        let tokens = turn.understanding.words
        let adds = knowledge.language.understanding.wordsAsRead(.addsMove)
        var named: [(id: ExerciseID, added: Bool)] = []
        for match in turn.understanding.matches {
            guard let id = move(named: match), !named.contains(where: { $0.id == id }) else { continue }
            let before = Array(tokens[max(0, match.range.lowerBound - 3)..<match.range.lowerBound])
            named.append((id, Interpreter.says(adds, in: before)))
        }
        return named
    }

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .whatItWorks
        let balance = knowledge.balance
        let named = Self.namedMoves(turn, knowledge: knowledge)
        // (The moves done: those not named as ones to add; all of them when every one is.)
        let doneIDs = named.filter { !$0.added }.map(\.id)
        let done = (doneIDs.isEmpty ? named.map(\.id) : doneIDs).compactMap(knowledge.exercise)
        let toAdd = named.map(\.id).filter { !doneIDs.contains($0) }.compactMap(knowledge.exercise)
        guard !done.isEmpty else { return }
        let availability = Availability(
            have: turn.have.isEmpty ? state.equipment : Set(turn.have), missing: state.missing,
            cannotLie: state.cannotLie, spare: Set(state.painReported))
        let check = BalanceCheck(
            done: done, named: toAdd, balance: balance, exercises: knowledge.exercises, availability: availability)
        let values = [
            "names": listed(done.map(\.name)), "covered": listed(check.worked.map(knowledge.muscleName)),
            "missing": listed(check.missing.map(knowledge.muscleName)),
        ]
        done.forEach { exercise in exercise.muscles.filter { $0.role == .primary }.forEach { draft.cite($0.source) } }
        // (A move of each kind is enough whatever the main muscles of each: "face pulls, rows and
        // pulldowns" leave the rhomboids to none of them as its main muscle, but work them all.)
        guard !check.isBalanced else {
            let kinds = check.kindsDone.map { say(.pattern($0)) }
            draft.add(.paragraph(say(.enoughYes, values.merging(["kinds": listed(kinds)]) { $1 })))
            if let why = balance.why { draft.say(why) }
            return
        }
        draft.add(.paragraph(say(done.count == 1 ? .enoughNoOne : .enoughNoSeveral, values)))
        // One move of each kind the week lacks, for the muscles still left: a move the line
        // names first, then the one that works most of them, with kit the person has.
        addMoves(check.additions, under: .enoughAddHeading, into: &draft)
        if let why = balance.why { draft.say(why) }
    }
}

extension Responder {
    /// The moves a balance check adds, one of each kind missing, under `heading`, as a list of
    /// kind and move, each cited and offered.
    func addMoves(_ additions: [BalanceCheck.Addition], under heading: ReplyKey, into draft: inout ReplyDraft) {
        guard !additions.isEmpty else { return }
        draft.add(.heading(say(heading)))
        draft.add(
            .bullets(
                additions.map { addition in
                    say(
                        .enoughKindLine,
                        [
                            "kind": capitalizedFirst(say(.pattern(addition.pattern))),
                            "line": bestForLine(addition.exercise, addition.way),
                        ])
                }))
        additions.forEach { draft.cite($0.exercise.summary.source) }
        draft.exercises = additions.map { suggestion($0.exercise, way: $0.way) }
    }
}
