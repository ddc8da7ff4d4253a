import CoachDialogue
import CoachModel

/// Lays reply blocks out as terminal text: wrapped to a width, lists with hanging indents,
/// tables in aligned columns, colour only when asked for.
public struct TextRenderer: Sendable {
    public var width: Int
    public var style: TextStyle

    /// The layout of `text` in JSON and transcripts: 80 columns, no colour.
    public static let canonical = TextRenderer(width: 80, style: .plain)

    public init(width: Int, style: TextStyle) {
        self.width = max(20, min(width, 200))
        self.style = style
    }

    /// The blocks, one after another; a heading, or a note after a body block, opens with a
    /// blank line so sections stand apart.
    public func render(_ blocks: [Block]) -> String {
        var out = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                out += "\n"
                switch (blocks[index - 1], block) {
                case (_, .sources): out += "\n"
                case (_, .heading), (.heading, .note): break
                case (.note, .note): break
                case (_, .note): out += "\n"
                default: break
                }
                if case .heading = block { out += "\n" }
            }
            out += render(block)
        }
        return out
    }

    func render(_ block: Block) -> String {
        switch block {
        case let .heading(text): style.heading(text)
        case let .paragraph(text): wrap(text).joined(separator: "\n")
        case let .alert(text): wrap(text).map(style.alert).joined(separator: "\n")
        case let .note(text), let .sources(text): wrap(text).map(style.note).joined(separator: "\n")
        case let .numbered(items):
            items.enumerated().map { index, item in
                hanging(item, marker: "\(index + 1). ".padding(toLength: items.count >= 10 ? 4 : 3))
            }.joined(separator: "\n")
        case let .bullets(items): items.map { hanging($0, marker: "- ") }.joined(separator: "\n")
        case let .table(rows): table(rows)
        }
    }

    /// Words wrapped to the width; a word longer than a line is cut.
    ///
    /// NB: works on UTF-8 bytes, splitting at the space and line-break bytes, which never occur
    /// inside a multi-byte character; words are measured in terminal columns. Character-based
    /// splitting made wrapping the costliest part of a turn.
    func wrap(_ text: String, width: Int? = nil) -> [String] {
        let limit = width ?? self.width
        var lines: [String] = []
        for paragraph in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line: [UInt8] = []
            var lineWidth = 0
            for word in paragraph.split(separator: 0x20) {
                var word = word
                var wordWidth =
                    word.allSatisfy({ $0 < 0x80 })
                    ? word.count : TerminalText.width(String(decoding: word, as: UTF8.self))
                if wordWidth > limit {
                    if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
                    var rest = String(decoding: word, as: UTF8.self)
                    while TerminalText.width(rest) > limit {
                        // Cut by columns, not characters: a wide (East Asian, emoji) character takes two.
                        var head = ""
                        var headWidth = 0
                        for character in rest {
                            let characterWidth = TerminalText.width(String(character))
                            if headWidth + characterWidth > limit, !head.isEmpty { break }
                            head.append(character)
                            headWidth += characterWidth
                        }
                        lines.append(head)
                        rest = String(rest.dropFirst(head.count))
                    }
                    word = ArraySlice(rest.utf8)
                    wordWidth = TerminalText.width(rest)
                    line = []
                    lineWidth = 0
                }
                if !line.isEmpty, lineWidth + 1 + wordWidth > limit {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                    lineWidth = 0
                }
                if !line.isEmpty {
                    line.append(0x20)
                    lineWidth += 1
                }
                line.append(contentsOf: word)
                lineWidth += wordWidth
            }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    private func hanging(_ text: String, marker: String) -> String {
        let indent = String(repeating: " ", count: marker.count)
        return wrap(text, width: width - marker.count).enumerated().map { index, line in
            (index == 0 ? marker : indent) + line
        }.joined(separator: "\n")
    }

    private func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map { TerminalText.width($0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell))
            }
        }
        func line(_ row: [String]) -> String {
            var text = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index])
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([style.emphasis(line(header)), rule] + rows.dropFirst().map(line)).joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces to `length` terminal columns.
    func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - TerminalText.width(self)))
    }
}
