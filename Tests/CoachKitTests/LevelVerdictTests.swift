import CoachDialogue
import CoachModel
import Testing

/// "Is the X ok for a beginner?": for every exercise the reply leads with the verdict its level
/// gives (yes, yes with care one level up, not at first two levels up), never only "Level: ...".
struct LevelVerdictTests {
    let knowledge = Fixtures.knowledge

    private func lead(_ key: ReplyKey) -> String { String(knowledge.replies(key).prefix { $0 != ":" }) }

    @Test func everyExerciseGetsTheVerdictOfItsLevel() {
        var answered = 0
        for exercise in knowledge.exercises {
            let reply = Fixtures.converse(["is the \(exercise.name) ok for a beginner?"])[0]
            guard reply.ask == .levelFit, case let .paragraph(first) = reply.blocks.first else { continue }
            answered += 1
            let expected: [ReplyKey] =
                switch exercise.level {
                case .beginner: [.formLevelYes]
                case .intermediate: [.formLevelWithCare]
                case .advanced: [.formLevelNotYet, .formLevelNotYetAlone]
                }
            #expect(expected.contains { first.hasPrefix(lead($0)) }, "\(exercise.id): \(first)")
            if exercise.level == .advanced, let easier = exercise.easier.first.flatMap(knowledge.exercise) {
                #expect(first.contains(easier.name), "\(exercise.id): \(first)")
            }
        }
        #expect(answered >= knowledge.exercises.count * 3 / 4, "only \(answered) answered")
    }
}
