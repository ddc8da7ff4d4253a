import Foundation

/// Turns what a person typed into lower-case word tokens: Unicode compatibility forms folded
/// (full-width letters, curly quotes, dashes), apostrophes dropped ("don't" -> "dont"), numbers
/// glued to units split ("10min" -> "10 min"), everything else that is not a letter or digit a
/// separator. Control characters and escape sequences never survive.
public enum TextNormalizer {
    /// Lines longer than this are cut before any work, so a 1 MB line costs what a long post does.
    public static let maximumCharacters = 4_000

    public static func tokens(_ text: String) -> [String] {
        let folded = String(text.prefix(maximumCharacters)).precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "w/o ", with: "without ").replacingOccurrences(of: "w/ ", with: "with ")
        var tokens: [String] = []
        var current = ""
        var currentIsDigits = false
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" { continue }
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
        return tokens.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }

    /// The word-form used for matching: plurals folded onto singulars ("rows" -> "row",
    /// "flies" -> "fly"). Applied the same way to knowledge and to input.
    /// Words that end in "s" without being plurals.
    static let unchanged: Set<String> = ["does", "was", "has", "yes", "this", "thus", "plus", "always", "perhaps", "biceps", "triceps", "series"]

    public static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter), !unchanged.contains(word) else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
