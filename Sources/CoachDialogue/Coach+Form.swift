import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Form questions: how to do an exercise, or one point of it first.
extension Coach {
    func formReply(_ draft: inout ReplyDraft, _ turn: Turn, state: ConversationState) {
        guard let exercise = exerciseOrAsk(&draft, turn) else { return }
        draft.exercises = [suggestion(exercise, way: exercise.ways.first)]
        if leadWithPoint(&draft, turn, exercise) {
            draft.add(.note(say(.formMore, ["name": exercise.name])))
            return
        }
        draft.add(.heading(exercise.name))
        draft.say(exercise.summary)
        draft.add(.paragraph(say(.formTrains, ["muscles": muscleList(exercise)])))
        exercise.muscles.forEach { draft.cite($0.source) }
        draft.add(.heading(say(.headingWays)))
        draft.add(
            .bullets(
                exercise.ways.map { way in
                    "\(capitalizedFirst(way.name)) (\(way.equipment.map(knowledge.equipmentName).joined(separator: ", ")))"
                        + (way.text.map { ": \($0)" } ?? "")
                }))
        exercise.ways.forEach { draft.cite($0.source) }
        stepsBlock(&draft, exercise)
        draft.add(.heading(say(.headingCues)))
        draft.list(exercise.cues)
        draft.add(.heading(say(.headingMistakes)))
        draft.list(exercise.mistakes)
        dosageBlock(&draft, exercise)
        if !exercise.safety.isEmpty {
            draft.add(.heading(say(.headingSafety)))
            draft.list(exercise.safety)
        }
    }

    /// The exercise the turn is about; when unclear, asks (offering the likely ones) and
    /// returns nil.
    func exerciseOrAsk(_ draft: inout ReplyDraft, _ turn: Turn) -> Exercise? {
        if let id = turn.exercise, let exercise = knowledge.exercise(id) { return exercise }
        let candidates = turn.understanding.exerciseCandidates.compactMap(knowledge.exercise)
        if candidates.count >= 2 {
            draft.add(.paragraph(say(.clarifyExercise, ["first": candidates[0].name, "second": candidates[1].name])))
            draft.exercises = candidates.prefix(2).map { suggestion($0, way: $0.ways.first) }
            draft.reasons.append("the words fit several exercises: \(candidates.map(\.id).joined(separator: ", "))")
        } else {
            let examples = knowledge.exercises.prefix(3).map(\.name).joined(separator: ", ")
            draft.add(.paragraph(say(.exerciseUnknown, ["examples": examples])))
        }
        return nil
    }

    /// When the question is about one point (sets, a body part, mistakes), answers that first.
    private func leadWithPoint(_ draft: inout ReplyDraft, _ turn: Turn, _ exercise: Exercise) -> Bool {
        if turn.asksAbout(["set", "rep", "repetition", "many", "dosage", "dose"]) {
            dosageBlock(&draft, exercise, heading: false)
            return true
        }
        if turn.asksAbout(["mistake", "wrong", "avoid", "error"]) {
            draft.add(.heading(say(.headingMistakes) + ": " + exercise.name))
            draft.list(exercise.mistakes)
            return true
        }
        if turn.asksAbout(["step", "instruction"]) {
            stepsBlock(&draft, exercise)
            return true
        }
        let topics = SourcedText.aboutTopics.filter { turn.asksAbout([$0]) }
        guard !topics.isEmpty else { return false }
        let matching = { (texts: [SourcedText]) in texts.filter { !Set($0.about).isDisjoint(with: topics) } }
        let cues = matching(exercise.cues)
        let mistakes = matching(exercise.mistakes)
        let safety = matching(exercise.safety)
        guard !(cues.isEmpty && mistakes.isEmpty && safety.isEmpty) else { return false }
        for (key, texts) in [
            (ReplyKey.headingCues, cues), (ReplyKey.headingMistakes, mistakes), (ReplyKey.headingSafety, safety),
        ]
        where !texts.isEmpty {
            draft.add(.heading(say(key) + ": " + exercise.name))
            draft.list(texts)
        }
        return true
    }

    private func stepsBlock(_ draft: inout ReplyDraft, _ exercise: Exercise) {
        let way = exercise.ways.first { $0.id == exercise.steps.way }
        let heading = say(.headingSteps) + (way.map { " (\($0.name))" } ?? "")
        draft.add(.heading(heading))
        draft.add(.numbered(exercise.steps.items))
        draft.cite(exercise.steps.source)
    }

    func dosageBlock(_ draft: inout ReplyDraft, _ exercise: Exercise, heading: Bool = true) {
        let dosage = exercise.dosage
        var text: String
        if let reps = dosage.reps {
            let count =
                reps.lowerBound == reps.upperBound ? "\(reps.lowerBound)" : "\(reps.lowerBound)-\(reps.upperBound)"
            text = say(.dosageReps, ["sets": "\(dosage.sets)", "reps": count, "name": exercise.name])
        } else {
            text = say(
                .dosageSeconds,
                ["sets": "\(dosage.sets)", "seconds": "\(dosage.seconds ?? 30)", "name": exercise.name])
        }
        if dosage.perSide { text += " " + say(.dosagePerSide) }
        if heading { draft.add(.heading(say(.headingDosage))) }
        draft.add(.paragraph(text))
        draft.cite(dosage.source)
    }

    /// "rear delts (posterior deltoid), trapezius; also rhomboids".
    func muscleList(_ exercise: Exercise) -> String {
        let primary = exercise.primaryMuscles.map(knowledge.muscleName).joined(separator: ", ")
        let secondary = exercise.secondaryMuscles.map(knowledge.muscleName)
        return secondary.isEmpty
            ? primary : primary + "; " + say(.anatomySecondary, ["muscles": secondary.joined(separator: ", ")])
    }

    func suggestion(_ exercise: Exercise, way: ExerciseWay?, why: String? = nil) -> Reply.Suggestion {
        Reply.Suggestion(id: exercise.id, name: exercise.name, equipment: way?.equipment ?? [], why: why)
    }

    func capitalizedFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
