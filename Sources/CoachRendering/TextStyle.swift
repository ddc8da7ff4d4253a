import CoachDialogue
import CoachModel

/// Colour and emphasis for a terminal, or none at all.
public struct TextStyle: Sendable {
    public var enabled: Bool

    public static let plain = TextStyle(enabled: false)
    public static let color = TextStyle(enabled: true)

    func heading(_ text: String) -> String { wrap(text, "1;36") }
    func alert(_ text: String) -> String { wrap(text, "1;31") }
    func note(_ text: String) -> String { wrap(text, "2") }
    func emphasis(_ text: String) -> String { wrap(text, "1") }
    func bar(_ text: String) -> String { wrap(text, "32") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
