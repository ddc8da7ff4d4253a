import Foundation
import Testing

/// The `coach` command line, run for real.
@Suite(.serialized) struct CommandLineTests {
    @Test func askJSONPrintsOneObjectInTheContract() throws {
        let result = try CoachProcess.run(["ask", "--json", "how do I do a face pull"])
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let object = try #require(CoachProcess.json(result.lines[0]))
        #expect(object["intent"] as? String == "form")
        #expect((object["entities"] as? [String: Any])?["exercise"] as? String == "face-pull")
        #expect(result.stderr.isEmpty)
    }

    /// `text` in the JSON is what the plain reply prints, from two separate runs of the binary
    /// (one rendering for a person, one for JSON), and it starts as the face pull card does.
    @Test func jsonTextIsWhatThePlainReplyPrints() throws {
        for question in ["how do I do a face pull", "10 minutes with a band", "sharp pain down my arm during rows"] {
            let plain = try CoachProcess.run(["ask", question])
            let json = try CoachProcess.run(["ask", "--json", question])
            let object = try #require(CoachProcess.json(json.lines.first ?? ""))
            let text = try #require(object["text"] as? String)
            #expect(plain.stdout == text + "\n", "\(question)")
        }
        let card = try CoachProcess.run(["ask", "--json", "how do I do a face pull"])
        let text = try #require(CoachProcess.json(card.lines.first ?? "")?["text"] as? String)
        #expect(text.hasPrefix("Face Pull\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func pipedLinesAreOneConversation() throws {
        let result = try CoachProcess.run(
            ["ask", "--json"], input: "hi\nhow do i do a face pull\n\nwhat muscles does it work\n")
        #expect(result.status == 0)
        let objects = result.lines.compactMap(CoachProcess.json)
        #expect(objects.count == 3, "one object per non-empty line: \(result.stdout)")
        #expect(objects.map { $0["intent"] as? String } == ["greeting", "form", "anatomy"])
        // The third line names no exercise: it comes from the second.
        #expect((objects[2]["entities"] as? [String: Any])?["exercise"] as? String == "face-pull")
    }

    @Test func coachWithAPipeBehavesLikeAsk() throws {
        let result = try CoachProcess.run([], input: "how do i do a face pull\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Face Pull\n"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func plainAskPrintsTheReply() throws {
        let result = try CoachProcess.run(["ask", "how", "do", "I", "do", "a", "reverse", "snow", "angel"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Reverse Snow Angel"))
        #expect(result.stdout.contains("1. "))
        #expect(result.stdout.contains("Sources: "))
    }

    @Test func emptyQuestionGetsAClearMessage() throws {
        let result = try CoachProcess.run(["ask", ""])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Ask me something"))
    }

    @Test func usageErrorExitsOne() throws {
        let result = try CoachProcess.run(["ask", "--no-such-flag"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--no-such-flag"))
    }

    @Test func missingKnowledgeFolderExitsTwo() throws {
        let result = try CoachProcess.run(["ask", "--knowledge", "/nonexistent/kb", "hi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("could not be loaded"))
    }

    @Test func brokenKnowledgeNamesFileAndLineAndExitsTwo() throws {
        let folder = try copyOfKnowledge()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "exercises/cobra.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(
            of: "pattern: ", with: "pattern: sideways-", options: [], range: text.range(of: "pattern: ")
        )
        .write(to: file, atomically: true, encoding: .utf8)
        let result = try CoachProcess.run(["ask", "hi"], environment: ["COACH_KNOWLEDGE": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("exercises/cobra.yaml:"))
        #expect(result.stderr.contains("error: the pattern 'sideways-"))
        let check = try CoachProcess.run(["kb", "check", folder.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("exercises/cobra.yaml:"))
        // `make snapshot`, which writes the built-in snapshot, refuses it the same way.
        let snapshot = CoachProcess.binary.deletingLastPathComponent().appending(path: "SnapshotTool")
        let output = folder.appending(path: "snapshot.c")
        let build = try CoachProcess.run([folder.path, output.path, "0123"], executable: snapshot)
        #expect(build.status == 1)
        #expect(build.stderr.contains("exercises/cobra.yaml:"))
        #expect(build.stderr.contains("no snapshot was written"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let clean = try CoachProcess.run([Self.knowledgeFolder.path, output.path, "0123"], executable: snapshot)
        #expect(clean.status == 0)
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.contains("coach_snapshot_bytes(void)") && written.contains("// knowledge 0123\n"))
    }

    /// An entry that can never match is a warning: `kb check` names its file, line and why, and
    /// still passes.
    @Test func knowledgeCheckPrintsWarnings() throws {
        let folder = try copyOfKnowledge()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "language/vocabulary.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let list = try #require(text.range(of: "  shorter: [shorter,"))
        try text.replacingCharacters(in: list, with: "  shorter: [way too long, shorter,")
            .write(to: file, atomically: true, encoding: .utf8)
        let check = try CoachProcess.run(["kb", "check", folder.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("language/vocabulary.yaml:"))
        #expect(check.stdout.contains("warning: 'way too long' in the signal 'shorter' can never match"))
    }

    @Test func knowledgeCheckAndStats() throws {
        let check = try CoachProcess.run(["kb", "check"])
        #expect(check.status == 0)
        let stats = try CoachProcess.run(["kb", "stats"])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("exercises   30"))
        #expect(stats.stdout.contains("every catalog id is present"))
    }

    /// The knowledge base travels inside the binary.
    @Test func binaryCopiedElsewhereWorks() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appending(path: "coach")
        try FileManager.default.copyItem(at: CoachProcess.binary, to: copy)
        // NB: a child that another test forks while the copy is still open for writing holds
        // that file open for a moment, and running the copy then fails with "Text file busy"
        // (ETXTBSY, a known Linux race): try again shortly.
        var attempt = 0
        var started: CoachProcess.Result?
        while started == nil {
            do {
                started = try CoachProcess.run(["ask", "--json", "how do I do a cobra"], executable: copy)
            } catch let error as NSError where attempt < 20 && Self.isTextFileBusy(error) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let result = try #require(started)
        #expect(result.status == 0)
        #expect(CoachProcess.json(result.lines.first ?? "")?["intent"] as? String == "form")
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return (error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY))
            || (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY))
    }

    @Test func equipmentProfileIsSavedInCoachHome() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try CoachProcess.run(["ask"], input: "/equipment dumbbell bench\n", home: home)
        #expect(first.status == 0)
        let profile = home.appending(path: "profile.json")
        let attributes = try FileManager.default.attributesOfItem(atPath: profile.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = try CoachProcess.run(["ask", "--json", "what can I do instead of a lat pulldown?"], home: home)
        let object = try #require(CoachProcess.json(second.lines.first ?? ""))
        let exercises = try #require(object["exercises"] as? [[String: Any]])
        #expect(!exercises.isEmpty)
        for exercise in exercises {
            let equipment = exercise["equipment"] as? [String] ?? []
            #expect(equipment.allSatisfy { ["dumbbell", "bench", "none", "mat"].contains($0) }, "\(exercise)")
        }
    }

    /// A plain sentence saying what one has is saved like /equipment.
    @Test func equipmentSaidInASentenceIsSaved() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        _ = try CoachProcess.run(["ask", "I only have dumbbells and a bench"], home: home)
        let shown = try CoachProcess.run(["ask", "/equipment"], home: home)
        #expect(shown.stdout.contains("bench") && shown.stdout.contains("dumbbell"), "\(shown.stdout)")
        // A workout request with other equipment shapes that workout only.
        _ = try CoachProcess.run(["ask", "10 minutes with a band"], home: home)
        let after = try CoachProcess.run(["ask", "/equipment"], home: home)
        #expect(!after.stdout.contains("resistance band"), "\(after.stdout)")
    }

    /// Pain reported in one session is spared in the next (chat and `coach workout`) until the
    /// person says it is better; an older profile with only equipment still reads.
    @Test func reportedPainIsKeptUntilItIsBetter() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try Data(#"{"equipment":["dumbbell"]}"#.utf8).write(to: home.appending(path: "profile.json"))
        _ = try CoachProcess.run(["ask", "my lower back hurts after deadlifts"], home: home)
        let saved = try String(contentsOf: home.appending(path: "profile.json"), encoding: .utf8)
        #expect(saved.contains("lower-back") && saved.contains("dumbbell"), "\(saved)")
        let workout = try CoachProcess.run(["workout", "--minutes", "20", "--json"], home: home)
        let plan = try #require(CoachProcess.json(workout.lines.first ?? ""))
        let routine = try #require(plan["routine"] as? [String: Any])
        let items = try #require(routine["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        let loadsLowerBack: Set<String> = [
            "bent-over-row", "deadlift", "superman", "cobra", "reverse-fly", "single-arm-kettlebell-row",
            "wide-bent-over-row", "bent-over-y", "seated-cable-row", "trx-low-row",
        ]
        for item in items { #expect(!loadsLowerBack.contains(item["exercise"] as? String ?? ""), "\(item)") }
        _ = try CoachProcess.run(["ask", "my back feels better now"], home: home)
        let after = try String(contentsOf: home.appending(path: "profile.json"), encoding: .utf8)
        #expect(!after.contains("lower-back") && after.contains("dumbbell"), "\(after)")
    }

    /// Outside the chat there is nothing to type "start" into: a one-shot workout never says so.
    @Test func aOneShotWorkoutDoesNotOfferTheGuide() throws {
        let result = try CoachProcess.run(["ask", "10 minutes with a band"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("workout"))
        #expect(!result.stdout.contains("\"start\""), "\(result.stdout)")
    }

    /// Equipment ids in the profile are checked against the knowledge: an escape sequence there
    /// never reaches the terminal.
    @Test func profileIdsAreCheckedBeforeTheyArePrinted() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try Data(#"{"equipment":["dumbbell","\u001b]0;PWNED\u0007"]}"#.utf8).write(
            to: home.appending(path: "profile.json"))
        let shown = try CoachProcess.run(["ask", "/equipment"], home: home)
        #expect(shown.status == 0)
        #expect(!shown.stdout.contains("\u{1B}") && !shown.stdout.contains("PWNED"), "\(shown.stdout)")
        #expect(shown.stdout.contains("dumbbell"))
    }

    /// An escape sequence typed as an argument is never echoed raw in the usage error.
    @Test func argumentErrorsNeverEchoEscapes() throws {
        let result = try CoachProcess.run(["frob\u{1B}]0;PWNED\u{07}", "--bogus\u{1B}[31m"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"))
    }

    /// An unknown equipment id names the workout command's usage, not the top level's.
    @Test func workoutErrorsShowTheWorkoutUsage() throws {
        let result = try CoachProcess.run(["workout", "--equipment", "unknown-thing"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown equipment 'unknown-thing'"))
        #expect(result.stderr.contains("Usage: coach workout"), "\(result.stderr)")
    }

    /// `coach doctor` names what coach uses and where, and `--version` answers.
    @Test func doctorAndVersion() throws {
        let doctor = try CoachProcess.run(["doctor"])
        #expect(doctor.status == 0)
        for field in ["coach ", "binary:", "knowledge:", "history:", "profile:", "readline:", "terminal:"] {
            #expect(doctor.stdout.contains(field), "\(field) missing: \(doctor.stdout)")
        }
        let version = try CoachProcess.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }

    /// Problems with files are said in coach's words, never as a library's dump (issue 17).
    @Test func fileProblemsAreSaidPlainly() throws {
        let folder = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appending(path: "profile.json"), withIntermediateDirectories: true)
        let asFolder = try CoachProcess.run(["ask", "I only have dumbbells"], home: folder)
        #expect(asFolder.status == 0)
        #expect(asFolder.stderr.contains("it is a folder, not a file"), "\(asFolder.stderr)")
        #expect(!asFolder.stderr.contains("NSCocoaErrorDomain"))

        let fifoHome = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: fifoHome) }
        #expect(mkfifo(fifoHome.appending(path: "profile.json").path, 0o600) == 0)
        let asFIFO = try CoachProcess.run(["ask", "hi"], home: fifoHome)
        #expect(asFIFO.status == 0)
        #expect(asFIFO.stderr.contains("FIFO"), "\(asFIFO.stderr)")

        let missing = try CoachProcess.run(["eval", "/nonexistent/set.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("it does not exist") && !missing.stderr.contains("NSCocoaErrorDomain"))

        let negative = try CoachProcess.run(["workout", "--minutes", "-1"])
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("--minutes must be from 3 to 60, not -1"), "\(negative.stderr)")
    }

    /// A symbolic link planted where the profile's lock file goes is not followed: its target is
    /// never created (issue 17), and the profile is still saved, with its folder private.
    @Test func lockFilesDoNotFollowLinks() throws {
        let home = CoachProcess.temporaryHome()
        let target = FileManager.default.temporaryDirectory.appending(path: "coach-target-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: target)
        }
        try FileManager.default.createSymbolicLink(
            at: home.appending(path: ".profile.lock"), withDestinationURL: target)
        let result = try CoachProcess.run(["ask", "I only have dumbbells"], home: home)
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: target.path), "the link's target was created")
        #expect(FileManager.default.fileExists(atPath: home.appending(path: "profile.json").path))
        let nested = CoachProcess.temporaryHome().appending(path: "deeper/coach")
        defer { try? FileManager.default.removeItem(at: nested.deletingLastPathComponent()) }
        _ = try CoachProcess.run(["ask", "I only have a band"], home: nested)
        let mode = try FileManager.default.attributesOfItem(atPath: nested.path)[.posixPermissions] as? Int
        #expect(mode == 0o700, "the profile's folder is private: \(String(mode ?? 0, radix: 8))")
    }

    /// A standard input that cannot be read is an error, not an empty conversation (issue 17).
    @Test func unreadableInputIsAnError() throws {
        let result = try CoachProcess.run(
            ["-c", "'\(CoachProcess.binary.path)' ask < /tmp"], executable: URL(filePath: "/bin/sh"))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("could not read standard input"))
    }

    @Test func corruptProfileWarnsOnceAndStartsFresh() throws {
        let home = CoachProcess.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("{not json".utf8).write(to: home.appending(path: "profile.json"))
        let result = try CoachProcess.run(["ask", "hi"], home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("ignoring the profile"))
        #expect(result.stdout.contains("coach"))
    }

    /// A write that fails never crashes coach (Foundation's FileHandle trapped): a closed or full
    /// standard error is ignored; lost standard output is exit 1 with a line saying why.
    @Test func failedWritesNeverCrash() throws {
        let binary = "\"\(CoachProcess.binary.path)\""
        for (shell, expected) in [
            ("\(binary) workout --minutes 99 2>&-", 1), ("\(binary) workout --minutes 99 2>/dev/full", 1),
            ("\(binary) ask hi >/dev/full", 1), ("\(binary) ask hi >/dev/full 2>&-", 1),
            ("\(binary) workout --minutes 10 --json >/dev/full", 1),
        ] {
            let result = try CoachProcess.run(["-c", shell], executable: URL(filePath: "/bin/sh"))
            #expect(result.status == Int32(expected), "\(shell): \(result.status) \(result.stderr)")
        }
        let full = try CoachProcess.run(["-c", "\(binary) ask hi >/dev/full"], executable: URL(filePath: "/bin/sh"))
        #expect(full.stderr.contains("could not write the output: no space left"), "\(full.stderr)")
    }

    @Test func closedOutputExitsQuietly() throws {
        let shell = "\"\(CoachProcess.binary.path)\" ask how do I do a face pull | head -1"
        let result = try CoachProcess.run(["-c", shell], executable: URL(filePath: "/bin/sh"))
        #expect(result.status == 0)
        #expect(result.stdout == "Face Pull\n")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func invalidUTF8AndNULBytesOnStandardInput() throws {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x68, 0x69, 0x0A]  // invalid UTF-8, then "hi"
        bytes += Array("face\u{0}pull form\n".utf8)
        bytes += [0xC3, 0x28, 0x20] + Array("how do i do a cobra\n".utf8)  // a broken two-byte sequence
        let result = try CoachProcess.run(["ask", "--json"], input: String(decoding: bytes, as: UTF8.self))
        #expect(result.status == 0)
        let objects = result.lines.compactMap(CoachProcess.json)
        #expect(objects.count == 3)
        #expect(objects.last?["intent"] as? String == "form")
    }

    @Test func aOneMegabyteLine() throws {
        let line = String(repeating: "x", count: 1_000_000) + " how do i do a face pull\n"
        let result = try CoachProcess.run(["ask", "--json"], input: line)
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let input = CoachProcess.json(result.lines[0])?["input"] as? String ?? ""
        #expect(input.count <= 201, "the echoed input is bounded")
    }

    @Test func tenThousandLinesInOneGo() throws {
        let questions = [
            "hi", "how do i do a face pull", "no cable machine, what instead?", "10 minutes with a band",
            "what do rear delt flys work",
        ]
        let input = (0..<10_000).map { questions[$0 % questions.count] }.joined(separator: "\n") + "\n"
        let result = try CoachProcess.run(["ask", "--json"], input: input)
        #expect(result.status == 0)
        #expect(result.lines.count == 10_000)
        #expect(result.lines.allSatisfy { CoachProcess.json($0) != nil })
    }

    @Test func dumbTerminalAndNoColorGetPlainText() throws {
        let result = try CoachProcess.run(["ask", "how do i do a face pull"], environment: ["TERM": "dumb"])
        #expect(!result.stdout.contains("\u{1B}"))
    }

    /// A home that cannot be written, even by root: a regular file where a folder should be.
    @Test func unwritableHomeStillAnswersAndSaysSoOnce() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "coach-home-file-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let input = "/equipment dumbbell\nhow do i do a face pull\n/equipment kettlebell\n"
        let result = try CoachProcess.run(["ask"], input: input, home: file)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Face Pull"))
        #expect(result.stderr.components(separatedBy: "could not save").count == 2, "said once: \(result.stderr)")
    }

    @Test func missingHomeStillAnswers() throws {
        let result = try CoachProcess.run(["ask", "/equipment dumbbell"], home: URL(filePath: "/proc/no-such-home"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("dumbbell"))
        #expect(result.stderr.contains("could not save"))
    }

    static let knowledgeFolder = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Knowledge")

    func copyOfKnowledge() throws -> URL {
        let source = Self.knowledgeFolder
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-kb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: folder)
        return folder
    }
}
