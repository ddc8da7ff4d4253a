import CoachModel

/// Estimates how long a workout takes by the knowledge base's time model.
struct WorkoutTimer: Sendable {
    let model: TimeModel

    /// One set's work, in seconds.
    func setSeconds(reps: Int?, seconds: Int?, perSide: Bool) -> Double {
        let sides = perSide ? 2.0 : 1.0
        let work = seconds.map(Double.init) ?? Double(reps ?? model.defaultReps) * model.secondsPerRep
        return work * sides + (perSide ? Double(model.sideSwitchSeconds) : 0)
    }

    /// Work time of an item (all its sets), without rests.
    func workSeconds(_ item: WorkoutPlan.Item) -> Double {
        Double(item.sets) * setSeconds(reps: item.reps, seconds: item.seconds, perSide: item.perSide)
    }

    /// Rests inside an item: between its sets.
    func restCount(_ item: WorkoutPlan.Item) -> Int { max(0, item.sets - 1) }

    /// The whole plan: work, rests between sets, and a changeover between items.
    func total(_ items: [WorkoutPlan.Item]) -> Double {
        items.reduce(0) { sum, item in
            sum + workSeconds(item) + Double(restCount(item) * item.restSeconds)
        } + Double(max(0, items.count - 1) * model.changeoverSeconds)
    }
}
