import Foundation
import Testing

/// The interactive chat in a real terminal (tmux): greeting, completion, history, Ctrl-C.
@Suite(.serialized) struct TerminalTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is needed for the terminal tests: run `make test`, which installs it")
    }

    @Test func greetsCompletesAndSurvivesControlC() throws {
        try withChat { chat, home in
            let greeting = try chat.wait(until: TmuxSession.showsPrompt)
            #expect(greeting.contains("I'm coach"))
            #expect(greeting.contains("face pull"))

            // Tab completes an exercise name.
            try chat.send("how do I do a face", "Tab")
            #expect(try chat.wait { $0.contains("> how do I do a face pull") }.contains("> how do I do a face pull"))

            // Ctrl-C clears the line and keeps coach running (keys typed at once never join the old line).
            try chat.send("C-c")
            try chat.send("/sources", "Enter")
            let after = try chat.wait { $0.contains("There is no reply yet") }
            #expect(after.contains("There is no reply yet"), "\(after)")
            #expect(try chat.isRunning())

            // A question gets its reply, and Ctrl-D leaves.
            try chat.send("what do reverse flys work", "Enter")
            #expect(try chat.wait { $0.contains("The Reverse Fly works") }.contains("The Reverse Fly works"))
            try chat.send("C-d")
            #expect(try chat.waitUntilExited())
        }
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let first = TmuxSession()
        defer { first.kill() }
        try first.start(home: home)
        try first.wait(until: TmuxSession.showsPrompt)
        try first.send("how do I do a cobra", "Enter")
        try first.wait { $0.contains("Sources:") && TmuxSession.showsPrompt($0) }
        try first.send("/quit", "Enter")
        #expect(try first.waitUntilExited())

        let file = home.appending(path: "history")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("how do I do a cobra"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = TmuxSession()
        defer { second.kill() }
        try second.start(home: home)
        try second.wait(until: TmuxSession.showsPrompt)
        try second.send("Up")
        let recalled = try second.wait { $0.contains("> /quit") }
        #expect(recalled.contains("> /quit"))
        try second.send("Up")
        #expect(try second.wait { $0.contains("> how do I do a cobra") }.contains("> how do I do a cobra"))
        try second.send("C-u", "/quit", "Enter")
        #expect(try second.waitUntilExited())
    }

    /// A history coach cannot read is left as it is (issue 17: 500 lines became two): coach says
    /// so once and saves nothing over it. Run as another user, since root reads any file.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.fileExists(atPath: "/usr/bin/setpriv")))
    func anUnreadableHistoryIsNeverReplaced() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: home.path)
        let file = home.appending(path: "history")
        let old = (1...500).map { "old line \($0)" }.joined(separator: "\n") + "\n"
        try Data(old.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        let session = TmuxSession()
        defer { session.kill() }
        try session.start(home: home, prefix: "setpriv --reuid=65534 --regid=65534 --clear-groups")
        let screen = try session.wait { $0.contains("cannot read the history") || TmuxSession.showsPrompt($0) }
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("it is left as it is"), "\(screen)")
        try session.wait(until: TmuxSession.showsPrompt)
        try session.send("how do I do a cobra", "Enter")
        try session.wait { $0.contains("Sources:") && TmuxSession.showsPrompt($0) }
        try session.send("/quit", "Enter")
        #expect(try session.waitUntilExited())
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == old, "the history was replaced")
    }

    @Test func guidedWorkoutStopsOnControlCAndReturnsToThePrompt() throws {
        try withChat { chat, home in
            try chat.wait(until: TmuxSession.showsPrompt)
            try chat.send("10 minutes with a band", "Enter")
            try chat.wait { $0.contains("Type \"start\"") && TmuxSession.showsPrompt($0) }
            try chat.send("start", "Enter")
            let guided = try chat.wait { $0.contains("Guided workout:") && $0.contains("[") }
            #expect(guided.contains("1/"), "\(guided)")
            try chat.send("C-c")
            let back = try chat.wait { $0.contains("Stopped.") && TmuxSession.showsPrompt($0) }
            #expect(back.contains("Back to the chat"), "\(back)")
            // One prompt, not two (the guide's Ctrl-C is not seen again by the line editor).
            let afterStop = back.components(separatedBy: "Back to the chat").last ?? ""
            #expect(
                afterStop.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == ">" }.count == 1,
                "\(back)")
            #expect(try chat.isRunning())
            // The terminal is usable again: a question gets its answer.
            try chat.send("what do reverse flys work", "Enter")
            #expect(try chat.wait { $0.contains("The Reverse Fly works") }.contains("The Reverse Fly works"))
            try chat.send("/quit", "Enter")
            #expect(try chat.waitUntilExited())
        }
    }

    /// Ctrl-C on a line with text cancels it out loud, in one line, and keeps it: Up brings it
    /// back, and the history file has it. Enter then Ctrl-C at once is never silent (issue 18):
    /// either the Enter was read and the question is answered, or the terminal dropped it with
    /// its unread input and the line is cancelled out loud.
    @Test func aCancelledQuestionSaysSoAndIsKeptInHistory() throws {
        try withChat { chat, home in
            try chat.wait(until: TmuxSession.showsPrompt)
            try chat.send("how do I do a cobra")
            try chat.wait { $0.contains("> how do I do a cobra") }
            try chat.send("C-c")
            let cancelled = try chat.wait { $0.contains("Cancelled") && TmuxSession.showsPrompt($0) }
            #expect(cancelled.contains("Cancelled, not asked (Ctrl-C)"), "\(cancelled)")
            #expect(!cancelled.contains("Sources:"), "no reply to a cancelled question")
            try chat.send("Up")
            #expect(try chat.wait { $0.contains("> how do I do a cobra") }.contains("> how do I do a cobra"))
            try chat.send("C-u", "what do reverse flys work")
            try chat.wait { $0.contains("> what do reverse flys work") }
            try chat.send("Enter", "C-c")
            let raced = try chat.wait {
                ($0.contains("The Reverse Fly works") || $0.components(separatedBy: "Cancelled").count == 3)
                    && TmuxSession.showsPrompt($0)
            }
            #expect(
                raced.contains("The Reverse Fly works") || raced.components(separatedBy: "Cancelled").count == 3,
                "\(raced)")
            try chat.send("C-u", "/quit", "Enter")
            #expect(try chat.waitUntilExited())
            let saved = try String(contentsOf: home.appending(path: "history"), encoding: .utf8)
            #expect(saved.hasPrefix("how do I do a cobra\nwhat do reverse flys work\n"), "\(saved)")
        }
    }

    /// Ctrl-Z in the guide, then `fg`: the guide takes single keys again (issue 17: raw mode was
    /// lost, so "q" waited for Enter). Run from an interactive shell, which has job control.
    @Test func controlZAndFgKeepTheGuideOnSingleKeys() throws {
        let home = CoachProcess.temporaryHome()
        let shell = TmuxSession()
        defer {
            shell.kill()
            try? FileManager.default.removeItem(at: home)
        }
        try shell.startShell()
        try shell.wait { $0.contains("$") }
        try shell.send(
            "env COACH_HOME='\(home.path)' NO_COLOR=1 '\(CoachProcess.binary.path)' workout --guide --minutes 5 --equipment dumbbell",
            "Enter")
        try shell.wait { $0.contains("Guided workout:") && $0.contains("1/") }
        try shell.send("C-z")
        let stopped = try shell.wait {
            $0.contains("Stopped ") && $0.hasSuffix("$") || $0.split(separator: "\n").last == "$"
        }
        #expect(stopped.contains("Stopped "), "\(stopped)")
        // The shell's own line editing works while coach is stopped: the terminal was put back.
        try shell.send("fg", "Enter")
        try shell.wait { $0.contains("$ fg") }
        try shell.send("q")
        let end = try shell.wait { $0.contains("You did 0 of") }
        #expect(end.contains("Stopped. You did 0 of"), "\(end)")
        try shell.send("echo exit=$?", "Enter")
        #expect(try shell.wait { $0.contains("exit=0") }.contains("exit=0"))
    }

    /// `workout --guide > file` from a terminal: the table comes before the guide in the file, and
    /// the countdown is plain lines there (issue 17, item 11).
    @Test func aGuideWrittenToAFileKeepsItsOrderAndHasNoEscapes() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "guide-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try withChat(arguments: "workout --guide --minutes 5 > '\(file.path)'; echo exit=$?; sleep 30") { session, _ in
            Thread.sleep(forTimeInterval: 1.5)
            try session.send("q")
            let end = try session.wait { $0.contains("exit=") }
            #expect(end.contains("exit=0"), "\(end)")
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        let table = try #require(text.range(of: "Sets x reps"))
        let guide = try #require(text.range(of: "Guided workout:"))
        #expect(table.lowerBound < guide.lowerBound)
        #expect(!text.contains("\u{1B}"), "no escape sequence in a file")
    }

    @Test func workoutCommandGuidesAndQuits() throws {
        // The pane stays open a moment after coach exits, so its last words can be read.
        try withChat(arguments: "workout --guide --minutes 5 --equipment dumbbell; echo exit=$?; sleep 30") {
            session, _ in
            let guided = try session.wait { $0.contains("Guided workout:") }
            #expect(guided.contains("Your 5-minute upper back workout"))
            try session.send("s")
            try session.send("q")
            let end = try session.wait { $0.contains("exit=") }
            #expect(end.contains("Stopped."), "\(end)")
            #expect(end.contains("exit=0"), "\(end)")
        }
    }

    /// SIGTERM (and SIGHUP, the same path) at the prompt: history kept, terminal restored, exit
    /// 128 + 15, as a shell reports a process a signal ended.
    /// NB: written without `withChat`: that closure form crashes Swift 6.3.1's SendNonSendable pass.
    @Test func terminateSignalRestoresTheTerminalAndExitsCleanly() throws {
        let home = CoachProcess.temporaryHome()
        let chat = TmuxSession()
        defer {
            chat.kill()
            try? FileManager.default.removeItem(at: home)
        }
        let after =
            "echo exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo; sleep 30"
        try chat.start(home: home, arguments: "; \(after)")
        try chat.wait(until: TmuxSession.showsPrompt)
        try chat.send("how do I do a cobra", "Enter")
        try chat.wait { $0.contains("Sources:") && TmuxSession.showsPrompt($0) }
        try chat.send("half a line")
        let shell = try chat.tmux(["list-panes", "-t", chat.name, "-F", "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let coach = try Spawn.run(["/usr/bin/env", "pgrep", "-P", shell], capture: true).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(!coach.isEmpty, "coach's pid")
        _ = try Spawn.run(["/bin/kill", "-TERM", coach], capture: false)
        let screen = try chat.wait { $0.contains("exit=") && $0.contains("icanon echo") }
        #expect(screen.contains("exit=143"), "\(screen)")
        #expect(screen.contains("icanon echo"), "the terminal is back in normal mode: \(screen)")
        let history = try String(contentsOf: home.appending(path: "history"), encoding: .utf8)
        #expect(history.contains("how do I do a cobra"))
    }

    @Test func repliesFollowAResizedTerminal() throws {
        try withChat(width: 100) { chat, home in
            try chat.wait(until: TmuxSession.showsPrompt)
            try chat.tmux(["resize-window", "-t", chat.name, "-x", "50", "-y", "40"], capture: false)
            try chat.send("what do the rhomboids do", "Enter")
            let screen = try chat.wait { $0.contains("Sources:") && TmuxSession.showsPrompt($0) }
            let reply = screen.components(separatedBy: "> what do the rhomboids do").last ?? ""
            let widest = reply.components(separatedBy: "\n").map { $0.count }.max() ?? 0
            #expect(widest <= 50 && widest > 30, "wrapped to the new width: \(widest)")
        }
    }

    @Test func dumbTerminalGetsPlainText() throws {
        try withChat(environment: "TERM=dumb") { chat, home in
            try chat.wait { $0.contains("I'm coach") }
            try chat.send("how do I do a face pull", "Enter")
            try chat.wait { $0.contains("Sources:") }
            let raw = try chat.tmux(["capture-pane", "-e", "-p", "-t", chat.name])
            #expect(!raw.contains("\u{1B}["), "no colour or cursor codes")
        }
    }

    /// Runs `body` with a chat started in tmux on a fresh COACH_HOME, and cleans both up.
    private func withChat(
        width: Int = 100, arguments: String = "", environment: String = "TERM=xterm-256color NO_COLOR=1",
        _ body: (TmuxSession, URL) throws -> Void
    ) throws {
        let home = CoachProcess.temporaryHome()
        let chat = TmuxSession()
        defer {
            chat.kill()
            try? FileManager.default.removeItem(at: home)
        }
        try chat.start(home: home, width: width, arguments: arguments, environment: environment)
        try body(chat, home)
    }
}
