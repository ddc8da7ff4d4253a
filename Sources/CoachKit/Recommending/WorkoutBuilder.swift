/// Builds a workout that fits the minutes, the equipment and the level: a short warm-up, then a
/// main block that balances the pulling patterns and leans toward the focus. Rest between sets
/// is the slack that makes the estimate land on the minutes asked.
public struct WorkoutBuilder: Sendable {
    let knowledge: KnowledgeBase
    private let timer: WorkoutTimer

    /// The shortest and longest workouts coach builds.
    public static let minutesRange = 3...60
    /// Main-block patterns in the order a balanced session visits them.
    static let patternOrder: [MovementPattern] = [
        .horizontalPull, .rearDeltScapular, .verticalPull, .spinalExtension, .shoulderRaise, .hinge,
    ]

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        timer = WorkoutTimer(model: knowledge.timeModel)
    }

    public func build(_ request: WorkoutRequest) -> WorkoutPlan? {
        let minutes = min(max(request.minutes, Self.minutesRange.lowerBound), Self.minutesRange.upperBound)
        let target = Double(minutes * 60)
        var random = SeededRandom(seed: request.seed)
        let usable = knowledge.exercises.compactMap { exercise -> (Exercise, ExerciseWay)? in
            guard exercise.level <= request.level, let way = request.availability.firstWay(of: exercise) else { return nil }
            return (exercise, way)
        }
        guard !usable.isEmpty else { return nil }

        let warmUpCount = minutes >= 8 ? 2 : (minutes >= 5 ? 1 : 0)
        // Warm-ups: mobility and light shoulder-blade moves that need no equipment.
        let warmUps = usable.filter { exercise, way in
            way.needs.subtracting(["mat"]).isEmpty
                && (exercise.pattern == .mobility || (exercise.pattern == .rearDeltScapular && exercise.level == .beginner))
        }
            .shuffled(using: &random).prefix(warmUpCount)
        var items = warmUps.map { warmUpItem($0.0, $0.1) }
        let warmUpIDs = Set(items.map(\.exercise))

        // Main block: by pattern, best first (focus muscles score; the seed breaks ties).
        var byPattern: [MovementPattern: [(Exercise, ExerciseWay, Double)]] = [:]
        for (exercise, way) in usable where exercise.pattern != .mobility && !warmUpIDs.contains(exercise.id) {
            var score = Double.random(in: 0..<1, using: &random)
            if let focus = request.focus {
                if exercise.primaryMuscles.contains(focus) { score += 3 } else if exercise.secondaryMuscles.contains(focus) { score += 1 }
            }
            byPattern[exercise.pattern, default: []].append((exercise, way, score))
        }
        var queue: [(Exercise, ExerciseWay)] = []
        var lists = Self.patternOrder.map { pattern in (byPattern[pattern] ?? []).sorted { $0.2 > $1.2 } }
        if request.focus != nil {  // the focus leads: order patterns by their best score
            lists.sort { ($0.first?.2 ?? -1) > ($1.first?.2 ?? -1) }
        }
        while lists.contains(where: { !$0.isEmpty }) {
            for index in lists.indices where !lists[index].isEmpty {
                let next = lists[index].removeFirst()
                queue.append((next.0, next.1))
            }
        }

        let rest = knowledge.timeModel.restSeconds[request.level] ?? 60
        let sets = knowledge.timeModel.sets[request.level] ?? 2
        let restRange = 15...max(rest * 2, 90)
        for (exercise, way) in queue {
            let item = mainItem(exercise, way, sets: sets, rest: rest, level: request.level)
            let grown = items + [item]
            if timer.total(grown) > target * 1.05, items.count > warmUps.count { break }
            items = grown
        }
        fit(&items, target: target, restRange: restRange, warmUps: warmUps.count)

        let equipment = Array(Set(items.flatMap { $0.equipment.filter { $0 != "none" } })).sorted()
        return WorkoutPlan(
            title: "", minutes: minutes, rounds: 1, items: items, routineID: nil,
            estimatedSeconds: Int(timer.total(items).rounded()), equipment: equipment)
    }

    /// Adjusts sets, then rest, until the estimate is within 10% of the target and never more
    /// than a minute over.
    private func fit(_ items: inout [WorkoutPlan.Item], target: Double, restRange: ClosedRange<Int>, warmUps: Int) {
        let upper = min(target * 1.1, target + 60), lower = target * 0.9
        let main = warmUps..<items.count
        // Too long even at the shortest rest: take sets, then whole exercises, away.
        while timer.total(withRest: restRange.lowerBound, items, main) > upper {
            if let index = main.filter({ items[$0].sets > 1 }).max(by: { items[$0].sets < items[$1].sets }) {
                items[index].sets -= 1
            } else if items.count > 1 {
                items.removeLast()
            } else {
                break
            }
            if items.count <= warmUps { break }
        }
        // Too short even at the longest rest: add sets, up to five each.
        let main2 = warmUps..<items.count
        while timer.total(withRest: restRange.upperBound, items, main2) < lower,
            let index = main2.filter({ items[$0].sets < 5 }).min(by: { items[$0].sets < items[$1].sets })
        {
            items[index].sets += 1
        }
        // Rest is the slack: spread what is left over the rests between sets, in steps of 5 s.
        let rests = main2.reduce(0) { $0 + timer.restCount(items[$1]) }
        guard rests > 0 else { return }
        let withoutRest = timer.total(withRest: 0, items, main2)
        let perRest = ((target - withoutRest) / Double(rests) / 5).rounded() * 5
        let chosen = min(max(Int(perRest), restRange.lowerBound), restRange.upperBound)
        for index in main2 { items[index].restSeconds = chosen }
    }

    private func warmUpItem(_ exercise: Exercise, _ way: ExerciseWay) -> WorkoutPlan.Item {
        WorkoutPlan.Item(
            exercise: exercise.id, name: exercise.name, equipment: way.equipment, sets: 1, reps: nil,
            seconds: knowledge.timeModel.warmUpSeconds / (exercise.dosage.perSide ? 2 : 1), restSeconds: 0,
            perSide: exercise.dosage.perSide, isWarmUp: true, note: nil)
    }

    private func mainItem(_ exercise: Exercise, _ way: ExerciseWay, sets: Int, rest: Int, level: Level) -> WorkoutPlan.Item {
        let dosage = exercise.dosage
        var reps: Int?
        var seconds: Int?
        if let range = dosage.reps {
            switch level {
            case .beginner: reps = range.lowerBound
            case .intermediate: reps = (range.lowerBound + range.upperBound + 1) / 2
            case .advanced: reps = range.upperBound
            }
        } else {
            seconds = min(dosage.seconds ?? 30, 60)
        }
        return WorkoutPlan.Item(
            exercise: exercise.id, name: exercise.name, equipment: way.equipment, sets: sets, reps: reps, seconds: seconds,
            restSeconds: rest, perSide: dosage.perSide, isWarmUp: false, note: nil)
    }
}

extension WorkoutTimer {
    /// The total with the main items' rest set to `rest`.
    func total(withRest rest: Int, _ items: [WorkoutPlan.Item], _ main: Range<Int>) -> Double {
        var copy = items
        for index in main where index < copy.count { copy[index].restSeconds = rest }
        return total(copy)
    }
}
