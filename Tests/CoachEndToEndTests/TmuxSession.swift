import Foundation

/// A `coach` chat in a real terminal, driven through tmux: keys in, screen out. Each session
/// has its own tmux server socket, so tests never touch a user's tmux.
struct TmuxSession {
    let socket = "coach-test-\(UUID().uuidString.prefix(8))"
    let name = "chat"

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tmux command and returns what it printed.
    ///
    /// NB: Foundation's `Process` learns that a child exited through a descriptor the child
    /// inherits; the tmux server started by `new-session` keeps that descriptor open, so
    /// `Process` would wait forever. tmux is therefore run with posix_spawn and waitpid.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        try Spawn.run(["/usr/bin/env", "tmux", "-L", socket] + arguments, capture: capture)
    }

    /// Starts `coach` in a 100x30 terminal with COACH_HOME set.
    /// Starts coach in the session; `prefix` runs before it (such as another user's identity).
    func start(
        home: URL, width: Int = 100, arguments: String = "", environment: String = "TERM=xterm-256color NO_COLOR=1",
        prefix: String = ""
    ) throws {
        let command =
            "\(prefix) env COACH_HOME='\(home.path)' \(environment) '\(CoachProcess.binary.path)' \(arguments)"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "30", command], capture: false)
    }

    /// Starts an interactive bash (no rc files, prompt "$ "), with job control, for tests that
    /// need the shell itself: Ctrl-Z and `fg`.
    func startShell(width: Int = 100) throws {
        try tmux(
            ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "30", "env PS1='$ ' bash --norc --noprofile"],
            capture: false)
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys, capture: false) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// True while the chat's pane still exists (coach has not exited).
    func isRunning() throws -> Bool { try tmux(["list-panes", "-t", name]).contains("[") }

    /// Waits (up to `seconds`) until the screen satisfies `condition`; returns the last screen.
    /// Polling, not a fixed sleep: a busy machine is slower, never flaky.
    @discardableResult
    func wait(seconds: Double = 15, until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        FileHandle.standardError.write(Data("tmux: gave up waiting; the screen was:\n\(last)\n".utf8))
        return last
    }

    func waitUntilExited(seconds: Double = 15) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try !isRunning() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// True when the last non-empty line is an empty prompt (tmux drops the trailing space).
    static func showsPrompt(_ screen: String) -> Bool {
        screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == ">"
    }

    func kill() { _ = try? tmux(["kill-server"], capture: false) }
}

/// posix_spawn and waitpid, with standard output captured through a pipe or sent to /dev/null.
enum Spawn {
    struct Failure: Error { var code: Int32 }

    static func run(_ arguments: [String], capture: Bool) throws -> String {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if capture {
            guard pipe(&pipeEnds) == 0 else { throw Failure(code: errno) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Children start with no signal blocked and default handlers, whatever this test
        // process's threads have blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        if capture { close(pipeEnds[1]) }
        guard status == 0 else {
            if capture { close(pipeEnds[0]) }
            throw Failure(code: status)
        }
        var output = Data()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(pipeEnds[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(buffer, count: count)
            }
            close(pipeEnds[0])
        }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }
}
