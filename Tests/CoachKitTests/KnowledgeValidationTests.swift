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
import Testing

/// Each kind of mistake in a knowledge file gives a message that names the file, the line and
/// what to fix. Each case breaks one thing in a copy of the real knowledge base.
struct KnowledgeValidationTests {
    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var old: String
        var new: String
        /// The start of the expected message, e.g. `exercises/face-pull.yaml:12:`.
        var place: String
        var message: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(
            name: "YAML syntax", file: "exercises/face-pull.yaml", old: "name: Face Pull", new: "name: [Face Pull",
            place: "exercises/face-pull.yaml:", message: "YAML syntax"),
        Breakage(
            name: "unknown muscle", file: "exercises/face-pull.yaml", old: "id: posterior-deltoid",
            new: "id: rear-deltoid",
            place: "exercises/face-pull.yaml:",
            message: "unknown muscle 'rear-deltoid' (did you mean 'posterior-deltoid'?)"),
        Breakage(
            name: "unknown equipment", file: "exercises/face-pull.yaml", old: "equipment: [cable-machine]",
            new: "equipment: [cable-machin]",
            place: "exercises/face-pull.yaml:",
            message: "unknown equipment 'cable-machin' (did you mean 'cable-machine'?)"),
        Breakage(
            name: "missing required field", file: "exercises/face-pull.yaml", old: "pattern: rear-delt-scapular\n",
            new: "",
            place: "exercises/face-pull.yaml:", message: "is missing the required key 'pattern'"),
        Breakage(
            name: "alias claimed by two exercises", file: "exercises/reverse-fly.yaml", old: "aliases: [",
            new: "aliases: [face pull, ",
            place: "exercises/reverse-fly.yaml:", message: "the exercise name 'face pull' is claimed by both"),
        Breakage(
            name: "unknown source", file: "exercises/face-pull.yaml", old: "source: strength-coach-home",
            new: "source: strength-coach",
            place: "exercises/face-pull.yaml:",
            message: "unknown source 'strength-coach' (did you mean 'strength-coach-home'?)"),
        Breakage(
            name: "routine naming an unknown exercise", file: "routines.yaml", old: "exercise: band-pull-apart",
            new: "exercise: band-pullapart",
            place: "routines.yaml:", message: "unknown exercise 'band-pullapart' (did you mean 'band-pull-apart'?)"),
        // Numbers out of their range (issue 17): each would have crashed or run away.
        Breakage(
            name: "rest that overflows", file: "routines.yaml", old: "rest_seconds: 30",
            new: "rest_seconds: 9223372036854775807", place: "routines.yaml:",
            message: "rest_seconds should be from 0 to 600"),
        Breakage(
            name: "rounds without end", file: "routines.yaml", old: "rounds: 2", new: "rounds: 9223372036854775807",
            place: "routines.yaml:", message: "rounds should be from 1 to 20"),
        Breakage(
            name: "infinite seconds a rep", file: "routines.yaml", old: "seconds_per_rep: 3 ",
            new: "seconds_per_rep: inf ",
            place: "routines.yaml:", message: "seconds_per_rep should be a number from 0.5 to 30"),
        Breakage(
            name: "huge seconds a rep", file: "routines.yaml", old: "seconds_per_rep: 3 ",
            new: "seconds_per_rep: 1e300 ",
            place: "routines.yaml:", message: "seconds_per_rep should be a number from 0.5 to 30"),
        Breakage(
            name: "negative rest by level", file: "routines.yaml", old: "beginner: 60,", new: "beginner: -45,",
            place: "routines.yaml:", message: "rest_seconds for beginner should be from 0 to 600"),
        Breakage(
            name: "sets of Int.max", file: "exercises/face-pull.yaml", old: "  sets: 3",
            new: "  sets: 9223372036854775807",
            place: "exercises/face-pull.yaml:", message: "sets should be from 1 to 20"),
        Breakage(
            name: "escape sequence in a name", file: "exercises/face-pull.yaml", old: "name: Face Pull",
            new: "name: \"Face Pull\\e]0;PWNED\\a\"", place: "exercises/face-pull.yaml:",
            message: "the name contains a control character (U+001B)"),
        Breakage(
            name: "mistyped key", file: "exercises/face-pull.yaml", old: "mistakes:", new: "mistake:",
            place: "exercises/face-pull.yaml:",
            message: "unknown key 'mistake' in an exercise (did you mean 'mistakes'?)"),
        Breakage(
            name: "not-covered topic's nearest topic unknown", file: "topics.yaml", old: "nearest: progression",
            new: "nearest: progresion", place: "topics.yaml:",
            message: "unknown topic 'progresion' as `nearest` (did you mean 'progression'?)"),
        Breakage(
            name: "not-covered topic's nearest goal unknown", file: "topics.yaml", old: "nearest_goal: posture",
            new: "nearest_goal: postures", place: "topics.yaml:",
            message: "unknown goal 'postures' as `nearest_goal` (did you mean 'posture'?)"),
        Breakage(
            name: "not-covered topic said with one list alone", file: "topics.yaml",
            old: "      - [bench press, bench presses,", new: "      - []\n      - [bench press, bench presses,",
            place: "topics.yaml:", message: "said_with needs two or more lists of phrases, none empty"),
        Breakage(
            name: "a fact's stage unknown", file: "exercises/pull-up.yaml", old: "stage: past-first-rep",
            new: "stage: past-first", place: "exercises/pull-up.yaml:", message: "past-first"),
        Breakage(
            name: "progress rule missing", file: "progress.yaml", old: "  stay-at-load:", new: "  stay-at-loads:",
            place: "progress.yaml:", message: "unknown key 'stay-at-loads'"),
        Breakage(
            name: "examples teach an unknown classifier", file: "language/examples/pages.yaml",
            old: "teaches: [ask]", new: "teaches: [asks]", place: "language/examples/pages.yaml:",
            message: "unknown classifier 'asks' in teaches: it is intent or ask"),
        Breakage(
            name: "red flags without when to get urgent help", file: "safety.yaml",
            old: "  urgent: If you have chest pain", new: "  urgency: If you have chest pain", place: "safety.yaml:",
            message: "unknown key 'urgency'"),
        Breakage(
            name: "rest hours out of range", file: "progress.yaml", old: "rest_hours: 20", new: "rest_hours: 100000",
            place: "progress.yaml:", message: "rest_hours should be from 0 to 96"),
        Breakage(
            name: "a red-flag sign names a kind of words there is none of", file: "safety.yaml",
            old: "          - [\"@breath-catch\"]", new: "          - [\"@breath-catches\"]", place: "safety.yaml:",
            message: "names the kind 'breath-catches', which red_flags.combined.kinds does not have"),
        Breakage(
            name: "lasting pain unit not a number", file: "safety.yaml", old: "week: 7,", new: "week: seven,",
            place: "safety.yaml:", message: "the days in 'week' should be a whole number, not 'seven'"),
    ]

    @Test(arguments: breakages)
    func brokenFileIsReported(_ breakage: Breakage) throws {
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.edit(folder, breakage.file, replacing: breakage.old, with: breakage.new)
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: folder) }
        let messages = error?.diagnostics.map { $0.render(root: "") } ?? []
        let found = messages.first { $0.hasPrefix(breakage.place) && $0.contains(breakage.message) }
        #expect(
            found != nil, "expected \(breakage.place)…\(breakage.message), got:\n\(messages.joined(separator: "\n"))")
        if let found {
            // file:line:column: error: …
            let parts = found.split(separator: ":", maxSplits: 3)
            #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil, "no line and column in \(found)")
        }
    }

    /// A signal matched among the classifier's words may have word pairs ("how long"), read as the
    /// classifier reads them; three words can never match, and say so. One matched a word at a
    /// time warns of any pair.
    @Test func signalWordPairsLoadOrWarn() throws {
        let knowledge = Fixtures.knowledge
        #expect(knowledge.language.words(.asksHowLong).contains("how long"))
        #expect(knowledge.language.words(.asksHowLong).contains("many week"), "pairs are stemmed a word at a time")
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.edit(
            folder, "language/vocabulary.yaml", replacing: "asks-how-long: [how long,",
            with: "asks-how-long: [how long until, how long,")
        try Fixtures.edit(
            folder, "language/vocabulary.yaml", replacing: "asks-normal: [normal,",
            with: "asks-normal: [is normal, normal,")
        var warnings: [Diagnostic] = []
        _ = try KnowledgeLoader.load(directory: folder, warnings: &warnings)
        let messages = warnings.map { $0.render(root: "") }
        #expect(messages.contains { $0.contains("'how long until'") && $0.contains("one or two words") }, "\(messages)")
        #expect(messages.contains { $0.contains("'is normal'") && $0.contains("one word at a time") }, "\(messages)")
    }

    /// The shipped knowledge loads with no warning: an entry that can never match (three words in
    /// a list matched one or two at a time) is dead weight nobody sees, since `coach kb check`
    /// reports errors only.
    @Test func theShippedKnowledgeHasNoWarnings() throws {
        var warnings: [Diagnostic] = []
        _ = try KnowledgeLoader.load(directory: Fixtures.knowledgeFolder, warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings.map { $0.render(root: "") })")
    }

    @Test func tooFewStepsAreReported() throws {
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appending(path: "exercises/superman.yaml")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  items:"))
        // Keep the first step only.
        while lines.count > start + 2, lines[start + 2].hasPrefix("    - ") { lines.remove(at: start + 2) }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: folder) }
        #expect(
            error?.description.contains("exercise 'superman' has 1 steps; give it at least 3") == true,
            "\(error?.description ?? "")")
    }

    /// An alias bomb used as a mapping key (issue 17) is refused before the tree is built, with
    /// its line, instead of hashing an expanded tree for minutes.
    @Test(arguments: ["? *a7\n: boom\n", "*a7 : boom\n", "{*a7 : boom}\n"])
    func aliasKeysAreRefusedAtOnce(_ key: String) throws {
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        try Data((bomb + key).utf8).write(to: folder.appending(path: "sources.yaml"))
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: folder) }
        let description = error?.description ?? ""
        #expect(description.contains("sources.yaml:9:"), "\(description)")
        #expect(description.contains("mapping key"), "\(description)")
        #expect(!description.contains("unknown source"), "a file that failed says so once: \(description)")
    }

    @Test func missingFileIsReported() throws {
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appending(path: "safety.yaml"))
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: folder) }
        #expect(error?.description.contains("safety.yaml: error: this required file is missing") == true)
    }

    @Test func invalidUTF8IsReported() throws {
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE]).write(to: folder.appending(path: "exercises/cobra.yaml"))
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: folder) }
        #expect(error?.description.contains("exercises/cobra.yaml: error: the file is not valid UTF-8") == true)
    }

    @Test func aCleanCopyLoads() throws {
        let folder = try Fixtures.knowledgeCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: Never.self) { try KnowledgeLoader.load(directory: folder) }
    }
}
