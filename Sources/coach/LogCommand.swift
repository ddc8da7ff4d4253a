import ArgumentParser
import CoachDialogue
import CoachLog
import CoachModel
import CoachRendering
import CoachUnderstanding
import Foundation

/// `coach log`: the training log. Guided workouts are logged as they go; `coach log add` and
/// the chat ("I did 3 sets of 12 face pulls") add sets by hand.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show your training log: recent sessions, or a week's or a month's.",
        discussion: """
            The log is $XDG_DATA_HOME/coach/log.sqlite (else ~/.local/share/coach/log.sqlite; under
            COACH_HOME when set). Guided workouts are logged as you go.
            """,
        subcommands: [Show.self, Add.self, Note.self, Delete.self, Forget.self, Export.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show recent sessions (the default).")

        @OptionGroup var knowledge: KnowledgeOptions
        @Flag(help: "Only today.") var today = false
        @Flag(help: "Only the last 7 days.") var week = false
        @Flag(help: "Only the last 30 days.") var month = false
        @Flag(help: "Every session, as one JSON array of sessions with their sets.") var json = false

        func run() throws {
            let log = try readLog()
            let period: LogPeriod? = today ? .today : week ? .week : month ? .month : nil
            if json {
                let sessions = period.map { log.sessions(since: $0.start(before: Date())) } ?? log.sessions
                Output.line(LogJSON.line(sessions))
                return
            }
            let coach = try knowledge.coach()
            printReply(coach.logReply(.review(period), log: log, now: Date()))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Log sets you did: coach log add face-pull --sets 3 --reps 12 --band medium")

        @OptionGroup var knowledge: KnowledgeOptions
        @Argument(help: "The exercise (an id such as face-pull, or a name people use).") var exercise: String
        @Option(help: "Sets done (1-50).") var sets = 1
        @Option(help: "Reps in each set.") var reps: Int?
        @Option(help: "Seconds in each set, for a hold.") var seconds: Int?
        @Option(help: "The band used: extra-light, light, medium, heavy, extra-heavy, or a colour.") var band: String?
        @Option(help: "A weight, such as \"10 kg\" or \"25 lb\".") var load: String?
        @Option(help: "How it felt: easy or hard.") var effort: String?

        func validate() throws {
            guard (1...50).contains(sets) else { throw ValidationError("--sets should be from 1 to 50.") }
            if let reps, !(1...500).contains(reps) { throw ValidationError("--reps should be from 1 to 500.") }
            if let seconds, !(1...3600).contains(seconds) {
                throw ValidationError("--seconds should be from 1 to 3600.")
            }
            guard reps != nil || seconds != nil else { throw ValidationError("Give --reps or --seconds.") }
            if let effort, !["easy", "hard"].contains(effort.lowercased()) {
                throw ValidationError("--effort should be easy or hard.")
            }
        }

        func run() throws {
            let coach = try knowledge.coach()
            guard let id = coach.exerciseID(named: exercise) else {
                Output.error(
                    "coach: no exercise called '\(TerminalText.sanitized(exercise, limit: 60))'. Ids: \(coach.knowledge.exercises.map(\.id.rawValue).joined(separator: ", "))."
                )
                throw ExitCode(1)
            }
            let entry = LogEntryDraft(
                exercise: id, sets: sets, reps: reps, seconds: seconds,
                load: loggedLoad(band: band, load: load, coach.knowledge.progress), effort: effort?.lowercased())
            var book = LogBook(create: true)
            var reply = coach.logReply(.entry(entry), log: book.load(), now: Date())
            guard var session = reply.logged else {
                printReply(reply)
                throw ExitCode(1)
            }
            session.source = .manual
            guard book.record(session) != nil else { throw ExitCode(1) }
            reply.logged = session
            printReply(reply)
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Add how a session felt, or the band or weight used: coach log note --session N --effort hard")

        @OptionGroup var knowledge: KnowledgeOptions
        @Option(help: "The session's number, as `coach log` shows it.") var session: Int64
        @Option(help: "How it felt: easy or hard.") var effort: String?
        @Option(help: "The band used, for every set: extra-light, light, medium, heavy, extra-heavy, or a colour.")
        var band: String?
        @Option(help: "A weight used for every set, such as \"10 kg\".") var load: String?

        func validate() throws {
            guard effort != nil || band != nil || load != nil else {
                throw ValidationError("Say what to add: --effort, --band or --load.")
            }
            if let effort, !["easy", "hard"].contains(effort.lowercased()) {
                throw ValidationError("--effort should be easy or hard.")
            }
        }

        func run() throws {
            let coach = try knowledge.coach()
            guard let store = try openForChange(),
                var logged = try store.sessions().first(where: { $0.id == self.session })
            else {
                Output.error("coach: there is no session \(session) in the log (`coach log` shows their numbers).")
                throw ExitCode(1)
            }
            if let effort { logged.effort = effort.lowercased() }  // easy or hard: validated
            let said = loggedLoad(band: band, load: load, coach.knowledge.progress)
            if let said { for index in logged.sets.indices { logged.sets[index].load = said } }
            try store.update(logged)
            Output.line(
                "Noted for session \(session): "
                    + [logged.effort.map { "felt \($0)" }, said].compactMap { $0 }.joined(separator: ", ") + ".")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete one session: coach log delete --session N")

        @Option(help: "The session's number, as `coach log` shows it.") var session: Int64

        func run() throws {
            guard let store = try openForChange() else {
                Output.line("Your training log is empty: there is no session \(session).")
                throw ExitCode(1)
            }
            guard try store.delete(session: session) else {
                Output.error("coach: there is no session \(session) in the log (`coach log` shows their numbers).")
                throw ExitCode(1)
            }
            Output.line("Deleted session \(session).")
        }
    }

    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget", abstract: "Delete every session: coach log forget --all --yes")

        @Flag(help: "Every session.") var all = false
        @Flag(help: "Yes, really.") var yes = false

        func validate() throws {
            guard all else { throw ValidationError("Say --all: forget deletes every session.") }
            guard yes else { throw ValidationError("This deletes your whole training log; add --yes to confirm.") }
        }

        func run() throws {
            guard let store = try openForChange() else {
                Output.line("Your training log is already empty.")
                return
            }
            let count = try store.forgetAll()
            Output.line("Deleted every session (\(count)). The log is empty.")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the log as CSV, one row per set: coach log export --csv")

        @Flag(help: "Comma-separated values, with a header row.") var csv = false

        func validate() throws {
            guard csv else { throw ValidationError("Say the format: --csv.") }
        }

        func run() throws {
            Output.text(LogCSV.text(try readLog().sessions))
        }
    }
}

/// `coach progress EXERCISE`: one exercise over time, with a chart and advice for next time.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Show how one exercise has gone over time: coach progress face-pull")

    @OptionGroup var knowledge: KnowledgeOptions
    @Argument(help: "The exercise (an id such as face-pull, or a name people use).") var exercise: String
    @Flag(help: "Its sessions as JSON.") var json = false

    func run() throws {
        let coach = try knowledge.coach()
        guard let id = coach.exerciseID(named: exercise) else {
            Output.error("coach: no exercise called '\(TerminalText.sanitized(exercise, limit: 60))'.")
            throw ExitCode(1)
        }
        let log = try readLog()
        if json {
            Output.line(LogJSON.line(log.sessions(with: id)))
            return
        }
        printReply(coach.logReply(.progress(id), log: log, now: Date()))
    }
}

/// The load `--band` or `--load` says, as the log keeps it: a band by its level when it names one
/// ("Medium": "medium band"), else as typed; a weight as typed. Cleaned: it is printed later.
private func loggedLoad(band: String?, load: String?, _ rules: ProgressRules) -> String? {
    if let band {
        return ProgressRules.bandLoad(
            rules.bandLevel(named: band)?.id ?? TerminalText.sanitized(band.lowercased(), limit: 40))
    }
    return load.map { TerminalText.sanitized($0, limit: 40) }
}

/// The log for reading: empty when there is none yet; a log that cannot be read is exit 1 with
/// the reason (the file left as it is).
private func readLog() throws -> TrainingLog {
    do {
        guard let store = try AppPaths.current().existingLog() else { return TrainingLog() }
        return TrainingLog(sessions: try store.sessions())
    } catch {
        Output.error(error.description)
        throw ExitCode(1)
    }
}

/// The log for deleting from: nil when there is none.
private func openForChange() throws -> LogStore? {
    do {
        return try AppPaths.current().existingLog()
    } catch {
        Output.error(error.description)
        throw ExitCode(1)
    }
}

private func printReply(_ reply: Reply) {
    Output.line(TextRenderer(width: Terminal.width, style: Terminal.useColor ? .color : .plain).render(reply.blocks))
}
