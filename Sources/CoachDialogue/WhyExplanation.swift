import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// The `/why` and `--explain` view of a reply: the normalised text, corrections, entities with
/// the words that matched them, the top intents with scores, and the rules or context applied.
public struct WhyExplanation: Sendable {
    public var understanding: Understanding
    public var reasons: [Reason]
    public var replies: Replies

    public init(understanding: Understanding, reasons: [Reason], replies: Replies) {
        self.understanding = understanding
        self.reasons = reasons
        self.replies = replies
    }

    public var blocks: [Block] {
        var lines: [String] = [replies(.whyText, ["text": understanding.normalized])]
        if !understanding.corrections.isEmpty {
            lines.append(
                replies(
                    .whyCorrections,
                    [
                        "list": understanding.corrections.map { "\($0.from) -> \($0.to)" }.joined(
                            separator: replies(.joinList))
                    ]))
        }
        let entities = understanding.matches.map { "\(label($0.entity)) (\"\($0.text)\")" }
        lines.append(
            replies(.whyEntities, ["list": entities.isEmpty ? "-" : entities.joined(separator: replies(.joinList))]))
        if let minutes = understanding.minutes { lines.append(replies(.whyMinutes, ["minutes": "\(minutes)"])) }
        if let count = understanding.sessionsAWeek {
            lines.append(replies(.whySessionsAWeek, ["count": "\(count)"]))
        }
        if let reason = understanding.substituteReason {
            lines.append(replies(.whySwapReason, ["reason": reason.rawValue]))
        }
        let ranking = understanding.ranking.map { "\($0.intent.rawValue) \(Self.format($0.score))" }.joined(
            separator: replies(.joinList))
        lines.append(
            replies(
                .whyIntents,
                [
                    "list": ranking, "intent": understanding.intent.rawValue,
                    "confidence": Self.format(understanding.classifierScore(for: understanding.intent)),
                ]))
        if !understanding.askRanking.isEmpty {
            let asks = understanding.askRanking.map { "\($0.ask.rawValue) \(Self.format($0.score))" }
            lines.append(replies(.whyAsk, ["list": asks.joined(separator: replies(.joinList))]))
        }
        if let topic = understanding.topic {
            lines.append(replies(.whyTopic, ["topic": topic.id, "score": Self.format(topic.score)]))
        }
        if let rule = understanding.rule {
            // The words that made the rule fire, and that it decided, not the classifier.
            let words = understanding.matches.filter(\.entity.deniable).map { "\"\($0.text)\"" }
            lines.append(
                replies(
                    .whyRule,
                    ["rule": replies(Self.key(rule), ["words": words.joined(separator: replies(.joinList))])]))
        }
        for reason in reasons { lines.append(replies(.whyContext, ["reason": text(reason)])) }
        return [.bullets(lines)]
    }

    static func key(_ rule: Understanding.Rule) -> ReplyKey {
        switch rule {
        case .pain: .whyRulePain
        case .noWords: .whyRuleNoWords
        case .unknownWords: .whyRuleUnknownWords
        case .outOfScope: .whyRuleOutOfScope
        case .noPainWord: .whyRuleNoPainWord
        case .log: .whyRuleLog
        case .kitSwap: .whyRuleKitSwap
        case .asksAlternative: .whyRuleAsksAlternative
        case .plan: .whyRulePlan
        case .kitTold: .whyRuleKitTold
        case .plateau: .whyRulePlateau
        case .achesExplained: .whyRuleAchesExplained
        case .sorenessWelcome: .whyRuleSorenessWelcome
        case .healed: .whyRuleHealed
        }
    }

    func text(_ reason: Reason) -> String {
        let list = replies(.joinList)
        return switch reason {
        case .secondQuestion: replies(.whyReasonSecondQuestion)
        case .redFlagEarlier: replies(.whyReasonRedFlagEarlier)
        case .buildsOnWorkout: replies(.whyReasonBuildsOnWorkout)
        case .changesWorkout: replies(.whyReasonChangesWorkout)
        case .asksForAPlan: replies(.whyReasonAsksForAPlan)
        case .cannotDoInPlan: replies(.whyReasonCannotDoInPlan)
        case .positionRulesOut: replies(.whyReasonPositionRulesOut)
        case .noWayWithKit: replies(.whyReasonNoWayWithKit)
        case .ruledOutAfterList: replies(.whyReasonRuledOutAfterList)
        case .feelsWrongOnAMove: replies(.whyReasonFeelsWrongOnAMove)
        case .harmOfAPoint: replies(.whyReasonHarmOfAPoint)
        case .tooClose: replies(.whyReasonTooClose)
        case .namesExercise: replies(.whyReasonNamesExercise)
        case .formFollowUp: replies(.whyReasonFormFollowUp)
        case .onlyThisKit: replies(.whyReasonOnlyThisKit)
        case .howOftenForThis: replies(.whyReasonHowOftenForThis)
        case let .exerciseFromEarlier(id): replies(.whyReasonExerciseFromEarlier, ["exercise": id.rawValue])
        case let .equipmentWord(id): replies(.whyReasonEquipmentWord, ["equipment": id.rawValue])
        case let .severalExercises(ids):
            replies(.whyReasonSeveralExercises, ["list": ids.map(\.rawValue).joined(separator: list)])
        case let .choseExercise(id): replies(.whyReasonChoseExercise, ["exercise": id.rawValue])
        case let .sparesPain(areas): replies(.whyReasonSparesPain, ["areas": areas.joined(separator: list)])
        case .painBetter: replies(.whyReasonPainBetter)
        case .somethingElseInstead: replies(.whyReasonSomethingElseInstead)
        case .dislikedAfterSwap: replies(.whyReasonDislikedAfterSwap)
        case .somethingLike: replies(.whyReasonSomethingLike)
        case .stopOrKeepAfterPain: replies(.whyReasonStopOrKeepAfterPain)
        case .stopAfterPainless: replies(.whyReasonStopAfterPainless)
        case .safeToStart: replies(.whyReasonSafeToStart)
        case .nextAfterWorkout: replies(.whyReasonNextAfterWorkout)
        case .weekOfLast: replies(.whyReasonWeekOfLast)
        case .daysOfLastWeek: replies(.whyReasonDaysOfLastWeek)
        case .swapWithNoWorkout: replies(.whyReasonSwapWithNoWorkout)
        case .kitForLastSwap: replies(.whyReasonKitForLastSwap)
        case .familyAfterSwap: replies(.whyReasonFamilyAfterSwap)
        case .swapForUncovered: replies(.whyReasonSwapForUncovered)
        case .addForArea: replies(.whyReasonAddForArea)
        case .kitForLastAnswer: replies(.whyReasonKitForLastAnswer)
        case .noWorkoutToChange: replies(.whyReasonNoWorkoutToChange)
        case .kitForLast: replies(.whyReasonKitForLast)
        case .kitNeeded: replies(.whyReasonKitNeeded)
        case .whichDay: replies(.whyReasonWhichDay)
        case .setsAfterWhenHeavier: replies(.whyReasonSetsAfterWhenHeavier)
        case .mostKitAfterProgression: replies(.whyReasonMostKitAfterProgression)
        case .machineGone: replies(.whyReasonMachineGone)
        case .isSafeNotASwap: replies(.whyReasonIsSafeNotASwap)
        case .repsOfLastWorkout: replies(.whyReasonRepsOfLastWorkout)
        case .listWithKit: replies(.whyReasonListWithKit)
        case .settingExplainsAches: replies(.whyReasonSettingExplainsAches)
        case .tooEasy: replies(.whyReasonTooEasy)
        case .tooHard: replies(.whyReasonTooHard)
        case .kitWaySafety: replies(.whyReasonKitWaySafety)
        case .restOfLastWorkout: replies(.whyReasonRestOfLastWorkout)
        case .dailyNotASwap: replies(.whyReasonDailyNotASwap)
        case .choiceAfterCompare: replies(.whyReasonChoiceAfterCompare)
        case .doseAfterCompare: replies(.whyReasonDoseAfterCompare)
        case .anotherAfterSwap: replies(.whyReasonAnotherAfterSwap)
        case .whatAMuscleIs: replies(.whyReasonWhatAMuscleIs)
        case .roundsOfLastWorkout: replies(.whyReasonRoundsOfLastWorkout)
        case .loadOfPlanMove: replies(.whyReasonLoadOfPlanMove)
        case .frequencyOfLastWorkout: replies(.whyReasonFrequencyOfLastWorkout)
        case .bestAfterDose: replies(.whyReasonBestAfterDose)
        case .otherWayOfLast: replies(.whyReasonOtherWayOfLast)
        case .wantedWithOtherKit: replies(.whyReasonWantedWithOtherKit)
        case .listWithoutKit: replies(.whyReasonListWithoutKit)
        case .addsNotCovered: replies(.whyReasonAddsNotCovered)
        case let .worksAroundPain(areas):
            replies(.whyReasonWorksAroundPain, ["areas": areas.joined(separator: list)])
        case .awayFromTheGym: replies(.whyReasonAwayFromTheGym)
        case .sessionOfMoves: replies(.whyReasonSessionOfMoves)
        case .conditionFirst: replies(.whyReasonConditionFirst)
        case .workingUpTo: replies(.whyReasonWorkingUpTo)
        }
    }

    /// A short label for an entity.
    func label(_ entity: Entity) -> String {
        let list = replies(.joinList)
        return switch entity {
        case let .exercise(id): replies(.entityExercise, ["id": id.rawValue])
        case let .family(ids): replies(.entityFamily, ["ids": ids.map(\.rawValue).joined(separator: list)])
        case let .muscle(id): replies(.entityMuscle, ["id": id.rawValue])
        case let .equipment(id): replies(.entityEquipment, ["id": id.rawValue])
        case let .equipmentFamily(ids):
            replies(.entityEquipmentFamily, ["ids": ids.map(\.rawValue).joined(separator: list)])
        case let .painArea(id): replies(.entityPainArea, ["id": id])
        case let .level(level): replies(.entityLevel, ["id": level.rawValue])
        case let .goal(id): replies(.entityGoal, ["id": id])
        case .redFlag: replies(.entityRedFlag)
        case .limit: replies(.entityLimit)
        case .cleared: replies(.entityCleared)
        case .emergency: replies(.entityEmergency)
        case .lasting: replies(.entityLasting)
        case .lastingSoreness: replies(.entityLastingSoreness)
        case .sudden: replies(.entitySudden)
        case .outOfScope: replies(.entityOutOfScope)
        case .soreness: replies(.entitySoreness)
        case .settles: replies(.entitySettles)
        case .passedAtOnce: replies(.entityPassedAtOnce)
        case .stillThere: replies(.entityStillThere)
        case .pain: replies(.entityPain)
        case .painBetter: replies(.entityPainBetter)
        case .returning: replies(.entityReturning)
        case .painDenied: replies(.entityPainDenied)
        case .seenProfessional: replies(.entitySeenProfessional)
        case let .condition(id): replies(.entityCondition, ["condition": id])
        case let .setting(id): replies(.entitySetting, ["setting": id])
        case let .treatment(id, _): replies(.entityTreatment, ["id": id])
        }
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "0.\(hundredths < 10 ? "0" : "")\(hundredths)".replacingOccurrences(of: "0.100", with: "1.00")
    }
}
