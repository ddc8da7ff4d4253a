import Foundation

/// Understanding, start to finish: normalise, correct spelling, find entities, classify the
/// intent. Built once from the knowledge base (training takes milliseconds); each call is pure.
public struct Interpreter: Sendable {
    private let extractor: EntityExtractor
    private let vocabulary: Vocabulary
    private let features: FeatureExtractor
    private let intents: NaiveBayes
    private let topics: NaiveBayes
    private let routineAsks: PhraseIndex<String>
    private let routineMinutes: [(id: String, minutes: Int, equipment: [String])]

    /// Below this probability the intent is a guess, and coach asks instead.
    public static let confidenceFloor = 0.45
    /// When the first two intents are closer than this, coach asks which was meant.
    public static let closeCall = 0.12

    public init(knowledge: KnowledgeBase) {
        let extractor = EntityExtractor(knowledge: knowledge)
        let features = FeatureExtractor(language: knowledge.language)
        self.extractor = extractor
        self.features = features

        var intentExamples: [(features: [String], label: String)] = []
        func add(_ phrase: String, _ label: String) {
            let tokens = TextNormalizer.tokens(Self.fillSlots(phrase)).map(TextNormalizer.stem)
            intentExamples.append((features.features(tokens, extractor.extract(tokens).matches), label))
        }
        for (intent, phrases) in knowledge.language.intents {
            for phrase in phrases { add(phrase, intent) }
        }
        var topicExamples: [(features: [String], label: String)] = []
        for topic in knowledge.topics {
            for ask in topic.asks + [topic.title] {
                add(ask, "faq")
                let tokens = TextNormalizer.tokens(ask).map(TextNormalizer.stem)
                topicExamples.append((features.features(tokens, extractor.extract(tokens).matches), topic.id))
            }
        }
        var asks = PhraseIndex<String>()
        for routine in knowledge.routines {
            for ask in routine.asks {
                add(ask, "workout")
                asks.add(ask, routine.id)
            }
        }
        routineAsks = asks
        routineMinutes = knowledge.routines.map { ($0.id, $0.minutes, $0.equipment) }
        intents = NaiveBayes(examples: intentExamples)
        topics = NaiveBayes(examples: topicExamples)

        var words = extractor.words
        for example in intentExamples { words.formUnion(example.features.filter { !$0.contains(" ") }) }
        words.formUnion(features.words)
        vocabulary = Vocabulary(words: words)
    }

    /// Training phrases write slots as `{exercise}`; they become words the normaliser keeps.
    static func fillSlots(_ phrase: String) -> String {
        phrase.replacingOccurrences(of: "{exercise}", with: " slotexercise ")
            .replacingOccurrences(of: "{equipment}", with: " slotequipment ")
            .replacingOccurrences(of: "{muscle}", with: " slotmuscle ")
            .replacingOccurrences(of: "{number}", with: " 7 ")
    }

    public func understand(_ text: String) -> Understanding {
        let raw = TextNormalizer.tokens(text)
        var tokens: [String] = []
        var corrections: [Understanding.Correction] = []
        var known = 0
        for token in raw {
            let stem = TextNormalizer.stem(token)
            if vocabulary.contains(token) || vocabulary.contains(stem) || token.first?.isNumber == true {
                tokens.append(stem)
                known += 1
            } else if let parts = vocabulary.split(token) {
                tokens += parts.map(TextNormalizer.stem)
                corrections.append(.init(from: token, to: parts.joined(separator: " ")))
                known += 1
            } else if let fixed = vocabulary.correction(for: token) ?? vocabulary.correction(for: stem) {
                tokens.append(TextNormalizer.stem(fixed))
                corrections.append(.init(from: token, to: fixed))
                known += 1
            } else {
                tokens.append(stem)
            }
        }
        let found = extractor.extract(tokens)
        let featureList = features.features(tokens, found.matches)
        let ranking = intents.classify(featureList).prefix(4).map { Understanding.IntentScore(id: $0.label, score: $0.probability) }
        let entities = found.matches.map(\.entity)
        let redFlag = entities.contains(.redFlag)
        let soreness = entities.contains(.soreness)
        let pain = entities.contains(.pain) || redFlag || soreness
        let share = raw.isEmpty ? 0 : Double(known) / Double(raw.count)

        var intent = ranking.first?.id ?? "unknown"
        var confidence = ranking.first?.score ?? 0
        var rule: String?
        if pain {
            (intent, confidence, rule) = ("safety", 1, "it mentions pain, injury or soreness: safety comes first")
        } else if raw.isEmpty {
            (intent, confidence, rule) = ("unknown", 1, "there were no words")
        } else if share < 0.34 && found.matches.isEmpty {
            (intent, confidence, rule) = ("unknown", 1, "too few words coach knows")
        }

        var exercises: [String] = []
        var family: [String] = []
        var muscles: [String] = []
        var areas: [String] = []
        var level: Level?
        for entity in entities {
            switch entity {
            case let .exercise(id): if !exercises.contains(id) { exercises.append(id) }
            case let .family(ids): if family.isEmpty { family = ids }
            case let .muscle(id): if !muscles.contains(id) { muscles.append(id) }
            case let .painArea(id): if !areas.contains(id) { areas.append(id) }
            case let .level(value): level = level ?? value
            default: break
            }
        }
        var topic: Understanding.IntentScore?
        if intent == "faq", let best = topics.classify(featureList).first {
            topic = .init(id: best.label, score: best.probability)
        }
        return Understanding(
            normalized: tokens.joined(separator: " "), corrections: corrections, intent: intent,
            confidence: confidence, ranking: Array(ranking), rule: rule, matches: found.matches,
            exercise: exercises.first, exerciseCandidates: exercises.isEmpty ? family : [], muscle: muscles.first,
            have: found.have, missing: found.missing, minutes: found.minutes, level: level, painAreas: areas,
            redFlag: redFlag, soreness: soreness, painMentioned: pain, topic: topic,
            routine: routine(tokens, minutes: found.minutes, have: found.have),
            knownWordShare: share, features: featureList)
    }

    /// A named routine asked for by its words ("six minute band routine") or by its length.
    private func routine(_ tokens: [String], minutes: Int?, have: [String]) -> String? {
        if let match = routineAsks.looseMatches(in: tokens, gap: 1).first { return match.value }
        guard let minutes else { return nil }
        return routineMinutes.first { routine in
            routine.minutes == minutes && (have.isEmpty || routine.equipment.allSatisfy(have.contains))
        }?.id
    }
}
