import CoachModel
import Foundation

/// Coaching from the training log, by the rules of `progress.yaml`: whether to rest or train
/// more often, and per exercise whether to move up a band, add weight, make it harder another
/// way, repeat what was skipped, or stay where you are. Every figure comes from the log.
public struct ProgressAdvisor: Sendable {
    public let knowledge: KnowledgeBase
    public var calendar: Calendar

    public init(knowledge: KnowledgeBase, calendar: Calendar = .current) {
        self.knowledge = knowledge
        self.calendar = calendar
    }

    /// One piece of advice, with the figures from the log that led to it.
    public struct Advice: Hashable, Sendable {
        public var rule: ProgressRule
        public var exercise: ExerciseID?
        /// The top of the range: reps, or seconds for a hold (`topIsSeconds`).
        public var top: Int?
        public var topIsSeconds = false
        /// Sessions the rule looked at (at the top of the range, or needed there).
        public var sessions: Int?
        public var load: String?
        public var nextLoad: String?
        public var skipped: Int?
        /// Sessions in the last seven days, and the target, for `trainMoreOften`.
        public var count: Int?
        public var target: Int?
        /// When the last session started, for `rest`.
        public var last: Date?
    }

    /// One session's work on one exercise, for progress over time.
    public struct Point: Hashable, Sendable {
        public var date: Date
        public var sets: Int
        /// The most reps in a set (nil for holds).
        public var bestReps: Int?
        public var totalReps: Int
        public var bestSeconds: Int?
        public var load: String?
        /// Reps done in all (seconds for a hold): what the chart draws.
        public var amount: Int { bestReps == nil ? (bestSeconds ?? 0) * sets : totalReps }
    }

    // MARK: The whole log

    /// Advice for the next session: rest or train more often, then one piece for each exercise
    /// of the last session (at most `limit`).
    public func nextSession(from log: TrainingLog, now: Date, limit: Int = 4) -> [Advice] {
        var advice: [Advice] = []
        let rules = knowledge.progress
        if let last = log.sessions.last(where: { $0.started <= now }),
            now.timeIntervalSince(last.started) < Double(rules.restHours) * 3_600
        {
            advice.append(Advice(rule: .rest, last: last.started))
        }
        let week = sessionDays(in: log, since: now.addingTimeInterval(-7 * 86_400), until: now)
        if week < rules.sessionsPerWeek, advice.isEmpty {
            advice.append(Advice(rule: .trainMoreOften, count: week, target: rules.sessionsPerWeek))
        }
        let recent = log.sessions.last?.exercises ?? []
        for exercise in recent.prefix(limit) {
            if let next = self.advice(for: exercise, in: log) { advice.append(next) }
        }
        return advice
    }

    /// Days with at least one session from `start` up to `end`.
    public func sessionDays(in log: TrainingLog, since start: Date, until end: Date) -> Int {
        Set(
            log.sessions.filter { $0.started >= start && $0.started <= end && !$0.doneSets.isEmpty }.map {
                calendar.startOfDay(for: $0.started)
            }
        ).count
    }

    // MARK: One exercise

    /// What to do next time on `exercise`, from its sessions in the log; nil when it has none.
    public func advice(for id: ExerciseID, in log: TrainingLog) -> Advice? {
        let sessions = log.sessions(with: id)
        guard let last = sessions.last else { return nil }
        let rules = knowledge.progress
        let lastSets = last.sets.filter { $0.exercise == id }
        let skipped = lastSets.filter { !$0.done }.count
        if skipped > 0 {
            return Advice(rule: .repeatSkipped, exercise: id, skipped: skipped)
        }
        let (top, isSeconds) = self.top(of: id, sets: lastSets)
        let load = lastSets.last?.load
        guard let top else { return nil }
        let needed = rules.sessionsAtTop
        let recent = sessions.suffix(needed)
        let atTop =
            recent.count == needed
            && recent.allSatisfy { session in
                let sets = session.sets.filter { $0.exercise == id && $0.done }
                return !sets.isEmpty && sets.allSatisfy { reached(top, isSeconds: isSeconds, $0) }
                    && sets.last?.load == load
            }
        var advice = Advice(
            rule: .stayAtLoad, exercise: id, top: top, topIsSeconds: isSeconds, sessions: needed, load: load)
        guard atTop else { return advice }
        if let load, let level = rules.bandLevel(ofLoad: load) {
            if let next = rules.bandLevel(after: level) {
                advice.rule = .nextBand
                advice.load = level.id
                advice.nextLoad = next.id
            } else {
                advice.rule = .harderWithoutLoad
            }
        } else if let load, load.first?.isNumber == true {
            advice.rule = .moreWeight
        } else {
            advice.rule = .harderWithoutLoad
        }
        return advice
    }

    /// Its work per session, oldest first.
    public func progress(of id: ExerciseID, in log: TrainingLog) -> [Point] {
        log.sessions(with: id).map { session in
            let sets = session.sets.filter { $0.exercise == id && $0.done }
            let reps = sets.compactMap(\.reps)
            return Point(
                date: session.started, sets: sets.count, bestReps: reps.max(), totalReps: reps.reduce(0, +),
                bestSeconds: sets.compactMap(\.seconds).max(), load: sets.last?.load)
        }
    }

    /// The top of the range for the exercise: its reps, else its hold, else what was logged.
    private func top(of id: ExerciseID, sets: [LoggedSet]) -> (Int?, Bool) {
        let dosage = knowledge.exercise(id)?.dosage
        if sets.contains(where: { $0.reps != nil }) {
            return (dosage?.reps?.upperBound ?? sets.compactMap(\.reps).max(), false)
        }
        if sets.contains(where: { $0.seconds != nil }) {
            return (dosage?.seconds ?? sets.compactMap(\.seconds).max(), true)
        }
        return (nil, false)
    }

    private func reached(_ top: Int, isSeconds: Bool, _ set: LoggedSet) -> Bool {
        isSeconds ? (set.seconds ?? 0) >= top : (set.reps ?? 0) >= top
    }
}
