import ArgumentParser
import CoachDialogue
import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Foundation

/// `coach bench`: how fast coach is, in numbers. Build in release mode first (`make bench`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure cold start, time per turn, memory, and growth with a larger knowledge base.")

    @Option(help: "The lines to replay (a labelled set such as Tests/dev-set.yaml).") var devSet = "Tests/dev-set.yaml"
    @Option(help: "How many times each line is replayed.") var passes = 5
    @Option(help: "How many cold starts of `coach ask` to time.") var starts = 20
    @Option(help: "Knowledge base growth factors to measure.") var growth: [Int] = [1, 10, 100]

    func run() throws {
        #if DEBUG
            print("note: this is a debug build; numbers from `make bench` (release) are the ones to compare")
        #endif
        let lines = try Evaluation.load(URL(filePath: devSet)).map(\.text)
        let (coach, read) = try Self.timed { try BuiltInCoach.load() }
        let base = coach.knowledge
        print("knowledge: \(base.exercises.count) exercises; read from the built-in snapshot in \(Self.ms(read))")
        if let folder = knowledgeFolder {
            let (loaded, load) = try Self.timed { try KnowledgeLoader.load(directory: folder) }
            let (_, train) = Self.timed { Coach(knowledge: loaded) }
            print(
                "  the same from \(folder.path)/ (what --knowledge does): load the YAML \(Self.ms(load)), train the understanding \(Self.ms(train))"
            )
        }

        if starts > 0 {
            print("cold start of `coach ask QUESTION`, launch to exit (\(starts) runs each):")
            for question in Self.coldStartQuestions {
                let cold = try coldStarts(question, count: starts)
                print(
                    "  \(question.padding(toLength: 48, withPad: " ", startingAt: 0)) median \(Self.ms(cold.median)), p90 \(Self.ms(cold.p90)), peak memory \(cold.memoryMB) MB"
                )
            }
        }

        for factor in growth {
            let knowledge = base.scaled(by: factor)
            let (grown, build) = Self.timed { Coach(knowledge: knowledge) }
            let turns = perTurn(coach: grown, lines: lines, json: false)
            let jsonTurns = perTurn(coach: grown, lines: lines, json: true)
            let reading = understandingOnly(grown.interpreter, lines: lines)
            print(
                "x\(factor) (\(knowledge.exercises.count) exercises): build \(Self.ms(build)); per turn over \(lines.count) lines x \(passes): "
                    + "median \(Self.ms(turns.median)), p99 \(Self.ms(turns.p99)), mean \(Self.ms(turns.mean)); "
                    + "as JSON: median \(Self.ms(jsonTurns.median)), p99 \(Self.ms(jsonTurns.p99)); "
                    + "understanding alone: median \(Self.ms(reading.median)), p99 \(Self.ms(reading.p99))")
        }
        print("peak memory of this process: \(Self.peakMemoryMB(RUSAGE_SELF)) MB")
    }

    /// Understanding alone (normalising, spelling, entities, intent), which uses indexes and
    /// should stay flat as the knowledge base grows; replies that rank every exercise
    /// (substitutions, workouts) grow with it.
    private func understandingOnly(_ interpreter: Interpreter, lines: [String]) -> (median: Duration, p99: Duration) {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<passes {
            for line in lines { samples.append(clock.measure { _ = interpreter.understand(line) }) }
        }
        samples.sort()
        return (Self.percentile(50, samples), Self.percentile(99, samples))
    }

    /// Each line answered in one conversation, and the reply rendered as the chat shows it (text)
    /// or as `coach ask --json` prints it.
    private func perTurn(coach: Coach, lines: [String], json: Bool) -> (median: Duration, p99: Duration, mean: Duration)
    {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        samples.reserveCapacity(lines.count * passes)
        for _ in 0..<passes {
            var session = ChatSession(coach: coach)
            for line in lines {
                let elapsed = clock.measure {
                    if case let .reply(reply, _) = session.handle(line) {
                        _ = json ? JSONReply.line(for: reply) : TextRenderer.canonical.render(reply.blocks)
                    }
                }
                samples.append(elapsed)
            }
        }
        samples.sort()
        let total = samples.reduce(Duration.zero, +)
        return (
            Self.percentile(50, samples), Self.percentile(99, samples), total / samples.count
        )
    }

    /// One question of each kind people ask most: small talk, form, a substitution, a workout.
    static let coldStartQuestions = [
        "hi", "how do I do a face pull?", "no cable machine, what instead of face pulls?",
        "10 minute workout with a band",
    ]

    /// `Knowledge/` in the current folder, when there is one (in a clone of the repository).
    private var knowledgeFolder: URL? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "Knowledge", isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        return URL(filePath: "Knowledge")
    }

    /// Launch to exit of `coach ask QUESTION`, timed around posix_spawn and waitpid (Foundation's
    /// Process adds tens of milliseconds of its own).
    private func coldStarts(_ question: String, count: Int) throws -> (median: Duration, p90: Duration, memoryMB: Int) {
        let executable = URL(filePath: "/proc/self/exe").resolvingSymlinksInPath().path
        let clock = ContinuousClock()
        var samples: [Duration] = []
        let home = FileManager.default.temporaryDirectory.appending(path: "coach-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        let arguments = [executable, "ask", question]
        let environment = ["COACH_HOME=\(home.path)", "PATH=/usr/bin:/bin"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
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
        samples.sort()
        return (
            Self.percentile(50, samples), Self.percentile(90, samples),
            Self.peakMemoryMB(RUSAGE_CHILDREN)
        )
    }

    /// The value `body` makes, and how long it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, clock.now - start)
    }

    /// The sample below which `percent` % of `sorted` lie (the median for 50).
    static func percentile(_ percent: Int, _ sorted: [Duration]) -> Duration {
        sorted[min(sorted.count - 1, sorted.count * percent / 100)]
    }

    static func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return milliseconds < 1 ? String(format: "%.3f ms", milliseconds) : String(format: "%.1f ms", milliseconds)
    }

    static func peakMemoryMB(_ who: __rusage_who) -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return usage.ru_maxrss / 1024
    }
}
