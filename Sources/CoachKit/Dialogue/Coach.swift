/// The engine: understands a line in the light of the conversation and writes the reply.
/// A value built once from the knowledge base; the conversation lives in `ConversationState`.
public struct Coach: Sendable {
    public let knowledge: KnowledgeBase
    public let interpreter: Interpreter
    let substitutions: SubstitutionFinder
    let workouts: WorkoutBuilder

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        interpreter = Interpreter(knowledge: knowledge)
        substitutions = SubstitutionFinder(knowledge: knowledge)
        workouts = WorkoutBuilder(knowledge: knowledge)
    }

    var say: Replies { knowledge.replies }

    /// The reply to `line`, updating what the conversation remembers.
    public func respond(to line: String, state: inout ConversationState) -> Reply {
        let understanding = interpreter.understand(line)
        var turn = Turn(understanding: understanding)
        resolve(&turn, state: state)
        var draft = ReplyDraft()
        draft.reasons = turn.reasons
        switch turn.intent {
        case "form": formReply(&draft, turn, state: state)
        case "substitution": substitutionReply(&draft, &turn, state: &state)
        case "workout": workoutReply(&draft, &turn, state: &state)
        case "anatomy": anatomyReply(&draft, turn)
        case "safety": safetyReply(&draft, turn)
        case "faq": faqReply(&draft, turn)
        case "greeting": draft.add(.paragraph(say("greeting")))
        case "help": helpReply(&draft)
        case "clarify": clarifyReply(&draft, turn)
        default: unknownReply(&draft, turn)
        }
        let cited = draft.sourceIDs.compactMap(knowledge.source)
        if !cited.isEmpty {
            draft.add(
                .sources(
                    say("heading.sources", ["titles": cited.map { "\($0.title) [\($0.id)]" }.joined(separator: "; ")])))
        }
        remember(turn, state: &state)
        let reply = Reply(
            input: TerminalText.sanitized(line), intent: turn.intent == "clarify" ? understanding.intent : turn.intent,
            confidence: understanding.confidence, entities: turn.entities, blocks: draft.blocks,
            exercises: draft.exercises, routine: draft.routine,
            sources: draft.sourceIDs.compactMap(knowledge.source), safety: draft.safety,
            understanding: understanding, reasons: draft.reasons)
        state.lastReply = reply
        return reply
    }
}
