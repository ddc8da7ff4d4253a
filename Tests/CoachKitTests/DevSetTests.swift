import CoachKit
import Testing

/// The held-out dev set (Tests/dev-set.yaml, written apart from the training phrases): accuracy
/// must not drop below the floor the team set from what it reached (95.5% intent, 98.6%
/// exercise, 94.5% macro F1 when the floor was set).
struct DevSetTests {
    static let floors = (intent: 0.95, exercise: 0.97, macroF1: 0.93, redFlag: 1.0)

    @Test func heldOutAccuracyStaysAboveTheFloor() throws {
        let examples = try Evaluation.load(Fixtures.devSet)
        #expect(examples.count >= 400)
        let evaluation = Evaluation(examples: examples, interpreter: Fixtures.coach.interpreter)
        let report = evaluation.report(showMisses: 60)
        #expect(evaluation.intentAccuracy >= Self.floors.intent, "\(report)")
        #expect(evaluation.accuracy(of: "exercise") >= Self.floors.exercise, "\(report)")
        #expect(evaluation.macroF1 >= Self.floors.macroF1, "\(report)")
    }

    /// Every red-flag phrasing of the dev set sets red_flag (and is a safety question).
    @Test func everyRedFlagIsCaught() throws {
        let flagged = try Evaluation.load(Fixtures.devSet).filter { $0.redFlag == true }
        #expect(flagged.count >= 30)
        for example in flagged {
            let reply = Fixtures.converse([example.text])[0]
            #expect(reply.intent == "safety", "\(example.text)")
            #expect(reply.safety?.redFlag == true, "not flagged: \(example.text)")
        }
    }
}
