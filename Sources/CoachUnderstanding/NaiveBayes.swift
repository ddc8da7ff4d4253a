import CoachModel
import Foundation

/// A multinomial naive Bayes text classifier over word unigrams and bigrams, trained from
/// labelled phrases. Small, fast (a dictionary lookup per feature and label), and it returns a
/// probability for every label, which is what confidence and "too close to call" need.
///
/// Chosen over discriminative classifiers by measurement on the dev split (5-fold, ask accuracy,
/// same features, 2026-11-28): this one (with complement naive Bayes averaged in) 57.4%; a
/// multi-class averaged perceptron alone 49.4-50.6% (3 to 25 passes); softmax regression alone
/// 47.5-56.2% (learning rate 0.1-2, L2 0.00001-0.001); naive Bayes averaged with softmax regression
/// 57.4-59.9% asks but 79.6% of replies passing their checks against 80.2%. The training phrases
/// are short and the questions long posts, and naive Bayes copes with that shift best; the blend's
/// one to four lines were not worth a dense weight table in every start.
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
    /// Whether the probabilities are the mean of this classifier's and complement naive Bayes's.
    /// Complement naive Bayes scores each label by how badly the other labels' counts explain the
    /// features, which keeps a label trained on many long posts (a pain treatment) from winning
    /// every long line on their common words. Chosen for asks on the dev split: averaged, it read
    /// 3 more asks right with the same replies; alone, 5 more asks but 2 replies fewer.
    private var blendingComplement = false

    /// Trains on `examples` (features of one phrase, and its label). Priors are uniform: how many
    /// phrases an intent has says nothing about how often people ask it.
    init(examples: [(features: [String], label: String)], alpha: Double = 0.3, blendingComplement: Bool = false) {
        self.alpha = alpha
        self.blendingComplement = blendingComplement
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
        var probabilities = Self.softmax(standardScores(features), labels: labels.count)
        if blendingComplement {
            let complement = Self.softmax(complementScores(features), labels: labels.count)
            probabilities = zip(probabilities, complement).map { ($0 + $1) / 2 }
        }
        return zip(labels, probabilities).map { ($0, $1) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Per label, the log likelihood of the features; nil when no feature was seen in training.
    private func standardScores(_ features: [String]) -> [Double]? {
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
        return used == 0 ? nil : scores
    }

    /// Per label, minus the log likelihood of the features under every other label's counts;
    /// nil when no feature was seen in training.
    private func complementScores(_ features: [String]) -> [Double]? {
        let vocabulary = Double(counts.count)
        let labelTotals = denominators.map { $0 - alpha * vocabulary }
        let total = labelTotals.reduce(0, +)
        var scores = [Double](repeating: 0, count: labels.count)
        var base = 0.0
        var used = 0.0
        for feature in features {
            guard let seen = counts[feature] else { continue }
            used += 1
            var featureTotal = 0.0
            var pair = 1
            while pair < seen.count {
                featureTotal += Double(seen[pair])
                pair += 2
            }
            let unseen = log(featureTotal + alpha)
            base -= unseen
            pair = 0
            while pair + 1 < seen.count {
                if scores.indices.contains(seen[pair]) {
                    scores[seen[pair]] += unseen - log(featureTotal - Double(seen[pair + 1]) + alpha)
                }
                pair += 2
            }
        }
        guard used > 0 else { return nil }
        for index in scores.indices {
            scores[index] += base + used * log(total - labelTotals[index] + alpha * vocabulary)
        }
        return scores
    }

    /// Per label, a probability from its score; all equal when there are no scores.
    private static func softmax(_ scores: [Double]?, labels: Int) -> [Double] {
        guard let scores else { return [Double](repeating: 1 / Double(labels), count: labels) }
        let best = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - best) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { $0 / sum }
    }
}

/// Saved without what follows from the rest (the unseen-feature logs), and read back with its
/// shape checked: classifying indexes every table by label.
extension NaiveBayes {
    private enum CodingKeys: String, CodingKey { case labels, counts, denominators, alpha, blendingComplement }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labels = try container.decode([String].self, forKey: .labels)
        counts = try container.decode([String: [Int]].self, forKey: .counts)
        denominators = try container.decode([Double].self, forKey: .denominators)
        alpha = try container.decode(Double.self, forKey: .alpha)
        blendingComplement = try container.decode(Bool.self, forKey: .blendingComplement)
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
        try container.encode(blendingComplement, forKey: .blendingComplement)
    }
}
