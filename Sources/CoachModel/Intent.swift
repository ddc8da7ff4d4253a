/// The coarse kind of a question, as the JSON contract names it (`intent`). The ids are
/// stable: they are the catalog's intents and the keys of `language/intents.yaml`.
public enum Intent: String, CaseIterable, Codable, Sendable, Hashable {
    case form, substitution, workout, anatomy, safety, faq, greeting, help, unknown
}
