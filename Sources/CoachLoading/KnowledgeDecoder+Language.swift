import CoachModel
import Foundation
import Yams

/// Training phrases, vocabulary and the fixed sentences coach says.
extension KnowledgeDecoder {
    /// The intent ids of the JSON contract, in a stable order.
    static let intentIDs = Intent.allCases.map(\.rawValue)

    mutating func decodeIntents(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "intents.yaml") else { return }
        reader.checkKeys(map, allowed: ["intents"], in: "intents.yaml")
        guard let node = reader.required(map, "intents", in: "intents.yaml", at: root),
            let intents = reader.mapping(node, "intents")
        else { return }
        reader.checkKeys(intents, allowed: Self.intentIDs, in: "intents")
        for intent in Self.intentIDs {
            let phrases = reader.strings(intents[intent], "the phrases of '\(intent)'")
            if phrases.isEmpty { reader.fail(node, "the intent '\(intent)' has no training phrases") }
            language.intents[intent] = phrases
        }
    }

    /// `language/english.yaml`: common English words, which spelling correction leaves alone.
    mutating func decodeEnglish(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "english.yaml") else { return }
        reader.checkKeys(map, allowed: ["licence", "source", "words"], in: "english.yaml")
        _ = reader.required(map, "licence", in: "english.yaml", at: root)
        guard
            let text = reader.required(map, "words", in: "english.yaml", at: root).flatMap({
                reader.string($0, "the words")
            })
        else { return }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        if let odd = words.first(where: { !$0.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } }
        ) {
            reader.fail(map["words"], "'\(odd)' is not a word of lowercase letters a to z")
            return
        }
        language.englishWords = words.joined(separator: " ")
    }

    mutating func decodeVocabulary(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "vocabulary.yaml") else { return }
        reader.checkKeys(
            map,
            allowed: [
                "synonyms", "numbers", "levels", "fillers", "stopwords", "families", "goals", "start_words",
                "equipment_families", "small_gyms", "missing_words", "minute_words", "hour_words", "have_words",
                "denial_fillers",
                "sign_negators", "pain_negators",
                "kit_things",
                "more_of_words", "except_words", "not_names", "rough_words",
                "rate_words", "sitting_words", "sessions_a_week", "cannot_lie", "positions_when_hurting",
                "floorless_places", "how_to_do",
                "already_do",
                "training_experience",
                "age_words",
                "out_of_scope",
                "quit_words", "list_joiners", "own_level_words", "phrase_gaps", "cue_topics", "cue_topic_words",
                "weak_cue_topics",
                "signals", "in_scope", "ordinals", "example_exercises", "whole_gym", "missing_after_words",
                "denies_use",
                "training_days",
            ],
            in: "vocabulary.yaml")
        if let synonyms = map["synonyms"].flatMap({ reader.mapping($0, "synonyms") }) {
            for (key, value) in synonyms {
                if let word = reader.string(key, "a synonym"),
                    let meaning = reader.string(value, "the meaning of '\(key.string ?? "")'")
                {
                    language.synonyms[word.lowercased()] = meaning.lowercased()
                }
            }
        }
        if let days = map["training_days"].flatMap({ reader.mapping($0, "training_days") }) {
            for (key, value) in days {
                guard let day = reader.string(key, "a training day") else { continue }
                let muscles = reader.strings(value, "the muscles '\(day)' trains")
                if muscles.isEmpty { reader.fail(value, "the training day '\(day)' names no muscle") }
                language.trainingDays[day.lowercased()] = muscles
                let asRead = TextNormalizer.tokens(day).map(TextNormalizer.stem).joined(separator: " ")
                language.trainingDaysAsRead[asRead] = day.lowercased()
            }
        }
        if let numbers = map["numbers"].flatMap({ reader.mapping($0, "numbers") }) {
            for (key, value) in numbers {
                if let word = reader.string(key, "a number word"),
                    let number = reader.int(value, "the number for '\(word)'", in: NumberRanges.numberWords)
                {
                    language.numbers[word.lowercased()] = number
                }
            }
        }
        if let ordinals = map["ordinals"].flatMap({ reader.mapping($0, "ordinals") }) {
            for (key, value) in ordinals {
                if let word = reader.string(key, "an ordinal word"),
                    let position = reader.int(value, "the position for '\(word)'", in: NumberRanges.ordinals),
                    position != 0
                {
                    language.ordinals[word.lowercased()] = position
                }
            }
        }
        if let levels = map["levels"].flatMap({ reader.mapping($0, "levels") }) {
            reader.checkKeys(levels, allowed: Level.allCases.map(\.rawValue), in: "levels")
            for level in Level.allCases {
                language.levels[level] = reader.strings(levels[level.rawValue], "the phrases of \(level.rawValue)")
            }
        }
        language.fillers = reader.strings(map["fillers"], "fillers")
        language.stopwords = reader.strings(map["stopwords"], "stopwords")
        language.exampleExercises = ids(map["example_exercises"], .exercise, "example_exercises", &reader).map {
            ExerciseID($0)
        }
        if let families = map["families"].flatMap({ reader.mapping($0, "families") }) {
            for (key, value) in families {
                guard let name = reader.string(key, "a family name") else { continue }
                let members = ids(value, .exercise, "the family '\(name)'", &reader)
                if members.count < 2 { reader.fail(value, "the family '\(name)' needs at least two exercises") }
                language.families[name] = members.map { ExerciseID($0) }
            }
        }
        if let goals = map["goals"].flatMap({ reader.mapping($0, "goals") }) {
            var aliases: [(name: String, goal: String, node: Node)] = []
            for (key, value) in goals {
                guard let name = reader.string(key, "a goal name") else { continue }
                // ("back wider: wider back": another way to say a goal, read as that goal.)
                if case .scalar = value, let goal = reader.string(value, "the goal '\(name)' stands for") {
                    aliases.append((name, goal, value))
                    continue
                }
                language.goals[name] = ids(value, .muscle, "the goal '\(name)'", &reader).map { MuscleID($0) }
            }
            for alias in aliases {
                guard language.goals[alias.goal] != nil else {
                    reader.fail(
                        alias.node,
                        "'\(alias.name)' stands for the goal '\(alias.goal)', which goals does not list"
                            + Suggestion.hint(for: alias.goal, in: Array(language.goals.keys)))
                    continue
                }
                language.goalAliases[alias.name] = alias.goal
            }
        }
        if let families = map["equipment_families"].flatMap({ reader.mapping($0, "equipment_families") }) {
            for (key, value) in families {
                guard let name = reader.string(key, "an equipment family name") else { continue }
                language.equipmentFamilies[name] = ids(
                    value, .equipment, "the equipment family '\(name)'", &reader
                ).map { EquipmentID($0) }
            }
        }
        /// A key every vocabulary.yaml must have; its absence is an error at the file's top.
        func required(_ key: String) -> Node? { reader.required(map, key, in: "vocabulary.yaml", at: root) }
        var words = language.understanding
        words.outOfScope = reader.strings(map["out_of_scope"], "out_of_scope")
        words.wholeGym = reader.strings(map["whole_gym"], "whole_gym")
        if let small = map["small_gyms"].flatMap({ reader.mapping($0, "small_gyms") }) {
            reader.checkKeys(small, allowed: ["phrases", "kit", "said"], in: "small_gyms")
            words.smallGymKitSaid = small["said"].flatMap { reader.string($0, "small_gyms.said") } ?? ""
            words.smallGyms = reader.strings(small["phrases"], "small_gyms.phrases")
            words.smallGymKit = ids(small["kit"], .equipment, "the kit of small_gyms", &reader).map { EquipmentID($0) }
        }
        words.missingWords = singleWords(required("missing_words"), "missing_words", &reader)
        // (Words or phrases: "taken", "out of order".)
        words.missingAfterWords = reader.strings(map["missing_after_words"], "missing_after_words")
        words.deniesUse = reader.strings(map["denies_use"], "denies_use")
        words.haveWords = singleWords(map["have_words"], "have_words", &reader)
        words.denialFillers = singleWords(map["denial_fillers"], "denial_fillers", &reader)
        words.signNegators = singleWords(map["sign_negators"], "sign_negators", &reader)
        words.painNegators = singleWords(map["pain_negators"], "pain_negators", &reader)
        words.kitThings = singleWords(map["kit_things"], "kit_things", &reader)
        words.moreOfWords = singleWords(map["more_of_words"], "more_of_words", &reader)
        words.exceptWords = singleWords(map["except_words"], "except_words", &reader)
        words.notNames = reader.strings(map["not_names"], "not_names")
        words.roughWords = singleWords(map["rough_words"], "rough_words", &reader)
        words.rateWords = singleWords(map["rate_words"], "rate_words", &reader)
        words.sittingWords = singleWords(map["sitting_words"], "sitting_words", &reader)
        if let node = map["sessions_a_week"] { words.sessionsAWeek = sessionsAWeek(node, &reader) }
        if let ages = map["age_words"].flatMap({ reader.mapping($0, "age_words") }) {
            reader.checkKeys(ages, allowed: ["before", "after", "not_before"], in: "age_words")
            words.ageNotBefore = singleWords(ages["not_before"], "age_words.not_before", &reader).map(
                TextNormalizer.stem)
            words.ageBefore = reader.strings(ages["before"], "age_words.before")
            words.ageAfter = reader.strings(ages["after"], "age_words.after")
        }
        words.cannotLie = phrasesByLying(map["cannot_lie"], "cannot_lie", &reader)
        words.positionsWhenHurting = phrasesByLying(map["positions_when_hurting"], "positions_when_hurting", &reader)
        words.howToDo = reader.strings(map["how_to_do"], "how_to_do")
        words.alreadyDo = reader.strings(map["already_do"], "already_do")
        if let experience = map["training_experience"].flatMap({ reader.mapping($0, "training_experience") }) {
            reader.checkKeys(
                experience, allowed: ["words", "from_days", "not_after", "not_before"], in: "training_experience")
            words.experienceNotAfter = reader.strings(experience["not_after"], "not_after")
            words.experienceNotBefore = reader.strings(experience["not_before"], "not_before")
            words.experienceWords = reader.strings(experience["words"], "the words of training_experience")
            if let days = experience["from_days"].flatMap({ reader.mapping($0, "from_days") }) {
                for (key, value) in days {
                    guard let level = enumValue(key, Level.self, "a level", &reader),
                        let count = reader.int(value, "from_days of \(level.rawValue)", in: 1...36500)
                    else { continue }
                    words.experienceDays[level] = count
                }
            }
        }
        if let places = map["floorless_places"].flatMap({ reader.mapping($0, "floorless_places") }) {
            reader.checkKeys(
                places,
                allowed: [
                    "phrases", "not_after", "not_before", "lasting", "left_behind", "floor_offered", "without_kit",
                ],
                in: "floorless_places")
            words.floorlessLasting = reader.strings(places["lasting"], "floorless_places.lasting")
            words.floorlessPlaces = reader.strings(places["phrases"], "floorless_places.phrases")
            words.floorlessNotAfter = singleWords(places["not_after"], "floorless_places.not_after", &reader).map(
                TextNormalizer.stem)
            words.floorlessNotBefore = singleWords(places["not_before"], "floorless_places.not_before", &reader).map(
                TextNormalizer.stem)
            words.floorlessLeftBehind = singleWords(
                places["left_behind"], "floorless_places.left_behind", &reader
            ).map(TextNormalizer.stem)
            words.floorOffered = reader.strings(places["floor_offered"], "floorless_places.floor_offered")
            words.floorlessWithoutKit = singleWords(
                places["without_kit"], "floorless_places.without_kit", &reader
            ).map(TextNormalizer.stem)
        }
        words.minuteWords = singleWords(required("minute_words"), "minute_words", &reader)
        words.hourWords = singleWords(required("hour_words"), "hour_words", &reader)
        words.quitWords = lines(required("quit_words"), "quit_words", &reader)
        words.startWords = lines(map["start_words"], "start_words", &reader)
        words.listJoiners = singleWords(required("list_joiners"), "list_joiners", &reader)
        words.ownLevelWords = singleWords(map["own_level_words"], "own_level_words", &reader)
        words.phraseGaps = singleWords(required("phrase_gaps"), "phrase_gaps", &reader)
        words.cueTopics = singleWords(required("cue_topics"), "cue_topics", &reader)
        words.weakCueTopics = singleWords(map["weak_cue_topics"], "weak_cue_topics", &reader)
        for topic in words.weakCueTopics where !words.cueTopics.contains(topic) {
            reader.fail(map["weak_cue_topics"], "'\(topic)' in weak_cue_topics is not one of cue_topics")
        }
        if let topicWords = map["cue_topic_words"].flatMap({ reader.mapping($0, "cue_topic_words") }) {
            reader.checkKeys(topicWords, allowed: words.cueTopics, in: "cue_topic_words")
            for topic in words.cueTopics {
                guard let node = topicWords[topic] else { continue }
                words.cueTopicWords[topic] = singleWords(node, "the words of the cue topic '\(topic)'", &reader)
            }
        }
        if let signals = required("signals").flatMap({ reader.mapping($0, "signals") }) {
            reader.checkKeys(signals, allowed: Signal.allCases.map(\.rawValue), in: "signals")
            for signal in Signal.allCases {
                guard let node = reader.required(signals, signal.rawValue, in: "signals", at: map["signals"]) else {
                    continue
                }
                let list = singleWords(node, "the signal '\(signal.rawValue)'", &reader, pairs: signal.allowsWordPairs)
                words.signals[signal.rawValue] = list
                words.signalsAsRead[signal.rawValue] = Set(
                    list.map { TextNormalizer.tokens($0).map(TextNormalizer.stem).joined(separator: " ") })
            }
        }
        if let scope = required("in_scope").flatMap({ reader.mapping($0, "in_scope") }) {
            reader.checkKeys(scope, allowed: ["regions", "pain_areas", "phrases"], in: "in_scope")
            words.scopePhrases = scope["phrases"].map { reader.strings($0, "phrases") } ?? []
            words.scopeRegions = reader.strings(
                reader.required(scope, "regions", in: "in_scope", at: map["in_scope"]), "regions")
            words.scopePainAreas = reader.strings(
                reader.required(scope, "pain_areas", in: "in_scope", at: map["in_scope"]), "pain_areas")
            scopeLocation = reader.location(map["in_scope"])
        }
        language.understanding = words
    }

    /// A list matched one word of the input at a time, its entries read as the input is read
    /// (`TextNormalizer`): "Don't" becomes "dont". An entry that is not one word after that can
    /// never match, and is a warning.
    /// With `pairs`, an entry may also be two words, kept as the classifier reads a pair: each
    /// word stemmed ("many weeks" as "many week").
    /// `sessions_a_week`: counts and phrases with the sessions a week they mean, and the words
    /// between a count and the week.
    private mutating func sessionsAWeek(_ node: Node, _ reader: inout YAMLReader) -> SessionsAWeekWords {
        var words = SessionsAWeekWords()
        guard let map = reader.mapping(node, "sessions_a_week") else { return words }
        reader.checkKeys(
            map, allowed: ["counts", "between", "week", "phrases", "days", "split", "day_kinds", "vary", "weekdays"],
            in: "sessions_a_week")
        func numbered(_ key: String) -> [String: Int] {
            var values: [String: Int] = [:]
            guard let fields = map[key].flatMap({ reader.mapping($0, "sessions_a_week.\(key)") }) else { return [:] }
            for (word, value) in fields {
                if let text = reader.string(word, "a phrase of sessions_a_week.\(key)"),
                    let number = reader.int(value, "the sessions a week for '\(text)'", in: NumberRanges.perWeek)
                {
                    values[TextNormalizer.tokens(text).map(TextNormalizer.stem).joined(separator: " ")] = number
                }
            }
            return values
        }
        words.counts = numbered("counts")
        words.phrases = numbered("phrases")
        words.weekdays = numbered("weekdays")
        words.between = singleWords(map["between"], "sessions_a_week.between", &reader).map(TextNormalizer.stem)
        words.week = singleWords(map["week"], "sessions_a_week.week", &reader).map(TextNormalizer.stem)
        words.days = singleWords(map["days"], "sessions_a_week.days", &reader).map(TextNormalizer.stem)
        words.split = singleWords(map["split"], "sessions_a_week.split", &reader).map(TextNormalizer.stem)
        words.vary = singleWords(map["vary"], "sessions_a_week.vary", &reader).map(TextNormalizer.stem)
        words.dayKinds = singleWords(map["day_kinds"], "sessions_a_week.day_kinds", &reader).map(TextNormalizer.stem)
        return words
    }

    /// Phrases by way of lying (`Lying` ids as keys: `cannot_lie`, `positions_when_hurting`).
    private mutating func phrasesByLying(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [String:
        [String]]
    {
        var phrases: [String: [String]] = [:]
        guard let mapping = node.flatMap({ reader.mapping($0, what) }) else { return phrases }
        for (key, value) in mapping {
            guard let way = enumValue(key, Lying.self, "a way of lying", &reader) else { continue }
            phrases[way.rawValue] = reader.strings(value, "the phrases of \(what).\(way.rawValue)")
        }
        return phrases
    }

    private mutating func singleWords(
        _ node: Node?, _ what: String, _ reader: inout YAMLReader, pairs: Bool = false
    ) -> [String] {
        var words: [String] = []
        for (entry, item) in zip(reader.strings(node, what), reader.sequenceNodes(node)) {
            let tokens = TextNormalizer.tokens(entry)
            if tokens.count == 1 {
                words.append(tokens[0])
            } else if pairs, tokens.count == 2 {
                words.append(tokens.map(TextNormalizer.stem).joined(separator: " "))
            } else {
                warnings.append(
                    reader.location(item).diagnostic(
                        "'\(entry)' in \(what) can never match: this list is matched \(pairs ? "one or two words" : "one word") at a time, and it reads as "
                            + (tokens.isEmpty ? "no word" : "'\(tokens.joined(separator: " "))'"), isWarning: true))
            }
        }
        return words
    }

    /// A list matched against a whole line, its entries read as the input is read.
    private mutating func lines(_ node: Node?, _ what: String, _ reader: inout YAMLReader) -> [String] {
        var lines: [String] = []
        for (entry, item) in zip(reader.strings(node, what), reader.sequenceNodes(node)) {
            let tokens = TextNormalizer.tokens(entry)
            if tokens.isEmpty {
                warnings.append(
                    reader.location(item).diagnostic(
                        "'\(entry)' in \(what) has no word and never matches", isWarning: true))
            } else {
                lines.append(tokens.joined(separator: " "))
            }
        }
        return lines
    }

    mutating func decodeReplies(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "replies.yaml") else { return }
        for (key, value) in map {
            guard let name = reader.string(key, "a reply key") else { continue }
            if ReplyKey(rawValue: name) == nil {
                let hint =
                    Suggestion.hint(for: name, in: ReplyKey.allCases.map(\.rawValue))
                reader.fail(key, "unknown reply key '\(name)'\(hint)")
                continue
            }
            // Block scalars (`|`) keep their line breaks, for multi-line replies such as help.
            if case let .scalar(scalar) = value {
                let text = scalar.string.trimmingCharacters(in: .newlines)
                if text.isEmpty {
                    reader.fail(value, "the reply '\(name)' is empty")
                } else {
                    replies.templates[name] = text
                }
            } else {
                reader.fail(value, "the reply '\(name)' should be text")
            }
        }
        for key in ReplyKey.allCases.map(\.rawValue) where replies.templates[key] == nil {
            reader.fail(root, "replies.yaml is missing the reply '\(key)'")
        }
    }
}
