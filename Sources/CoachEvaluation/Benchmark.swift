import CoachDialogue
import CoachRendering
import CoachUnderstanding
import Foundation

/// Timing coach: per turn, understanding alone, and whole processes from launch to exit. What
/// `coach bench` prints; kept out of the library users link.
public enum Benchmark {
    /// A sorted set of samples, summarised.
    public struct Timing: Sendable {
        public var median: Duration
        public var p90: Duration
        public var p99: Duration
        public var mean: Duration

        init(_ samples: [Duration]) {
            let sorted = samples.sorted()
            median = Benchmark.percentile(50, sorted)
            p90 = Benchmark.percentile(90, sorted)
            p99 = Benchmark.percentile(99, sorted)
            mean = sorted.isEmpty ? .zero : sorted.reduce(Duration.zero, +) / sorted.count
        }
    }

    /// Understanding alone (normalising, spelling, entities, intent), which uses indexes and
    /// should stay flat as the knowledge base grows.
    public static func understanding(_ interpreter: Interpreter, lines: [String], passes: Int) -> Timing {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<passes {
            for line in lines { samples.append(clock.measure { _ = interpreter.understand(line) }) }
        }
        return Timing(samples)
    }

    /// Each line answered in one conversation, and the reply rendered as the chat shows it
    /// (text) or as `coach ask --json` prints it.
    public static func turns(coach: Coach, lines: [String], passes: Int, json: Bool) -> Timing {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        samples.reserveCapacity(lines.count * passes)
        for _ in 0..<passes {
            var session = ChatSession(coach: coach)
            for line in lines {
                samples.append(
                    clock.measure {
                        if case let .reply(reply, _) = session.handle(line) {
                            _ = json ? JSONReply.line(for: reply) : TextRenderer.canonical.render(reply.blocks)
                        }
                    })
            }
        }
        return Timing(samples)
    }

    /// Launch to exit of `executable arguments...`, `count` times, timed around posix_spawn and
    /// waitpid (Foundation's Process adds tens of milliseconds of its own); output is discarded.
    public static func launches(
        _ executable: String, _ arguments: [String], environment: [String], count: Int
    ) -> Timing {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        for _ in 0..<count {
            var pid: pid_t = 0
            var status: Int32 = 0
            let elapsed = clock.measure {
                guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { return }
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            }
            samples.append(elapsed)
        }
        return Timing(samples)
    }

    /// The value `body` makes, and how long it took.
    public static func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, clock.now - start)
    }

    /// The sample below which `percent` % of `sorted` lie (the median for 50).
    static func percentile(_ percent: Int, _ sorted: [Duration]) -> Duration {
        sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, sorted.count * percent / 100)]
    }

    /// A duration in milliseconds.
    public static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// A duration in milliseconds, to three decimals below one.
    public static func ms(_ duration: Duration) -> String {
        let milliseconds = milliseconds(duration)
        return milliseconds < 1 ? String(format: "%.3f ms", milliseconds) : String(format: "%.1f ms", milliseconds)
    }

    /// The peak resident memory, in MB, of this process or (`children`) of the largest child it
    /// waited for.
    public static func peakMemoryMB(children: Bool) -> Int {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
            return usage.ru_maxrss / 1024  // kilobytes on Linux
        #else
            getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
            return usage.ru_maxrss / (1024 * 1024)  // bytes on Darwin
        #endif
    }
}
