import Foundation

/// Turns what a person typed into lower-case word tokens: Unicode compatibility forms folded
/// (full-width letters, curly quotes, dashes), apostrophes dropped ("don't" -> "dont"), numbers
/// glued to units split ("10min" -> "10 min"), everything else that is not a letter or digit a
/// separator. Control characters and escape sequences never survive.
public enum TextNormalizer {
    /// Lines longer than this are cut before any work, so a 1 MB line costs what a long post does.
    public static let maximumCharacters = 4_000

    public static func tokens(_ text: String) -> [String] {
        // An escape sequence is not words: "\u{1B}[31m" must not read as 31 minutes.
        if text.utf8.contains(0x1B) { return tokens(withoutEscapes(text)) }
        let utf8 = text.utf8
        if utf8.count <= maximumCharacters, utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(utf8) }
        return unicodeTokens(text)
    }

    /// `text` without terminal escape sequences: CSI (ESC [ parameters, then a final byte), OSC
    /// (ESC ] ... ended by BEL or ESC \\), and any other ESC with the character after it.
    public static func withoutEscapes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            guard let kind = scalars.next() else { break }
            if kind == "[" {
                // Parameters and intermediates run until a final byte from @ to ~.
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            } else if kind == "]" || kind == "P" || kind == "_" || kind == "^" {
                // A string ended by BEL, or by ESC \\.
                while let next = scalars.next() {
                    if next == "\u{07}" { break }
                    if next == "\u{1B}" {
                        _ = scalars.next()
                        break
                    }
                }
            }
            out.append(" ")
        }
        return String(out)
    }

    /// The same rules as `unicodeTokens`, on bytes: most lines are plain ASCII, and this path
    /// costs a fraction of the Unicode one.
    private static func asciiTokens(_ utf8: String.UTF8View) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var currentIsDigits = false
        func flush() {
            if current.last == UInt8(ascii: ".") { current.removeLast() }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for var byte in utf8 {
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                // (Between digits it parts feet from inches, "6'3", rather than making "63".)
                if currentIsDigits { flush() }
                continue
            }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let isLetter = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            guard isDigit || isLetter else {
                if byte == UInt8(ascii: "."), currentIsDigits, !current.isEmpty, !current.contains(UInt8(ascii: ".")) {
                    current.append(byte)  // a decimal point: "1.5"
                    continue
                }
                flush()
                continue
            }
            if !current.isEmpty, isDigit != currentIsDigits, !(current.last == UInt8(ascii: ".") && isDigit) { flush() }
            currentIsDigits = isDigit
            current.append(byte)
        }
        flush()
        return shorthand(tokens)
    }

    private static func unicodeTokens(_ text: String) -> [String] {
        var folded = String(text.prefix(maximumCharacters))
        // NFKC folding (full-width letters, ligatures) is only needed beyond ASCII, and costly.
        if !folded.utf8.allSatisfy({ $0 < 0x80 }) { folded = folded.precomposedStringWithCompatibilityMapping }
        folded = folded.lowercased()
        var tokens: [String] = []
        var current = ""
        var currentIsDigits = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" {
                if currentIsDigits { flush() }
                continue
            }
            let isDigit = ("0"..."9").contains(scalar)
            let isLetter = scalar.properties.isAlphabetic && !scalar.properties.isIdeographic || isDigit
            guard isLetter else {
                if scalar == ".", currentIsDigits, !current.isEmpty, !current.contains(".") {
                    current.unicodeScalars.append(scalar)  // a decimal point: "1.5"
                    continue
                }
                flush()
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            // A change between digits and letters starts a new token: "10min", "3x10".
            if !current.isEmpty, isDigit != currentIsDigits, !(current.hasSuffix(".") && isDigit) { flush() }
            currentIsDigits = isDigit
            current.unicodeScalars.append(scalar)
        }
        flush()
        return shorthand(tokens.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
    }

    /// "w/o" and "w/" (split into "w", "o" and "w") read as "without" and "with".
    private static func shorthand(_ tokens: [String]) -> [String] {
        guard tokens.contains("w") else { return tokens }
        var out: [String] = []
        var index = 0
        while index < tokens.count {
            if tokens[index] == "w" {
                let without = index + 1 < tokens.count && tokens[index + 1] == "o"
                out.append(without ? "without" : "with")
                index += without ? 2 : 1
            } else {
                out.append(tokens[index])
                index += 1
            }
        }
        return out
    }

    /// The word-form used for matching: plurals folded onto singulars ("rows" -> "row",
    /// "flies" -> "fly"). Applied the same way to knowledge and to input.
    /// Words that end in "s" without being plurals.
    /// Words whose final "s" is not a plural. ("deads", gym slang for deadlifts, has no singular
    /// that means one: stemmed, it made "a dead hang" a deadlift.)
    static let unchanged: Set<String> = [
        "does", "was", "has", "yes", "this", "thus", "plus", "always", "perhaps", "biceps", "triceps", "series",
        "deads",
    ]

    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 3,
            word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") || $0 >= 0x80 }),
            !unchanged.contains(word)
        else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
