import Foundation

/// How `coach eval --json` writes figures: one object on one line, keys sorted, fractions to four
/// places, null where no line could be judged.
enum FiguresJSON {
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
