import CoachModel
import CoachRecommending
import CoachUnderstanding

/// The engine: understands a line in the light of the conversation and writes the reply.
/// A value built once from the knowledge base; the conversation lives in `ConversationState`.
public struct Coach: Sendable {
    public let knowledge: KnowledgeBase
    public let interpreter: Interpreter
    let substitutions: SubstitutionFinder
    let workouts: WorkoutBuilder

    public init(knowledge: KnowledgeBase) {
        self.init(knowledge: knowledge, interpreter: Interpreter(knowledge: knowledge))
    }

    /// A coach whose understanding was trained earlier from `knowledge` (see `Coach+Snapshot`).
    public init(knowledge: KnowledgeBase, interpreter: Interpreter) {
        self.knowledge = knowledge
        self.interpreter = interpreter
        let index = ExerciseIndex(knowledge: knowledge)
        substitutions = SubstitutionFinder(knowledge: knowledge, index: index)
        workouts = WorkoutBuilder(knowledge: knowledge, index: index)
    }

    var say: Replies { knowledge.replies }

    /// The equipment id a name stands for: an id itself ("resistance-band"), or a name people
    /// use ("band", "kb"); nil when it names no equipment.
    public func equipmentID(named name: String) -> String? {
        let lowered = name.lowercased()
        if knowledge.equipment(lowered) != nil { return lowered }
        return interpreter.understand(name).have.first
    }

    /// The reply to `line`, updating what the conversation remembers.
    public func respond(to line: String, state: inout ConversationState) -> Reply {
        let questions = Interpreter.questions(line)
        // A post that asks two things: the backstory and first question are answered together,
        // then the next question on its own. Pain anywhere in the post means safety, alone.
        guard questions.count >= 2, !interpreter.understand(line).painMentioned,
            let end = line.firstIndex(where: { $0 == "?" || $0 == "？" })
        else { return answer(line, state: &state) }
        var reply = answer(String(line[...end]), state: &state)
        reply.input = TerminalText.sanitized(line)
        guard let second = questions.dropFirst().first(where: isAnswerable) else { return reply }
        let other = answer(second, state: &state)
        let sources = reply.sources + other.sources.filter { source in !reply.sources.contains { $0.id == source.id } }
        reply.blocks =
            reply.blocks.filter { !$0.isSources }
            + [.heading(say(.alsoAsked, ["question": TerminalText.sanitized(second, limit: 120)]))]
            + other.blocks.filter { !$0.isSources }
        reply.blocks += citation(sources).map { [$0] } ?? []
        reply.sources = sources
        reply.exercises += other.exercises.filter { suggestion in !reply.exercises.contains { $0.id == suggestion.id } }
        reply.routine = reply.routine ?? other.routine
        reply.reasons.append("the post asks a second question, answered after the first")
        state.lastReply = reply
        return reply
    }

    /// A question worth its own answer: understood with confidence, and about training.
    private func isAnswerable(_ question: String) -> Bool {
        let understood = interpreter.understand(question)
        return understood.rule == nil && understood.confidence >= 0.5
            && ![.unknown, .greeting, .help].contains(understood.intent)
    }

    /// The line that names the articles a reply comes from; nil when it cites none.
    func citation(_ sources: [Source]) -> Block? {
        guard !sources.isEmpty else { return nil }
        return .sources(
            say(.headingSources, ["titles": sources.map { "\($0.title) [\($0.id)]" }.joined(separator: "; ")]))
    }

    private func answer(_ line: String, state: inout ConversationState) -> Reply {
        let understanding = interpreter.understand(line)
        var turn = Turn(understanding: understanding)
        if Interpreter.sentences(line).count >= 3, let question = Interpreter.questions(line).first {
            turn.pointFeatures = interpreter.understand(question).features
        }
        resolve(&turn, state: state)
        var draft = ReplyDraft()
        draft.reasons = turn.reasons
        if turn.clarifies {
            clarifyReply(&draft, turn)
        } else {
            answer(turn.intent, &draft, &turn, state: &state)
        }
        if let sources = citation(draft.sourceIDs.compactMap(knowledge.source)) { draft.add(sources) }
        remember(turn, state: &state)
        let reply = Reply(
            input: TerminalText.sanitized(line), intent: turn.intent,
            ask: draft.ask, confidence: understanding.confidence, entities: turn.entities, blocks: draft.blocks,
            exercises: draft.exercises, routine: draft.routine,
            sources: draft.sourceIDs.compactMap(knowledge.source), safety: draft.safety,
            understanding: understanding, reasons: draft.reasons)
        state.lastReply = reply
        return reply
    }

    /// Hands the turn to the responder for its intent; each says which ask its reply answers.
    private func answer(_ intent: Intent, _ draft: inout ReplyDraft, _ turn: inout Turn, state: inout ConversationState)
    {
        switch intent {
        case .form:
            draft.ask = .howTo
            formReply(&draft, turn, state: state)
        case .substitution:
            draft.ask = .substitute
            substitutionReply(&draft, &turn, state: &state)
        case .workout:
            draft.ask = .workout
            workoutReply(&draft, &turn, state: &state)
        case .anatomy: anatomyReply(&draft, turn)
        case .safety: safetyReply(&draft, turn)
        case .faq: faqReply(&draft, turn)
        case .greeting:
            draft.ask = .smallTalk
            draft.add(.paragraph(say(.greeting)))
        case .help:
            draft.ask = .help
            helpReply(&draft)
        case .unknown:
            draft.ask = .outOfScope
            unknownReply(&draft, turn)
        }
    }
}
