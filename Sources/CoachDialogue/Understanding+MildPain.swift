import CoachModel
import CoachUnderstanding

extension Understanding {
    /// Whether the line says pain and every word of it is a mild discomfort (`mild_discomfort`:
    /// "feels weird", "feels off"): something feels wrong, but no hurt is said in so many words.
    func saysOnlyMildPain(_ safety: SafetyKnowledge) -> Bool {
        let mild = Interpreter.phrasesAsRead(safety.mildDiscomfort)
        let pains = matches.filter { $0.entity == .pain }
        return !pains.isEmpty && pains.allSatisfy { mild.contains($0.text) }
    }
}
