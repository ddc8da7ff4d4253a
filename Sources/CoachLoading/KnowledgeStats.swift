import CoachModel

/// Counts by kind, and which catalog ids the knowledge base lacks.
public struct KnowledgeStats: Sendable {
    public let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

    /// The ids of each kind that the knowledge base actually holds.
    public var present: [String: Set<String>] {
        [
            "exercises": Set(knowledge.exercises.map(\.id.rawValue)),
            "equipment": Set(knowledge.equipment.map(\.id.rawValue)),
            "muscles": Set(knowledge.muscles.map(\.id.rawValue)), "intents": Set(knowledge.language.intents.keys),
            "topics": Set(knowledge.topics.map(\.id)), "routines": Set(knowledge.routines.map(\.id)),
        ]
    }

    /// Catalog ids missing from the knowledge base, by kind.
    public var missing: [String: [String]] {
        let present = present
        var missing: [String: [String]] = [:]
        for (kind, ids) in knowledge.catalog.ids {
            let lacking = ids.filter { !(present[kind]?.contains($0) ?? false) }
            if !lacking.isEmpty { missing[kind] = lacking }
        }
        return missing
    }

    public var lines: [String] {
        let base = knowledge
        var lines = [
            "sources     \(base.sources.count)",
            "exercises   \(base.exercises.count)  (steps \(base.exercises.reduce(0) { $0 + $1.steps.items.count }), cues \(base.exercises.reduce(0) { $0 + $1.cues.count }), mistakes \(base.exercises.reduce(0) { $0 + $1.mistakes.count }), ways \(base.exercises.reduce(0) { $0 + $1.ways.count }))",
            "muscles     \(base.muscles.count)",
            "equipment   \(base.equipment.count)",
            "topics      \(base.topics.count)",
            "routines    \(base.routines.count)",
            "safety      \(base.safety.precautions.count) precautions, \(base.safety.redFlagPhrases.count) red-flag phrases, \(base.safety.painAreas.count) pain areas",
            "phrases     \(base.language.intents.values.reduce(0) { $0 + $1.count }) training phrases over \(base.language.intents.count) intents",
        ]
        let missing = missing
        if missing.isEmpty {
            lines.append("catalog     complete: every catalog id is present")
        } else {
            for (kind, ids) in missing.sorted(by: { $0.key < $1.key }) {
                lines.append("missing     \(kind): \(ids.joined(separator: ", "))")
            }
        }
        return lines
    }
}
