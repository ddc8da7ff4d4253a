import CoachModel
import Foundation

/// A multinomial naive Bayes text classifier over word unigrams and bigrams, trained from
/// labelled phrases. Small, fast (a dictionary lookup per feature and label), and it returns a
/// probability for every label, which is what confidence and "too close to call" need.
///
/// NB: the counts are kept sparse (most features are seen under one or two labels), and the log
/// likelihoods worked out when classifying: a dense table of every feature by every label made the
/// built-in snapshot, and so every start, grow with the number of labels.
struct NaiveBayes: Equatable, Sendable, Codable {
    private(set) var labels: [String] = []
    /// Per feature, the labels it was seen under and how often: label index, count, label index,
    /// count...
    private var counts: [String: [Int]] = [:]
    /// Per label, the smoothed total its counts are divided by.
    private var denominators: [Double] = []
    private var logUnseen: [Double] = []
    /// Smoothing: how much an unseen feature counts. Lower trusts the training phrases more.
    private let alpha: Double

    /// Trains on `examples` (features of one phrase, and its label). Priors are uniform: how many
    /// phrases an intent has says nothing about how often people ask it.
    init(examples: [(features: [String], label: String)], alpha: Double = 0.3) {
        self.alpha = alpha
        labels = Array(Set(examples.map(\.label))).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var perFeature: [String: [Int: Int]] = [:]
        var totals = [Double](repeating: 0, count: labels.count)
        for example in examples {
            guard let label = labelIndex[example.label] else { continue }
            for feature in example.features {
                perFeature[feature, default: [:]][label, default: 0] += 1
                totals[label] += 1
            }
        }
        let vocabularySize = Double(perFeature.count)
        denominators = totals.map { $0 + alpha * vocabularySize }
        logUnseen = denominators.map { log(alpha / $0) }
        for (feature, seen) in perFeature {
            counts[feature] = seen.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        }
    }

    /// True when the classifier has seen any of `features` in training.
    func knowsAny(_ features: [String]) -> Bool { features.contains { counts[$0] != nil } }

    /// Every label with its probability, most likely first. Features never seen in training are
    /// left out: they carry no evidence for any label.
    func classify(_ features: [String]) -> [(label: String, probability: Double)] {
        guard !labels.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: labels.count)
        var values = logUnseen
        var used = 0
        for feature in features {
            guard let seen = counts[feature] else { continue }
            used += 1
            var pair = 0
            while pair + 1 < seen.count {
                let label = seen[pair]
                if scores.indices.contains(label) {
                    values[label] = log((Double(seen[pair + 1]) + alpha) / denominators[label])
                }
                pair += 2
            }
            for index in scores.indices { scores[index] += values[index] }
            pair = 0
            while pair + 1 < seen.count {
                if scores.indices.contains(seen[pair]) { values[seen[pair]] = logUnseen[seen[pair]] }
                pair += 2
            }
        }
        if used == 0 { return labels.map { ($0, 1 / Double(labels.count)) } }
        let best = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - best) }
        let sum = exponentials.reduce(0, +)
        return zip(labels, exponentials).map { ($0, $1 / sum) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
        }
    }
}

/// Saved without what follows from the rest (the unseen-feature logs), and read back with its
/// shape checked: classifying indexes every table by label.
extension NaiveBayes {
    private enum CodingKeys: String, CodingKey { case labels, counts, denominators, alpha }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labels = try container.decode([String].self, forKey: .labels)
        counts = try container.decode([String: [Int]].self, forKey: .counts)
        denominators = try container.decode([Double].self, forKey: .denominators)
        alpha = try container.decode(Double.self, forKey: .alpha)
        // NB: each feature's label indexes are checked where they are used (`classify`), not here:
        // walking every table at start cost a tenth of reading the snapshot.
        guard denominators.count == labels.count else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a classifier table of the wrong size"))
        }
        logUnseen = denominators.map { log(alpha / $0) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labels, forKey: .labels)
        try container.encode(counts, forKey: .counts)
        try container.encode(denominators, forKey: .denominators)
        try container.encode(alpha, forKey: .alpha)
    }
}
