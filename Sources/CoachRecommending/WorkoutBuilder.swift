import CoachModel

/// Builds a workout that fits the minutes, the equipment and the level: a short warm-up, then a
/// main block that balances the pulling patterns and leans toward the focus. Rest between sets
/// is the slack that makes the estimate land on the minutes asked.
public struct WorkoutBuilder: Sendable {
    let knowledge: KnowledgeBase
    private let timer: WorkoutTimer

    /// The shortest and longest workouts coach builds.
    public static let minutesRange = 3...60
    /// The most sets of a move in a gentler session (`WorkoutRequest.gentler`).
    static let gentlerSets = 2
    /// How far past the level's shortest rest a denser session's rest may go (seconds).
    static let denserRestSpread = 15
    /// Where a workout's estimate should land for `target` seconds: within 10% of it, and never
    /// more than a minute over.
    public static func window(forSeconds target: Double) -> ClosedRange<Double> {
        (target * 0.9)...min(target * 1.1, target + 60)
    }

    /// How many stretches a cool-down holds, when one is asked for.
    static let coolDownMoves = 1
    /// The most main exercises a workout is chosen from.
    static let longestQueue = 64
    /// Main-block patterns in the order a balanced session visits them.
    package static let patternOrder: [MovementPattern] = [
        .horizontalPull, .rearDeltScapular, .verticalPull, .spinalExtension, .shoulderRaise, .hinge,
    ]

    /// Muscles and equipment as numbers, worked out once: every workout weighs every exercise.
    private let index: ExerciseIndex

    public init(knowledge: KnowledgeBase) {
        self.init(knowledge: knowledge, index: ExerciseIndex(knowledge: knowledge))
    }

    package init(knowledge: KnowledgeBase, index: ExerciseIndex) {
        self.knowledge = knowledge
        self.index = index
        timer = WorkoutTimer(model: knowledge.timeModel)
    }

    public func build(_ request: WorkoutRequest) -> WorkoutPlan? {
        let minutes = min(max(request.minutes, Self.minutesRange.lowerBound), Self.minutesRange.upperBound)
        var target = Double(minutes * 60)
        var random = SeededRandom(seed: request.seed)
        // Candidates are positions of exercises and ways in the knowledge base, not copies: with a
        // large knowledge base, copying exercises around cost more than choosing among them.
        let exercises = knowledge.exercises
        let availability = index.coded(request.availability)
        let preferred = index.equipment(request.preferred)
        // Past the beginner stage, or at a gym, the main work uses kit whose load keeps going up
        // (a cable face pull over a band one, a row with dumbbells over a floor move).
        let atGym = availability.have?.intersects(index.gymKit) ?? false
        let progressive = request.level > .beginner || atGym ? index.progressiveKit : BitSet([])
        let included = Set(request.include)
        // Upper back work only: a main muscle of the upper back (not the front raise, not the
        // pullover, whose main muscle is the chest), unless asked for by name.
        /// The exercises this request may use, each by its first way it allows (learning drills
        /// only with `drills`).
        func candidates(drills: Bool) -> [(exercise: Int, way: Int)] {
            exercises.indices.compactMap { position in
                guard
                    exercises[position].pattern == .mobility
                        || knowledge.worksUpperBack(exercises[position]) || included.contains(exercises[position].id),
                    !request.exclude.contains(exercises[position].id),
                    // (One asked for by name is done at its own level when that is higher: "add
                    // deadlifts too" to a beginner's plan puts the deadlift in, not "did not fit".)
                    let way = drills
                        ? index.firstWay(of: position, availability, level: request.level, drills: true)
                        : index.firstWay(
                            of: position, availability,
                            level: included.contains(exercises[position].id)
                                ? max(request.level, exercises[position].level) : request.level,
                            preferring: [preferred, progressive])
                else { return nil }
                return (position, way)
            }
        }
        var usable = candidates(drills: false)
        // (A plan of warm-ups alone is no workout: with nothing for the main block, there is none.)
        guard usable.contains(where: { exercises[$0.exercise].pattern != .mobility }) else { return nil }

        let warmUpCount = request.warmUp ? knowledge.timeModel.warmUpMoves(forMinutes: minutes) : 0
        // Warm-ups: mobility and light shoulder-blade moves that need no equipment; a learning
        // drill ("with empty hands") is a fine warm-up, though never main work.
        let warmUpCandidates = candidates(drills: true).filter { position, way in
            let pattern = exercises[position].pattern
            return !included.contains(exercises[position].id)
                && (pattern == .mobility || (pattern == .rearDeltScapular && exercises[position].level == .beginner))
                && exercises[position].ways[way].needs.isEmpty
        }
        .shuffled(using: &random)
        // (When pain or kit leaves too few moves for the main block, no warm-up uses one up: "my
        // wrist hurts, 15 minutes" got the cobra alone, as a circuit, once the snow angel and the
        // I-Y-T were taken as warm-ups. Fewer warm-ups, then.)
        let mainPool = Set(usable.filter { exercises[$0.exercise].pattern != .mobility }.map(\.exercise))
        let fewest = knowledge.timeModel.mainExercises(forMinutes: minutes).lowerBound
        // (Only when the pool can fill the block at all: one move left is no workout, warm-ups or
        // not; the caller says so and offers drills.)
        let scarce = mainPool.count - warmUpCount < fewest && mainPool.count >= max(fewest, 2)
        let outsideMain = warmUpCandidates.filter { !mainPool.contains($0.exercise) }
        // (But never none when there could be one: a workout still starts warm.)
        let warmUps =
            (scarce ? (outsideMain.isEmpty ? Array(warmUpCandidates.prefix(1)) : outsideMain) : warmUpCandidates)
            .prefix(warmUpCount)
        var items = warmUps.map {
            timedItem(
                exercises[$0.exercise], exercises[$0.exercise].ways[$0.way],
                seconds: knowledge.timeModel.warmUpSeconds, isWarmUp: true)
        }
        let warmUpIDs = Set(items.map(\.exercise))
        // The stretch asked for at the end: a mobility move that needs nothing (the same one as a
        // warm-up is fine: a short turn before, a longer hold after). Its time comes out of the
        // main work, so the whole still fits the minutes.
        let coolDown =
            request.coolDown
            ? candidates(drills: true).filter { position, way in
                exercises[position].pattern == .mobility && exercises[position].ways[way].needs.isEmpty
            }
            .prefix(Self.coolDownMoves)
            .map {
                timedItem(
                    exercises[$0.exercise], exercises[$0.exercise].ways[$0.way],
                    seconds: knowledge.timeModel.coolDownSeconds, isWarmUp: false)
            } : []
        let coolDownSeconds =
            coolDown.isEmpty ? 0 : timer.total(coolDown) + Double(knowledge.timeModel.changeoverSeconds)
        target = max(target - coolDownSeconds, target / 2)

        let focusMuscles = index.muscles(request.focus.map { knowledge.focusMuscles($0) } ?? [])
        // With a focus, keep to moves that train it, when there are enough of them.
        let trainsFocus = usable.filter { position, _ in index.entries[position].muscles.intersects(focusMuscles) }
        // The exercises asked for by name lead the main block, in the order asked, whatever
        // the focus.
        let asked = request.include.compactMap { id -> (exercise: Int, way: Int)? in
            guard let found = usable.first(where: { exercises[$0.exercise].id == id }) else { return nil }
            guard let level = request.includeLevel, level > request.level,
                // (Its own first way: the kit just named would pick the band-assisted pull-up.)
                let way = index.firstWay(of: found.exercise, availability, level: level, preferring: [])
            else { return found }
            return (found.exercise, way)
        }
        if !focusMuscles.isEmpty, trainsFocus.count >= 4 { usable = trainsFocus }
        // Main block: by pattern, best first (focus muscles score; the seed breaks ties).
        var byPattern: [MovementPattern: [(exercise: Int, way: Int, score: Double)]] = [:]
        for (position, way) in usable {
            let pattern = exercises[position].pattern
            guard pattern != .mobility, !warmUpIDs.contains(exercises[position].id),
                !included.contains(exercises[position].id)
            else { continue }
            var score = Double.random(in: 0..<1, using: &random)
            if index.uses(position, way: way, any: preferred) { score += 5 }  // the kit just named
            if index.uses(position, way: way, any: progressive) { score += 2 }
            // An advanced lifter gets the moves rated advanced first (a pull day with a bar has
            // pull-ups, not only the pulldown). (Intermediate moves are not pushed the same way:
            // the staples rated beginner, such as the face pull, suit that level as well.)
            if request.level == .advanced, exercises[position].level == .advanced { score += 1 }
            if !focusMuscles.isEmpty {
                if index.entries[position].primary.intersects(focusMuscles) {
                    score += 3
                } else if index.entries[position].secondary.intersects(focusMuscles) {
                    score += 1
                }
            }
            byPattern[pattern, default: []].append((position, way, score))
        }
        var lists = Self.patternOrder.map { pattern in (byPattern[pattern] ?? []).sorted { $0.score > $1.score } }
        if request.focus != nil {  // the focus leads: order patterns by their best score
            lists.sort { ($0.first?.score ?? -1) > ($1.first?.score ?? -1) }
        }
        // Round-robin over the patterns. NB: no workout comes near `longestQueue` main exercises
        // (the longest, an hour, holds about 30 at their usual sets and rest), so a large
        // knowledge base does not make every workout line up all of it.
        // (Past the beginner stage or at a gym, every pattern's moves with loadable kit come before
        // any floor or light band move: "full gym, a year in" got the mini-loop superman and the
        // snow angel in its main block while cable rows waited.)
        let loaded = { (entry: (exercise: Int, way: Int, score: Double)) in
            progressive.isEmpty || index.uses(entry.exercise, way: entry.way, any: progressive)
        }
        let queue =
            asked
            + RoundRobin.interleave(
                lists.map { list in list.filter(loaded).map { (exercise: $0.exercise, way: $0.way) } },
                limit: Self.longestQueue)
            + RoundRobin.interleave(
                lists.map { list in list.filter { !loaded($0) }.map { (exercise: $0.exercise, way: $0.way) } },
                limit: Self.longestQueue)

        let levelRange = knowledge.timeModel.restRange[request.level]
        let rest =
            request.denser
            ? levelRange?.lowerBound ?? 45 : knowledge.timeModel.restSeconds[request.level] ?? 60
        let sets =
            request.setsEach
            ?? min(knowledge.timeModel.sets[request.level] ?? 2, request.gentler ? Self.gentlerSets : .max)
        var remaining = queue.map {
            var item = mainItem(
                exercises[$0.exercise], exercises[$0.exercise].ways[$0.way], sets: sets, rest: rest,
                level: request.level)
            // (Fewer reps in more sets, or more in fewer: the reps and sets shaped as asked.)
            if let reps = item.reps, request.repStyle != .usual {
                let shaped = knowledge.timeModel.reps(reps, in: request.repStyle)
                item.reps = shaped.reps
                item.sets = min(max(1, item.sets + shaped.setsAdded), knowledge.timeModel.mostSets)
            }
            if let best = request.bestReps, item.reps != nil, included.contains(item.exercise) {
                item.reps = knowledge.timeModel.repsPerSet(ofBest: best)
            }
            if let setsEach = request.setsEach { item.sets = setsEach }
            return item
        }[...]
        // How many main exercises: the knowledge's range for this length, or the number asked for.
        let counts =
            request.exerciseCount.map { max(1, $0)...max(1, $0) }
            ?? knowledge.timeModel.mainExercises(forMinutes: minutes)
        if let count = request.exerciseCount {
            // A number of exercises was asked for: exactly those; sets, rounds and rest fit the time.
            items += remaining.prefix(max(1, count))
            remaining = []
        }
        while let next = remaining.first, items.count - warmUps.count < counts.upperBound {
            if timer.total(items + [next]) > target * 1.05, items.count - warmUps.count >= counts.lowerBound { break }
            items.append(next)
            remaining = remaining.dropFirst()
        }
        var restRange = levelRange ?? 15...max(rest * 2, 90)
        if request.denser { restRange = restRange.lowerBound...(restRange.lowerBound + Self.denserRestSpread) }
        var fitter = Fitter(
            timer: timer, target: target, restRange: restRange, warmUps: warmUps.count, mostExercises: counts.upperBound
        )
        fitter.usualRest = request.exerciseCount == nil ? rest : nil
        if request.gentler { (fitter.setsCap, fitter.roundsCap) = (Self.gentlerSets, 1) }
        if let setsEach = request.setsEach {
            (fitter.setsCap, fitter.setsFloor, fitter.roundsCap) = (setsEach, setsEach, 1)
        }
        fitter.fit(&items, remaining: &remaining)
        guard items.count > warmUps.count else { return nil }

        // What to get out: not what is always at hand (no equipment, a mat), which nobody has to say.
        let atHand = Set(knowledge.equipment.filter(\.atHand).map(\.id))
        let equipment = Array(Set(items.flatMap { $0.equipment.filter { !atHand.contains($0) } })).sorted()
        var plan = WorkoutPlan(
            title: "", minutes: minutes, rounds: fitter.rounds, items: items, routineID: nil,
            estimatedSeconds: Int((fitter.total(items) + coolDownSeconds).rounded()), equipment: equipment)
        plan.coolDown = coolDown
        return plan
    }

    /// A warm-up move, or a stretch held at the end: one timed set, its time split between the
    /// sides when it has two.
    private func timedItem(_ exercise: Exercise, _ way: ExerciseWay, seconds: Int, isWarmUp: Bool)
        -> WorkoutPlan.Item
    {
        WorkoutPlan.Item(
            exercise: exercise.id, name: Self.name(exercise, way, kitInName: knowledge.kitInName(of: exercise)),
            equipment: way.equipment, sets: 1, reps: nil,
            seconds: seconds / (exercise.dosage.perSide ? 2 : 1), restSeconds: 0,
            perSide: exercise.dosage.perSide, isWarmUp: isWarmUp, note: nil, loads: way.loads)
    }

    /// An exercise as a plan names it: with its way when the way is another move for the person
    /// (a level of its own, one side at a time when the exercise is not), or when the kit alone
    /// does not tell it from the usual way (the scapular push-up against a wall, not in a plank).
    /// (And when its kit is not the kit the name says: "Single-Arm Kettlebell Row, with a
    /// dumbbell", not a kettlebell row in a dumbbell's column.)
    static func name(_ exercise: Exercise, _ way: ExerciseWay, kitInName: Set<EquipmentID>) -> String {
        let otherLevel = way.level.map { $0 != exercise.level } == true
        let otherSide = (way.perSide ?? exercise.dosage.perSide) != exercise.dosage.perSide
        // (Lying down where the usual way stands: "Reverse Fly, chest down on an incline bench".)
        let lyingDown: Set<Lying> = [.faceDown, .onBack]
        let otherPosition =
            way.lying.map(lyingDown.contains) == true && exercise.ways.first?.lying.map(lyingDown.contains) != true
        let otherKit = !kitInName.isEmpty && kitInName.isDisjoint(with: way.equipment)
        return otherLevel || otherSide || otherPosition || otherKit || !isUsualWithItsKit(exercise, way)
            ? named(exercise, way) : exercise.name
    }

    /// Whether `way` is the first way of `exercise` with its kit, so the kit alone names it.
    public static func isUsualWithItsKit(_ exercise: Exercise, _ way: ExerciseWay) -> Bool {
        exercise.ways.first { $0.equipment == way.equipment }?.id == way.id
    }

    /// "Scapular Push-Up, against a wall": an exercise with its way; or what the way is called,
    /// when people have a name of its own for it ("Single-Arm Dumbbell Row").
    public static func named(_ exercise: Exercise, _ way: ExerciseWay) -> String {
        way.called ?? "\(exercise.name), \(way.name)"
    }

    private func mainItem(_ exercise: Exercise, _ way: ExerciseWay, sets: Int, rest: Int, level: Level)
        -> WorkoutPlan.Item
    {
        let dosage = exercise.dosage
        var reps: Int?
        var seconds: Int?
        if let range = dosage.reps {
            switch level {
            case .beginner: reps = range.lowerBound
            case .intermediate:
                // The middle of the range, as a round count (even, or the end it is nearest).
                let middle = Double(range.lowerBound + range.upperBound) / 2
                let even = Int((middle / 2).rounded(.toNearestOrAwayFromZero)) * 2
                reps = min(max(even, range.lowerBound), range.upperBound)
            case .advanced: reps = range.upperBound
            }
        } else {
            seconds = min(dosage.seconds ?? knowledge.timeModel.defaultHoldSeconds, 60)
        }
        // A way with a level of its own, or done one side at a time when the exercise is not, is
        // another move for the person: the plan names it.
        let perSide = way.perSide ?? dosage.perSide
        return WorkoutPlan.Item(
            exercise: exercise.id, name: Self.name(exercise, way, kitInName: knowledge.kitInName(of: exercise)),
            equipment: way.equipment, sets: sets, reps: reps,
            seconds: seconds,
            restSeconds: rest, perSide: perSide, isWarmUp: false, note: nil, loads: way.loads)
    }
}

/// Makes a workout's estimate land in its window: within 10% of the target and never more than
/// a minute over. Exercises, sets and rounds (the main block done again, as a circuit) are the
/// coarse controls; rest between sets, 5 s at a time and item by item, is the fine one.
struct Fitter {
    let timer: WorkoutTimer
    let target: Double
    let restRange: ClosedRange<Int>
    var warmUps: Int
    /// How many times the main block is done.
    var rounds = 1
    /// The most sets of one exercise and rounds of the block (`most_sets`, `most_rounds`).
    var maximumSets: Int { min(timer.model.mostSets, setsCap ?? .max) }
    var maximumRounds: Int { min(timer.model.mostRounds, roundsCap ?? .max) }
    /// Lower limits on sets and rounds, for a gentler session.
    var setsCap: Int?
    var roundsCap: Int?
    /// The fewest sets of one exercise, when a number of sets was asked for: the time is then
    /// fitted with exercises and rest, not by taking sets away.
    var setsFloor: Int?

    /// The most main exercises the workout should have (more only when nothing else fills it).
    let mostExercises: Int
    /// The level's usual rest between sets: rest stretched well past it to fill the minutes is
    /// traded for one more exercise when that fits (`preferMovesToRest`).
    var usualRest: Int?

    init(timer: WorkoutTimer, target: Double, restRange: ClosedRange<Int>, warmUps: Int, mostExercises: Int = .max) {
        self.timer = timer
        self.target = target
        self.restRange = restRange
        self.warmUps = warmUps
        self.mostExercises = mostExercises
    }

    /// The estimate: warm-ups once, the main block once per round, a changeover between rounds.
    func total(_ items: [WorkoutPlan.Item], rest: Int? = nil) -> Double {
        var main = Array(items[min(warmUps, items.count)...])
        if let rest { for index in main.indices { main[index].restSeconds = rest } }
        let warmUp = timer.total(Array(items.prefix(warmUps)))
        let changeover = Double(timer.model.changeoverSeconds)
        let block = timer.total(main)
        return warmUp + (warmUps > 0 && !main.isEmpty ? changeover : 0) + Double(rounds) * block
            + Double(rounds - 1) * changeover
    }

    var upper: Double { WorkoutBuilder.window(forSeconds: target).upperBound }
    var lower: Double { WorkoutBuilder.window(forSeconds: target).lowerBound }

    mutating func fit(_ items: inout [WorkoutPlan.Item], remaining: inout ArraySlice<WorkoutPlan.Item>) {
        for _ in 0..<3 {
            shorten(&items)
            lengthen(&items, remaining: &remaining)
        }
        // Lengthening measures at the longest rest and shortening at the shortest: ending on a
        // shortening keeps a short workout from landing over its time at the shortest rest.
        shorten(&items)
        if !fits(items) { reshape(&items) }
        evenRest(&items)
        preferMovesToRest(&items, remaining: &remaining)
        tune(&items)
    }

    /// The same rest after every set, the one that lands the estimate nearest the target.
    private func evenRest(_ items: inout [WorkoutPlan.Item]) {
        let main = warmUps..<items.count
        let rests = main.reduce(0) { $0 + timer.restCount(items[$1]) } * rounds
        guard rests > 0 else { return }
        let work = total(items, rest: 0)
        let even = Int(((target - work) / Double(rests) / 5).rounded()) * 5
        let chosen = min(max(even, restRange.lowerBound), restRange.upperBound)
        for index in main { items[index].restSeconds = chosen }
    }

    /// Rest stretched well past the level's usual to fill the minutes (a 10-minute plan of two
    /// moves at 70 s): a coach would rather add a move and do a set fewer of the others, at about
    /// the usual rest. Taken when that shape lands in the window; otherwise the plan stays.
    private func preferMovesToRest(_ items: inout [WorkoutPlan.Item], remaining: inout ArraySlice<WorkoutPlan.Item>) {
        guard let usualRest, setsFloor == nil, rounds == 1, let rest = items.last?.restSeconds, rest >= usualRest + 15,
            items.count > warmUps, items.count - warmUps < mostExercises, let next = remaining.first
        else { return }
        var candidate = items + [next]
        let main = warmUps..<candidate.count
        let leastSets = min(2, candidate[warmUps...].map(\.sets).min() ?? 2)
        while total(candidate, rest: usualRest) > upper,
            let index = main.filter({ candidate[$0].sets > leastSets }).max(by: {
                candidate[$0].sets < candidate[$1].sets
            })
        {
            candidate[index].sets -= 1
        }
        guard total(candidate, rest: usualRest) <= upper, total(candidate, rest: restRange.upperBound) >= lower else {
            return
        }
        items = candidate
        remaining = remaining.dropFirst()
        evenRest(&items)
    }

    /// Whether some rest within the range puts the estimate inside the window.
    private func fits(_ items: [WorkoutPlan.Item]) -> Bool {
        total(items, rest: restRange.lowerBound) <= upper && total(items, rest: restRange.upperBound) >= lower
    }

    /// When sets and exercises added and taken one at a time miss the window (a short workout: one
    /// more set overshoots, one fewer falls short), tries fewer exercises with one more set on
    /// each in turn, and keeps the first shape that fits.
    private func reshape(_ items: inout [WorkoutPlan.Item]) {
        let main = items.count - warmUps
        guard main > 1 else { return }
        for dropped in 0..<main {
            var candidate = Array(items.prefix(items.count - dropped))
            for index in warmUps..<candidate.count where candidate[index].sets < maximumSets {
                candidate[index].sets += 1
                if fits(candidate) {
                    items = candidate
                    return
                }
            }
            if fits(candidate) {
                items = candidate
                return
            }
        }
    }

    /// Too long even at the shortest rest: fewer sets, then fewer exercises, then no warm-up.
    private mutating func shorten(_ items: inout [WorkoutPlan.Item]) {
        while total(items, rest: restRange.lowerBound) > upper {
            let main = warmUps..<items.count
            if rounds > 1 {
                rounds -= 1
            } else if let index = main.filter({ items[$0].sets > (setsFloor ?? 1) }).max(by: {
                items[$0].sets < items[$1].sets
            }) {
                items[index].sets -= 1
            } else if items.count > warmUps + 1 {
                items.removeLast()
            } else if warmUps > 0 {
                items.removeFirst()
                warmUps -= 1
            } else {
                return
            }
        }
    }

    /// Too short even at the longest rest: more exercises, then more sets, then another round.
    private mutating func lengthen(_ items: inout [WorkoutPlan.Item], remaining: inout ArraySlice<WorkoutPlan.Item>) {
        // A coach fills time with exercises up to a sensible number, then sets, then rounds; more
        // exercises past that number only when nothing else is left.
        while total(items, rest: restRange.upperBound) < lower {
            if let next = remaining.first, items.count - warmUps < mostExercises {
                items.append(next)
                remaining = remaining.dropFirst()
            } else if let index = (warmUps..<items.count).filter({ items[$0].sets < maximumSets })
                .min(by: { items[$0].sets < items[$1].sets })
            {
                items[index].sets += 1
            } else if rounds < maximumRounds, items.count > warmUps {
                // Every move at its most sets: do the block again as a circuit, with fewer sets a round.
                rounds += 1
                for index in warmUps..<items.count {
                    items[index].sets = max(2, items[index].sets * (rounds - 1) / rounds)
                }
            } else if let next = remaining.first {
                items.append(next)
                remaining = remaining.dropFirst()
            } else {
                return
            }
        }
    }

    /// Moves single rests by 5 s until the estimate is in the window (or nothing can move).
    private func tune(_ items: inout [WorkoutPlan.Item]) {
        for _ in 0..<1000 {
            let total = total(items)
            let main = (warmUps..<items.count).filter { timer.restCount(items[$0]) > 0 }
            if total > upper, let index = main.filter({ items[$0].restSeconds - 5 >= restRange.lowerBound }).last {
                items[index].restSeconds -= 5
            } else if total < lower,
                let index = main.filter({ items[$0].restSeconds + 5 <= restRange.upperBound }).first
            {
                items[index].restSeconds += 5
            } else {
                return
            }
        }
    }
}
