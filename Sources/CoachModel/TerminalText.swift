/// Makes text from outside safe to print: no control characters, no escape sequences, no
/// invisible direction overrides, so nothing a user typed can move the cursor or recolour the
/// terminal when coach echoes it back.
public enum TerminalText {
    public static func sanitized(_ text: String, limit: Int = 200) -> String {
        let utf8 = text.utf8
        if utf8.count <= limit, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < limit else {
                out += "…"
                break
            }
            if isUnsafe(scalar) { continue }
            out.unicodeScalars.append(scalar)
            count += 1
        }
        return out
    }

    /// `sanitized` line by line, the line breaks kept: for a multi-line message that quotes
    /// what someone typed (a usage error).
    public static func sanitizedLines(_ text: String, limit: Int = 2000) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { sanitized(String($0), limit: limit) }.joined(separator: "\n")
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }

    /// How many terminal columns `text` takes: wide (East Asian, emoji) characters take two,
    /// combining marks none.
    public static func width(_ text: String) -> Int {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }  // the common case, and cheap
        return text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return 0 }
        if properties.isEmojiPresentation || properties.isIdeographic { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6:
            return 2
        default: return 1
        }
    }
}
