import CoachDialogue
import CoachLog
import CoachModel
import CoachRecommending
import CoachRendering
import CoachUnderstanding
import Foundation
import GRDB
import Testing

/// The training log (issue 19): the store on disk, reading log lines, the advice rules on seeded
/// logs, and the progress chart.
struct TrainingLogTests {
    let knowledge = Fixtures.knowledge
    /// A fixed "now": noon UTC, the same calendar day in every time zone within 11 hours.
    let now = Date(timeIntervalSince1970: 1_795_694_400)  // 2026-11-26 12:00 UTC

    static func folder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-log-\(UUID().uuidString)")
        return folder
    }

    func set(_ exercise: ExerciseID, reps: Int? = nil, seconds: Int? = nil, load: String? = nil, done: Bool = true)
        -> LoggedSet
    {
        LoggedSet(exercise: exercise, reps: reps, seconds: seconds, load: load, done: done)
    }

    func session(daysAgo: Double, _ sets: [LoggedSet]) -> LoggedSession {
        LoggedSession(started: now.addingTimeInterval(-daysAgo * 86_400), source: .manual, sets: sets)
    }

    // MARK: The store

    @Test func sessionsRoundTripAndTheFileIsPrivate() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appending(path: "data/log.sqlite")
        let store = try LogStore(url: url)
        let first = try store.append(
            LoggedSession(
                started: now, ended: now.addingTimeInterval(600), source: .guided, plan: "Your 10-minute workout",
                effort: "hard",
                sets: [
                    LoggedSet(
                        exercise: "face-pull", way: "with a resistance band", equipment: ["resistance-band"], reps: 12,
                        load: "medium band"),
                    LoggedSet(exercise: "superman", seconds: 30, done: false),
                ]))
        #expect(first.id == 1)
        let read = try LogStore(url: url).sessions()
        #expect(read == [first])
        #expect(try store.sessions(since: now.addingTimeInterval(1)).isEmpty)

        let file = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        let dir =
            try FileManager.default.attributesOfItem(atPath: url.deletingLastPathComponent().path)[
                .posixPermissions] as? Int
        #expect(file == 0o600)
        #expect(dir == 0o700)
        let mode = try DatabaseQueue(path: url.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")

        let second = try store.append(session(daysAgo: 0, [set("cobra", seconds: 20)]))
        #expect(try store.delete(session: first.id ?? 0))
        #expect(try !store.delete(session: 99))
        #expect(try store.sessions().map(\.id) == [second.id])
        var changed = second
        changed.effort = "easy"
        changed.sets[0].load = "light band"
        #expect(try store.update(changed))
        #expect(try store.sessions().last == changed)
        #expect(try store.forgetAll() == 1)
        #expect(try store.sessions().isEmpty)
        // Numbers are never reused: "session N" keeps meaning one session.
        #expect(try store.append(session(daysAgo: 0, [set("cobra", seconds: 20)])).id == 3)
    }

    @Test func aFileThatIsNotALogIsRefusedAndLeftAsItIs() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appending(path: "log.sqlite")
        let junk = Data("my notes, not a database\n".utf8)
        try junk.write(to: url)
        #expect(throws: LogProblem.self) { try LogStore(url: url) }
        do {
            _ = try LogStore(url: url)
        } catch {
            #expect(error.kind == .notALog)
            #expect(error.description.contains(url.path))
            #expect(error.description.contains("left as it is"))
        }
        #expect(try Data(contentsOf: url) == junk)

        // Another program's database: refused, untouched.
        try FileManager.default.removeItem(at: url)
        try DatabaseQueue(path: url.path).write { try $0.execute(sql: "CREATE TABLE recipes(name TEXT)") }
        let before = try Data(contentsOf: url)
        do {
            _ = try LogStore(url: url)
            Issue.record("another program's database was taken as a log")
        } catch {
            #expect(error.kind == .foreign)
            #expect(error.path == url.path)
        }
        #expect(try Data(contentsOf: url) == before)

        // A folder at the path.
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        do {
            _ = try LogStore(url: url)
            Issue.record("a folder was taken as a log")
        } catch {
            #expect(error.kind == .notALog)
        }
    }

    /// The file can be edited by anyone: what is read back never carries an escape sequence or a
    /// control character toward a terminal.
    @Test func textReadBackIsClean() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try LogStore(url: folder.appending(path: "log.sqlite"))
        try store.append(
            LoggedSession(
                started: now, source: .manual, plan: "plan\u{1B}]0;PWNED\u{07}", effort: "hard\u{1B}[31m",
                sets: [LoggedSet(exercise: "face-pull\u{1B}[2J", reps: 3, load: "red\u{1B}[31m band")]))
        let read = try #require(try store.sessions().first)
        let texts = [read.plan, read.effort, read.sets[0].load, read.sets[0].exercise.rawValue].compactMap { $0 }
        #expect(texts.count == 4)
        for text in texts {
            #expect(
                !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                "\(text.debugDescription)")
        }
    }

    @Test func aLogFromANewerCoachIsRefused() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appending(path: "log.sqlite")
        _ = try LogStore(url: url)
        try DatabaseQueue(path: url.path).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9: from the future')")
        }
        do {
            _ = try LogStore(url: url)
            Issue.record("a newer schema was opened")
        } catch {
            #expect(error.kind == .newer)
        }
    }

    // MARK: Reading log lines

    @Test func logLinesAreRead() throws {
        let interpreter = Fixtures.coach.interpreter
        func request(_ line: String) -> LogRequest? { interpreter.understand(line).log }

        guard case let .entry(entry)? = request("I did 3 sets of 12 face pulls with the medium band") else {
            Issue.record("not read as a log entry")
            return
        }
        #expect(entry.exercise == "face-pull")
        #expect(entry.sets == 3 && entry.reps == 12 && entry.seconds == nil)
        #expect(entry.load == "medium band" && entry.band == "medium")
        #expect(entry.kit == ["resistance-band"])

        guard case let .entry(hold)? = request("just did 2 sets of 30 seconds of supermans") else {
            Issue.record("a hold not read as a log entry")
            return
        }
        #expect(hold.exercise == "superman" && hold.sets == 2 && hold.seconds == 30 && hold.reps == nil)

        guard case let .entry(weighted)? = request("I did 4x10 bent over rows with 12kg, it felt hard") else {
            Issue.record("sets x reps with a weight not read")
            return
        }
        #expect(weighted.sets == 4 && weighted.reps == 10 && weighted.load == "12 kg" && weighted.effort == "hard")

        #expect(request("what did I do this week?") == .review(.week))
        #expect(request("show me my log") == .review(nil))
        #expect(request("how often have I trained my upper back this month?") == .frequency(.month))
        #expect(request("am I getting stronger at face pulls?") == .progress("face-pull"))
        #expect(request("what should I do today?") == .next)
        // Not about the log: a form question, a workout request, a pain report.
        #expect(request("what did I do wrong on my rows?") == nil)
        #expect(request("what should I do today? I have 10 minutes and a band") == nil)
        #expect(request("I did 3 sets of face pulls and now my shoulder hurts") == nil)
        #expect(request("how do I do a face pull") == nil)
    }

    // MARK: The rules, on seeded logs

    @Test func twoSessionsAtTheTopOfTheRangeMeanTheNextBand() {
        let advisor = ProgressAdvisor(knowledge: knowledge)
        let top = knowledge.exercise("face-pull")?.dosage.reps?.upperBound ?? 12
        let atTop = (0..<3).map { _ in set("face-pull", reps: top, load: "medium band") }
        let log = TrainingLog(sessions: [session(daysAgo: 4, atTop), session(daysAgo: 2, atTop)])
        let advice = advisor.advice(for: "face-pull", in: log)
        #expect(advice?.rule == .nextBand)
        #expect(advice?.load == "medium" && advice?.nextLoad == "heavy")

        // One session at the top is not yet enough; below the top, stay.
        #expect(
            advisor.advice(for: "face-pull", in: TrainingLog(sessions: [session(daysAgo: 2, atTop)]))?.rule
                == .stayAtLoad)
        let below = [set("face-pull", reps: top - 2, load: "medium band")]
        #expect(
            advisor.advice(
                for: "face-pull", in: TrainingLog(sessions: [session(daysAgo: 4, atTop), session(daysAgo: 2, below)]))?
                .rule
                == .stayAtLoad)
        // The heaviest band, or no load at all: harder another way. A weight: a little more.
        let heaviest = (0..<3).map { _ in set("face-pull", reps: top, load: "extra-heavy band") }
        #expect(
            advisor.advice(
                for: "face-pull",
                in: TrainingLog(sessions: [session(daysAgo: 4, heaviest), session(daysAgo: 2, heaviest)]))?
                .rule == .harderWithoutLoad)
        let weighted = (0..<3).map { _ in set("face-pull", reps: top, load: "10 kg") }
        #expect(
            advisor.advice(
                for: "face-pull",
                in: TrainingLog(sessions: [session(daysAgo: 4, weighted), session(daysAgo: 2, weighted)]))?
                .rule == .moreWeight)
        // Nothing logged for it: no advice.
        #expect(advisor.advice(for: "cobra", in: log) == nil)
    }

    @Test func skippedSetsMeanRepeatAndTheWeekCounts() {
        let advisor = ProgressAdvisor(knowledge: knowledge)
        let skipped = [set("face-pull", reps: 12), set("face-pull", reps: 12, done: false)]
        #expect(
            advisor.advice(for: "face-pull", in: TrainingLog(sessions: [session(daysAgo: 3, skipped)]))?.rule
                == .repeatSkipped)
        #expect(
            advisor.advice(for: "face-pull", in: TrainingLog(sessions: [session(daysAgo: 3, skipped)]))?.skipped == 1)

        // Trained this morning: rest first. Once in the last week and not recently: train more.
        let rested = advisor.nextSession(from: TrainingLog(sessions: [session(daysAgo: 0.2, skipped)]), now: now)
        #expect(rested.first?.rule == .rest)
        let once = advisor.nextSession(from: TrainingLog(sessions: [session(daysAgo: 3, skipped)]), now: now)
        #expect(once.first?.rule == .trainMoreOften)
        #expect(once.first?.count == 1 && once.first?.target == knowledge.progress.sessionsPerWeek)
        // Twice in the week, two days apart and not today: neither.
        let twice = advisor.nextSession(
            from: TrainingLog(sessions: [session(daysAgo: 5, skipped), session(daysAgo: 2, skipped)]), now: now)
        #expect(!twice.contains { $0.rule == .rest || $0.rule == .trainMoreOften })
        // Two sessions on one day are one day trained.
        #expect(
            advisor.sessionDays(
                in: TrainingLog(sessions: [session(daysAgo: 2, skipped), session(daysAgo: 2.01, skipped)]),
                since: now.addingTimeInterval(-7 * 86_400), until: now) == 1)
    }

    @Test func everyRuleHasItsWordsAndItsSource() {
        for rule in ProgressRule.allCases {
            let advice = knowledge.progress.advice[rule]
            #expect(advice != nil, "\(rule) has no text in progress.yaml")
            #expect(advice.map { knowledge.source($0.basis.id) != nil } == true, "\(rule) names no article")
        }
    }

    // MARK: The chart

    @Test(arguments: [40, 80, 100])
    func theProgressChartFitsTheWidth(_ width: Int) {
        let rows = (1...8).map {
            ChartRow(label: "Fri \($0) Nov", amount: $0 * 9, text: "3 x \($0 + 4) with the medium band")
        }
        let plain = TextRenderer(width: width, style: .plain).render([.chart(rows)])
        for line in plain.split(separator: "\n") {
            #expect(TerminalText.width(String(line)) <= width, "\(line)")
        }
        #expect(!plain.contains("\u{1B}"))
        // Bars grow with the amount: the last (largest) is the longest, and every row has one.
        let bars = plain.split(separator: "\n").filter { $0.hasPrefix("Fri") }.map { $0.filter { $0 == "#" }.count }
        #expect(bars.count == 8 && bars.allSatisfy { $0 > 0 } && bars == bars.sorted() && bars.last! > bars.first!)
        // Colour only tints the bars.
        let colour = TextRenderer(width: width, style: .color).render([.chart(rows)])
        #expect(
            colour.replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
                == plain)
    }

    // MARK: The chat

    func text(_ outcome: ChatSession.Outcome) -> String { outcome.reply?.text ?? "" }

    @Test func theChatLogsAndAnswersFromTheLog() throws {
        var state = ConversationState()
        state.fixedNow = now
        var session = ChatSession(coach: Fixtures.coach, state: state)
        #expect(text(session.handle("what did I do this week?")).contains("Your training log is empty"))
        let outcome = session.handle("I did 3 sets of 12 face pulls with the medium band")
        let reply = try #require(outcome.reply)
        #expect(reply.ask == .logEntry)
        #expect(reply.text.hasPrefix("Logged: 3 x 12 Face Pull with the medium band, today."))
        #expect(reply.logged?.sets.count == 3)
        #expect(
            reply.logged?.sets.allSatisfy { $0.reps == 12 && $0.load == "medium band" && $0.exercise == "face-pull" }
                == true)
        #expect(session.state.log.sessions.count == 1)
        #expect(text(session.handle("what did I do this week?")).contains("Face Pull 3 x 12 with the medium band"))
        #expect(
            text(session.handle("how often have I trained my upper back this month?")).contains(
                "on 1 day in the last 30 days"))

        // "It felt hard" adds to the last session logged here; with nothing logged here, it says so.
        let amended = try #require(session.handle("it felt hard").reply)
        #expect(amended.amended?.effort == "hard")
        #expect(session.state.log.sessions.last?.effort == "hard")
        var fresh = ChatSession(coach: Fixtures.coach)
        #expect(fresh.handle("it felt hard").reply?.amended == nil)
        #expect(text(fresh.handle("I used the medium band")).contains("nothing logged in this chat"))

        // A log that cannot be written: said, not pretended.
        var offline = ConversationState()
        offline.log = TrainingLog(isWritable: false)
        var unlogged = ChatSession(coach: Fixtures.coach, state: offline)
        let refused = try #require(unlogged.handle("I did 3 sets of 12 face pulls").reply)
        #expect(refused.logged == nil)
        #expect(refused.text.hasPrefix("Not logged"))
    }
}
