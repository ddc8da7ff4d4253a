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

/// Nasty lines through the whole pipeline: every reply is sane (a known intent, some text, valid
/// one-line JSON), and nothing from the user reaches the terminal raw.
struct HostileInputTests {
    static let corpus: [String] = [
        "   ", "\t\t", "\u{00}", "face\u{00}pull", "\u{00}\u{00}\u{00}how do i do a face pull",
        "\u{1B}[31mred text\u{1B}[0m how do i do a face pull", "\u{1B}]0;pwned\u{07}hi",
        "\u{1B}[2J\u{1B}[Hclear screen",
        "\u{1B}[6n", "\u{9B}31m c1 control", "face pull\u{1B}[1A\u{1B}[2K", "\u{202E}llup ecaf\u{202C}",
        "face\u{200B}pull",
        "\u{FEFF}hello", "💪🏋️‍♀️ face pull 🔥", "🤖🤖🤖", "f\u{0301}a\u{0301}c\u{0301}e\u{0301} pull", "Z̷̢̛̛a̸̧͝l̴̨̛g̵͎̈́o̶͎͝",
        "!!!???...", "-----", "1e309 minutes", "-5 minutes with a band", "100000 minutes workout", "0 minute workout",
        "9999999999999999999999999999 minutes", "'; DROP TABLE exercises; --", "<script>alert(1)</script>", "%s%s%s%n",
        "{{exercise}}", "{exercise} form", "\\u0000", "../../etc/passwd", "ＦＡＣＥ　ＰＵＬＬ form？",
        "face pull" + String(repeating: "!", count: 5000),
        String(repeating: "pain ", count: 2000), String(repeating: "a", count: 100_000), "\r\n\r\n",
        "how do i\rdo a face pull",
        "/equipment " + String(repeating: "引", count: 45), "/" + String(repeating: "💪", count: 45),
        String(repeating: "引", count: 200),
    ]

    @Test(arguments: corpus)
    func replyIsSane(_ line: String) throws {
        var session = ChatSession(coach: Fixtures.coach)
        let outcome = session.handle(line)
        guard case let .reply(reply, _) = outcome else {
            // Only whitespace may be ignored.
            let blank = line.allSatisfy { $0.isWhitespace }
            #expect(blank, "no reply to \(line.debugDescription.prefix(60))")
            return
        }
        #expect(Fixtures.knowledge.catalog.ids["intents"]?.contains(reply.intent.rawValue) == true)
        let text = TextRenderer.canonical.render(reply.blocks)
        #expect(!text.isEmpty)
        let controls = text.unicodeScalars.filter { $0 != "\n" && $0.properties.generalCategory == .control }
        #expect(controls.isEmpty, "control characters in the reply to \(line.debugDescription.prefix(60))")
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .format && $0 != "\u{200D}" })
        #expect(text.split(separator: "\n").allSatisfy { TerminalText.width(String($0)) <= 80 })
        // What is echoed back is sanitised and bounded.
        #expect(!reply.input.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(reply.input.count <= 201)
        let json = JSONReply.line(for: reply)
        #expect(!json.contains("\n"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    @Test func minutesAreKeptInRange() throws {
        for (line, expected) in [
            ("100000 minutes workout", 60), ("-5 minutes with a band", 5), ("1e309 minutes", 60),
            ("0 minute workout", 3),
        ] {
            let reply = Fixtures.converse([line])[0]
            #expect(reply.intent == .workout, "\(line)")
            let routine = try #require(reply.routine, "no workout for \(line)")
            #expect(routine.minutes == expected, "\(line): \(routine.minutes)")
        }
    }

    @Test func aLongConversationKeepsWorking() throws {
        var session = ChatSession(coach: Fixtures.coach)
        var answered = 0
        for index in 0..<2_000 {
            let line = Self.corpus[index % Self.corpus.count] + " \(index)"
            if case .reply = session.handle(line) { answered += 1 }
        }
        #expect(answered > 1_900)
        let reply = try #require(session.handle("how do I do a face pull").reply)
        #expect(reply.intent == .form)
    }

    /// Found while fuzzing: a word wider than a line was cut by characters, so wide (East Asian,
    /// emoji) characters overflowed it; and a zero-width word before it was dropped.
    @Test(arguments: [20, 40, 80])
    func wideWordsAreCutByColumns(_ width: Int) {
        let renderer = TextRenderer(width: width, style: .plain)
        let texts = [
            String(repeating: "引", count: 45), String(repeating: "💪", count: 45),
            "a" + String(repeating: "引", count: 60),
        ]
        for text in texts {
            let lines = renderer.render([.paragraph(text)]).components(separatedBy: "\n")
            #expect(lines.allSatisfy { TerminalText.width($0) <= width }, "\(lines.map { TerminalText.width($0) })")
            #expect(lines.joined() == text, "no text lost")
        }
        let marks = "\u{301}\u{301} " + String(repeating: "x", count: width + 5)
        #expect(renderer.render([.paragraph(marks)]).contains("\u{301}\u{301}"), "a zero-width word is kept")
    }
}
