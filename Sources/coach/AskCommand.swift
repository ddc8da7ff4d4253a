import ArgumentParser
import Foundation

/// `coach ask QUESTION...`: one reply. With no question, every line of standard input is
/// answered, as one conversation.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Answer one question, or each line of standard input as one conversation.")

    @OptionGroup var knowledge: KnowledgeOptions
    @Flag(help: "Print each reply as one JSON object on one line.") var json = false
    @Flag(help: "After each reply, show how it was understood.") var explain = false
    @Argument(help: "The question. Without one, lines are read from standard input.") var question: [String] = []

    func run() throws {
        var conversation = PipedConversation(coach: try knowledge.coach(), json: json, explain: explain)
        if question.isEmpty {
            conversation.run(lines: StandardInputLines())
        } else {
            conversation.answer(question.joined(separator: " "), replyToEmpty: true)
        }
    }
}

/// Lines of standard input, with invalid UTF-8 repaired.
struct StandardInputLines: Sequence, IteratorProtocol {
    mutating func next() -> String? { Swift.readLine(strippingNewline: true) }
}
