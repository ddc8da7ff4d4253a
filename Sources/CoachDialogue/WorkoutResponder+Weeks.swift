import CoachModel
import CoachRecommending
import CoachUnderstanding

/// A workout carried over several weeks ("4 week plan for upper back, trying to fix rounded
/// shoulders"): the session, then what each week asks of each move (`ProgramWeeks`).
extension WorkoutResponder {
    /// How many weeks a line asks a program to span, at most the weeks a table holds: a count and
    /// a week word (`week-unit`) with a plan noun just after ("a 4 week plan", "6-week
    /// program"), or after a word of time to come ("for the next six weeks"); a month counts four
    /// weeks ("a month long plan"). Nil when it says none: "been training 4 weeks, what should my
    /// plan be" says how long they have trained.
    func weeksAsked(_ turn: Turn) -> Int? {
        let tokens = turn.understanding.words
        let language = knowledge.language
        let weekWords = Set(language.words(.weekUnit).map(TextNormalizer.stem))
        let monthWords = Set(language.words(.monthUnit).map(TextNormalizer.stem))
        let planNouns = Set(language.words(.planNoun).filter { !$0.contains(" ") }.map(TextNormalizer.stem))
        let ahead = Set(language.words(.timeAhead).map(TextNormalizer.stem))
        for index in tokens.indices.dropFirst() {
            let unit = tokens[index]
            let perUnit = weekWords.contains(unit) ? 1 : monthWords.contains(unit) ? Self.weeksInAMonth : nil
            guard let perUnit, let count = Int(tokens[index - 1]) ?? language.numbers[tokens[index - 1]]
            else { continue }
            let after = tokens[(index + 1)..<min(tokens.count, index + 3)]
            let before = tokens[max(0, index - 3)..<(index - 1)]
            guard after.contains(where: planNouns.contains) || before.contains(where: ahead.contains) else { continue }
            // (Longer than the table holds: its weeks, whose last line says to go on the same way.)
            let weeks = count * perUnit
            return weeks >= ProgramWeeks.weeksRange.lowerBound ? min(weeks, ProgramWeeks.weeksRange.upperBound) : nil
        }
        return nil
    }

    /// Weeks in a month, for "a 2 month program".
    static let weeksInAMonth = 4

    /// What each week asks of each main move of `plan`, as a table (a column a week), with a line
    /// on what changes each week and how to add load.
    func programBlock(_ plan: WorkoutPlan, weeks: Int, into draft: inout ReplyDraft) {
        let program = ProgramWeeks(plan, weeks: weeks, knowledge: knowledge)
        guard !program.rows.isEmpty else { return }
        draft.add(.heading(say(.programHeading, ["weeks": "\(program.steps.count)"])))
        let exercise = say(.workoutTableHeader).split(separator: "|").first.map(String.init) ?? ""
        let header = [exercise] + program.steps.indices.map { say(.programWeek, ["week": "\($0 + 1)"]) }
        let rows = program.rows.map { row in
            [row.perSide ? say(.programEachSide, ["name": row.name]) : row.name]
                + row.weeks.map { dose in dosed(dose) }
        }
        draft.add(.table([header] + rows))
        draft.add(.paragraph(say(.programSteps)))
        // (The steps are the team's; the principle, adding a little at a time, is the articles'.)
        if let principle = knowledge.topic(answering: .progression)?.answer.first { draft.cite(principle.source) }
    }

    /// "3 x 10", "3 x 30 s", with "+" for a week of more load.
    private func dosed(_ dose: ProgramWeeks.Dose) -> String {
        let amount = dose.reps.map { "\($0)" } ?? dose.seconds.map { "\($0) s" } ?? ""
        return "\(dose.sets) x \(amount)" + (dose.moreLoad ? "+" : "")
    }
}
