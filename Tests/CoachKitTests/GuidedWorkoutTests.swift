import CoachEvaluation
import CoachLoading
import CoachModel
import CoachRecommending
import CoachRendering
import CoachSnapshot
import CoachStorage
import CoachUnderstanding
import Testing

@testable import CoachDialogue

/// Guided mode with a fake terminal whose clock runs instantly: keys are scripted, and every
/// second a countdown waits passes at once.
struct GuidedWorkoutTests {
    /// Answers each wait with the next scripted key, or lets the time pass (nil) when the script
    /// has `nil` or has run out; `interruptAfter` simulates Ctrl-C after that many waits.
    struct FakeTerminal: GuideTerminal {
        var keys: [GuideKey?]
        var interruptAfter: Int?
        /// When the script has run out: press Enter whenever a set of reps asks for it, and let
        /// every countdown run (a person doing the whole workout).
        var autoEnter = false
        var waits = 0
        var secondsWaited = 0.0
        var lines: [String] = []
        var interrupted: Bool { interruptAfter.map { waits >= $0 } ?? false }
        var secondsElapsed: Double { secondsWaited }
        var canRedraw = true

        mutating func key(within seconds: Double) -> GuideKey? {
            waits += 1
            if keys.isEmpty, autoEnter, lines.last?.contains("Press Enter") == true { return .enter }
            let next = keys.isEmpty ? nil : keys.removeFirst()
            if next == nil { secondsWaited += seconds }
            return next
        }

        mutating func show(_ text: String, replacingLine: Bool) {
            if replacingLine, let last = lines.last, last.contains("[") {
                lines[lines.count - 1] = text
            } else {
                lines.append(text)
            }
        }
    }

    let knowledge = Fixtures.knowledge

    func plan() throws -> WorkoutPlan {
        let request = WorkoutRequest(
            minutes: 8, availability: Availability(have: ["resistance-band"]), level: .beginner, focus: nil, seed: 1)
        return try #require(WorkoutBuilder(knowledge: knowledge).build(request))
    }

    @Test func completesWithEnterAndTimedCountdowns() throws {
        let plan = try plan()
        // Enter for every set of reps; timed sets, rests and changeovers just run out.
        var terminal = FakeTerminal(keys: [], autoEnter: true)
        let summary = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &terminal)
        #expect(!summary.stopped)
        #expect(summary.setsTotal == plan.items.reduce(0) { $0 + $1.sets })
        #expect(summary.setsDone == summary.setsTotal)
        #expect(terminal.lines.contains { $0.hasPrefix("Workout done:") })
        #expect(terminal.lines.contains { $0.contains("[####################] 0 s") }, "a countdown ran to the end")
        let firstExercise = try #require(plan.items.first)
        #expect(terminal.lines.contains { $0.contains(firstExercise.name) })
        // Between exercises there is a changeover that names the next move.
        let second = try #require(plan.items.dropFirst().first)
        #expect(terminal.lines.contains { $0.hasPrefix("Next: \(second.name)") })
        // The summary's time is the clock's, rests and changeovers included.
        #expect(summary.secondsSpent == Int(terminal.secondsWaited))
        #expect(terminal.lines.last?.contains("\(summary.secondsSpent / 60) min") == true)
    }

    /// A stretch asked for at the end is guided last, after the main work, as a timed hold.
    @Test func theCoolDownStretchIsGuidedLast() throws {
        var request = WorkoutRequest(
            minutes: 12, availability: Availability(have: ["resistance-band"]), level: .beginner, focus: nil, seed: 1)
        request.coolDown = true
        let plan = try #require(WorkoutBuilder(knowledge: knowledge).build(request))
        let stretch = try #require(plan.coolDown.first)
        var terminal = FakeTerminal(keys: [], autoEnter: true)
        let summary = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &terminal)
        #expect(summary.setsDone == (plan.items + plan.coolDown).reduce(0) { $0 + $1.sets })
        let lastMain = try #require(plan.items.last)
        let stretchLine = try #require(terminal.lines.lastIndex { $0.contains(stretch.name) })
        let mainLine = try #require(terminal.lines.lastIndex { $0.contains(lastMain.name) })
        #expect(stretchLine > mainLine)
        #expect(summary.sets.last?.exercise == stretch.exercise)
    }

    /// The 6-minute routine: two rounds with the article's 30 s rest between them, and each
    /// set's details as the routine writes them.
    @Test func theRoutineRestsBetweenRoundsAndKeepsItsDetails() throws {
        let reply = Fixtures.converse(["6 minute band workout"])[0]
        let plan = try #require(reply.routine)
        #expect(plan.rounds == 2)
        var terminal = FakeTerminal(keys: [], autoEnter: true)
        let summary = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &terminal)
        #expect(!summary.stopped)
        let rests = terminal.lines.filter { $0.hasPrefix("Rest [####################] 0 s") }
        #expect(rests.count == 1, "one 30 s rest between the two rounds: \(rests.count)")
        #expect(terminal.lines.contains { $0.contains("10 with an overhand grip") }, "set details shown")
        #expect(terminal.secondsWaited >= 30)
    }

    /// Stopped from the shell (`coach workout --guide`), the last line does not send the person
    /// back to a chat they are not in.
    @Test func stoppingFromTheShellSaysNothingOfTheChat() throws {
        var terminal = FakeTerminal(keys: [.quit])
        _ = GuidedWorkout(plan: try plan(), knowledge: knowledge, place: .shell).run(on: &terminal)
        #expect(terminal.lines.last?.hasPrefix("Stopped.") == true)
        #expect(terminal.lines.last?.contains("chat") == false)
    }

    @Test func skipMovesOnAndCounts() throws {
        let plan = try plan()
        var terminal = FakeTerminal(keys: Array(repeating: .skip, count: 500))
        let summary = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &terminal)
        #expect(!summary.stopped)
        #expect(summary.setsSkipped > 0)
        #expect(terminal.secondsWaited == 0, "skipping never waits")
    }

    /// Enter during a timed set ends it early as done, logged for the seconds it lasted; Enter
    /// before any of it has passed skips it.
    @Test func enterEndsAHoldEarlyAsDone() throws {
        let plan = try plan()
        guard let first = plan.items.first, let planned = first.seconds, planned > 3 else {
            Issue.record("the plan should start with a timed move")
            return
        }
        // Two seconds pass, then Enter.
        var early = FakeTerminal(keys: [nil, nil, .enter, .quit])
        let summary = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &early)
        #expect(summary.setsDone == 1)
        #expect(summary.sets.first?.done == true)
        #expect(summary.sets.first?.seconds == 2 / (first.perSide ? 2 : 1) || summary.sets.first?.seconds == 1)
        var atOnce = FakeTerminal(keys: [.enter, .quit])
        let skipped = GuidedWorkout(plan: plan, knowledge: knowledge).run(on: &atOnce)
        #expect(skipped.setsSkipped == 1 && skipped.sets.first?.done == false)
    }

    @Test func quitStopsAtOnce() throws {
        var terminal = FakeTerminal(keys: [.quit])
        let summary = GuidedWorkout(plan: try plan(), knowledge: knowledge).run(on: &terminal)
        #expect(summary.stopped)
        #expect(summary.setsDone == 0)
        #expect(terminal.lines.last?.hasPrefix("Stopped.") == true)
    }

    @Test func controlCStopsAndReturns() throws {
        var terminal = FakeTerminal(keys: [], interruptAfter: 3)
        let summary = GuidedWorkout(plan: try plan(), knowledge: knowledge).run(on: &terminal)
        #expect(summary.stopped)
        #expect(terminal.waits <= 4)
    }

    /// Into a file or with TERM=dumb, a countdown is one plain line, never redrawn in place.
    @Test func withoutRedrawCountdownsArePlainLines() throws {
        var terminal = FakeTerminal(keys: [], autoEnter: true)
        terminal.canRedraw = false
        let summary = GuidedWorkout(plan: try plan(), knowledge: knowledge).run(on: &terminal)
        #expect(!summary.stopped)
        #expect(!terminal.lines.contains { $0.contains("[") }, "no progress bar")
        #expect(terminal.lines.contains { $0.hasPrefix("Rest ") && $0.hasSuffix(" s") })
    }

    @Test func progressBar() {
        #expect(GuidedWorkout.bar(done: 0, of: 30) == "[--------------------]")
        #expect(GuidedWorkout.bar(done: 15, of: 30) == "[##########----------]")
        #expect(GuidedWorkout.bar(done: 30, of: 30) == "[####################]")
        // A countdown redrawn in place fits one line, or each second leaves a line behind
        // (issue 17: below about 40 columns): the bar goes first, then the label is cut.
        #expect(
            GuidedWorkout.countdown("Set 1 of 3", done: 6, of: 30, width: 80)
                == "Set 1 of 3 [####----------------] 24 s")
        #expect(GuidedWorkout.countdown("Set 1 of 3", done: 6, of: 30, width: 30) == "Set 1 of 3 24 s")
        #expect(GuidedWorkout.countdown("Rest before set 2", done: 6, of: 30, width: 12) == "Rest b 24 s")
        for width in 8...100 {
            #expect(
                GuidedWorkout.countdown("Rest before set 2 of 3", done: 1, of: 90, width: width).count < max(width, 8))
        }
    }

    @Test func startAfterAWorkoutAsksForGuidance() throws {
        var session = ChatSession(coach: Fixtures.coach)
        let before = try #require(session.handle("start").reply)
        #expect(before.text.contains("no workout to start yet"))
        _ = session.handle("10 minutes with a band")
        guard case let .guide(plan, fallback) = session.handle("start") else {
            Issue.record("'start' after a workout did not ask for guided mode")
            return
        }
        #expect(plan.minutes == 10)
        #expect(fallback.text.contains("needs a terminal"))
    }
}
