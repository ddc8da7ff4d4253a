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
            var lines = StandardInputLines()
            conversation.run(lines: AnySequence { AnyIterator { lines.next() } })
            if lines.failed {
                // A standard input that cannot be read (a folder, a broken device) is not an
                // empty conversation: say so, exit 1.
                Output.error("coach: could not read standard input: \(String(cString: strerror(lines.errorNumber)))")
                throw ExitCode(1)
            }
        } else {
            conversation.answer(question.joined(separator: " "), replyToEmpty: true)
        }
    }
}

/// Lines of standard input, read with read(2) (the C `stdin` is shared mutable state Swift 6
/// will not touch), with invalid UTF-8 repaired; `failed` tells a read error apart from the end
/// of the input.
struct StandardInputLines: Sequence, IteratorProtocol {
    private(set) var failed = false
    private(set) var errorNumber: Int32 = 0
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`: lines are read past, and the buffer is trimmed
    /// once a chunk, so many short lines cost no more than one long one.
    private var start = 0
    /// How much of `buffer` is known to hold no line break (a 10 MB line is scanned once).
    private var scanned = 0
    private var ended = false

    mutating func next() -> String? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                scanned = start
                return line
            }
            if ended {
                guard start < buffer.count else { return nil }
                defer {
                    buffer.removeAll()
                    start = 0
                    scanned = 0
                }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            buffer.removeFirst(start)
            start = 0
            scanned = buffer.count
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failed = true
                errorNumber = errno
                ended = true
            } else if count == 0 {
                ended = true
            } else {
                buffer += chunk[..<count]
            }
        }
    }
}
