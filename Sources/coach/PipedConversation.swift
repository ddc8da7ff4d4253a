import CoachKit
import Foundation

/// A conversation without a terminal: each line in, one reply out (text or one JSON line).
struct PipedConversation {
    var session: ChatSession
    let json: Bool
    let explain: Bool
    private let profile: ProfileStore
    private var answered = 0
    private var canSave = true

    init(knowledge: KnowledgeBase, json: Bool, explain: Bool, paths: AppPaths = .current()) {
        profile = ProfileStore(directory: paths.profileDirectory)
        let saved = profile.load()
        if let warning = saved.warning { Output.error(warning) }
        session = ChatSession(
            coach: Coach(knowledge: knowledge), state: ConversationState(profileEquipment: saved.equipment))
        self.json = json
        self.explain = explain
    }

    mutating func run(lines: some Sequence<String>) {
        for line in lines {
            if !answer(line, replyToEmpty: false) { break }
        }
    }

    /// Answers one line; false when the line asks to quit.
    @discardableResult
    mutating func answer(_ line: String, replyToEmpty: Bool) -> Bool {
        switch session.handle(line) {
        case .quit:
            return false
        case let .guide(_, fallback):
            write(fallback, emptyInput: false)
        case .empty:
            if replyToEmpty { write(session.handle("?").reply ?? nil, emptyInput: true) }
        case let .reply(reply, profileChanged):
            if profileChanged, let equipment = session.state.profileEquipment { save(equipment) }
            write(reply, emptyInput: false)
        }
        return true
    }

    private mutating func write(_ reply: Reply?, emptyInput: Bool) {
        guard var reply else { return }
        if emptyInput {
            reply.input = ""
            reply.blocks = [.paragraph(session.coach.knowledge.replies("unknown.empty"))]
        }
        if json {
            Output.line(JSONReply.line(for: reply))
        } else {
            if answered > 0 { Output.line("") }
            var text = TextRenderer(width: Terminal.width, style: Terminal.useColor ? .color : .plain).render(
                reply.blocks)
            if explain, let understanding = reply.understanding {
                let why = WhyExplanation(
                    understanding: understanding, reasons: reply.reasons, replies: session.coach.knowledge.replies)
                text += "\n\n" + TextRenderer(width: Terminal.width, style: .plain).render(why.blocks)
            }
            Output.line(text)
        }
        answered += 1
    }

    /// Saves the profile; after a failure, says so once and stops trying.
    private mutating func save(_ equipment: Set<String>) {
        guard canSave else { return }
        do { try profile.save(equipment: equipment) } catch {
            canSave = false
            Output.error(
                "coach: could not save your equipment profile at \(profile.url.path) (\(error.localizedDescription)); it is kept for this session only"
            )
        }
    }
}

extension ChatSession.Outcome {
    var reply: Reply?? {
        if case let .reply(reply, _) = self { return reply }
        return nil
    }
}
