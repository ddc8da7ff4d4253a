import ArgumentParser
import Foundation

/// `coach` (or `coach chat`): the conversation. On a terminal, the interactive chat; from a
/// pipe, one reply per line of input, as `coach ask` does.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Chat with coach (the default).")

    @OptionGroup var knowledge: KnowledgeOptions
    @Flag(help: "Print each reply as one JSON object on one line.") var json = false

    func run() throws {
        let coach = try knowledge.coach()
        if Terminal.inputIsTerminal && !json {
            var chat = InteractiveChat(coach: coach, paths: .current())
            chat.run()
        } else {
            var conversation = PipedConversation(coach: coach, json: json, explain: false)
            conversation.run(lines: StandardInputLines())
        }
    }
}
