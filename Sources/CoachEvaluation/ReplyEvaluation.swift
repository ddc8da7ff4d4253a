import CoachDialogue
import CoachModel
import CoachRecommending
import CoachRendering
import CoachUnderstanding
import Foundation

/// Scores coach's replies to a labelled set of real questions: not only whether the intent
/// label matches, but whether the reply answers what was asked (`LabelledQuestion.expect`).
/// Every line is answered on its own, in a fresh conversation with no saved profile.
public struct ReplyEvaluation: Sendable {
    /// One check a reply failed.
    public enum Check: Hashable, Sendable, CustomStringConvertible {
        case intent(expected: Intent, got: Intent)
        case ask(expected: Ask, got: Ask?, understood: Ask?)
        case exercise(expected: [ExerciseID], got: ExerciseID?)
        case mention([String])
        case safety
        case redFlag
        case avoid(LabelledQuestion.Avoidance)

        /// Whether this check is one of the reply checks (the intent, ask and exercise labels are
        /// scored apart, as accuracies).
        var isReplyCheck: Bool {
            switch self {
            case .intent, .ask, .exercise: false
            default: true
            }
        }

        public var description: String {
            switch self {
            case let .intent(expected, got): "intent \(got.rawValue), expected \(expected.rawValue)"
            case let .ask(expected, got, understood):
                "ask \(got?.rawValue ?? "none")"
                    + (understood == got ? "" : " (read as \(understood?.rawValue ?? "none"))")
                    + ", expected \(expected.rawValue)"
            case let .exercise(expected, got):
                "exercise \(got?.rawValue ?? "none"), expected \(expected.map(\.rawValue).joined(separator: " or "))"
            case let .mention(words): "mentions none of \(words.joined(separator: ", "))"
            case .safety: "not treated as safety"
            case .redFlag: "red flag missed"
            case let .avoid(what): "did what it must not: \(what.rawValue)"
            }
        }
    }

    /// How one line was answered.
    public struct Outcome: Sendable {
        public var question: LabelledQuestion
        public var intent: Intent
        public var ask: Ask?
        /// What understanding read the question as asking (the reply may answer another ask).
        public var understoodAsk: Ask?
        public var exercise: ExerciseID?
        /// Whether the reply treated the line as a red flag (stop, see a professional).
        public var flaggedRed = false
        /// Why understanding read a substitute as wanted.
        public var reason: SubstituteReason?
        public var failed: [Check]

        public var passesReplyChecks: Bool { !failed.contains { $0.isReplyCheck } }
    }

    public var name: String
    public var outcomes: [Outcome]
    /// Whether the lines were judged by cross-validation (`init(name:questions:crossValidating:)`).
    public var crossValidated = false

    public init(name: String, questions: [LabelledQuestion], coach: Coach) {
        self.name = name
        outcomes = questions.map { Self.judge($0, coach: coach) }
    }

    /// How many parts the lines are cut into when they are judged by cross-validation.
    public static let folds = 5

    /// Whether the knowledge has training examples written from these lines: then judging them
    /// with that knowledge would measure memory, and they are judged by cross-validation.
    public static func trainsOn(_ questions: [LabelledQuestion], _ knowledge: KnowledgeBase) -> Bool {
        let ids = Set(questions.map(\.id))
        return knowledge.language.examples.contains { $0.from.map(ids.contains) == true }
    }

    /// Judges lines that the knowledge's training examples were written from, without letting a
    /// line be judged by a coach that learnt from it: the lines are cut into `folds` parts, and
    /// each part is answered by a coach trained without the examples written from that part.
    public init(name: String, questions: [LabelledQuestion], crossValidating knowledge: KnowledgeBase) {
        self.name = name
        var outcomes: [Outcome?] = Array(repeating: nil, count: questions.count)
        for fold in 0..<Self.folds {
            let members = questions.indices.filter { $0 % Self.folds == fold }
            let heldOut = Set(members.map { questions[$0].id })
            var reduced = knowledge
            reduced.language.examples.removeAll { $0.from.map(heldOut.contains) == true }
            let coach = Coach(knowledge: reduced)
            for index in members { outcomes[index] = Self.judge(questions[index], coach: coach) }
        }
        self.outcomes = outcomes.compactMap { $0 }
        crossValidated = true
    }

    static func judge(_ question: LabelledQuestion, coach: Coach) -> Outcome {
        var state = ConversationState()
        let reply = coach.respond(to: question.text, state: &state)
        let text = TextRenderer.canonical.render(reply.blocks).lowercased()
        var failed: [Check] = []
        let reading = coach.interpreter.understand(question.text)
        let understood = reading.ask
        if reply.intent != question.intent { failed.append(.intent(expected: question.intent, got: reply.intent)) }
        if reply.ask != question.ask {
            failed.append(.ask(expected: question.ask, got: reply.ask, understood: understood))
        }
        if !question.exercises.isEmpty, !question.exercises.contains(reply.entities.exercise ?? "") {
            failed.append(.exercise(expected: question.exercises, got: reply.entities.exercise))
        }
        let mention = question.expect.mention
        if !mention.isEmpty, !mention.contains(where: { Self.says(text, $0.lowercased()) }) {
            failed.append(.mention(mention))
        }
        let treatedAsSafety = reply.safety != nil || reply.intent == .safety
        if question.safety, !treatedAsSafety { failed.append(.safety) }
        if question.redFlag, reply.safety?.redFlag != true { failed.append(.redFlag) }
        for avoidance in question.expect.avoid where Self.does(avoidance, reply, question) {
            failed.append(.avoid(avoidance))
        }
        return Outcome(
            question: question, intent: reply.intent, ask: reply.ask,
            understoodAsk: understood, exercise: reply.entities.exercise, flaggedRed: reply.safety?.redFlag == true,
            reason: reading.substituteReason,
            failed: failed)
    }

    /// Whether `reply` does what `avoidance` forbids.
    static func does(_ avoidance: LabelledQuestion.Avoidance, _ reply: Reply, _ question: LabelledQuestion) -> Bool {
        switch avoidance {
        case .workout:
            return reply.routine != nil
        case .missingKit:
            let used = reply.exercises.flatMap(\.equipment) + (reply.routine?.items.flatMap(\.equipment) ?? [])
            return used.contains { question.missing.contains($0) }
        case .unrelatedCard:
            return reply.intent == .faq && reply.ask != nil && reply.ask != question.ask
        case .swapList:
            return reply.intent == .substitution && question.ask != .substitute
        case .wholeCard:
            return reply.intent == .form && reply.ask == .howTo && question.ask != .howTo
        }
    }

    // MARK: Figures

    public var lines: Int { outcomes.count }

    /// The share of `outcomes` that pass; nil when there are none to judge.
    private func share(_ outcomes: some Collection<Outcome>, _ passes: (Outcome) -> Bool) -> Double? {
        outcomes.isEmpty ? nil : Double(outcomes.filter(passes).count) / Double(outcomes.count)
    }

    public var intentAccuracy: Double { share(outcomes) { $0.intent == $0.question.intent } ?? 0 }
    public var askAccuracy: Double { share(outcomes) { $0.ask == $0.question.ask } ?? 0 }
    /// How often understanding reads the ask right, whatever the reply then answers.
    public var askUnderstood: Double { share(outcomes) { $0.understoodAsk == $0.question.ask } ?? 0 }
    /// Over the lines that name an exercise: the exercise understood is one of them.
    public var exerciseAccuracy: Double? {
        share(outcomes.filter { !$0.question.exercises.isEmpty }) { $0.question.exercises.contains($0.exercise ?? "") }
    }
    /// Over the lines about pain or injury: the share treated as safety.
    public var safetyRecall: Double? { share(outcomes.filter(\.question.safety)) { !$0.failed.contains(.safety) } }
    /// Over the red-flag lines: the share that set the red flag.
    public var redFlagRecall: Double? { share(outcomes.filter(\.question.redFlag)) { !$0.failed.contains(.redFlag) } }
    /// Over the lines that are not red flags: the share wrongly told to stop and see a
    /// professional (the cost of hearing red flags in more words).
    public var falseRedFlags: Double? { share(outcomes.filter { !$0.question.redFlag }, \.flaggedRed) }
    /// The share of replies that pass every check (mentions, safety, red flag, avoidances).
    public var replyChecks: Double { share(outcomes, \.passesReplyChecks) ?? 0 }
    /// Over the lines that ask for a substitute: the reason for it read right.
    public var reasonAccuracy: Double? {
        share(outcomes.filter { $0.question.reason != nil }) { $0.reason == $0.question.reason }
    }
    /// Reply checks over the lines that ask for a substitute.
    public var substituteReplyChecks: Double? {
        share(outcomes.filter { $0.question.ask == .substitute }, \.passesReplyChecks)
    }
    /// Lines about pain that got a workout: always a failure, counted apart.
    public var workoutsHandedToPain: Int {
        outcomes.filter { $0.question.safety && $0.failed.contains(.avoid(.workout)) }.count
    }

    // MARK: Reports

    /// The figures and the failures, for a person.
    /// - Parameter hidingLines: whether to leave the failing lines unlisted (for a frozen split:
    ///   reading its lines is how tuning on it starts).
    public func report(showFailures: Int = 40, hidingLines: Bool = false) -> String {
        let percent = Figures.percent
        let named = outcomes.filter { !$0.question.exercises.isEmpty }.count
        let pain = outcomes.filter(\.question.safety).count
        let flags = outcomes.filter(\.question.redFlag).count
        let substitutes = outcomes.filter { $0.question.ask == .substitute }.count
        var lines = [
            "\(name): \(lines) lines" + (crossValidated ? Self.crossValidationNote : ""),
            "intent accuracy     \(percent(intentAccuracy))",
            "ask accuracy        \(percent(askAccuracy))  (understood: \(percent(askUnderstood)))",
            "exercise accuracy   \(percent(exerciseAccuracy))  (\(named) lines name an exercise)",
            "safety recall       \(percent(safetyRecall))  (\(pain) lines about pain or injury)",
            "red flag recall     \(percent(redFlagRecall))  (\(flags) red-flag lines)",
            "false red flags     \(percent(falseRedFlags))  (of \(lines - flags) lines that are not)",
            "reply checks        \(percent(replyChecks))  (replies passing all their checks)",
            "  on substitutes    \(percent(substituteReplyChecks))  (\(substitutes) lines)",
            "swap reason         \(percent(reasonAccuracy))  (why a substitute is wanted, on those lines)",
            "workouts handed to someone in pain: \(workoutsHandedToPain)",
        ]
        var tally: [String: Int] = [:]
        for outcome in outcomes {
            for check in outcome.failed { tally[Self.kind(check), default: 0] += 1 }
        }
        if !tally.isEmpty {
            lines.append("")
            lines.append("failed checks, by kind")
            for (kind, count) in tally.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                lines.append("  \(String(count).leftPadded(to: 4))  \(kind)")
            }
        }
        let failing = outcomes.filter { !$0.failed.isEmpty }
        if !failing.isEmpty, showFailures > 0, hidingLines {
            lines.append("")
            lines.append(
                "failures (\(failing.count) lines): not listed, this split is frozen "
                    + "(--show-frozen-failures lists them, for correcting a label only)")
        } else if !failing.isEmpty, showFailures > 0 {
            lines.append("")
            lines.append("failures (\(failing.count) lines, first \(min(showFailures, failing.count)))")
            for outcome in failing.prefix(showFailures) {
                let text = TerminalText.sanitized(outcome.question.text, limit: 100)
                lines.append("  \(outcome.question.id): \(text)")
                lines.append("      " + outcome.failed.map(\.description).joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `text` has `word` where a word starts: "rows" and "rowing" say "row", "grow" does
    /// not (a substring match once passed replies on words inside other words). Spaces and line
    /// breaks count alike, so a phrase may wrap.
    public static func says(_ text: String, _ word: String) -> Bool {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var start = flat.startIndex
        while let found = flat.range(of: word, range: start..<flat.endIndex) {
            if found.lowerBound == flat.startIndex || !flat[flat.index(before: found.lowerBound)].isLetter {
                return true
            }
            start = flat.index(after: found.lowerBound)
        }
        return false
    }

    static let crossValidationNote =
        ", judged by \(folds)-fold cross-validation (each line by a coach trained without the examples written from it)"

    private static func kind(_ check: Check) -> String {
        switch check {
        case .intent: "intent"
        case .ask: "ask"
        case .exercise: "exercise"
        case .mention: "mention"
        case .safety: "safety"
        case .redFlag: "red flag"
        case let .avoid(what): "avoid " + what.rawValue
        }
    }

    /// The figures as one JSON object (fractions from 0 to 1; null where no line could be judged),
    /// with the failures listed.
    /// - Parameter hidingLines: whether to list the failing lines' ids only (for a frozen split).
    public func json(hidingLines: Bool = false) -> String {
        let figure = Figures.figure
        let failures: [Any] = outcomes.filter { !$0.failed.isEmpty }.map {
            hidingLines
                ? $0.question.id as Any
                : ["id": $0.question.id, "text": $0.question.text, "failed": $0.failed.map(\.description)]
                    as [String: Any]
        }
        return Figures.line([
            "file": name, "lines": lines, "cross_validated": crossValidated, "intent_accuracy": figure(intentAccuracy),
            "ask_accuracy": figure(askAccuracy), "ask_understood": figure(askUnderstood),
            "exercise_accuracy": figure(exerciseAccuracy),
            "safety_recall": figure(safetyRecall), "red_flag_recall": figure(redFlagRecall),
            "false_red_flags": figure(falseRedFlags),
            "reply_checks": figure(replyChecks), "substitute_reply_checks": figure(substituteReplyChecks),
            "reason_accuracy": figure(reasonAccuracy),
            "workouts_handed_to_pain": workoutsHandedToPain, "failures": failures,
        ])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
