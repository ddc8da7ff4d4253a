import CoachDialogue
import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Testing

/// The older dev set (Tests/dev-set.yaml). It was used to tune the knowledge, so its accuracy
/// measures memory and has no floor here (the floors are on the frozen test split of real
/// questions, in QuestionSetTests); what stays is a behaviour check on its red-flag lines.
struct DevSetTests {
    /// Every red-flag phrasing of the dev set sets red_flag (and is a safety question).
    @Test func everyRedFlagIsCaught() throws {
        let flagged = try Evaluation.load(Fixtures.devSet).filter { $0.redFlag == true }
        #expect(flagged.count >= 30)
        for example in flagged {
            let reply = Fixtures.converse([example.text])[0]
            #expect(reply.intent == .safety, "\(example.text)")
            #expect(reply.safety?.redFlag == true, "not flagged: \(example.text)")
        }
    }
}
