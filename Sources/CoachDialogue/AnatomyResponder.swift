import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Anatomy: what an exercise works, where a muscle is and what trains it, the upper back as a whole.
struct AnatomyResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        anatomyReply(&draft, turn)
    }

    func anatomyReply(_ draft: inout ReplyDraft, _ turn: Turn) {
        // "What's the difference between rhomboids and traps?": both muscles, side by side.
        let named = namedMuscles(turn)
        if Self.asksWhatTheUpperBackIs(turn, knowledge) {
            // "Are traps and the upper back the same thing?": whether each muscle named is one of
            // its muscles, then all of them.
            draft.ask = .muscleRole
            for muscle in named {
                let member = knowledge.overviewMembers.contains(muscle.id)
                draft.add(
                    .paragraph(say(member ? .anatomyPartOf : .anatomyNotPartOf, ["muscle": muscle.name])))
                draft.say(muscle.location)
            }
            draft.say(knowledge.muscleOverview)
            functions(of: knowledge.overviewMembers.compactMap(knowledge.muscle), into: &draft)
        } else if named.count >= 2, turn.understanding.exercise == nil {
            draft.ask = .muscleRole
            twoMuscles(&draft, named[0], named[1])
            // ("...and where exactly are the rear delts?": any other muscle named, where it sits.)
            for muscle in named.dropFirst(2) {
                draft.add(.heading(capitalizedFirst(muscle.name)))
                draft.say(muscle.location)
            }
        } else if let id = turn.understanding.muscle, let muscle = knowledge.muscle(id),
            turn.understanding.exercise == nil
        {
            draft.ask = .muscleRole
            muscleReply(&draft, muscle)
        } else if let id = turn.exercise, let exercise = knowledge.exercise(id) {
            draft.ask = .whatItWorks
            draft.exercises = [suggestion(exercise, way: exercise.ways.first)]
            if turn.asksYesNo, let muscle = turn.understanding.muscle {
                draft.add(.paragraph(worksVerdict(exercise, on: muscle)))
            }
            worksBlock(&draft, exercise)
            functions(of: exercise.primaryMuscles.compactMap(knowledge.muscle), into: &draft)
        } else {
            draft.ask = .muscleRole
            draft.say(knowledge.muscleOverview)
            functions(of: knowledge.overviewMembers.compactMap(knowledge.muscle), into: &draft)
        }
    }

    /// Whether the line asks what belongs to the upper back: it names the upper back and asks
    /// what counts as it or whether something is part of it, with no exercise named.
    static func asksWhatTheUpperBackIs(_ turn: Turn, _ knowledge: KnowledgeBase) -> Bool {
        turn.understanding.exercise == nil && turn.understanding.exerciseCandidates.isEmpty
            && turn.understanding.painAreas.contains(where: knowledge.language.understanding.scopePainAreas.contains)
            && !turn.understanding.painMentioned
            && turn.says(.asksPartOf, knowledge.language)
    }

    /// The muscles a line names, in the order named, each once.
    private func namedMuscles(_ turn: Turn) -> [Muscle] { turn.musclesNamed.compactMap(knowledge.muscle) }

    /// Two muscles side by side: where each sits and what it does, then the exercises that train
    /// both, or those that train each.
    private func twoMuscles(_ draft: inout ReplyDraft, _ first: Muscle, _ second: Muscle) {
        for muscle in [first, second] {
            draft.add(.heading(capitalizedFirst(muscle.name)))
            draft.say(muscle.location)
            draft.say(muscle.function)
        }
        let secondTrainers = Set(knowledge.exercises(training: second.id).map(\.id))
        let both = knowledge.exercises(training: first.id).filter { secondTrainers.contains($0.id) }.prefix(4)
        if !both.isEmpty {
            draft.add(
                .paragraph(
                    say(
                        .anatomyTrainedByBoth,
                        ["first": first.name, "second": second.name])))
            draft.add(.bullets(both.map(\.name)))
            draft.exercises = both.map { suggestion($0, way: $0.ways.first) }
        }
    }

    /// "Rear delts: ...": a line on what each muscle does, cited.
    private func functions(of muscles: [Muscle], into draft: inout ReplyDraft) {
        draft.add(.bullets(muscles.map { "\(capitalizedFirst($0.name)): \($0.function.text)" }))
        muscles.forEach { draft.cite($0.function.source) }
    }

    private func muscleReply(_ draft: inout ReplyDraft, _ muscle: Muscle) {
        draft.add(.heading(capitalizedFirst(muscle.name)))
        draft.say(muscle.location)
        draft.say(muscle.function)
        if let parts = muscle.parts { draft.say(parts) }
        let trainers = knowledge.exercises(training: muscle.id).prefix(6)
        if !trainers.isEmpty {
            draft.add(.paragraph(say(.anatomyTrainedBy, ["name": muscle.name])))
            draft.add(.bullets(trainers.map(\.name)))
            draft.exercises = trainers.map { suggestion($0, way: $0.ways.first) }
        }
    }
}
