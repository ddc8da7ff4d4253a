import CoachModel
import CoachRecommending
import CoachUnderstanding

/// Form questions: how to do an exercise, or one point of it first.
struct FormResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        draft.ask = .howTo
        formReply(&draft, turn, state: state)
    }

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
                    let named = say(
                        .formWay,
                        [
                            "name": capitalizedFirst(way.name),
                            "equipment": way.equipment.map(knowledge.equipmentName).joined(separator: say(.joinList)),
                        ])
                    return way.text.map { say(.formWayText, ["way": named, "text": $0]) } ?? named
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

    /// When the question is about one point (sets, a body part, mistakes), answers that first.
    private func leadWithPoint(_ draft: inout ReplyDraft, _ turn: Turn, _ exercise: Exercise) -> Bool {
        if turn.asksAbout(knowledge.language.words(.dosage)) {
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
        let topics = knowledge.language.understanding.cueTopics.filter { turn.asksAbout([$0]) }
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

}
