import CoachModel
import CoachRecommending
import CoachUnderstanding

/// A piece of a reply, before it is laid out for a terminal or a JSON field.
public enum Block: Hashable, Sendable {
    case heading(String)
    case paragraph(String)
    case numbered([String])
    case bullets([String])
    /// A table whose first row is the header.
    case table([[String]])
    /// A line that stands apart, such as a red-flag warning.
    case alert(String)
    /// A quieter line, such as a hint or an assumption.
    case note(String)
    /// Where the reply comes from: always last, set apart by a blank line.
    case sources(String)
    /// A bar per row ("Nov 21", 36, "3 x 12, medium band"): progress over time, scaled to the
    /// width it is drawn in.
    case chart([ChartRow])
}

/// One row of a chart: a label, an amount the bar is drawn to, and the figures as words.
public struct ChartRow: Hashable, Sendable {
    public var label: String
    public var amount: Int
    public var text: String

    public init(label: String, amount: Int, text: String) {
        self.label = label
        self.amount = amount
        self.text = text
    }
}

extension Block {
    var isSources: Bool {
        if case .sources = self { return true }
        return false
    }
}
