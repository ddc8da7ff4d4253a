import Testing

@testable import CoachUnderstanding

/// The classifier under the asks: plain naive Bayes lets a label trained on many long posts win a
/// line on their common words; blending in complement naive Bayes weighs the telling word more.
struct NaiveBayesTests {
    /// "treat" is trained on long posts full of everyday words; "return" on two short questions.
    let examples: [(features: [String], label: String)] =
        Array(
            repeating: (
                ["my", "back", "hurt", "after", "row", "what", "should", "i", "do", "about", "it", "ice"], "treat"
            ),
            count: 12)
        + [(["how", "soon", "back", "to", "lifting"], "return"), (["when", "can", "i", "lift", "again"], "return")]
        + [(["why", "does", "my", "back", "hurt"], "cause"), (["what", "is", "this", "pain"], "cause")]

    @Test func probabilitiesAreADistribution() {
        for blending in [false, true] {
            let classifier = NaiveBayes(examples: examples, blendingComplement: blending)
            let ranked = classifier.classify(["how", "soon", "can", "i", "row"])
            #expect(abs(ranked.map(\.probability).reduce(0, +) - 1) < 1e-9)
            #expect(ranked.map(\.probability) == ranked.map(\.probability).sorted(by: >))
            #expect(ranked.count == 3)
        }
    }

    /// "Can I get back to lifting, and what about ice? It hurts, my...": plain naive Bayes goes
    /// with the label of the many long posts (their words "what", "about", "my", "i" and "ice");
    /// the blend weighs "lifting" and "can", which only the return questions use.
    @Test func blendingWeighsAgainstTheBigLabel() throws {
        let line = ["can", "what", "about", "lifting", "hurt", "my", "ice", "i"]
        let plain = try #require(NaiveBayes(examples: examples).classify(line).first)
        let blended = try #require(NaiveBayes(examples: examples, blendingComplement: true).classify(line).first)
        #expect(plain.label == "treat")
        #expect(blended.label == "return")
    }

    @Test func unseenWordsGiveEveryLabelTheSameChance() {
        let ranked = NaiveBayes(examples: examples, blendingComplement: true).classify(["zzz"])
        #expect(ranked.allSatisfy { abs($0.probability - 1.0 / 3) < 1e-9 })
    }
}
