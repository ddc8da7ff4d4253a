import CoachDialogue
import CoachLoading
import CoachLog
import CoachModel
import CoachRecommending
import Foundation
import Testing

/// The training log as a person meets it (issue 19): what the guide and the chat log shows up in
/// `coach log --json`; many coaches logging at once lose nothing; a file that is not a log, or a
/// home that cannot be written, never stops coach and is never overwritten.
@Suite(.serialized) struct TrainingLogEndToEndTests {
    /// A person who presses Enter as each set of reps asks for it, on an instant clock, and skips
    /// the sets listed in `skip` (by their order).
    struct InstantPerson: GuideTerminal {
        var skip: Set<Int>
        var seconds = 0.0
        var asked = 0
        var secondsElapsed: Double { seconds }
        var interrupted: Bool { false }
        var canRedraw: Bool { false }
        var lastLine = ""

        mutating func key(within wait: Double) -> GuideKey? {
            if lastLine.hasPrefix("Set "), lastLine.contains("Press Enter") || lastLine.contains("[") {
                asked += 1
                lastLine = ""
                return skip.contains(asked) ? .skip : .enter
            }
            seconds += wait
            return nil
        }

        mutating func show(_ text: String, replacingLine: Bool) { lastLine = text }
    }

    func logJSON(_ home: URL) throws -> [[String: Any]] {
        let result = try CoachProcess.run(["log", "--json"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func aGuidedWorkoutAndAChatEntryBothAppearInTheLog() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let knowledge = try KnowledgeLoader.load(directory: CoachProcess.repository.appending(path: "Knowledge"))
        let coach = Coach(knowledge: knowledge)
        let request = WorkoutRequest(
            minutes: 10, availability: Availability(have: ["resistance-band"]), level: .beginner, focus: nil, seed: 1)
        let plan = try #require(coach.workout(for: request).routine)
        var person = InstantPerson(skip: [2])
        let summary = GuidedWorkout(plan: plan, knowledge: knowledge, place: .shell).run(on: &person)
        let started = Date(timeIntervalSince1970: 1_795_694_400)
        let session = try #require(summary.session(started: started))
        #expect(session.sets.count == summary.setsDone + summary.setsSkipped)
        #expect(summary.setsSkipped == 1)
        try LogStore(url: home.appending(path: "log.sqlite")).append(session)

        let chat = try CoachProcess.run(
            [], input: "I did 3 sets of 12 face pulls with the medium band\nit felt hard\n", home: home)
        #expect(chat.stdout.contains("Logged: 3 x 12 Face Pull with the medium band"), "\(chat.stdout)")
        #expect(chat.stdout.contains("Noted for your last session (session 2): felt hard."), "\(chat.stdout)")

        let sessions = try logJSON(home)
        #expect(sessions.count == 2)
        let guided = try #require(sessions.first { $0["source"] as? String == "guided" })
        let sets = try #require(guided["sets"] as? [[String: Any]])
        #expect(sets.count == session.sets.count)
        #expect(sets.filter { $0["done"] as? Bool == false }.count == 1)
        #expect(guided["plan"] as? String == plan.title)
        #expect(guided["started"] as? String == "2026-11-26T12:00:00Z")
        let said = try #require(sessions.first { $0["source"] as? String == "chat" })
        let saidSets = try #require(said["sets"] as? [[String: Any]])
        #expect(saidSets.count == 3)
        #expect(saidSets.allSatisfy { $0["exercise"] as? String == "face-pull" && $0["reps"] as? Int == 12 })
        #expect(saidSets.allSatisfy { $0["load"] as? String == "medium band" })
        #expect(said["effort"] as? String == "hard")
        #expect(sets.allSatisfy { $0["way"] is String }, "each guided set names its way")

        // The same, read by a person: the log, a week, progress with its chart, CSV.
        let text = try CoachProcess.run(["log"], home: home)
        #expect(text.stdout.contains("Your training log") && text.stdout.contains("(session 2): Face Pull 3 x 12"))
        let progress = try CoachProcess.run(["progress", "face pull"], home: home, environment: ["COLUMNS": "40"])
        #expect(progress.status == 0)
        #expect(progress.stdout.contains("Face Pull: "), "\(progress.stdout)")
        #expect(progress.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(progress.stdout)")
        let csv = try CoachProcess.run(["log", "export", "--csv"], home: home)
        #expect(csv.lines.first == LogCSVHeader.expected)
        #expect(csv.lines.count == 1 + session.sets.count + 3)
    }

    @Test func tenCoachesLoggingAtOnceLoseNothing() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 10) { index in
            let result = try? CoachProcess.run(
                ["log", "add", "face-pull", "--sets", "1", "--reps", "\(index + 1)"], home: home)
            statuses.add(result?.status ?? -1)
        }
        #expect(statuses.all == Array(repeating: 0, count: 10))
        let sessions = try logJSON(home)
        #expect(sessions.count == 10)
        let reps = sessions.compactMap { ($0["sets"] as? [[String: Any]])?.first?["reps"] as? Int }
        #expect(Set(reps) == Set(1...10))
    }

    @Test func aFileThatIsNotALogStopsNothingAndIsNeverReplaced() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appending(path: "log.sqlite")
        let notes = Data("leg day notes\n".utf8)
        try notes.write(to: file)

        let listed = try CoachProcess.run(["log"], home: home)
        #expect(listed.status == 1)
        #expect(listed.stderr.contains(file.path) && listed.stderr.contains("left as it is"), "\(listed.stderr)")

        let chat = try CoachProcess.run(
            [], input: "I did 3 sets of 12 face pulls\nI did 2 sets of 10 cobras\nhow do I do a face pull\n", home: home
        )
        #expect(chat.status == 0)
        #expect(chat.stdout.contains("Not logged"))
        #expect(chat.stdout.contains("Sources:"), "the chat goes on")
        #expect(chat.stderr.components(separatedBy: "is not a training log").count == 2, "said once: \(chat.stderr)")
        #expect(try Data(contentsOf: file) == notes)
    }

    /// A home coach cannot write (run as another user, since root writes anywhere): coach runs,
    /// says once that nothing is being logged, and answers.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.fileExists(atPath: "/usr/bin/setpriv")))
    func aReadOnlyHomeRunsAndSaysSoOnce() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: home.path)
        let result = try CoachProcess.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", CoachProcess.binary.path],
            input: "I did 3 sets of 12 face pulls\nI did 2 sets of 10 cobras\nwhat do reverse flys work\n", home: home,
            environment: ["HOME": home.path], executable: URL(filePath: "/usr/bin/setpriv"))
        let (out, err) = (result.stdout, result.stderr)
        #expect(result.status == 0)
        #expect(out.contains("The Reverse Fly works"), "\(out)")
        #expect(err.components(separatedBy: "nothing is being logged").count == 2, "said once: \(err)")
        #expect(!FileManager.default.fileExists(atPath: home.appending(path: "log.sqlite").path))
    }

    @Test func sessionsAreDeletedOnlyOnRequest() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let empty = try CoachProcess.run(["log"], home: home)
        #expect(empty.status == 0 && empty.stdout.contains("Your training log is empty"))
        #expect(
            !FileManager.default.fileExists(atPath: home.appending(path: "log.sqlite").path), "reading makes no file")

        for reps in [10, 12] {
            #expect(
                try CoachProcess.run(["log", "add", "cobra", "--sets", "2", "--reps", "\(reps)"], home: home).status
                    == 0)
        }
        #expect(try CoachProcess.run(["log", "delete", "--session", "7"], home: home).status == 1)
        #expect(try CoachProcess.run(["log", "delete", "--session", "1"], home: home).status == 0)
        #expect(try logJSON(home).compactMap { $0["id"] as? Int } == [2])
        // How it felt and the band used, added afterwards (a guided workout from the shell).
        let noted = try CoachProcess.run(
            ["log", "note", "--session", "2", "--effort", "hard", "--band", "Medium"], home: home)
        #expect(
            noted.status == 0 && noted.stdout.contains("Noted for session 2: felt hard, medium band."),
            "\(noted.stdout)")
        let after = try #require(try logJSON(home).first)
        #expect(after["effort"] as? String == "hard")
        #expect((after["sets"] as? [[String: Any]])?.allSatisfy { $0["load"] as? String == "medium band" } == true)
        #expect(try CoachProcess.run(["log", "note", "--session", "9", "--effort", "easy"], home: home).status == 1)
        let unconfirmed = try CoachProcess.run(["log", "forget", "--all"], home: home)
        #expect(unconfirmed.status == 1 && unconfirmed.stderr.contains("--yes"))
        #expect(try logJSON(home).count == 1)
        #expect(try CoachProcess.run(["log", "forget", "--all", "--yes"], home: home).status == 0)
        #expect(try logJSON(home).isEmpty)
    }
}

enum LogCSVHeader {
    static let expected = "session,started,ended,source,plan,effort,exercise,way,equipment,reps,seconds,load,done"
}

/// Exit statuses collected from concurrent runs.
final class Statuses: @unchecked Sendable {
    // NB: @unchecked because every access holds the lock.
    private var values: [Int32] = []
    private let lock = NSLock()
    func add(_ status: Int32) { lock.withLock { values.append(status) } }
    var all: [Int32] { lock.withLock { values } }
}
