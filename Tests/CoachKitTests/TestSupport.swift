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

/// Shared fixtures: the repository's folders, and the knowledge base loaded once.
enum Fixtures {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let knowledgeFolder = repository.appending(path: "Knowledge")
    static let transcriptsFolder = repository.appending(path: "Transcripts")
    static let devSet = repository.appending(path: "Tests/dev-set.yaml")
    /// Real questions: the dev split (tune on it) and the frozen test split (never tune on it).
    static let devQuestions = repository.appending(path: "Tests/questions/dev.yaml")
    static let testQuestions = repository.appending(path: "Tests/questions/test.yaml")

    /// The knowledge base from the folder on disk (what the tests check is what is edited).
    static let knowledge: KnowledgeBase = {
        do { return try KnowledgeLoader.load(directory: knowledgeFolder) } catch {
            fatalError("Knowledge/ does not load:\n\(error)")
        }
    }()

    static let coach = Coach(knowledge: knowledge)

    /// A throwaway copy of Knowledge/ to break on purpose.
    static func knowledgeCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "coach-kb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: knowledgeFolder, to: folder)
        return folder
    }

    /// Replaces `old` with `new` in a file of a knowledge copy (the text must be there).
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        let url = folder.appending(path: file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw FixtureError.textNotFound(file, old) }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    enum FixtureError: Error { case textNotFound(String, String) }

    /// Every reply of a conversation, as plain text at width 80.
    static func converse(_ lines: [String]) -> [Reply] {
        var session = ChatSession(coach: coach)
        return lines.compactMap { line in
            if case let .reply(reply, _) = session.handle(line) { return reply }
            return nil
        }
    }
}

extension ChatSession.Outcome {
    /// The reply, when the outcome is one (for `try #require(outcome.reply)`).
    var reply: Reply? {
        if case let .reply(reply, _) = self { return reply }
        return nil
    }

    /// Whether the saved profile changed; nil when the outcome is not a reply.
    var profileChanged: Bool? {
        if case let .reply(_, changed) = self { return changed }
        return nil
    }
}

extension Reply {
    var text: String { TextRenderer.canonical.render(blocks) }
}
