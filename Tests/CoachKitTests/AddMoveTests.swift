import CoachDialogue
import CoachModel
import Testing

/// "Should I add face pulls to my routine?": whether that move is worth adding, about that move
/// only, and never a workout; adding weight to a move asks how to progress it.
struct AddMoveTests {
    let knowledge = Fixtures.knowledge

    @Test func worthAddingIsAboutTheMoveNamed() {
        var answered = 0
        for exercise in knowledge.exercises {
            let reply = Fixtures.converse(["should I add the \(exercise.name) to my routine?"])[0]
            #expect(reply.routine == nil, "\(exercise.id): a workout")
            guard reply.ask == .whatItWorks else { continue }
            answered += 1
            #expect(reply.exercises.map(\.id) == [exercise.id], "\(exercise.id): \(reply.exercises.map(\.id))")
        }
        #expect(answered >= knowledge.exercises.count * 3 / 4, "only \(answered) answered")
    }

    @Test func addingWeightIsProgressingIt() {
        let reply = Fixtures.converse(["should I add weight to my face pulls?"])[0]
        #expect(reply.ask != .whatItWorks)
    }
}
