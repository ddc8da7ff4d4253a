import CoachModel
import Foundation

/// A multinomial naive Bayes text classifier over word unigrams and bigrams, trained from
/// labelled phrases. Small, fast (a dictionary lookup per feature and label), and it returns a
/// probability for every label, which is what confidence and "too close to call" need.
struct NaiveBayes: Equatable, Sendable, Codable {
    private(set) var labels: [String] = []
    private var logLikelihood: [String: [Double]] = [:]
    private var logUnseen: [Double] = []
    /// Smoothing: how much an unseen feature counts. Lower trusts the training phrases more.
    private let alpha: Double

    /// Trains on `examples` (features of one phrase, and its label). Priors are uniform: how many
    /// phrases an intent has says nothing about how often people ask it.
    init(examples: [(features: [String], label: String)], alpha: Double = 0.3) {
        self.alpha = alpha
        labels = Array(Set(examples.map(\.label))).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var counts: [String: [Double]] = [:]
        var totals = [Double](repeating: 0, count: labels.count)
        for example in examples {
            guard let label = labelIndex[example.label] else { continue }
            for feature in example.features {
                counts[feature, default: [Double](repeating: 0, count: labels.count)][label] += 1
                totals[label] += 1
            }
        }
        let vocabularySize = Double(counts.count)
        let denominators = totals.map { $0 + alpha * vocabularySize }
        logUnseen = denominators.map { log(alpha / $0) }
        for (feature, perLabel) in counts {
            logLikelihood[feature] = perLabel.enumerated().map { log(($1 + alpha) / denominators[$0]) }
        }
    }

    /// True when the classifier has seen any of `features` in training.
    func knowsAny(_ features: [String]) -> Bool { features.contains { logLikelihood[$0] != nil } }

    /// Every label with its probability, most likely first. Features never seen in training are
    /// left out: they carry no evidence for any label.
    func classify(_ features: [String]) -> [(label: String, probability: Double)] {
        guard !labels.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: labels.count)
        var used = 0
        for feature in features {
            guard let values = logLikelihood[feature] else { continue }
            used += 1
            for index in scores.indices { scores[index] += values[index] }
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

/// Read back from a snapshot with its shape checked: classifying indexes every table by label.
extension NaiveBayes {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labels = try container.decode([String].self, forKey: .labels)
        logLikelihood = try container.decode([String: [Double]].self, forKey: .logLikelihood)
        logUnseen = try container.decode([Double].self, forKey: .logUnseen)
        alpha = try container.decode(Double.self, forKey: .alpha)
        guard logUnseen.count == labels.count, logLikelihood.values.allSatisfy({ $0.count == labels.count }) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a classifier table of the wrong size"))
        }
    }
}
