import Foundation

/// How `coach eval` writes figures: as a percentage in the report for a person, and with
/// `--json` as one object on one line, keys sorted, fractions to four places, null where no line
/// could be judged.
enum Figures {
    /// "  93.5%", right-aligned in six places; "    -" where no line could be judged.
    static func percent(_ value: Double?) -> String { value.map { String(format: "%5.1f%%", $0 * 100) } ?? "    -" }

    static func figure(_ value: Double?) -> Any { value.map { ($0 * 10000).rounded() / 10000 } ?? NSNull() }

    static func line(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
            let line = String(data: data, encoding: .utf8)
        else { return #"{"error":"could not encode the figures"}"# }
        return line
    }
}
