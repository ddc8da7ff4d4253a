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

/// Golden conversations: each file in Transcripts/ is replayed line by line as one conversation,
/// and every reply must match what is recorded, word for word (plain text, 80 columns).
///
/// Format: lines starting with `#` before the first turn are comments (`# now: <ISO 8601>` fixes
/// the clock); `> ` starts a turn (what
/// the person types); the reply follows, then a blank line. After an intended change, re-record
/// with `make transcripts` (sets COACH_RECORD_TRANSCRIPTS=1) and read the diff.
struct TranscriptTests {
    struct Transcript: CustomTestStringConvertible, Sendable {
        var url: URL
        var comments: [String]
        var turns: [(input: String, reply: String)]
        var testDescription: String { url.lastPathComponent }

        static func parse(_ url: URL) throws -> Transcript {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            var comments: [String] = []
            var turns: [(String, [String])] = []
            for line in lines {
                if line.hasPrefix("> ") {
                    turns.append((String(line.dropFirst(2)), []))
                } else if turns.isEmpty {
                    if line.hasPrefix("#") { comments.append(line) }
                } else {
                    turns[turns.count - 1].1.append(line)
                }
            }
            return Transcript(
                url: url, comments: comments,
                turns: turns.map { input, reply in
                    var reply = reply
                    while reply.last?.isEmpty == true { reply.removeLast() }
                    return (input, reply.joined(separator: "\n"))
                })
        }

        func rendered(replies: [String]) -> String {
            var out = comments.joined(separator: "\n") + (comments.isEmpty ? "" : "\n")
            for (turn, reply) in zip(turns, replies) { out += "\n> \(turn.input)\n\(reply)\n" }
            return out
        }
    }

    static let files: [URL] = {
        let urls =
            (try? FileManager.default.contentsOfDirectory(
                at: Fixtures.transcriptsFolder, includingPropertiesForKeys: nil)) ?? []
        return urls.filter { $0.pathExtension == "transcript" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test func thereAreTranscripts() { #expect(Self.files.count >= 3) }

    @Test(arguments: files)
    func replayMatches(_ url: URL) throws {
        let transcript = try Transcript.parse(url)
        #expect(!transcript.turns.isEmpty)
        var session = ChatSession(coach: Fixtures.coach)
        // "# now: 2026-11-26T12:00:00Z" fixes the clock (the training log dates what it logs).
        if let now = transcript.comments.first(where: { $0.hasPrefix("# now: ") }) {
            let date = ISO8601DateFormatter().date(from: String(now.dropFirst(7)))
            if date == nil { Issue.record("\(url.lastPathComponent): '\(now)' is not an ISO 8601 time") }
            session.state.fixedNow = date
        }
        var replies: [String] = []
        for turn in transcript.turns {
            switch session.handle(turn.input) {
            case let .reply(reply, _): replies.append(TextRenderer.canonical.render(reply.blocks))
            case .empty: replies.append("")
            case .quit: replies.append("")
            case .guide: replies.append("[guided workout]")
            }
        }
        if ProcessInfo.processInfo.environment["COACH_RECORD_TRANSCRIPTS"] != nil {
            try transcript.rendered(replies: replies).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        for (turn, actual) in zip(transcript.turns, replies) {
            let expected = turn.reply.split(separator: "\n", omittingEmptySubsequences: false)
            let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(got == expected, "\(url.lastPathComponent): the reply to \"\(turn.input)\" changed")
        }
    }
}
