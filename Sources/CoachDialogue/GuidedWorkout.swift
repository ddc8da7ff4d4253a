import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// What guided mode needs from a terminal: keys (waiting at most a given time, which is how the
/// clock advances), a line to show, and whether Ctrl-C was pressed. A test passes a fake that
/// answers at once, so a 20-minute workout is guided in microseconds.
public protocol GuideTerminal {
    /// The next key pressed within `seconds`, or nil when the time passed with none.
    mutating func key(within seconds: Double) -> GuideKey?
    /// Shows `text`; `replacingLine` redraws the current line (a countdown) instead of adding one.
    mutating func show(_ text: String, replacingLine: Bool)
    /// True once Ctrl-C has been pressed during the workout.
    var interrupted: Bool { get }
    /// Seconds since the workout began, by the terminal's clock (a test's clock runs instantly).
    var secondsElapsed: Double { get }
    /// Whether a line can be redrawn in place (a countdown): not into a file, not with TERM=dumb.
    var canRedraw: Bool { get }
    /// Columns: a countdown line redrawn in place must fit in one, or each redraw leaves a line.
    var width: Int { get }
}

extension GuideTerminal {
    public var canRedraw: Bool { true }
    public var width: Int { 80 }
}

/// Where a guided workout runs, which decides what its last line says.
public enum GuidePlace: Sendable {
    /// Inside the chat: stopping goes back to the chat's prompt.
    case chat
    /// From the shell (`coach workout --guide`): stopping ends coach.
    case shell
}

public enum GuideKey: Hashable, Sendable {
    case enter, skip, quit, other
}

/// Guides a person through a workout: one exercise at a time with its cues, a countdown with a
/// progress bar for timed sets and rests, Enter when a set of reps is done, `s` to skip, `q` or
/// Ctrl-C to stop, and a summary at the end.
public struct GuidedWorkout: Sendable {
    public let plan: WorkoutPlan
    public let knowledge: KnowledgeBase
    public let place: GuidePlace

    public init(plan: WorkoutPlan, knowledge: KnowledgeBase, place: GuidePlace = .chat) {
        self.plan = plan
        self.knowledge = knowledge
        self.place = place
    }

    public struct Summary: Hashable, Sendable {
        public var setsDone = 0
        public var setsSkipped = 0
        public var setsTotal = 0
        public var secondsTimed = 0
        /// Seconds from the start to the end, by the terminal's clock.
        public var secondsSpent = 0
        /// Rests taken between sets, exercises and rounds.
        public var restsTaken = 0
        public var stopped = false
        /// Every set done or skipped, in order, for the training log.
        public var sets: [LoggedSet] = []
        /// The plan's title.
        public var plan = ""
        /// When the guide began, by the wall clock.
        public var started = Date()

        /// The session for the training log, begun at `started`; nil when no set was reached.
        public func session(started: Date) -> LoggedSession? {
            guard !sets.isEmpty else { return nil }
            return LoggedSession(
                started: started, ended: started.addingTimeInterval(Double(secondsSpent)), source: .guided,
                plan: plan, sets: sets)
        }
    }

    private var say: Replies { knowledge.replies }

    /// Runs the workout on `terminal` and returns what was done.
    public func run(on terminal: inout some GuideTerminal) -> Summary {
        var summary = Summary()
        summary.plan = plan.title
        let rounds = max(1, plan.rounds)
        let warmUps = plan.items.filter(\.isWarmUp)
        let main = plan.items.filter { !$0.isWarmUp }
        let sequence =
            warmUps.map { ($0, 1) } + (1...rounds).flatMap { round in main.map { ($0, round) } }
            + plan.coolDown.map { ($0, 1) }
        summary.setsTotal = sequence.reduce(0) { $0 + $1.0.sets }
        terminal.show(say(.guideStart, ["title": plan.title, "sets": "\(summary.setsTotal)"]), replacingLine: false)
        for (position, (item, round)) in sequence.enumerated() {
            introduce(item, round: round, rounds: rounds, number: position + 1, of: sequence.count, on: &terminal)
            for set in 1...max(1, item.sets) {
                let way = knowledge.exercise(item.exercise)?.ways.first { Set($0.equipment) == Set(item.equipment) }
                var logged = LoggedSet(
                    exercise: item.exercise, way: way?.name, equipment: item.equipment, reps: item.reps,
                    seconds: item.seconds)
                let timedBefore = summary.secondsTimed
                switch doSet(item, set: set, on: &terminal, summary: &summary) {
                case .done:
                    summary.setsDone += 1
                    // A hold ended early with Enter is logged for the seconds it lasted.
                    if let planned = logged.seconds {
                        let held = summary.secondsTimed - timedBefore
                        logged.seconds = max(1, min(planned, held / (item.perSide ? 2 : 1)))
                    }
                    summary.sets.append(logged)
                case .skipped:
                    summary.setsSkipped += 1
                    var skipped = logged
                    skipped.done = false
                    summary.sets.append(skipped)
                case .stopped:
                    summary.stopped = true
                    finish(&summary, on: &terminal)
                    return summary
                }
                // Rest as the plan says: between sets, and after an item that ends a round of a
                // routine (its rest is the one between rounds); a changeover before the next move.
                guard let pause = pause(after: item, set: set, position: position, in: sequence) else { continue }
                if countdown(pause.seconds, label: pause.label, on: &terminal, summary: &summary) == .stopped {
                    summary.stopped = true
                    finish(&summary, on: &terminal)
                    return summary
                }
                summary.restsTaken += 1
            }
        }
        finish(&summary, on: &terminal)
        return summary
    }

    private enum Outcome { case done, skipped, stopped }

    /// The pause after a set: the rest between sets; after an exercise's last set, its rest when
    /// the plan puts one there (a routine's rest between rounds), else a changeover to the next
    /// move; nothing after the very last set.
    private func pause(
        after item: WorkoutPlan.Item, set: Int, position: Int, in sequence: [(WorkoutPlan.Item, Int)]
    ) -> (seconds: Int, label: String)? {
        if set < item.sets { return item.restSeconds > 0 ? (item.restSeconds, say(.guideRest)) : nil }
        guard position + 1 < sequence.count else { return nil }
        let next = sequence[position + 1].0
        if item.sets == 1, item.restSeconds > 0 { return (item.restSeconds, say(.guideRest)) }
        let changeover = knowledge.timeModel.changeoverSeconds
        return changeover > 0 ? (changeover, say(.guideNext, ["name": next.name])) : nil
    }

    private func introduce(
        _ item: WorkoutPlan.Item, round: Int, rounds: Int, number: Int, of count: Int,
        on terminal: inout some GuideTerminal
    ) {
        var heading = say(.guideExercise, ["number": "\(number)", "count": "\(count)", "name": item.name])
        if rounds > 1, !item.isWarmUp, !plan.coolDown.contains(item) {
            heading += " " + say(.guideRound, ["round": "\(round)", "rounds": "\(rounds)"])
        }
        terminal.show("", replacingLine: false)
        terminal.show(heading, replacingLine: false)
        for cue in knowledge.exercise(item.exercise)?.cues.prefix(2) ?? [] {
            terminal.show("  - " + cue.text, replacingLine: false)
        }
    }

    private func doSet(
        _ item: WorkoutPlan.Item, set: Int, on terminal: inout some GuideTerminal, summary: inout Summary
    ) -> Outcome {
        let side = item.perSide ? " " + say(.workoutPerSide) : ""
        if let seconds = item.seconds ?? (item.reps == nil ? knowledge.timeModel.defaultHoldSeconds : nil) {
            let label = say(.guideSetTimed, ["set": "\(set)", "sets": "\(item.sets)", "side": side])
            let outcome = countdown(seconds * (item.perSide ? 2 : 1), label: label, on: &terminal, summary: &summary)
            return outcome
        }
        let note = item.note.map { say(.guideSetNote, ["note": $0]) } ?? ""
        terminal.show(
            say(
                .guideSetReps,
                [
                    "set": "\(set)", "sets": "\(item.sets)", "reps": "\(item.reps ?? knowledge.timeModel.defaultReps)",
                    "side": side, "note": note,
                ]),
            replacingLine: false)
        while true {
            if terminal.interrupted { return .stopped }
            switch terminal.key(within: 60) {
            case .enter?: return .done
            case .skip?: return .skipped
            case .quit?: return .stopped
            default: if terminal.interrupted { return .stopped }
            }
        }
    }

    /// Counts `seconds` down with a progress bar; `s` or Enter ends it early, `q` or Ctrl-C stops.
    private func countdown(_ seconds: Int, label: String, on terminal: inout some GuideTerminal, summary: inout Summary)
        -> Outcome
    {
        // Where nothing can be redrawn, one line says how long, then the time passes quietly.
        if !terminal.canRedraw { terminal.show("\(label) \(seconds) s", replacingLine: false) }
        for remaining in stride(from: seconds, to: 0, by: -1) {
            if terminal.canRedraw {
                terminal.show(
                    Self.countdown(label, done: seconds - remaining, of: seconds, width: terminal.width),
                    replacingLine: true)
            }
            if terminal.interrupted { return .stopped }
            switch terminal.key(within: 1) {
            case .quit?: return .stopped
            // Enter ends it early as done (a hold cut short, a rest cut short), unless nothing of
            // it has passed yet; s skips it.
            case .enter?:
                endCountdown(label, seconds, on: &terminal)
                return remaining == seconds ? .skipped : .done
            case .skip?:
                endCountdown(label, seconds, on: &terminal)
                return .skipped
            default:
                if terminal.interrupted { return .stopped }
                summary.secondsTimed += 1
            }
        }
        endCountdown(label, seconds, on: &terminal)
        return .done
    }

    /// The countdown's line shown full, then left behind (where lines can be redrawn).
    private func endCountdown(_ label: String, _ seconds: Int, on terminal: inout some GuideTerminal) {
        guard terminal.canRedraw else { return }
        terminal.show(Self.countdown(label, done: seconds, of: seconds, width: terminal.width), replacingLine: true)
        terminal.show("", replacingLine: false)
    }

    /// "Set 1 of 3 [####----------------] 24 s", kept under `width` columns: the bar goes first
    /// on a narrow terminal, then the label is cut, the seconds left always shown.
    static func countdown(_ label: String, done: Int, of total: Int, width: Int) -> String {
        let seconds = "\(total - done) s"
        let full = "\(label) \(bar(done: done, of: total)) \(seconds)"
        if full.count < width { return full }
        let short = "\(label) \(seconds)"
        if short.count < width { return short }
        return String(label.prefix(max(0, width - seconds.count - 2))) + " " + seconds
    }

    /// "[########------------]": `done` of `total`, 20 characters wide.
    static func bar(done: Int, of total: Int) -> String {
        let filled = total == 0 ? 20 : min(20, done * 20 / total)
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]"
    }

    private func finish(_ summary: inout Summary, on terminal: inout some GuideTerminal) {
        summary.secondsSpent = Int(terminal.secondsElapsed.rounded())
        let key =
            summary.stopped ? (place == .chat ? ReplyKey.guideStopped : ReplyKey.guideStoppedShell) : ReplyKey.guideDone
        terminal.show("", replacingLine: false)
        terminal.show(
            say(
                key,
                [
                    "done": "\(summary.setsDone)", "total": "\(summary.setsTotal)", "skipped": "\(summary.setsSkipped)",
                    "minutes": "\(summary.secondsSpent / 60)", "seconds": "\(summary.secondsSpent % 60)",
                ]), replacingLine: false)
    }
}
