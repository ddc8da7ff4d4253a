import CoachModel
import Yams

/// Safety, topics and routines: what coach says beyond a single exercise.
extension KnowledgeDecoder {
    mutating func decodeSafety(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "safety.yaml") else { return }
        reader.checkKeys(
            map,
            allowed: [
                "precautions", "avoid", "red_flags", "soreness", "pain_areas", "pain_words", "not_pain",
                "pain_better", "cleared", "returning", "seen_professional", "treatments", "conditions", "not_a_report",
                "mild_discomfort", "mild_words", "area_fine_before", "area_fine_after",
            ],
            in: "safety.yaml")
        let precautions = sourcedTexts(
            reader.required(map, "precautions", in: "safety.yaml", at: root), "precautions", &reader)
        let avoid = sourcedTexts(reader.required(map, "avoid", in: "safety.yaml", at: root), "avoid", &reader)
        var redFlagPhrases: [String] = []
        var redFlagAdvice: SourcedText?
        var redFlagWithPain: [String] = []
        var redFlagSudden: [String] = []
        var redFlagEmergency: [String] = []
        var redFlagLimits: [String] = []
        var combined: [CombinedSign] = []
        var combinedWithin = 12
        var passedAtOnce: [String] = []
        var stillThere: [String] = []
        var tiresFirst: [String] = []
        var meanings: [SafetyKnowledge.SignMeaning] = []
        var redFlagWithSoreness: [String] = []
        var redFlagSameDay: [String] = []
        var redFlagUrgent: String?
        var lasting = SafetyKnowledge.LastingPain()
        if let node = reader.required(map, "red_flags", in: "safety.yaml", at: root),
            let flags = reader.mapping(node, "red_flags")
        {
            reader.checkKeys(
                flags,
                allowed: [
                    "phrases", "with_pain", "with_soreness", "sudden_with_pain", "lasting", "emergency", "advice",
                    "urgent", "meanings", "limits_unless_cleared", "combined", "passed_at_once", "still_there",
                    "tires_first", "same_day",
                ],
                in: "red_flags")
            redFlagWithSoreness = reader.strings(flags["with_soreness"], "red flag phrases with soreness")
            redFlagUrgent = reader.required(flags, "urgent", in: "red_flags", at: node).flatMap {
                reader.string($0, "when to get urgent help")
            }
            redFlagWithPain = reader.strings(flags["with_pain"], "red flag phrases with pain")
            if let node = flags["lasting"] { lasting = lastingPain(node, &reader) }
            redFlagSudden = reader.strings(flags["sudden_with_pain"], "sudden red flag phrases with pain")
            redFlagEmergency = reader.strings(flags["emergency"], "emergency red flag phrases")
            redFlagLimits = reader.strings(flags["limits_unless_cleared"], "limits that are red flags unless cleared")
            passedAtOnce = reader.strings(flags["passed_at_once"], "red_flags.passed_at_once")
            stillThere = reader.strings(flags["still_there"], "red_flags.still_there")
            tiresFirst = reader.strings(flags["tires_first"], "red_flags.tires_first")
            redFlagSameDay = reader.strings(flags["same_day"], "red_flags.same_day")
            if let node = flags["combined"] { (combined, combinedWithin) = combinedSigns(node, &reader) }
            for item in reader.sequence(flags["meanings"], "red_flags.meanings") {
                guard let entry = reader.mapping(item, "a sign's meaning") else { continue }
                reader.checkKeys(entry, allowed: ["words", "text", "source", "section"], in: "a sign's meaning")
                let words = reader.strings(
                    reader.required(entry, "words", in: "a sign's meaning", at: item), "the words of a sign")
                let text = reader.required(entry, "text", in: "a sign's meaning", at: item).flatMap {
                    reader.string($0, "the text of a sign's meaning")
                }
                if let text, let source = sourceRef(entry, in: "a sign's meaning", at: item, &reader) {
                    meanings.append(.init(words: words, text: SourcedText(text: text, source: source)))
                }
            }
            redFlagPhrases = reader.strings(
                reader.required(flags, "phrases", in: "red_flags", at: node), "red flag phrases")
            redFlagAdvice = sourcedText(
                reader.required(flags, "advice", in: "red_flags", at: node), "the red flag advice", &reader)
        }
        var sorenessPhrases: [String] = []
        var settles: [String] = []
        var soreness: SourcedText?
        if let node = reader.required(map, "soreness", in: "safety.yaml", at: root),
            let sore = reader.mapping(node, "soreness")
        {
            reader.checkKeys(sore, allowed: ["phrases", "settles", "text", "source", "section"], in: "soreness")
            settles = reader.strings(sore["settles"], "soreness.settles")
            sorenessPhrases = reader.strings(
                reader.required(sore, "phrases", in: "soreness", at: node), "soreness phrases")
            let text = reader.required(sore, "text", in: "soreness", at: node).flatMap {
                reader.string($0, "the soreness text")
            }
            if let text, let source = sourceRef(sore, in: "soreness", at: node, &reader) {
                soreness = SourcedText(text: text, source: source)
            }
        }
        var areas: [SafetyKnowledge.PainArea] = []
        for node in reader.sequence(map["pain_areas"], "pain_areas") {
            guard let item = reader.mapping(node, "a pain area") else { continue }
            reader.checkKeys(
                item,
                allowed: [
                    "id", "name", "phrases", "causes", "gentler", "urgent", "work_around", "joint", "instead_of",
                    "spare_tip", "tells_apart", "vague_words",
                ],
                in: "a pain area")
            let id = reader.required(item, "id", in: "a pain area", at: node).flatMap { reader.string($0, "the id") }
            let name = reader.required(item, "name", in: "a pain area", at: node).flatMap {
                reader.string($0, "the name")
            }
            let phrases = reader.strings(reader.required(item, "phrases", in: "a pain area", at: node), "phrases")
            let causes = sourcedTexts(item["causes"], "causes", &reader)
            let gentler = ids(item["gentler"], .exercise, "gentler", &reader)
            if let id, let name {
                var area = SafetyKnowledge.PainArea(
                    id: id, name: name, phrases: phrases, causes: causes, gentler: gentler.map { ExerciseID($0) })
                area.urgent = item["urgent"].flatMap { reader.string($0, "when to get urgent help") }
                area.workAround = item["work_around"].flatMap { reader.bool($0, "work_around") } ?? false
                area.joint = item["joint"].flatMap { reader.bool($0, "joint") } ?? false
                area.tellsApart = item["tells_apart"].flatMap { reader.bool($0, "tells_apart") } ?? false
                area.insteadOf = reader.strings(item["instead_of"], "instead_of")
                area.vagueWords = reader.strings(item["vague_words"], "vague_words")
                area.spareTip = item["spare_tip"].flatMap { sourcedText($0, "spare_tip", &reader) }
                areas.append(area)
            }
        }
        let painWords = reader.strings(reader.required(map, "pain_words", in: "safety.yaml", at: root), "pain_words")
        guard let redFlagAdvice, let soreness else { return }
        safety = SafetyKnowledge(
            precautions: precautions, avoid: avoid, redFlagPhrases: redFlagPhrases, redFlagAdvice: redFlagAdvice,
            sorenessPhrases: sorenessPhrases, soreness: soreness, painAreas: areas, painWords: painWords)
        safety?.redFlagWithPain = redFlagWithPain
        safety?.redFlagUrgent = redFlagUrgent ?? ""
        safety?.redFlagSudden = redFlagSudden
        safety?.redFlagEmergency = redFlagEmergency
        safety?.redFlagLimits = redFlagLimits
        safety?.combinedSigns = combined
        safety?.combinedWithin = combinedWithin
        safety?.passedAtOnce = passedAtOnce
        safety?.stillThere = stillThere
        safety?.tiresFirst = tiresFirst
        safety?.redFlagMeanings = meanings
        safety?.redFlagSameDay = redFlagSameDay
        safety?.redFlagWithSoreness = redFlagWithSoreness
        safety?.lasting = lasting
        safety?.notPain = reader.strings(map["not_pain"], "not_pain")
        safety?.settlesPhrases = settles
        safety?.notAReport = reader.strings(map["not_a_report"], "not_a_report")
        safety?.painBetter = reader.strings(map["pain_better"], "pain_better")
        safety?.cleared = reader.strings(map["cleared"], "cleared")
        safety?.returning = reader.strings(map["returning"], "returning")
        safety?.seenProfessional = reader.strings(map["seen_professional"], "seen_professional")
        safety?.mildDiscomfort = reader.strings(map["mild_discomfort"], "mild_discomfort")
        safety?.mildWords = reader.strings(map["mild_words"], "mild_words")
        safety?.areaFineBefore = reader.strings(map["area_fine_before"], "area_fine_before")
        safety?.areaFineAfter = reader.strings(map["area_fine_after"], "area_fine_after")
        var treatments: [SafetyKnowledge.Treatment] = []
        for node in reader.sequence(map["treatments"], "treatments") {
            if let treatment = treatment(node, &reader) { treatments.append(treatment) }
        }
        safety?.treatments = treatments
        var conditions: [SafetyKnowledge.Condition] = []
        for node in reader.sequence(map["conditions"], "conditions") {
            if let condition = condition(node, &reader) { conditions.append(condition) }
        }
        safety?.conditions = conditions
    }

    /// `red_flags.lasting`: the shortest duration of a pain that counts as lasting, how near the
    /// word of pain it must be said, and the days of each unit word.
    private func lastingPain(_ node: Node, _ reader: inout YAMLReader) -> SafetyKnowledge.LastingPain {
        var lasting = SafetyKnowledge.LastingPain()
        guard let map = reader.mapping(node, "red_flags.lasting") else { return lasting }
        reader.checkKeys(
            map, allowed: ["days", "near_pain", "units", "dating", "events", "care"], in: "red_flags.lasting")
        lasting.dating = reader.strings(map["dating"], "red_flags.lasting.dating").map(TextNormalizer.stem)
        lasting.events = reader.strings(map["events"], "red_flags.lasting.events").map(TextNormalizer.stem)
        lasting.care = reader.strings(map["care"], "red_flags.lasting.care").map(TextNormalizer.stem)
        lasting.days =
            reader.required(map, "days", in: "red_flags.lasting", at: node).flatMap {
                reader.int($0, "the days a pain must last", in: 1...3650)
            } ?? 0
        lasting.nearPain =
            reader.required(map, "near_pain", in: "red_flags.lasting", at: node).flatMap {
                reader.int($0, "near_pain (words between a duration and the pain)", in: 0...20)
            } ?? 0
        guard
            let units = reader.required(map, "units", in: "red_flags.lasting", at: node).flatMap({
                reader.mapping($0, "units")
            })
        else { return lasting }
        for (key, value) in units {
            guard let word = reader.string(key, "a unit of time"),
                let days = reader.int(value, "the days in '\(word)'", in: 1...366)
            else { continue }
            lasting.units[word] = days
        }
        return lasting
    }

    /// A condition noticed, or a setting that explains aches: `{id, phrases, advice, aches,
    /// before_training}`.
    private mutating func condition(_ node: Node, _ reader: inout YAMLReader) -> SafetyKnowledge.Condition? {
        guard let item = reader.mapping(node, "a condition") else { return nil }
        reader.checkKeys(item, allowed: ["id", "phrases", "advice", "aches", "before_training"], in: "a condition")
        let id = reader.required(item, "id", in: "a condition", at: node).flatMap { reader.string($0, "the id") }
        let phrases = reader.strings(reader.required(item, "phrases", in: "a condition", at: node), "phrases")
        let advice = sourcedText(reader.required(item, "advice", in: "a condition", at: node), "the advice", &reader)
        guard let id, let advice else { return nil }
        return SafetyKnowledge.Condition(
            id: id, phrases: phrases, advice: advice, aches: reader.strings(item["aches"], "aches"),
            beforeTraining: item["before_training"].flatMap { reader.bool($0, "before_training") } ?? false)
    }

    /// A treatment: `{id, means_pain, phrases, advice}`.
    private mutating func treatment(_ node: Node, _ reader: inout YAMLReader) -> SafetyKnowledge.Treatment? {
        guard let item = reader.mapping(node, "a treatment") else { return nil }
        reader.checkKeys(item, allowed: ["id", "means_pain", "phrases", "advice"], in: "a treatment")
        let id = reader.required(item, "id", in: "a treatment", at: node).flatMap { reader.string($0, "the id") }
        let meansPain = reader.required(item, "means_pain", in: "a treatment", at: node).flatMap {
            reader.bool($0, "means_pain")
        }
        let phrases = reader.strings(reader.required(item, "phrases", in: "a treatment", at: node), "phrases")
        let advice = sourcedText(reader.required(item, "advice", in: "a treatment", at: node), "the advice", &reader)
        guard let id, let meansPain, let advice else { return nil }
        return SafetyKnowledge.Treatment(id: id, meansPain: meansPain, phrases: phrases, advice: advice)
    }

    mutating func decodeTopics(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "topics.yaml") else { return }
        reader.checkKeys(map, allowed: ["topics", "not_covered"], in: "topics.yaml")
        for node in reader.sequence(map["not_covered"], "not_covered") {
            guard let item = reader.mapping(node, "a topic not covered") else { continue }
            reader.checkKeys(
                item,
                allowed: [
                    "id", "what", "phrases", "said_with", "nearest", "nearest_muscle", "nearest_exercise",
                    "nearest_goal", "medical",
                    "exercise_answers",
                    "guidance", "without",
                    "caveat", "cannot_lie", "from_age",
                ],
                in: "a topic not covered")
            let id = reader.required(item, "id", in: "a topic not covered", at: node).flatMap {
                reader.string($0, "the id")
            }
            let what = reader.required(item, "what", in: "a topic not covered", at: node).flatMap {
                reader.string($0, "what it is")
            }
            let phrases = reader.strings(
                reader.required(item, "phrases", in: "a topic not covered", at: node), "phrases")
            let nearest = item["nearest"].flatMap { reader.string($0, "the nearest topic") }
            if let nearest { nearestTopics.append((nearest, reader.location(item["nearest"]))) }
            let medical = item["medical"].flatMap { reader.bool($0, "medical") } ?? false
            let exerciseAnswers = item["exercise_answers"].flatMap { reader.bool($0, "exercise_answers") } ?? false
            let nearestMuscle = item["nearest_muscle"].flatMap { self.id($0, .muscle, "the nearest muscle", &reader) }
            let nearestExercise = item["nearest_exercise"].flatMap {
                self.id($0, .exercise, "the nearest exercise", &reader)
            }
            if let id, let what {
                var uncovered = NotCovered(
                    id: id, what: what, phrases: phrases, nearest: nearest, medical: medical,
                    exerciseAnswers: exerciseAnswers)
                uncovered.saidWith = reader.sequence(item["said_with"], "said_with").map {
                    reader.strings($0, "the phrases of said_with")
                }
                if uncovered.saidWith.contains(where: \.isEmpty) || uncovered.saidWith.count == 1 {
                    reader.fail(item["said_with"], "said_with needs two or more lists of phrases, none empty")
                }
                uncovered.nearestMuscle = nearestMuscle.map { MuscleID($0) }
                uncovered.nearestExercise = nearestExercise.map { ExerciseID($0) }
                uncovered.nearestGoal = item["nearest_goal"].flatMap { reader.string($0, "the nearest goal") }
                if let goal = uncovered.nearestGoal {
                    nearestGoals.append((goal, reader.location(item["nearest_goal"])))
                }
                uncovered.guidance = item["guidance"].flatMap { reader.string($0, "the guidance") }
                if let without = item["without"].flatMap({ reader.mapping($0, "without") }) {
                    for (key, value) in without {
                        if let kit = self.id(key, .equipment, "the kit of 'without'", &reader),
                            let text = reader.string(value, "what to say without \(kit)")
                        {
                            uncovered.without[EquipmentID(kit)] = text
                        }
                    }
                }
                uncovered.caveat = item["caveat"].flatMap { reader.bool($0, "caveat") } ?? false
                uncovered.fromAge = item["from_age"].flatMap { reader.int($0, "from_age", in: 1...120) }
                uncovered.cannotLie = reader.sequence(item["cannot_lie"], "cannot_lie").compactMap {
                    enumValue($0, Lying.self, "a way of lying", &reader)
                }
                language.notCovered.append(uncovered)
            }
        }
        for node in reader.sequence(reader.required(map, "topics", in: "topics.yaml", at: root), "topics") {
            guard let item = reader.mapping(node, "a topic") else { continue }
            reader.checkKeys(item, allowed: ["id", "title", "answers", "asks", "answer"], in: "a topic")
            let id = reader.required(item, "id", in: "a topic", at: node).flatMap { reader.string($0, "the id") }
            let title = reader.required(item, "title", in: "a topic", at: node).flatMap {
                reader.string($0, "the title")
            }
            let asks = reader.strings(reader.required(item, "asks", in: "a topic", at: node), "asks")
            let answers = askID(reader.required(item, "answers", in: "a topic", at: node), &reader)
            let answer = sourcedTexts(reader.required(item, "answer", in: "a topic", at: node), "the answer", &reader)
            if answer.isEmpty, item["answer"] != nil {
                reader.fail(item["answer"], "a topic needs at least one answer")
            }
            if let id, let title, let answers, !answer.isEmpty {
                topics.append(Topic(id: id, title: title, answers: answers, asks: asks, answer: answer))
            }
        }
    }

    /// An `Ask` id, with a hint when it is close to one.
    func askID(_ node: Node?, _ reader: inout YAMLReader) -> Ask? {
        guard let text = reader.string(node, "the ask it answers") else { return nil }
        if let ask = Ask(rawValue: text) { return ask }
        let ids = Ask.allCases.map(\.rawValue)
        let hint = Suggestion.hint(for: text, in: ids)
        reader.fail(node, "unknown ask '\(text)'\(hint); the asks are listed in language/asks.yaml")
        return nil
    }

    /// `red_flags.combined`: how near the pieces must be (`within` words), the kinds of words signs
    /// share (`kinds`: a blow, a breath that catches, an arm that gives out), and the signs, each
    /// with its groups of words (`all`, where `@kind` stands for that kind's words), whether it is
    /// an emergency and whether it needs pain said.
    private mutating func combinedSigns(_ node: Node, _ reader: inout YAMLReader) -> ([CombinedSign], Int) {
        guard let map = reader.mapping(node, "red_flags.combined") else { return ([], 12) }
        reader.checkKeys(map, allowed: ["within", "signs", "kinds"], in: "red_flags.combined")
        var kinds: [String: [String]] = [:]
        if let kindsNode = map["kinds"], let kindsMap = reader.mapping(kindsNode, "red_flags.combined.kinds") {
            for (key, value) in kindsMap {
                guard let name = reader.string(key, "the name of a kind") else { continue }
                let words = reader.strings(value, "the words of the kind \(name)")
                if words.isEmpty { reader.fail(value, "the kind \(name) has no words") }
                kinds[name] = words
            }
        }
        /// A group's words, each `@kind` replaced by that kind's words.
        func expanded(_ words: [String], _ what: String, at node: Node) -> [String] {
            words.flatMap { word -> [String] in
                guard word.hasPrefix(Self.kindMark) else { return [word] }
                let name = String(word.dropFirst(Self.kindMark.count))
                guard let kind = kinds[name] else {
                    reader.fail(node, "\(what) names the kind '\(name)', which red_flags.combined.kinds does not have")
                    return []
                }
                return kind
            }
        }
        let within =
            reader.required(map, "within", in: "red_flags.combined", at: node).flatMap {
                reader.int($0, "how near the pieces of a sign are said", in: 2...40)
            } ?? 12
        var signs: [CombinedSign] = []
        for item in reader.sequence(reader.required(map, "signs", in: "red_flags.combined", at: node), "signs") {
            guard let entry = reader.mapping(item, "a sign said in pieces") else { continue }
            let what = "a sign said in pieces"
            reader.checkKeys(entry, allowed: ["id", "all", "emergency", "with_pain", "within"], in: what)
            let id = reader.required(entry, "id", in: what, at: item).flatMap { reader.string($0, "the id") }
            let groups = reader.sequence(reader.required(entry, "all", in: what, at: item), "all").map {
                expanded(reader.strings($0, "a group of words of \(id ?? what)"), id ?? what, at: $0)
            }
            if groups.count < 2 {
                reader.fail(entry["all"] ?? item, "\(id ?? what) needs at least two groups of words")
            }
            if let empty = groups.firstIndex(where: \.isEmpty) {
                reader.fail(entry["all"] ?? item, "group \(empty + 1) of \(id ?? what) has no words")
            }
            let emergency = entry["emergency"].flatMap { reader.bool($0, "emergency") } ?? false
            let withPain = entry["with_pain"].flatMap { reader.bool($0, "with_pain") } ?? false
            let ownWithin = entry["within"].flatMap {
                reader.int($0, "how near the pieces of \(id ?? what) are said", in: 2...40)
            }
            if let id, groups.count >= 2, !groups.contains(where: \.isEmpty) {
                signs.append(
                    CombinedSign(id: id, groups: groups, emergency: emergency, withPain: withPain, within: ownWithin))
            }
        }
        return (signs, within)
    }

    /// How a group of a sign's words names a kind of words (`@blow`).
    static let kindMark = "@"

    mutating func decodeRoutines(_ root: Node, _ reader: inout YAMLReader) {
        guard let map = reader.mapping(root, "routines.yaml") else { return }
        reader.checkKeys(map, allowed: ["routines", "time_model", "harder", "weekly"], in: "routines.yaml")
        for node in reader.sequence(map["weekly"], "weekly") {
            guard let item = reader.mapping(node, "an item of weekly") else { continue }
            let most = reader.required(item, "most", in: "an item of weekly", at: node).flatMap {
                reader.int($0, "the most sessions a week", in: NumberRanges.perWeek)
            }
            let light = item["light"].flatMap { reader.bool($0, "light") } ?? false
            if let most, let advice = sourcedText(node, "an item of weekly", &reader, alsoAllowed: ["most", "light"]) {
                weeklyAdvice.append(WeeklyAdvice(most: most, light: light, advice: advice))
            }
        }
        harderAdvice = sourcedText(
            reader.required(map, "harder", in: "routines.yaml", at: root), "the advice for harder workouts", &reader)
        for node in reader.sequence(reader.required(map, "routines", in: "routines.yaml", at: root), "routines") {
            if let routine = routine(node, &reader) { routines.append(routine) }
        }
        timeModel = reader.required(map, "time_model", in: "routines.yaml", at: root).flatMap {
            decodeTimeModel($0, &reader)
        }
    }

    private mutating func routine(_ node: Node, _ reader: inout YAMLReader) -> Routine? {
        guard let item = reader.mapping(node, "a routine") else { return nil }
        let what = "a routine"
        reader.checkKeys(
            item,
            allowed: [
                "id", "title", "minutes", "equipment", "rounds", "rest_seconds", "per_week", "how", "asks", "source",
                "section", "items",
            ],
            in: what)
        let id = reader.required(item, "id", in: what, at: node).flatMap { reader.string($0, "the id") }
        let title = reader.required(item, "title", in: what, at: node).flatMap { reader.string($0, "the title") }
        let minutes = reader.required(item, "minutes", in: what, at: node).flatMap {
            reader.int($0, "minutes", in: NumberRanges.minutes)
        }
        let equipment = ids(item["equipment"], .equipment, "equipment", &reader)
        let rounds = item["rounds"].flatMap { reader.int($0, "rounds", in: NumberRanges.rounds) } ?? 1
        let rest = item["rest_seconds"].flatMap { reader.int($0, "rest_seconds", in: NumberRanges.restSeconds) } ?? 0
        let perWeek = item["per_week"].flatMap { reader.int($0, "per_week", in: NumberRanges.perWeek) }
        let how = sourcedText(reader.required(item, "how", in: what, at: node), "how", &reader)
        let asks = reader.strings(item["asks"], "asks")
        let source = sourceRef(item, in: what, at: node, &reader)
        var entries: [Routine.Item] = []
        for entry in reader.sequence(reader.required(item, "items", in: what, at: node), "items") {
            guard let row = reader.mapping(entry, "a routine item") else { continue }
            reader.checkKeys(row, allowed: ["exercise", "reps", "seconds", "note"], in: "a routine item")
            let exercise = self.id(
                reader.required(row, "exercise", in: "a routine item", at: entry), .exercise, "the exercise", &reader)
            let reps = row["reps"].flatMap { reader.int($0, "reps", in: NumberRanges.reps) }
            let seconds = row["seconds"].flatMap { reader.int($0, "seconds", in: NumberRanges.holdSeconds) }
            let note = row["note"].flatMap { reader.string($0, "the note") }
            if let exercise {
                entries.append(.init(exercise: ExerciseID(exercise), reps: reps, seconds: seconds, note: note))
            }
        }
        guard let id, let title, let minutes, let how, let source else { return nil }
        return Routine(
            id: id, title: title, minutes: minutes, equipment: equipment.map { EquipmentID($0) }, rounds: rounds,
            restSeconds: rest,
            perWeek: perWeek, how: how, asks: asks, source: source, items: entries)
    }

    /// `time_model:` in routines.yaml: every number a workout is timed and dosed with.
    private mutating func decodeTimeModel(_ node: Node, _ reader: inout YAMLReader) -> TimeModel? {
        guard let map = reader.mapping(node, "time_model") else { return nil }
        let keys = [
            "seconds_per_rep", "side_switch_seconds", "changeover_seconds", "rest_seconds", "sets",
            "warm_up_seconds", "default_reps", "default_hold_seconds", "rest_range", "main_exercises",
            "warm_up_moves", "most_sets", "most_rounds", "default_minutes", "percent_of_best",
            "fewer_reps_percent", "more_reps_percent", "reps_range", "cool_down_seconds",
        ]
        reader.checkKeys(map, allowed: keys + ["source"], in: "time_model")
        func count(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            reader.required(map, key, in: "time_model", at: node).flatMap { reader.int($0, key, in: range) }
        }
        var secondsPerRep: Double?
        if let value = reader.required(map, "seconds_per_rep", in: "time_model", at: node) {
            if let text = reader.string(value, "seconds_per_rep"), let number = Double(text), number.isFinite,
                NumberRanges.secondsPerRep.contains(number)
            {
                secondsPerRep = number
            } else {
                reader.fail(
                    value,
                    "seconds_per_rep should be a number from \(NumberRanges.secondsPerRep.lowerBound) to \(NumberRanges.secondsPerRep.upperBound)"
                )
            }
        }
        func byLevel(_ key: String, _ range: ClosedRange<Int>) -> [Level: Int]? {
            guard
                let levels = reader.required(map, key, in: "time_model", at: node).flatMap({ reader.mapping($0, key) })
            else { return nil }
            reader.checkKeys(levels, allowed: Level.allCases.map(\.rawValue), in: key)
            var values: [Level: Int] = [:]
            for level in Level.allCases {
                values[level] = reader.required(levels, level.rawValue, in: key, at: map[key]).flatMap {
                    reader.int($0, "\(key) for \(level.rawValue)", in: range)
                }
            }
            return values.count == Level.allCases.count ? values : nil
        }
        guard let secondsPerRep, let side = count("side_switch_seconds", NumberRanges.stepSeconds),
            let changeover = count("changeover_seconds", NumberRanges.stepSeconds),
            let rest = byLevel("rest_seconds", NumberRanges.restSeconds), let sets = byLevel("sets", NumberRanges.sets),
            let warmUp = count("warm_up_seconds", NumberRanges.holdSeconds),
            let reps = count("default_reps", NumberRanges.reps),
            let hold = count("default_hold_seconds", NumberRanges.holdSeconds)
        else { return nil }
        var model = TimeModel(
            secondsPerRep: secondsPerRep, sideSwitchSeconds: side, changeoverSeconds: changeover, restSeconds: rest,
            sets: sets, warmUpSeconds: warmUp, defaultReps: reps, defaultHoldSeconds: hold)
        func rangeValue(_ value: Node, _ what: String, within bounds: ClosedRange<Int>) -> ClosedRange<Int>? {
            guard let text = reader.string(value, what) else { return nil }
            guard let range = Self.range(text), bounds.contains(range.lowerBound), bounds.contains(range.upperBound)
            else {
                reader.fail(
                    value,
                    "\(what) should be a range within \(bounds.lowerBound)-\(bounds.upperBound), such as 45-90, not '\(text)'"
                )
                return nil
            }
            return range
        }
        if let levels = reader.required(map, "rest_range", in: "time_model", at: node).flatMap({
            reader.mapping($0, "rest_range")
        }) {
            reader.checkKeys(levels, allowed: Level.allCases.map(\.rawValue), in: "rest_range")
            for level in Level.allCases {
                model.restRange[level] = reader.required(
                    levels, level.rawValue, in: "rest_range", at: map["rest_range"]
                )
                .flatMap { rangeValue($0, "rest_range for \(level.rawValue)", within: NumberRanges.restSeconds) }
            }
        }
        if let brackets = reader.required(map, "main_exercises", in: "time_model", at: node).flatMap({
            reader.mapping($0, "main_exercises")
        }) {
            for (key, value) in brackets {
                guard let minutes = reader.int(key, "minutes of main_exercises", in: NumberRanges.minutes) else {
                    continue
                }
                model.mainExercises[minutes] = rangeValue(
                    value, "main_exercises up to \(minutes) minutes", within: NumberRanges.exercises)
            }
        }
        if let brackets = reader.required(map, "warm_up_moves", in: "time_model", at: node).flatMap({
            reader.mapping($0, "warm_up_moves")
        }) {
            for (key, value) in brackets {
                guard let minutes = reader.int(key, "minutes of warm_up_moves", in: NumberRanges.minutes) else {
                    continue
                }
                model.warmUpMoves[minutes] = reader.int(value, "warm_up_moves from \(minutes) minutes", in: 0...4)
            }
        }
        model.defaultMinutes = byLevel("default_minutes", NumberRanges.workoutMinutes) ?? [:]
        model.coolDownSeconds = count("cool_down_seconds", NumberRanges.holdSeconds) ?? model.coolDownSeconds
        model.mostSets = count("most_sets", NumberRanges.sets) ?? model.mostSets
        model.mostRounds = count("most_rounds", NumberRanges.rounds) ?? model.mostRounds
        model.percentOfBest = count("percent_of_best", 40...100) ?? model.percentOfBest
        model.fewerRepsPercent = count("fewer_reps_percent", 30...95) ?? model.fewerRepsPercent
        model.moreRepsPercent = count("more_reps_percent", 105...300) ?? model.moreRepsPercent
        if let range = reader.required(map, "reps_range", in: "time_model", at: node).flatMap({
            rangeValue($0, "reps_range", within: 1...50)
        }) {
            model.repsRange = range
        }
        return model
    }
}
