import CoachModel
import Yams

/// `progress.yaml`: how coach coaches from the training log.
extension KnowledgeDecoder {
    mutating func decodeProgress(_ root: Node, _ reader: inout YAMLReader) {
        let file = "progress.yaml"
        guard let map = reader.mapping(root, file) else { return }
        reader.checkKeys(
            map, allowed: ["sessions_per_week", "rest_hours", "sessions_at_top", "band_levels", "rules"], in: file)
        let perWeek = reader.int(
            reader.required(map, "sessions_per_week", in: file, at: root), "sessions_per_week",
            in: NumberRanges.perWeek)
        let restHours = reader.int(
            reader.required(map, "rest_hours", in: file, at: root), "rest_hours", in: NumberRanges.restHours)
        let atTop = reader.int(
            reader.required(map, "sessions_at_top", in: file, at: root), "sessions_at_top",
            in: NumberRanges.sessionsAtTop)
        var levels: [BandLevel] = []
        for node in reader.sequence(reader.required(map, "band_levels", in: file, at: root), "band_levels") {
            guard let item = reader.mapping(node, "a band level") else { continue }
            reader.checkKeys(item, allowed: ["id", "words"], in: "a band level")
            let id = reader.required(item, "id", in: "a band level", at: node).flatMap { reader.string($0, "the id") }
            let words = reader.strings(reader.required(item, "words", in: "a band level", at: node), "words")
            if let id { levels.append(BandLevel(id: id, words: words.map { $0.lowercased() })) }
        }
        var advice: [ProgressRule: ProgressAdvice] = [:]
        if let node = reader.required(map, "rules", in: file, at: root), let rules = reader.mapping(node, "rules") {
            reader.checkKeys(rules, allowed: ProgressRule.allCases.map(\.rawValue), in: "rules")
            for rule in ProgressRule.allCases {
                guard let ruleNode = reader.required(rules, rule.rawValue, in: "rules", at: node),
                    let item = reader.mapping(ruleNode, "rule \(rule.rawValue)")
                else { continue }
                reader.checkKeys(item, allowed: ["text", "basis"], in: "rule \(rule.rawValue)")
                let text = reader.required(item, "text", in: "rule \(rule.rawValue)", at: ruleNode).flatMap {
                    reader.string($0, "the text of rule \(rule.rawValue)")
                }
                var basis: SourceRef?
                if let basisNode = reader.required(item, "basis", in: "rule \(rule.rawValue)", at: ruleNode),
                    let fields = reader.mapping(basisNode, "the basis of rule \(rule.rawValue)")
                {
                    reader.checkKeys(fields, allowed: ["source", "section"], in: "the basis of rule \(rule.rawValue)")
                    basis = sourceRef(fields, in: "the basis of rule \(rule.rawValue)", at: basisNode, &reader)
                }
                if let text, let basis { advice[rule] = ProgressAdvice(text: text, basis: basis) }
            }
        }
        guard let perWeek, let restHours, let atTop, advice.count == ProgressRule.allCases.count else { return }
        progress = ProgressRules(
            sessionsPerWeek: perWeek, restHours: restHours, sessionsAtTop: atTop, bandLevels: levels, advice: advice)
    }
}

/// `language/log.yaml`: how people log sets and ask about their log.
extension KnowledgeDecoder {
    mutating func decodeLogLanguage(_ root: Node, _ reader: inout YAMLReader) {
        let file = "language/log.yaml"
        guard let map = reader.mapping(root, file) else { return }
        let lists = [
            "entry", "amend", "review", "review_with_period", "progress", "frequency", "next", "sets_words",
            "reps_words",
            "seconds_words", "minutes_words", "band_words", "not_band_names",
        ]
        reader.checkKeys(
            map, allowed: lists + ["periods", "weight_words", "effort", "longest_question", "longest_amend"], in: file)
        func list(_ key: String) -> [String] {
            reader.strings(reader.required(map, key, in: file, at: root), key).map { $0.lowercased() }
        }
        var log = LogLanguage()
        log.entry = list("entry")
        log.amend = list("amend")
        log.longestQuestion =
            reader.int(
                reader.required(map, "longest_question", in: file, at: root), "longest_question",
                in: NumberRanges.lineWords) ?? 16
        log.longestAmend =
            reader.int(
                reader.required(map, "longest_amend", in: file, at: root), "longest_amend", in: NumberRanges.lineWords)
            ?? 10
        log.review = list("review")
        log.reviewWithPeriod = list("review_with_period")
        log.progress = list("progress")
        log.frequency = list("frequency")
        log.next = list("next")
        log.setsWords = list("sets_words")
        log.repsWords = list("reps_words")
        log.secondsWords = list("seconds_words")
        log.minutesWords = list("minutes_words")
        log.bandWords = list("band_words")
        log.notBandNames = list("not_band_names")
        if let node = reader.required(map, "periods", in: file, at: root), let periods = reader.mapping(node, "periods")
        {
            reader.checkKeys(periods, allowed: LogPeriod.allCases.map(\.rawValue), in: "periods")
            for period in LogPeriod.allCases {
                log.periods[period] = reader.strings(
                    reader.required(periods, period.rawValue, in: "periods", at: node), period.rawValue)
            }
        }
        for key in ["weight_words", "effort"] {
            guard let node = reader.required(map, key, in: file, at: root), let words = reader.mapping(node, key)
            else { continue }
            for (name, value) in words {
                guard let name = reader.string(name, "a name in \(key)") else { continue }
                let phrases = reader.strings(value, "the words of '\(name)'").map { $0.lowercased() }
                if key == "effort" { log.effort[name] = phrases } else { log.weightWords[name] = phrases }
            }
        }
        language.log = log
    }
}
