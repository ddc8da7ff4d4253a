import CoachModel

/// "Can beginners do pull-ups?", "is the deadlift ok for a beginner?": yes or no first, from the
/// exercise's level against the level the line says: one step above it is a yes with care (the
/// articles say beginners can deadlift, light and with good form), two is not at first, with the
/// easier moves that lead to it. Where these got only "Level: advanced."
extension FormResponder {
    func levelVerdict(_ draft: inout ReplyDraft, _ exercise: Exercise, for level: Level) {
        let values = [
            "name": exercise.name, "level": exercise.level.rawValue, "who": level.rawValue,
            "easier": listed(exercise.easier.compactMap(knowledge.exercise).map(\.name), last: .joinOr),
        ]
        let key: ReplyKey =
            if exercise.level <= level {
                .formLevelYes
            } else if exercise.level.rank - level.rank == 1 {
                .formLevelWithCare
            } else {
                exercise.easier.isEmpty ? .formLevelNotYetAlone : .formLevelNotYet
            }
        draft.add(.paragraph(say(key, values)))
    }
}
