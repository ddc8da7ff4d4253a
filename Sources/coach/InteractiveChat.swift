import CReadline
import CoachDialogue
import CoachModel
import CoachRecommending
import CoachRendering
import CoachStorage
import Foundation

/// The chat on a terminal: greeting, prompt with line editing, replies wrapped to the width.
struct InteractiveChat {
    var session: ChatSession
    private let editor: LineEditor
    private let history: HistoryFile
    private var profile: SavedProfile
    private var logBook: LogBook
    /// Saving history is switched off after the first failure, which is reported once.
    private var canSave = true

    init(coach: Coach, paths: AppPaths) {
        profile = SavedProfile(paths: paths)
        session = ChatSession(coach: coach, state: profile.state(coach.knowledge))
        logBook = LogBook(paths: paths, create: true)
        session.state.log = logBook.load()
        editor = LineEditor(completer: Completer(knowledge: coach.knowledge))
        history = HistoryFile(url: paths.history)
        let past = history.load()
        if let warning = past.warning {
            Output.error(TerminalText.sanitized(warning, limit: 600))
            canSave = false  // never replace a history that could not be read
        }
        past.lines.forEach(editor.addHistory)
    }

    mutating func run() {
        let replies = session.coach.knowledge.replies
        Output.line(render([.paragraph(replies(.greeting)), .note(replies(.greetingExamples))]) + "\n")
        editor.cancelMessage = replies(.cancelled)
        while let line = editor.readLine(prompt: "> ") {
            // A line Ctrl-C cancelled is not answered, but kept in the history file, as readline
            // keeps it for Up.
            while let cancelled = editor.takeCancelledLine() { remember(cancelled) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                editor.addHistory(line)
                remember(line)
            }
            switch session.handle(line) {
            case .quit: return
            case .empty: continue
            case let .guide(plan, _):
                let summary = Self.guide(plan, knowledge: session.coach.knowledge)
                Output.line("")
                if let after = Self.logGuided(summary, started: summary.started, coach: session.coach, in: &logBook) {
                    session.state.log = logBook.load()
                    session.state.loggedHere = true
                    Output.line(render(after.blocks) + "\n")
                }
                let signal = coach_rl_terminate_requested()
                if signal != 0 { Foundation.exit(128 + signal) }  // SIGTERM or SIGHUP during the guide
            case let .reply(reply, profileChanged):
                if profileChanged { profile.save(session.state) }
                logBook.store(reply, into: &session.state)
                Output.line(render(reply.blocks) + "\n")
            }
        }
        while let cancelled = editor.takeCancelledLine() { remember(cancelled) }
        Output.line("")  // Ctrl-D leaves the prompt line open: end it
    }

    /// Guides the person through `plan` in raw mode; Ctrl-C or q stops and returns here.
    static func guide(_ plan: WorkoutPlan, knowledge: KnowledgeBase, place: GuidePlace = .chat) -> GuidedWorkout.Summary
    {
        var terminal = RawTerminal()
        defer { terminal.restore() }
        return GuidedWorkout(plan: plan, knowledge: knowledge, place: place).run(on: &terminal)
    }

    /// Stores a guided workout in the log; what to say about it (its number, and advice for next
    /// time), or nil when no set was reached or the log cannot be used.
    static func logGuided(
        _ summary: GuidedWorkout.Summary, started: Date, coach: Coach, place: GuidePlace = .chat, in book: inout LogBook
    ) -> Reply? {
        guard let session = summary.session(started: started), let stored = book.record(session) else { return nil }
        return coach.afterGuidedSession(stored, log: book.load(), now: Date(), inChat: place == .chat)
    }

    private func render(_ blocks: [Block]) -> String {
        TextRenderer(width: Terminal.width, style: Terminal.useColor ? .color : .plain).render(blocks)
    }

    private mutating func remember(_ line: String) {
        guard canSave else { return }
        do { try history.append(line) } catch {
            canSave = false
            Output.error(
                "coach: history will not be saved this session (\(history.url.path): \(FileProblem.describe(error, at: history.url)))"
            )
        }
    }
}
