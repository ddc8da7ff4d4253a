import CoachModel

/// A larger knowledge base made from this one, for measuring how coach scales: each exercise is
/// copied `factor - 1` times under new ids, names and aliases (the copies are variants a real
/// knowledge base might hold, "Face Pull Variation 7"), so the name index, the spelling
/// vocabulary and the substitution search all grow `factor` times.
extension KnowledgeBase {
    public func scaled(by factor: Int) -> KnowledgeBase {
        guard factor > 1 else { return self }
        var exercises = self.exercises
        for copy in 1..<factor {
            for original in self.exercises {
                var variant = original
                variant.id = ExerciseID("\(original.id)-variation-\(copy)")
                variant.name = "\(original.name) Variation \(copy)"
                variant.aliases = original.aliases.map { "\($0) variation \(copy)" }
                variant.easier = []
                variant.harder = []
                exercises.append(variant)
            }
        }
        return KnowledgeBase(
            sources: sources, exercises: exercises, muscles: muscles, equipment: equipment, safety: safety,
            topics: topics,
            routines: routines, timeModel: timeModel, harderAdvice: harderAdvice, language: language, replies: replies,
            muscleOverview: muscleOverview,
            catalog: catalog, overviewMembers: overviewMembers, progress: progress, weeklyAdvice: weeklyAdvice)
    }
}
