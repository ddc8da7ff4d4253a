import CoachDialogue
import CoachModel
import CoachRecommending
import CoachRendering
import Foundation
import Testing

/// Every reply fits the terminal (issue 16): tables wrap their widest column's cells, or turn
/// into a list when the terminal is too narrow for columns; nothing is cut mid-word.
struct TableLayoutTests {
    static let requests = [
        "6 minute band workout", "give me a 20 minute workout with dumbbells", "10 minutes with a band",
    ]

    @Test(arguments: [40, 80, 100])
    func workoutsFitTheWidth(_ width: Int) throws {
        let renderer = TextRenderer(width: width, style: .plain)
        for request in Self.requests {
            let reply = Fixtures.converse([request])[0]
            let text = renderer.render(reply.blocks)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(TerminalText.width(String(line)) <= width, "\(request) at \(width): \(line)")
            }
            let names = try #require(reply.routine).items.map(\.name)
            // Every exercise is named whole: a cell is wrapped at spaces, never cut, so every word of
            // its name is on a line whole (a long name, "Seated Cable Row, seated on the floor with a
            // resistance band", may take two lines).
            let trimmed = { (word: Substring) in word.trimmingCharacters(in: .punctuationCharacters) }
            let words = Set(text.split { $0 == " " || $0 == "\n" }.map(trimmed))
            for name in names {
                for word in name.split(separator: " ").map(trimmed) {
                    #expect(words.contains(word), "\(request) at \(width): \(name) cut at \(word)")
                }
            }
            if width >= 80 { #expect(text.contains("Exercise"), "a table at \(width)") }
        }
    }

    /// A paragraph with lines written as list items ("/help") wraps each under its own text.
    @Test func listLinesInAParagraphHangUnderTheirText() throws {
        let help = try #require(Fixtures.converse(["/help"]).first)
        let lines = TextRenderer(width: 50, style: .plain).render(help.blocks).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("- ") })
        // Every line is an item, its continuation (indented by two), or the lines before and after.
        for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("- ") || line.hasPrefix("  ") {
            #expect(next.hasPrefix("- ") || next.hasPrefix("  ") || next.hasPrefix("Commands"), "\(next)")
        }
        #expect(lines.allSatisfy { $0.count <= 50 })
    }

    @Test func aNarrowTerminalGetsAList() {
        let reply = Fixtures.converse(["6 minute band workout"])[0]
        let text = TextRenderer(width: 40, style: .plain).render(reply.blocks)
        #expect(!text.contains("-----"), "no table rule at 40 columns")
        #expect(text.contains("- Band Pull-Apart:"))
    }
}
