import ArgumentParser
import CoachDialogue
import CoachEvaluation
import CoachKnowledge
import CoachLoading
import CoachModel
import CoachSnapshot
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

    /// One question of each kind people ask most: small talk, form, a substitution, a workout.
    static let coldStartQuestions = [
        "hi", "how do I do a face pull?", "no cable machine, what instead of face pulls?",
        "10 minute workout with a band",
    ]

    func run() throws {
        #if DEBUG
            Output.line("note: this is a debug build; numbers from `make bench` (release) are the ones to compare")
        #endif
        let lines = try Evaluation.load(URL(filePath: devSet)).map(\.text)
        let (bytes, unpack) = Benchmark.timed { EmbeddedKnowledge.snapshot() }
        let (coach, read) = try Benchmark.timed { try Coach(snapshot: bytes) }
        let base = coach.knowledge
        Output.line(
            "knowledge: \(base.exercises.count) exercises; the built-in snapshot (\(bytes.count / 1024) KB) taken out of the binary in \(Benchmark.ms(unpack)), read in \(Benchmark.ms(read))"
        )
        if let folder = knowledgeFolder {
            let (loaded, load) = try Benchmark.timed { try KnowledgeLoader.load(directory: folder) }
            let (_, train) = Benchmark.timed { Coach(knowledge: loaded) }
            Output.line(
                "  the same from \(folder.path)/ (what --knowledge does): load the YAML \(Benchmark.ms(load)), train the understanding \(Benchmark.ms(train))"
            )
        }
        if starts > 0 { coldStarts() }
        for factor in growth {
            let knowledge = base.scaled(by: factor)
            let (grown, build) = Benchmark.timed { Coach(knowledge: knowledge) }
            let turns = Benchmark.turns(coach: grown, lines: lines, passes: passes, json: false)
            let json = Benchmark.turns(coach: grown, lines: lines, passes: passes, json: true)
            let reading = Benchmark.understanding(grown.interpreter, lines: lines, passes: passes)
            Output.line(
                "x\(factor) (\(knowledge.exercises.count) exercises): build \(Benchmark.ms(build)); per turn over \(lines.count) lines x \(passes): "
                    + "median \(Benchmark.ms(turns.median)), p99 \(Benchmark.ms(turns.p99)), mean \(Benchmark.ms(turns.mean)); "
                    + "as JSON: median \(Benchmark.ms(json.median)), p99 \(Benchmark.ms(json.p99)); "
                    + "understanding alone: median \(Benchmark.ms(reading.median)), p99 \(Benchmark.ms(reading.p99))")
        }
        // Hostile lines must stay linear (issue 17): 4,000 characters of repeated small words, of one
        // word, and of a word that could start a phrase; each under 5 ms a turn.
        let hostile = [
            ("4,000 characters of \"a a a ...\"", String(repeating: "a ", count: 2000)),
            ("4,000 characters of \"the the ...\"", String(repeating: "the ", count: 1000)),
            ("one 4,000-character word", String(repeating: "x", count: 4000)),
            ("4,000 characters of \"pain pain ...\"", String(repeating: "pain ", count: 800)),
        ]
        for (name, line) in hostile {
            let timing = Benchmark.turns(coach: coach, lines: [line], passes: max(3, passes), json: false)
            Output.line(
                "hostile line, \(name): per turn median \(Benchmark.ms(timing.median)), p99 \(Benchmark.ms(timing.p99))"
            )
        }
        Output.line("peak memory of this process: \(Benchmark.peakMemoryMB(children: false)) MB")
    }

    /// Launch to exit of this binary: `coach --version` (the floor: starting any Swift program
    /// with these libraries), then `coach ask` for each kind of question, side by side.
    private func coldStarts() {
        let executable = CommandLine.executablePath
        let home = FileManager.default.temporaryDirectory.appending(path: "coach-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["COACH_HOME=\(home.path)", "PATH=/usr/bin:/bin"]
        Output.line("cold start, launch to exit (\(starts) runs each):")
        let floor = Benchmark.launches(executable, ["--version"], environment: environment, count: starts)
        Output.line(
            "  \("coach --version".padding(toLength: 54, withPad: " ", startingAt: 0)) median \(Benchmark.ms(floor.median)), p90 \(Benchmark.ms(floor.p90))"
        )
        for question in Self.coldStartQuestions {
            let cold = Benchmark.launches(executable, ["ask", question], environment: environment, count: starts)
            let ratio = Benchmark.milliseconds(cold.median) / max(0.001, Benchmark.milliseconds(floor.median))
            let label = "coach ask \(question)".padding(toLength: 54, withPad: " ", startingAt: 0)
            Output.line(
                "  \(label) median \(Benchmark.ms(cold.median)), p90 \(Benchmark.ms(cold.p90)), \(String(format: "%.1f", ratio))x --version"
            )
        }
        Output.line("  peak memory of a cold start: \(Benchmark.peakMemoryMB(children: true)) MB")
    }

    /// `Knowledge/` in the current folder, when there is one (in a clone of the repository).
    private var knowledgeFolder: URL? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "Knowledge", isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        return URL(filePath: "Knowledge")
    }
}

extension CommandLine {
    /// This program's own path, for running it again: the first argument resolved against PATH
    /// and the working folder, symbolic links followed.
    static var executablePath: String {
        let name = arguments.first ?? "coach"
        if name.contains("/") { return URL(filePath: name).standardizedFileURL.resolvingSymlinksInPath().path }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(filePath: String(folder)).appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.resolvingSymlinksInPath().path
            }
        }
        return name
    }
}
