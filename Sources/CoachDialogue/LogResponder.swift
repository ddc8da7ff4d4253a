import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// Answers from the training log: logs what someone says they did, and says what they did, how
/// often, whether an exercise is going up, and what to do next (by the rules of progress.yaml).
/// Every figure comes from the log in the conversation's state; the front end loads it and
/// stores what this responder hands it in `Reply.logged`.
struct LogResponder: Responder {
    let context: ResponderContext

    func respond(to turn: inout Turn, state: inout ConversationState, into draft: inout ReplyDraft) {
        guard let request = turn.understanding.log else { return }
        respond(to: request, state: &state, into: &draft, candidates: turn.understanding.exerciseCandidates)
    }

    /// The answer to `request`, from the log in `state`. `candidates` are the exercises a word
    /// fits when it fits several ("rows"): progress is shown for those in the log.
    func respond(
        to request: LogRequest, state: inout ConversationState, into draft: inout ReplyDraft,
        candidates: [ExerciseID] = []
    ) {
        draft.ask = request.ask
        let now = state.now
        switch request {
        case let .entry(entry): log(entry, state: &state, now: now, into: &draft)
        case let .amend(change): amend(change, state: &state, into: &draft)
        case let .review(period): review(period, log: state.log, now: now, into: &draft)
        case let .frequency(period): frequency(period ?? .week, log: state.log, now: now, into: &draft)
        case let .progress(exercise?): progress(exercise, log: state.log, now: now, into: &draft)
        case .progress(nil):
            let logged = candidates.filter { !state.log.sessions(with: $0).isEmpty }
            if logged.isEmpty {
                progress(nil, log: state.log, now: now, into: &draft)
            } else {
                for exercise in logged.prefix(3) { progress(exercise, log: state.log, now: now, into: &draft) }
            }
        case .next: next(log: state.log, now: now, into: &draft)
        }
    }

    // MARK: Logging

    private func log(_ entry: LogEntryDraft, state: inout ConversationState, now: Date, into draft: inout ReplyDraft) {
        guard let id = entry.exercise, let exercise = knowledge.exercise(id) else { return }
        // The way done with the kit named ("with the medium band"), when one fits it.
        let way = entry.kit.isEmpty ? nil : exercise.ways.first { Set(entry.kit).isSubset(of: $0.equipment) }
        let set = LoggedSet(
            exercise: id, way: way?.name, equipment: way?.equipment ?? [], reps: entry.reps, seconds: entry.seconds,
            load: entry.load)
        let session = LoggedSession(
            started: now, ended: now, source: .chat, effort: entry.effort,
            sets: Array(repeating: set, count: entry.sets))
        guard state.log.isWritable else {
            draft.add(.paragraph(say(.logOff)))
            return
        }
        state.log.add(session)
        state.loggedHere = true
        draft.logged = session
        draft.add(
            .paragraph(
                say(
                    .logLogged,
                    [
                        "sets": sets(entry.sets, reps: entry.reps, seconds: entry.seconds), "exercise": exercise.name,
                        "load": entry.load.map(loadPhrase) ?? "", "when": say(.logWhenToday),
                    ])))
        if let advice = ProgressAdvisor(knowledge: knowledge).advice(for: id, in: state.log),
            advice.rule != .stayAtLoad
        {
            addAdvice([advice], now: now, into: &draft)
        }
    }

    /// "It felt hard", "I used the medium band": added to the last session logged here.
    private func amend(_ change: LogEntryDraft, state: inout ConversationState, into draft: inout ReplyDraft) {
        guard state.loggedHere, var session = state.log.sessions.last else {
            draft.add(.paragraph(say(.logAmendNothing)))
            return
        }
        var noted: [String] = []
        if let effort = change.effort {
            session.effort = effort
            noted.append(say(.logEffort, ["effort": effort]))
        }
        if let load = change.load {
            for index in session.sets.indices { session.sets[index].load = load }
            noted.append(loadPhrase(load).trimmingCharacters(in: .whitespaces))
        }
        state.log.sessions[state.log.sessions.count - 1] = session
        draft.amended = session
        draft.add(
            .paragraph(
                say(
                    .logAmended,
                    [
                        "session": session.id.map { " (" + say(.logSessionNumber, ["id": "\($0)"]) + ")" } ?? "",
                        "noted": noted.joined(separator: say(.joinList)),
                    ])))
    }

    // MARK: Reading the log

    private func review(_ period: LogPeriod?, log: TrainingLog, now: Date, into draft: inout ReplyDraft) {
        guard !log.sessions.isEmpty else { return draft.add(.paragraph(say(.logEmpty))) }
        guard let period else {
            draft.add(.heading(say(.logReviewAll)))
            draft.add(.bullets(log.sessions.suffix(20).map(summary)))
            return
        }
        let sessions = log.sessions(since: period.start(before: now))
        guard !sessions.isEmpty else {
            return draft.add(.paragraph(say(.logEmptyPeriod, ["period": name(period)])))
        }
        draft.add(.heading(say(.logReviewHeading, ["period": name(period)])))
        draft.add(.bullets(sessions.suffix(20).map(summary)))
    }

    private func frequency(_ period: LogPeriod, log: TrainingLog, now: Date, into draft: inout ReplyDraft) {
        guard !log.sessions.isEmpty else { return draft.add(.paragraph(say(.logEmpty))) }
        let advisor = ProgressAdvisor(knowledge: knowledge)
        let start = period.start(before: now)
        let days = advisor.sessionDays(in: log, since: start, until: now)
        let sessions = log.sessions(since: start).filter { !$0.doneSets.isEmpty }.count
        draft.add(
            .paragraph(
                say(
                    .logFrequency,
                    [
                        "days": days == 1 ? say(.logDaysOne) : say(.logDays, ["count": "\(days)"]),
                        "period": name(period),
                        "sessions": sessions == 1 ? say(.logSessionsOne) : say(.logSessions, ["count": "\(sessions)"]),
                    ])))
        let target = knowledge.progress.sessionsPerWeek
        // Weeks since the period began, or since the log began when that is later: a log started
        // this week is judged on this week, not on thirty days it did not exist for.
        let first = log.sessions.first?.started ?? start
        let weeks = max(1.0, now.timeIntervalSince(max(start, first)) / (7 * 86_400))
        let perWeek = Double(days) / weeks
        let basis = knowledge.progress.advice[.trainMoreOften]?.basis
        if perWeek + 0.001 < Double(target) {
            let rounded = (perWeek * 10).rounded() / 10
            draft.add(
                .paragraph(
                    say(
                        .logFrequencyWeek,
                        [
                            "perWeek": times(rounded == rounded.rounded() ? Int(rounded) : nil, decimal: rounded),
                            "target": "\(target)",
                        ])))
        } else {
            draft.add(.paragraph(say(.logFrequencyEnough, ["target": "\(target)"])))
        }
        if let basis { draft.cite(basis) }
    }

    private func progress(_ id: ExerciseID?, log: TrainingLog, now: Date, into draft: inout ReplyDraft) {
        guard !log.sessions.isEmpty else { return draft.add(.paragraph(say(.logEmpty))) }
        guard let id, let exercise = knowledge.exercise(id) else {
            // Which exercise: those in the log, each named once, in the order first logged.
            var seen: Set<ExerciseID> = []
            let logged = log.sessions.flatMap(\.exercises).filter { seen.insert($0).inserted }
            let names = logged.compactMap { knowledge.exercise($0)?.name }
            draft.add(
                .paragraph(
                    say(
                        .logProgressWhich,
                        [
                            "example": (names.first ?? knowledge.exercises.first?.name ?? "").lowercased(),
                            "exercises": names.joined(separator: say(.joinList)),
                        ])))
            return
        }
        let advisor = ProgressAdvisor(knowledge: knowledge)
        let points = advisor.progress(of: id, in: log)
        guard let first = points.first, let last = points.last else {
            draft.add(
                .paragraph(say(.logProgressNone, ["exercise": exercise.name, "name": exercise.name.lowercased()])))
            return
        }
        draft.add(
            .heading(
                say(
                    .logProgressHeading,
                    [
                        "exercise": exercise.name,
                        "sessions": points.count == 1
                            ? say(.logSessionsOne) : say(.logSessions, ["count": "\(points.count)"]),
                    ])))
        draft.add(.chart(chartRows(points)))
        let firstText = pointText(first)
        let lastText = pointText(last)
        if points.count == 1 {
            draft.add(.paragraph(say(.logProgressOne, ["last": lastText])))
        } else if Self.rank(last, knowledge) > Self.rank(first, knowledge) {
            draft.add(.paragraph(say(.logProgressUp, ["first": firstText, "last": lastText])))
        } else if Self.rank(last, knowledge) < Self.rank(first, knowledge) {
            draft.add(.paragraph(say(.logProgressDown, ["first": firstText, "last": lastText])))
        } else {
            draft.add(.paragraph(say(.logProgressSame, ["last": lastText])))
        }
        draft.add(.note(say(.logProgressChart)))
        if let advice = advisor.advice(for: id, in: log) { addAdvice([advice], now: now, into: &draft) }
    }

    private func next(log: TrainingLog, now: Date, into draft: inout ReplyDraft) {
        guard !log.sessions.isEmpty else {
            draft.add(.paragraph(say(.logEmpty)))
            draft.add(.note(say(.logNextWorkout)))
            return
        }
        let advice = ProgressAdvisor(knowledge: knowledge).nextSession(from: log, now: now)
        draft.add(.heading(say(.logNextHeading)))
        if !advice.contains(where: { $0.rule == .rest || $0.rule == .trainMoreOften }) {
            draft.add(.paragraph(say(.logNextFresh)))
        }
        addAdvice(advice, now: now, into: &draft)
        draft.add(.note(say(.logNextWorkout)))
    }

    // MARK: Advice, in words

    /// Each piece of advice as a bullet in the rule's words, marked as our rule and citing the
    /// article its principle comes from.
    func addAdvice(_ advice: [ProgressAdvisor.Advice], now: Date, into draft: inout ReplyDraft) {
        let lines = advice.compactMap { item -> String? in
            guard let rule = knowledge.progress.advice[item.rule] else { return nil }
            draft.cite(rule.basis)
            return Replies.fill(rule.text, values(item, now: now)) + say(.logOurRule)
        }
        if !lines.isEmpty { draft.add(.bullets(lines)) }
    }

    private func values(_ advice: ProgressAdvisor.Advice, now: Date) -> [String: String] {
        var values: [String: String] = [:]
        if let id = advice.exercise { values["exercise"] = knowledge.exercise(id)?.name ?? id.rawValue }
        if let top = advice.top {
            values["top"] = advice.topIsSeconds ? "\(top) s" : "\(top)"
            values["reps"] = say(advice.topIsSeconds ? .logSecondsCount : .logRepsCount, ["count": "\(top)"])
        }
        if let sessions = advice.sessions { values["sessions"] = "\(sessions)" }
        if let load = advice.load { values["load"] = load }
        if let next = advice.nextLoad { values["next"] = next }
        if let skipped = advice.skipped { values["skipped"] = skipped == 1 ? "1 set" : "\(skipped) sets" }
        if let count = advice.count { values["count"] = times(count) }
        if let target = advice.target { values["target"] = "\(target)" }
        if let last = advice.last { values["when"] = when(last, now: now) }
        return values
    }

    // MARK: Words for figures

    private func name(_ period: LogPeriod) -> String {
        switch period {
        case .today: say(.logPeriodToday)
        case .week: say(.logPeriodWeek)
        case .month: say(.logPeriodMonth)
        }
    }

    private func times(_ count: Int?, decimal: Double = 0) -> String {
        guard let count else { return say(.logTimes, ["count": String(format: "%.1f", decimal)]) }
        return timesSaid(count)
    }

    func when(_ date: Date, now: Date) -> String {
        let calendar = Calendar.current
        let days =
            calendar.dateComponents([.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: now)).day
            ?? 0
        return switch days {
        case ...0: say(.logWhenToday)
        case 1: say(.logWhenYesterday)
        default: say(.logWhenDays, ["days": "\(days)"])
        }
    }

    /// " with the medium band", " with 5 kg".
    func loadPhrase(_ load: String) -> String {
        say(load.first?.isNumber == true ? .logLoadWeight : .logLoad, ["load": load])
    }

    /// "3 x 12", "3 x 45 s", "3 sets".
    func sets(_ count: Int, reps: Int?, seconds: Int?) -> String {
        if let reps { return say(.logSetsReps, ["sets": "\(count)", "reps": "\(reps)"]) }
        if let seconds { return say(.logSetsSeconds, ["sets": "\(count)", "seconds": "\(seconds)"]) }
        return say(.logSetsOnly, ["sets": "\(count)"])
    }

    /// "Nov 21 (session 4): Face Pull 3 x 12 with the medium band, Band Pull-Apart 2 x 20 (1 skipped)".
    func summary(_ session: LoggedSession) -> String {
        var parts: [String] = []
        for id in session.exercises {
            let sets = session.sets.filter { $0.exercise == id }
            let done = sets.filter(\.done)
            let name = knowledge.exercise(id)?.name ?? id.rawValue
            // Nothing done of it: only what was skipped ("Cobra (2 skipped)").
            var text =
                done.isEmpty
                ? name
                : "\(name) \(self.sets(done.count, reps: done.compactMap(\.reps).max(), seconds: done.compactMap(\.seconds).max()))"
            if let load = done.last?.load { text += loadPhrase(load) }
            if sets.count > done.count { text += " (\(say(.logSkipped, ["count": "\(sets.count - done.count)"])))" }
            parts.append(text)
        }
        var summary = parts.joined(separator: say(.joinList))
        if let effort = session.effort { summary += ", " + say(.logEffort, ["effort": effort]) }
        var date = Self.day(session.started)
        if let id = session.id { date += " (\(say(.logSessionNumber, ["id": "\(id)"])))" }
        return say(.logSession, ["date": date, "summary": summary])
    }

    private func chartRows(_ points: [ProgressAdvisor.Point]) -> [ChartRow] {
        points.suffix(12).map { point in
            ChartRow(label: Self.day(point.date), amount: point.amount, text: pointText(point))
        }
    }

    private func pointText(_ point: ProgressAdvisor.Point) -> String {
        var text = sets(point.sets, reps: point.bestReps, seconds: point.bestReps == nil ? point.bestSeconds : nil)
        if let load = point.load { text += loadPhrase(load) }
        return text
    }

    /// How far a point has come: the band level or weight first, then the work done.
    static func rank(_ point: ProgressAdvisor.Point, _ knowledge: KnowledgeBase) -> Double {
        var load = 0.0
        if let said = point.load {
            if let level = knowledge.progress.bandLevel(ofLoad: said),
                let index = knowledge.progress.bandLevels.firstIndex(of: level)
            {
                load = Double(index + 1) * 10_000
            } else if let amount = Double(said.prefix { $0.isNumber || $0 == "." }) {
                load = amount * 10_000
            }
        }
        return load + Double(point.amount)
    }

    /// "Sat 21 Nov": short, in English whatever the machine's language.
    static func day(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(locale: Locale(identifier: "en_GB"), timeZone: .current).weekday(.abbreviated).day()
                .month(.abbreviated))
    }
}
