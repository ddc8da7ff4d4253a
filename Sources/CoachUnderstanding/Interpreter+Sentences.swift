import CoachModel
import Foundation

/// How the interpreter cuts a line into sentences and questions, and what it reads from the
/// questions alone: a long post's backstory says what happened, its questions what is asked.
extension Interpreter {
    /// Whether a question asks yes or no: its first word is one of the `yes-no` signal's ("should I
    /// ...", "could it be ..."). With `afterCommas`, the first word after one of its commas counts
    /// too ("I had a baby in May, can I ...", "they say it leads to injuries - is that true?"), for a
    /// reader that wants only whether a yes or no is wanted at all.
    public func asksYesNo(_ question: String, afterCommas: Bool = false) -> Bool {
        (afterCommas
            ? question.split(whereSeparator: { ",;:-".contains($0) }).contains {
                Self.opens(String($0), with: yesNoWords)
            }
            : Self.opens(question, with: yesNoWords))
            || endsWithYesNoTag(TextNormalizer.tokens(question))
    }

    /// Whether the last word is one of the `yes-no-tag` signal's ("pull-ups every day ok?").
    private func endsWithYesNoTag(_ tokens: [String]) -> Bool {
        tokens.last.map { yesNoTags.contains(TextNormalizer.stem($0)) } ?? false
    }

    /// Whether `question` is only a yes-or-no tag, at most two words ending in one ("possible?",
    /// "even possible?"): it makes the question before it a yes-or-no question, and asks nothing
    /// of its own.
    public func isBareYesNoTag(_ question: String) -> Bool {
        let tokens = TextNormalizer.tokens(question)
        return tokens.count <= 2 && endsWithYesNoTag(tokens)
    }

    /// The clauses of a text, cut at its commas ("thx, how many reps should i do of those").
    public static func clauses(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    /// Whether `clause` opens as a question of what, how or when (`questionOpeners`).
    public func opensAQuestion(_ clause: String) -> Bool { Self.opens(clause, with: questionOpeners) }

    /// Whether the first word of `question`, stemmed, is one of `words`.
    static func opens(_ question: String, with words: Set<String>) -> Bool {
        TextNormalizer.tokens(question).first.map { words.contains(TextNormalizer.stem($0)) } ?? false
    }

    /// What the ask classifier sees: a long post's backstory says what happened, its questions say
    /// what is asked, so when a post has several sentences and some end in a question mark, only
    /// those count (the last sentence when none does). Measured on the dev split: the ask read
    /// right on 41% of lines this way, 39% from the whole post. (`all` is the whole post's
    /// features, used for a single sentence.)
    /// (One sentence with no question mark, in clauses cut at commas of which some open as a
    /// question (`openers`) and some do not, "what should i do for rounded shoulders, 10 years of
    /// desk job has ruined me": the clauses that ask count twice.)
    static func askFeatures(
        _ text: String, all: [String], extractor: EntityExtractor, features: FeatureExtractor,
        spellings: [String: String], openers: Set<String>
    ) -> [String] {
        let sentences = Self.sentences(text)
        guard sentences.count >= 2 else {
            guard sentences.count == 1, !openers.isEmpty, !text.contains("?"), text.contains(",") else { return all }
            let clauses = Self.clauses(text)
            let asking = clauses.filter { opens($0, with: openers) }
            guard !asking.isEmpty, asking.count < clauses.count else { return all }
            // (Counted again beside the whole line's, not alone: "been using 20s for bent over
            // rows for like 2 months now, when am i supposed to go up" asks about the rows.)
            let tokens = Self.stems(asking, spellings: spellings)
            return all + features.features(tokens, extractor.extract(tokens).matches)
        }
        var asked = Self.questions(text)
        if asked.isEmpty { asked = [String(sentences[sentences.count - 1])] }
        let tokens = Self.stems(asked, spellings: spellings)
        return features.features(tokens, extractor.extract(tokens).matches)
    }

    /// The words of `sentences` as understanding reads them: stemmed, with the knowledge's
    /// spellings of its own words ("facepull" as "face pull").
    static func stems(_ sentences: [String], spellings: [String: String]) -> [String] {
        TextNormalizer.tokens(sentences.joined(separator: " ")).map(TextNormalizer.stem).map { spellings[$0] ?? $0 }
    }

    /// The questions of a text: its sentences that end in a question mark.
    public static func questions(_ text: String) -> [String] {
        pieces(text).compactMap { piece in
            guard piece.end == "?" || piece.end == "？" else { return nil }
            let trimmed = piece.text.trimmingCharacters(in: .whitespaces)
            return trimmed.unicodeScalars.contains(where: \.properties.isAlphabetic) ? trimmed + "?" : nil
        }
    }

    /// The last sentence of a text when it has no question mark but opens with one of `openers`
    /// (stemmed words that open a question: "are they even a back exercise or just lower back"),
    /// marked as the question it is; nil otherwise.
    /// (Not a clipped statement whose subject is left out, "was lifting before": a question has
    /// its subject after the opener, never a verb ending in -ing.)
    public static func unmarkedLastQuestion(_ text: String, openers: Set<String>) -> String? {
        guard let last = pieces(text).last, last.end == nil else { return nil }
        let words = TextNormalizer.tokens(String(last.text))
        guard let first = words.first, openers.contains(TextNormalizer.stem(first)), words.count >= 3,
            !words[1].hasSuffix("ing")
        else { return nil }
        return last.text.trimmingCharacters(in: .whitespaces) + "?"
    }

    /// A last sentence that joins two questions with "and" ("...what should i do for my back and how
    /// often"): the text up to the "and", and the question after it, each marked as a question;
    /// nil when it joins none. The sentence must open as a question, and the part after "and" with
    /// one of `opens` ("how", "what") or with a yes-or-no opener of `yesNo` and then one of
    /// `askedAbout` ("and should i": not "and do face pulls").
    public static func joinedQuestion(
        _ text: String, opens: Set<String>, yesNo: Set<String>, askedAbout: Set<String>
    ) -> (first: String, second: String)? {
        guard let last = pieces(text).last, last.end == nil || last.end == "?" || last.end == "？",
            let opener = TextNormalizer.tokens(String(last.text)).first,
            opens.contains(opener) || yesNo.contains(opener)
        else { return nil }
        var searchEnd = last.text.endIndex
        while let joint = last.text.range(
            of: " and ", options: [.caseInsensitive, .backwards], range: last.text.startIndex..<searchEnd)
        {
            searchEnd = joint.lowerBound
            let after = last.text[joint.upperBound...].trimmingCharacters(in: .whitespaces)
            let words = TextNormalizer.tokens(after)
            guard words.count >= 2 else { continue }
            let opensOne = opens.contains(words[0]) || yesNo.contains(words[0]) && askedAbout.contains(words[1])
            let before = text[..<joint.lowerBound].trimmingCharacters(in: .whitespaces)
            guard opensOne, TextNormalizer.tokens(String(last.text[..<joint.lowerBound])).count >= 3 else { continue }
            let mark: (String) -> String = { $0.hasSuffix("?") || $0.hasSuffix("？") ? $0 : $0 + "?" }
            return (mark(before), mark(after))
        }
        return nil
    }

    /// The sentences of a text, split at . ? ! and line breaks.
    package static func sentences(_ text: String) -> [Substring] {
        pieces(text).map(\.text).filter { $0.unicodeScalars.contains(where: \.properties.isAlphabetic) }
    }

    /// The text (its first `TextNormalizer.maximumCharacters` scalars) cut after each . ! ? ？ and
    /// line break: each piece with the mark that ended it (nil for the last).
    /// NB: walks Unicode scalars, not Characters: this runs on every line, and breaking text into
    /// grapheme clusters cost more than all the rest of understanding it.
    static func pieces(_ text: String) -> [(text: Substring, end: Unicode.Scalar?)] {
        let scalars = text.unicodeScalars
        let end =
            scalars.index(scalars.startIndex, offsetBy: TextNormalizer.maximumCharacters, limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        var pieces: [(text: Substring, end: Unicode.Scalar?)] = []
        var start = scalars.startIndex
        var index = start
        while index < end {
            let scalar = scalars[index]
            if scalar == "." || scalar == "?" || scalar == "!" || scalar == "\n" || scalar == "？" {
                if start < index { pieces.append((text[start..<index], scalar)) }
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if start < end { pieces.append((text[start..<end], nil)) }
        return pieces
    }

    /// Whether `tokens` say one of `entries`, each a word or two words side by side (stemmed,
    /// joined by a space: "routine", "back day").
    public static func says(_ entries: Set<String>, in tokens: [String]) -> Bool {
        phraseEnds(entries, in: tokens).contains { _ in true }
    }

    /// Where each of `entries` said in `tokens` ends (one word, or two side by side, the word
    /// first), in order, read lazily.
    package static func phraseEnds(_ entries: Set<String>, in tokens: [String]) -> some Sequence<Int> {
        phraseRanges(entries, in: tokens).map(\.upperBound)
    }

    /// Where each of `entries` said in `tokens` lies (one word, or two side by side, the word
    /// first), in order, read lazily: what a reader needs that looks just before a phrase.
    package static func phraseRanges(_ entries: Set<String>, in tokens: [String]) -> some Sequence<Range<Int>> {
        tokens.indices.lazy.compactMap { index -> Range<Int>? in
            if entries.contains(tokens[index]) { return index..<(index + 1) }
            if index + 1 < tokens.count, entries.contains(tokens[index] + " " + tokens[index + 1]) {
                return index..<(index + 2)
            }
            return nil
        }
    }

    /// Phrases as the tokens of a line read them, stemmed, two words joined by a space ("back
    /// day"): the entries `says` looks for.
    public static func phrasesAsRead(_ phrases: [String]) -> Set<String> {
        Set(phrases.map { TextNormalizer.tokens($0).map(TextNormalizer.stem).joined(separator: " ") })
    }

    /// The first sets by reps `tokens` say in figures ("3x10", split "3 x 10" by the normaliser).
    /// (Or in words, "3 sets of 10", read as "3 set of 10".)
    static func setsByReps(_ tokens: [String]) -> (sets: Int, reps: Int)? {
        for index in tokens.indices.dropFirst().dropLast() where tokens[index] == "x" {
            if let sets = Int(tokens[index - 1]), let reps = Int(tokens[index + 1]) { return (sets, reps) }
        }
        for index in tokens.indices.dropFirst().dropLast(2) where tokens[index] == "set" && tokens[index + 1] == "of" {
            if let sets = Int(tokens[index - 1]), let reps = Int(tokens[index + 2]) { return (sets, reps) }
        }
        return nil
    }

    /// The ages a line gives as forum posts tag them, two figures and a capital M or F with no
    /// letter or figure either side ("22M", "35 F,", "(41M)"). Only a capital counts: "20m" is
    /// twenty minutes.
    static func ageTags(in text: String) -> [Int] {
        let bytes = Array(text.utf8)
        func isDigit(_ at: Int) -> Bool { at >= 0 && at < bytes.count && (48...57).contains(bytes[at]) }
        func isWordByte(_ at: Int) -> Bool {
            at >= 0 && at < bytes.count
                && (isDigit(at) || (65...90).contains(bytes[at]) || (97...122).contains(bytes[at]))
        }
        var ages: [Int] = []
        for index in bytes.indices where bytes[index] == 77 || bytes[index] == 70 {  // "M", "F"
            let end = index > 0 && bytes[index - 1] == 32 ? index - 1 : index  // one space allowed
            guard !isWordByte(index + 1), isDigit(end - 1), isDigit(end - 2), !isWordByte(end - 3) else { continue }
            ages.append(Int(bytes[end - 2] - 48) * 10 + Int(bytes[end - 1] - 48))
        }
        return ages
    }
}
