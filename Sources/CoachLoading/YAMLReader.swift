import CoachModel
import Foundation
import Yams

/// Reads a YAML node tree into typed values, remembering where each value stands so that every
/// problem becomes a `Diagnostic` with a file, a line and a column.
///
/// NB: decoding goes through Yams' `Node` rather than `Codable` because `DecodingError` knows the
/// coding path of a bad value but not its line, and knowledge authors need the line.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Parses `text` into its root node, recording a syntax error as a diagnostic.
    mutating func parse(_ text: String) -> Node? {
        guard keysAreScalars(text) else { return nil }
        do {
            // NB: the basic resolver reads every scalar as text. The default one runs regular
            // expressions on each scalar to guess numbers and dates, which made loading slow;
            // the reader converts the few numbers and booleans it needs itself.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                fail(nil, "the file is empty")
                return nil
            }
            return node
        } catch let error as YamlError {
            record(error)
            return nil
        } catch {
            fail(nil, "cannot read YAML: \(error)")
            return nil
        }
    }

    /// Rejects, before the tree is built, mapping keys that are not plain scalars: an explicit
    /// key (`? ...`) or an alias used as a key (`*a: ...`). The knowledge never needs them, and
    /// an alias to a nested anchor as a key makes the parser hash the whole expanded tree: a
    /// 2 KB file could hang loading for minutes (issue 17).
    private mutating func keysAreScalars(_ text: String) -> Bool {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.hasPrefix("#") else { continue }
            if trimmed == "?" || trimmed.hasPrefix("? ") || trimmed.hasPrefix("?\t") {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: lineNumber, column: line.count - trimmed.count + 1,
                        message: "an explicit mapping key ('? ...'); write keys as plain text, as in 'name: value'"))
                return false
            }
            if let column = Self.aliasKeyColumn(in: trimmed) {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: lineNumber, column: line.count - trimmed.count + column,
                        message: "an alias ('*name') used as a mapping key; write keys as plain text"))
                return false
            }
        }
        return true
    }

    /// Where an alias stands as a mapping key in `line` ("*a: x", "{*a: x}", "- *a: x"), 1-based;
    /// nil when none does. Quoted text is skipped.
    static func aliasKeyColumn(in line: Substring) -> Int? {
        let characters = Array(line)
        var index = 0
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", index == 0 || characters[index - 1] == " " {
                return nil
            } else if character == "*", index == 0 || " ,{[-".contains(characters[index - 1]) {
                var end = index + 1
                while end < characters.count, !" ,]}:".contains(characters[end]) { end += 1 }
                var after = end
                while after < characters.count, characters[after] == " " { after += 1 }
                if end > index + 1, after < characters.count, characters[after] == ":",
                    after + 1 == characters.count || characters[after + 1] == " "
                {
                    return index + 1
                }
            }
            index += 1
        }
        return nil
    }

    private mutating func record(_ error: YamlError) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
            diagnostics.append(
                Diagnostic(
                    file: file, line: mark.line, column: mark.column,
                    message: "YAML syntax: " + what.joined(separator: ", ")))
        case let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
            diagnostics.append(
                Diagnostic(
                    file: file, line: mark.line, column: mark.column,
                    message: "YAML: " + what.joined(separator: ", ")))
        case let .duplicatedKeysInMapping(duplicates, context):
            diagnostics.append(
                Diagnostic(
                    file: file, line: context.mark.line, column: context.mark.column,
                    message: "the key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping"))
        case let .reader(problem, _, _, _):
            diagnostics.append(Diagnostic(file: file, message: "cannot read the file: \(problem)"))
        default:
            diagnostics.append(Diagnostic(file: file, message: "YAML: \(error)"))
        }
    }

    /// Records a problem at `node` (or at the top of the file).
    mutating func fail(_ node: Node?, _ message: String) {
        diagnostics.append(
            Diagnostic(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message))
    }

    /// Where `node` stands, for errors found later (e.g. by cross-reference checks).
    func location(_ node: Node?) -> Location {
        Location(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    // MARK: Typed access

    /// The mapping at `node`, or a diagnostic saying what was expected.
    mutating func mapping(_ node: Node?, _ what: String) -> Fields? {
        guard let node else { return nil }
        if case let .mapping(mapping) = node { return Fields(mapping) }
        fail(node, "\(what) should be a mapping of `key: value` lines")
        return nil
    }

    mutating func sequence(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        if case let .sequence(sequence) = node { return Array(sequence) }
        if case let .scalar(scalar) = node, ["", "~", "null"].contains(scalar.string) { return [] }
        fail(node, "\(what) should be a list")
        return []
    }

    /// Records an error for each key of `mapping` not in `allowed` (a typo would otherwise be
    /// silently ignored).
    mutating func checkKeys(_ mapping: Fields, allowed: [String], in what: String) {
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint = Suggestion.hint(for: name, in: allowed)
            fail(key, "unknown key '\(name)' in \(what)\(hint)")
        }
    }

    /// The value of a key that must be there.
    mutating func required(_ mapping: Fields, _ key: String, in what: String, at node: Node?) -> Node? {
        if let value = mapping[key] { return value }
        fail(node, "\(what) is missing the required key '\(key)'")
        return nil
    }

    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case let .scalar(scalar) = node else {
            fail(node, "\(what) should be a single line of text")
            return nil
        }
        let text = Self.trimmed(scalar.string)
        if text.isEmpty {
            fail(node, "\(what) is empty")
            return nil
        }
        // Knowledge text is printed as it is: an escape sequence in it would reach the terminal.
        if let control = text.unicodeScalars.first(where: Self.isControl) {
            let code = String(control.value, radix: 16, uppercase: true)
            fail(
                node,
                "\(what) contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)); remove it"
            )
            return nil
        }
        return text
    }

    mutating func strings(_ node: Node?, _ what: String) -> [String] {
        sequence(node, what).compactMap { string($0, "an item of \(what)") }
    }

    mutating func int(_ node: Node?, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            fail(node, "\(what) should be a whole number, not '\(text)'")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail(node, "\(what) should be true or false, not '\(text)'")
            return nil
        }
    }

    /// A control character other than a line break or a tab (escape, bell, C1 controls...).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `text` without surrounding spaces and line breaks.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(text[first...last])
    }
}

/// The keys and values of a YAML mapping, looked up by key in constant time (Yams' mapping
/// compares nodes one by one), in their order in the file.
struct Fields: Sequence {
    private let pairs: [(key: Node, value: Node)]
    private let index: [String: Int]

    init(_ mapping: Node.Mapping) {
        pairs = Array(mapping)
        var index: [String: Int] = [:]
        for (position, pair) in pairs.enumerated() {
            if case let .scalar(scalar) = pair.key, index[scalar.string] == nil { index[scalar.string] = position }
        }
        self.index = index
    }

    subscript(key: String) -> Node? { index[key].map { pairs[$0].value } }
    var keys: [Node] { pairs.map(\.key) }
    func makeIterator() -> IndexingIterator<[(key: Node, value: Node)]> { pairs.makeIterator() }
}

/// A place in a knowledge file.
public struct Location: Hashable, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?

    func diagnostic(_ message: String, isWarning: Bool = false) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, isWarning: isWarning)
    }
}
