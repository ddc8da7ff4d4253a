import CoachDialogue
import CoachModel
import Foundation

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
        case let .heading(text): wrap(text).map(style.heading).joined(separator: "\n")
        case let .paragraph(text):
            // (A line of a paragraph written as a list item, "- Swaps: ...", wraps under its text.)
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("- ")
                    ? hanging(String(line.dropFirst(2)), marker: "- ")
                    : wrap(String(line))
                        .joined(separator: "\n")
            }.joined(separator: "\n")
        case let .alert(text): wrap(text).map(style.alert).joined(separator: "\n")
        case let .note(text), let .sources(text): wrap(text).map(style.note).joined(separator: "\n")
        case let .numbered(items):
            items.enumerated().map { index, item in
                hanging(item, marker: "\(index + 1). ".padding(toLength: items.count >= 10 ? 4 : 3))
            }.joined(separator: "\n")
        case let .bullets(items): items.map { hanging($0, marker: "- ") }.joined(separator: "\n")
        case let .table(rows): table(rows)
        case let .chart(rows): chart(rows)
        }
    }

    /// "Nov 21  ########            36  3 x 12, medium band": labels in a column, bars scaled so
    /// the largest fills the room left, then the figures. Where the figures do not fit beside
    /// the bar, they go on the next line, indented. Plain "#" either way; colour only tints it.
    private func chart(_ rows: [ChartRow]) -> String {
        guard !rows.isEmpty else { return "" }
        let labelWidth = rows.map { TerminalText.width($0.label) }.max() ?? 0
        let amountWidth = rows.map { String($0.amount).count }.max() ?? 1
        let textWidth = rows.map { TerminalText.width($0.text) }.max() ?? 0
        let largest = max(1, rows.map(\.amount).max() ?? 1)
        // Room for the bar when the figures sit beside it, at least 10 columns; else below it.
        let beside = width - labelWidth - amountWidth - textWidth - 6
        let barRoom = beside >= 10 ? min(beside, 40) : max(4, min(40, width - labelWidth - amountWidth - 4))
        return rows.map { row in
            let length = row.amount <= 0 ? 0 : max(1, row.amount * barRoom / largest)
            let label = row.label + String(repeating: " ", count: labelWidth - TerminalText.width(row.label))
            let amount = String(repeating: " ", count: amountWidth - String(row.amount).count) + String(row.amount)
            let line =
                "\(label)  \(style.bar(String(repeating: "#", count: length)))"
                + String(repeating: " ", count: barRoom - length) + "  \(amount)"
            if row.text.isEmpty { return line }
            if beside >= 10 { return "\(line)  \(row.text)" }
            let indent = String(repeating: " ", count: labelWidth + 2)
            return line + "\n"
                + wrap(row.text, width: width - indent.count).map { indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
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
                    // Cut by columns, not characters (a wide East Asian or emoji character takes
                    // two), in one pass: measuring the rest again for each line cut made a
                    // million-character word take seconds.
                    var head = ""
                    var headWidth = 0
                    for character in String(decoding: word, as: UTF8.self) {
                        let characterWidth =
                            character.isASCII ? 1 : TerminalText.width(String(character))
                        if headWidth + characterWidth > limit, !head.isEmpty {
                            lines.append(head)
                            head = ""
                            headWidth = 0
                        }
                        head.append(character)
                        headWidth += characterWidth
                    }
                    word = ArraySlice(head.utf8)
                    wordWidth = headWidth
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

    /// A table in aligned columns. Too wide for the width, its widest column is narrowed and its
    /// cells wrapped; when even that cannot fit (a narrow terminal), each row becomes a list
    /// item ("Face Pull: Sets x reps 3 x 12; Rest 60 s; With resistance band").
    private func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map { TerminalText.width($0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(cell))
            }
        }
        let gap = 2
        let natural = widths.reduce(0, +) + gap * max(0, widths.count - 1)
        if natural > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            let others = natural - widths[widest]
            let room = width - others
            // A column narrower than its header, or than a dozen columns, no longer reads as one.
            guard room >= max(12, TerminalText.width(header[widest])) else { return tableAsList(rows) }
            widths[widest] = room
        }
        func lines(_ row: [String]) -> [String] {
            let cells = row.enumerated().map { index, cell in
                index < widths.count ? wrap(cell, width: widths[index]) : [cell]
            }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { lineIndex in
                var text = cells.enumerated().map { index, cell in
                    let part = lineIndex < cell.count ? cell[lineIndex] : ""
                    return index == cells.count - 1 ? part : part.padding(toLength: widths[index])
                }.joined(separator: String(repeating: " ", count: gap))
                while text.last == " " { text.removeLast() }
                return text
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(
            separator: String(repeating: " ", count: gap))
        let head = lines(header).map(style.emphasis)
        return (head + [rule] + rows.dropFirst().flatMap(lines)).joined(separator: "\n")
    }

    /// A table as a list, for a terminal too narrow for its columns: the first cell leads, the
    /// others follow with their headers.
    private func tableAsList(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let items = rows.dropFirst().map { row -> String in
            let rest = row.enumerated().dropFirst().compactMap { index, cell -> String? in
                let trimmed = cell.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, trimmed != "-" else { return nil }
                return index < header.count ? "\(header[index]) \(trimmed)" : trimmed
            }
            return rest.isEmpty ? (row.first ?? "") : "\(row.first ?? ""): \(rest.joined(separator: "; "))"
        }
        return items.map { hanging($0, marker: "- ") }.joined(separator: "\n")
    }
}

extension String {
    /// The string padded with spaces to `length` terminal columns.
    func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - TerminalText.width(self)))
    }
}
