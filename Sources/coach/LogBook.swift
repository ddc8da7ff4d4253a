import CoachDialogue
import CoachLog
import CoachModel
import Foundation

/// The training log for one run of coach: opened once (made when missing), loaded into the
/// conversation, and written whenever something is logged. When the log cannot be used (a file
/// that is not coach's, a read-only home, a full disk), coach says so once and goes on without
/// logging; the file is never replaced.
struct LogBook {
    private var store: LogStore?
    /// Said once: the log cannot be used.
    private var failed = false
    let url: URL

    /// Opens the log. `create` makes it at once when missing (the chat, where logging is part
    /// of the conversation, says at its start when it cannot); otherwise it is made when the
    /// first thing is logged, so `coach ask hi` leaves no file behind.
    init(paths: AppPaths = .current(), create: Bool) {
        url = paths.log
        do {
            store = create ? try LogStore(url: url) : try LogStore.existing(at: url)
        } catch {
            report(error)
        }
    }

    /// Everything logged, as the dialogue reads it.
    mutating func load() -> TrainingLog {
        guard !failed else { return TrainingLog(isWritable: false) }
        guard let store else { return TrainingLog() }
        do {
            return TrainingLog(sessions: try store.sessions(), isWritable: true)
        } catch {
            report(error)
            return TrainingLog(isWritable: false)
        }
    }

    /// Stores `session`; returns it with its number, or nil (said once) when it cannot be.
    @discardableResult
    mutating func record(_ session: LoggedSession) -> LoggedSession? {
        guard !failed else { return nil }
        do {
            if store == nil { store = try LogStore(url: url) }
            return try store?.append(session)
        } catch {
            report(error)
            return nil
        }
    }

    /// Stores what `reply` logged or changed, and gives the conversation the log as it now is
    /// (with the session numbers the file gave).
    mutating func store(_ reply: Reply, into state: inout ConversationState) {
        if let logged = reply.logged, record(logged) != nil { state.log = load() }
        if let amended = reply.amended, update(amended) { state.log = load() }
    }

    /// Stores a changed session again ("it felt hard"); false (said once) when it cannot be.
    @discardableResult
    mutating func update(_ session: LoggedSession) -> Bool {
        guard !failed, let store else { return false }
        do {
            return try store.update(session)
        } catch {
            report(error)
            return false
        }
    }

    private mutating func report(_ problem: LogProblem) {
        guard !failed else { return }
        failed = true
        store = nil
        Output.error(problem.description)
    }
}

extension AppPaths {
    /// The log for reading only: nil when there is no file yet (reading never makes one).
    func existingLog() throws(LogProblem) -> LogStore? { try LogStore.existing(at: log) }
}
