import CoachDialogue
import CoachModel
import CoachRendering
import Foundation

/// A conversation without a terminal: each line in, one reply out (text or one JSON line).
struct PipedConversation {
    var session: ChatSession
    let json: Bool
    let explain: Bool
    private var profile: SavedProfile
    private var logBook: LogBook
    private var answered = 0

    init(coach: Coach, json: Bool, explain: Bool, paths: AppPaths = .current()) {
        profile = SavedProfile(paths: paths)
        var state = profile.state(coach.knowledge)
        state.canGuide = false  // no terminal to guide in: never say "type start"
        logBook = LogBook(paths: paths, create: false)
        state.log = logBook.load()
        session = ChatSession(coach: coach, state: state)
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
            write(fallback)
        case .empty:
            if replyToEmpty { write(session.emptyQuestionReply()) }
        case let .reply(reply, profileChanged):
            if profileChanged { profile.save(session.state) }
            logBook.store(reply, into: &session.state)
            write(reply)
        }
        return true
    }

    private mutating func write(_ reply: Reply) {
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
}
