import Foundation

/// Shingle F1 of extracted text against true article bodies: a Swift port of `score.py`.
///
/// The metric is the article-extraction benchmark's, exactly as `/work/shared/eval/score.py`
/// computes it:
/// - tokens are runs of word characters (Python's Unicode `\w`: letters, numbers and `_`;
///   combining marks are *not* word characters);
/// - in CJK mode every Han/Kana/Hangul character in `cjkRanges` is a token by itself;
///   by default the mode is chosen per page (a CJK character among the first
///   `cjkDetectionPrefix` scalars of the truth);
/// - shingles are runs of `shingleLength` tokens (a page with fewer tokens is one short shingle),
///   counted as multisets;
/// - per page, true/false positives and false negatives are normalised to sum to 1;
///   precision is the mean over pages that have any positive, recall the mean over pages that
///   have any truth shingle or true positive; F1 is the harmonic mean of those two means;
/// - "exact" is the share of pages whose prediction has exactly the truth's tokens.
///
/// Means are computed with compensated summation; `statistics.mean` in Python sums exactly,
/// so the two can differ in the last bit (≈1e-16), never in printed digits.
///
/// ```swift
/// let report = ShingleScore.score(truth: ["a": "one two three four five"],
///                                 predictions: ["a": "one two three four"])
/// print(report.summaryLine)  // pages 1  F1 0.667  precision 1.000  recall 0.500  exact 0.000
/// ```
public enum ShingleScore {
    /// Number of tokens in one shingle (score.py's `n=4`).
    ///
    /// ```swift
    /// ShingleScore.tokens("a b c d e", cjk: false).count - ShingleScore.shingleLength + 1  // 2 shingles
    /// ```
    public static let shingleLength = 4
    /// Truth prefix, in Unicode scalars, searched for CJK characters in `.automatic` mode (score.py's `body[:2000]`).
    ///
    /// ```swift
    /// let late = String(repeating: "a ", count: ShingleScore.cjkDetectionPrefix) + "語"
    /// ShingleScore.startsWithCJK(late)  // false
    /// ```
    public static let cjkDetectionPrefix = 2000
    /// The scalar ranges that are single-character tokens in CJK mode (score.py's `CJK` class):
    /// Hiragana+Katakana, CJK Extension A, CJK Unified Ideographs, Hangul syllables,
    /// CJK compatibility ideographs, half-width Katakana.
    ///
    /// ```swift
    /// ShingleScore.cjkRanges.contains { $0.contains(0x65E5) }  // 日: true
    /// ```
    public static let cjkRanges: [ClosedRange<UInt32>] = [
        0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
    ]
    /// Default number of missed/extra snippets kept per page in a report.
    ///
    /// ```swift
    /// let page = ShingleScore.scorePage(id: "x", truth: truth, prediction: output)
    /// // page.missed.count <= ShingleScore.defaultSampleLimit
    /// ```
    public static let defaultSampleLimit = 3
    /// Longest snippet, in characters, kept in `PageScore.missed` / `.extra` (longer ones end in "…").
    ///
    /// ```swift
    /// // every page.missed[i].count <= ShingleScore.snippetCharacterLimit + 1
    /// ```
    public static let snippetCharacterLimit = 160

    // MARK: - Public types

    /// How pages are tokenized.
    ///
    /// ```swift
    /// ShingleScore.score(truth: truth, predictions: predictions, mode: .latin)
    /// ```
    public enum TokenMode: String, Sendable, Equatable, CaseIterable {
        /// Per page: CJK tokens when the truth starts with CJK text (score.py's default).
        case automatic
        /// Always one token per CJK character (score.py `--cjk`).
        case cjk
        /// Always plain `\w+` tokens (score.py `--latin`, benchmark-compatible).
        case latin
    }

    /// The score of one page, with samples of what was lost and what was kept wrongly.
    ///
    /// ```swift
    /// for page in report.worst.prefix(5) { print(page.id, page.f1, page.missed.first ?? "") }
    /// ```
    public struct PageScore: Sendable, Equatable {
        /// The page ID (the truth key).
        public var id: String
        /// True positives / (true + false positives) of this page, score.py's `prec`.
        public var precision: Double
        /// True positives / (true positives + false negatives) of this page, score.py's `rec`.
        public var recall: Double
        /// Harmonic mean of this page's precision and recall (0 when both are 0).
        public var f1: Double
        /// Share of shingles both in truth and prediction (tp / (tp + fp + fn)).
        public var truePositive: Double
        /// Share of shingles only in the prediction.
        public var falsePositive: Double
        /// Share of shingles only in the truth.
        public var falseNegative: Double
        /// The prediction has exactly the truth's tokens.
        public var exact: Bool
        /// The page was tokenized in CJK mode.
        public var cjk: Bool
        /// Up to `sampleLimit` stretches of truth text that the prediction lacks (longest first).
        public var missed: [String]
        /// Up to `sampleLimit` stretches of predicted text that the truth lacks (longest first).
        public var extra: [String]

        /// Creates a page score (normally made by `ShingleScore.score`).
        ///
        /// ```swift
        /// let page = ShingleScore.PageScore(id: "x", precision: 1, recall: 1, f1: 1, truePositive: 1,
        ///                                    falsePositive: 0, falseNegative: 0, exact: true, cjk: false)
        /// ```
        public init(id: String, precision: Double, recall: Double, f1: Double,
                    truePositive: Double, falsePositive: Double, falseNegative: Double,
                    exact: Bool, cjk: Bool, missed: [String] = [], extra: [String] = []) {
            self.id = id
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.truePositive = truePositive
            self.falsePositive = falsePositive
            self.falseNegative = falseNegative
            self.exact = exact
            self.cjk = cjk
            self.missed = missed
            self.extra = extra
        }
    }

    /// The scores of a whole prediction set.
    ///
    /// ```swift
    /// let report = ShingleScore.score(truth: truth, predictions: predictions)
    /// print(report.summaryLine)
    /// ```
    public struct Report: Sendable, Equatable {
        /// Harmonic mean of `precision` and `recall`.
        public var f1: Double
        /// Mean page precision over pages with any positive shingle.
        public var precision: Double
        /// Mean page recall over pages with any truth shingle.
        public var recall: Double
        /// Share of pages predicted token-for-token.
        public var accuracy: Double
        /// Every page, worst first: ascending F1, ties by ID in code-point order (score.py's `worst`).
        public var worst: [PageScore]

        /// Number of pages scored (the truth's size).
        ///
        /// ```swift
        /// ShingleScore.score(truth: ["a": "x", "b": "y"], predictions: [:]).pages  // 2
        /// ```
        public var pages: Int { worst.count }

        /// The line score.py prints: `pages N  F1 x  precision x  recall x  exact x`.
        ///
        /// ```swift
        /// print(report.summaryLine)  // pages 181  F1 0.951  precision 0.960  recall 0.943  exact 0.050
        /// ```
        public var summaryLine: String {
            "pages \(pages)  F1 \(formatScore(f1))  precision \(formatScore(precision))"
                + "  recall \(formatScore(recall))  exact \(formatScore(accuracy))"
        }

        /// Creates a report (normally made by `ShingleScore.score`).
        ///
        /// ```swift
        /// let report = ShingleScore.aggregate(pages)  // the usual way to make one
        /// ```
        public init(f1: Double, precision: Double, recall: Double, accuracy: Double, worst: [PageScore]) {
            self.f1 = f1
            self.precision = precision
            self.recall = recall
            self.accuracy = accuracy
            self.worst = worst
        }
    }

    // MARK: - Scoring

    /// Scores predictions against truth; pages missing from `predictions` count as empty output.
    ///
    /// ```swift
    /// let report = ShingleScore.score(truth: ["p1": "Der Text"], predictions: ["p1": "Der Text"])
    /// // report.f1 == 1, report.accuracy == 1
    /// ```
    /// - Parameters:
    ///   - truth: page ID → true article body; defines the pages scored.
    ///   - predictions: page ID → extracted text; IDs not in `truth` are ignored.
    ///   - mode: tokenization (`.automatic` per page, like score.py without flags).
    ///   - sampleLimit: missed/extra snippets kept per page (0 skips the work).
    public static func score(truth: [String: String], predictions: [String: String],
                             mode: TokenMode = .automatic,
                             sampleLimit: Int = defaultSampleLimit) -> Report {
        var pages: [PageScore] = []
        pages.reserveCapacity(truth.count)
        for (id, body) in truth {
            pages.append(scorePage(id: id, truth: body, prediction: predictions[id] ?? "",
                                   mode: mode, sampleLimit: sampleLimit))
        }
        return aggregate(pages)
    }

    /// Scores one page (the per-page half of `score`).
    ///
    /// ```swift
    /// let page = ShingleScore.scorePage(id: "x", truth: "a b c d e", prediction: "a b c d")
    /// // page.precision == 1, page.recall == 0.5
    /// ```
    public static func scorePage(id: String, truth: String, prediction: String,
                                 mode: TokenMode = .automatic,
                                 sampleLimit: Int = defaultSampleLimit) -> PageScore {
        let cjk: Bool
        switch mode {
        case .automatic: cjk = startsWithCJK(truth)
        case .cjk: cjk = true
        case .latin: cjk = false
        }
        var interner = TokenInterner()
        let truthTokens = tokenRanges(truth, cjk: cjk)
        let predTokens = tokenRanges(prediction, cjk: cjk)
        let truthIDs = truthTokens.map { interner.id(truth[$0]) }
        let predIDs = predTokens.map { interner.id(prediction[$0]) }
        let truthShingles = shingles(truthIDs)
        let predShingles = shingles(predIDs)
        let truthCounts = counts(truthShingles)
        let predCounts = counts(predShingles)

        var tp = 0, fp = 0, fn = 0
        for (key, x) in truthCounts {
            let y = predCounts[key] ?? 0
            tp += min(x, y)
            fn += max(0, x - y)
        }
        for (key, y) in predCounts {
            fp += max(0, y - (truthCounts[key] ?? 0))
        }
        let total = tp + fp + fn
        // score.py normalises to shares first and computes every ratio from the shares.
        let (tpShare, fpShare, fnShare) = total == 0
            ? (0.0, 0.0, 0.0)
            : (Double(tp) / Double(total), Double(fp) / Double(total), Double(fn) / Double(total))
        let p = pagePrecision(tp: tpShare, fp: fpShare, fn: fnShare)
        let r = pageRecall(tp: tpShare, fp: fpShare, fn: fnShare)
        let f1 = p + r == 0 ? 0.0 : 2 * p * r / (p + r)

        var missed: [String] = []
        var extra: [String] = []
        if sampleLimit > 0 {
            missed = samples(of: truth, tokens: truthTokens, shingles: truthShingles,
                             against: predCounts, cjk: cjk, limit: sampleLimit)
            extra = samples(of: prediction, tokens: predTokens, shingles: predShingles,
                            against: truthCounts, cjk: cjk, limit: sampleLimit)
        }
        return PageScore(id: id, precision: p, recall: r, f1: f1,
                         truePositive: tpShare, falsePositive: fpShare, falseNegative: fnShare,
                         exact: truthIDs == predIDs, cjk: cjk, missed: missed, extra: extra)
    }

    /// Combines page scores into a report with score.py's exclusion rules.
    ///
    /// ```swift
    /// let report = ShingleScore.aggregate(pages)  // pages from `scorePage`
    /// ```
    public static func aggregate(_ pages: [PageScore]) -> Report {
        // Precision counts pages with tp + fp > 0, recall pages with tp + fn > 0 (score.py).
        let precisions = pages.filter { $0.truePositive + $0.falsePositive > 0 }.map(\.precision)
        let recalls = pages.filter { $0.truePositive + $0.falseNegative > 0 }.map(\.recall)
        let p = mean(precisions)
        let r = mean(recalls)
        let f1 = p + r == 0 ? 0.0 : 2 * p * r / (p + r)
        let accuracy = mean(pages.map { $0.exact ? 1.0 : 0.0 })
        let worst = pages.sorted { a, b in
            a.f1 != b.f1 ? a.f1 < b.f1 : codePointOrder(a.id, b.id)
        }
        return Report(f1: f1, precision: p, recall: r, accuracy: accuracy, worst: worst)
    }

    // MARK: - Tokens

    /// The tokens of `text` as score.py sees them (`\w+` runs, or CJK characters alone in CJK mode).
    ///
    /// ```swift
    /// ShingleScore.tokens("東京 is big", cjk: true)  // ["東", "京", "is", "big"]
    /// ```
    public static func tokens(_ text: String, cjk: Bool) -> [Substring] {
        tokenRanges(text, cjk: cjk).map { text[$0] }
    }

    /// True when `scalar` is a Python `re` Unicode `\w` character: `str.isalnum()` or `_`.
    ///
    /// Python's `isalnum` is a letter category (Lu Ll Lt Lm Lo) or any numeric type
    /// (decimal, digit, numeric, including Unihan numerals). Marks (Mn Mc Me) are not.
    ///
    /// ```swift
    /// ShingleScore.isWordScalar("é")       // true
    /// ShingleScore.isWordScalar("\u{301}") // false: a combining accent splits a Python word
    /// ```
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < asciiLimit { return asciiWordTable[Int(value)] }
        if value < bmpLimit { return bmpWordTable[Int(value)] }
        return isWordScalarUncached(scalar)
    }

    /// True when `scalar` lies in one of `cjkRanges` (assigned or not, word character or not).
    ///
    /// ```swift
    /// ShingleScore.isCJKScalar("語")  // true
    /// ShingleScore.isCJKScalar("a")   // false
    /// ```
    public static func isCJKScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Every range starts at or above the first one; one compare keeps ASCII fast.
        guard value >= cjkRanges[0].lowerBound else { return false }
        for range in cjkRanges where range.contains(value) { return true }
        return false
    }

    /// True when a CJK scalar appears among the first `cjkDetectionPrefix` scalars (automatic mode's test).
    ///
    /// ```swift
    /// ShingleScore.startsWithCJK("NATOトップ")  // true
    /// ```
    public static func startsWithCJK(_ text: String) -> Bool {
        text.unicodeScalars.prefix(cjkDetectionPrefix).contains(where: isCJKScalar)
    }

    /// Whether `a` sorts before `b` by Unicode code points, as Python compares `str`.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    // MARK: - Internals

    private static let asciiLimit: UInt32 = 0x80
    private static let bmpLimit: UInt32 = 0x1_0000

    private static let asciiWordTable: [Bool] = (0..<asciiLimit).map { value in
        let s = Unicode.Scalar(UInt8(value))
        return ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }

    /// One lookup per BMP scalar, built once on first use (≈ a few ms).
    private static let bmpWordTable: [Bool] = (0..<bmpLimit).map { value in
        Unicode.Scalar(value).map(isWordScalarUncached) ?? false  // surrogates are not scalars
    }

    private static func isWordScalarUncached(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }

    /// Token ranges in `text`: maximal word runs, CJK scalars split off one by one in CJK mode.
    static func tokenRanges(_ text: String, cjk: Bool) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        var runStart: String.Index? = nil
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if cjk && isCJKScalar(scalar) {
                if let start = runStart { ranges.append(start..<index); runStart = nil }
                ranges.append(index..<next)
            } else if isWordScalar(scalar) {
                if runStart == nil { runStart = index }
            } else if let start = runStart {
                ranges.append(start..<index)
                runStart = nil
            }
            index = next
        }
        if let start = runStart { ranges.append(start..<scalars.endIndex) }
        return ranges
    }

    /// A shingle of interned token IDs; shorter than `shingleLength` only for short pages,
    /// padded with `Shingle.absent` (never a token ID).
    struct Shingle: Hashable {
        static let absent: Int32 = -1
        var a: Int32, b: Int32, c: Int32, d: Int32
    }

    struct TokenInterner {
        private var ids: [Substring: Int32] = [:]
        mutating func id(_ token: Substring) -> Int32 {
            if let known = ids[token] { return known }
            let new = Int32(ids.count)
            ids[token] = new
            return new
        }
    }

    /// score.py's `shingles`: every `shingleLength`-gram, or one short shingle for 1–3 tokens.
    static func shingles(_ ids: [Int32]) -> [Shingle] {
        let n = shingleLength
        guard !ids.isEmpty else { return [] }
        if ids.count < n {
            let padded = ids + Array(repeating: Shingle.absent, count: n - ids.count)
            return [Shingle(a: padded[0], b: padded[1], c: padded[2], d: padded[3])]
        }
        var out: [Shingle] = []
        out.reserveCapacity(ids.count - n + 1)
        for i in 0...(ids.count - n) {
            out.append(Shingle(a: ids[i], b: ids[i + 1], c: ids[i + 2], d: ids[i + 3]))
        }
        return out
    }

    static func counts(_ shingles: [Shingle]) -> [Shingle: Int] {
        var counts: [Shingle: Int] = [:]
        counts.reserveCapacity(shingles.count)
        for shingle in shingles { counts[shingle, default: 0] += 1 }
        return counts
    }

    /// score.py's `prec`: 1 when nothing is wrong, 0 when nothing was predicted.
    static func pagePrecision(tp: Double, fp: Double, fn: Double) -> Double {
        if fp == 0 && fn == 0 { return 1 }
        return tp == 0 && fp == 0 ? 0 : tp / (tp + fp)
    }

    /// score.py's `rec`: 1 when nothing is wrong, 0 when nothing true was found.
    static func pageRecall(tp: Double, fp: Double, fn: Double) -> Double {
        if fp == 0 && fn == 0 { return 1 }
        return tp == 0 && fn == 0 ? 0 : tp / (tp + fn)
    }

    /// Mean with Neumaier-compensated summation (close to `statistics.mean`'s exact sum); 0 when empty.
    static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        var sum = 0.0, compensation = 0.0
        for value in values {
            let t = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
            sum = t
        }
        let n = Double(values.count)
        let quotient = sum / n
        // The division's exact remainder (fused multiply-add) and the lost low part of the sum
        // folded back in: close to one rounding overall, like an exact mean.
        let residual = sum.addingProduct(-quotient, n)
        return quotient + (residual + compensation) / n
    }

    /// Text stretches behind unmatched shingles, longest first: each shingle of `shingles`
    /// consumes one count from `other` when it can, the rest are grouped into consecutive runs.
    static func samples(of text: String, tokens: [Range<String.Index>], shingles: [Shingle],
                        against other: [Shingle: Int], cjk: Bool, limit: Int) -> [String] {
        var remaining = other
        var runs: [ClosedRange<Int>] = []  // shingle positions
        var runStart: Int? = nil
        for (position, shingle) in shingles.enumerated() {
            let matched: Bool
            if let left = remaining[shingle], left > 0 {
                remaining[shingle] = left - 1
                matched = true
            } else {
                matched = false
            }
            if matched {
                if let start = runStart { runs.append(start...(position - 1)); runStart = nil }
            } else if runStart == nil {
                runStart = position
            }
        }
        if let start = runStart { runs.append(start...(shingles.count - 1)) }
        let longest = runs.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .prefix(limit)
        return longest.map { _, run in
            let lastToken = min(run.upperBound + shingleLength - 1, tokens.count - 1)
            return snippet(text[tokens[run.lowerBound].lowerBound..<tokens[lastToken].upperBound])
        }
    }

    /// Whitespace collapsed to single spaces and cut at `snippetCharacterLimit`.
    static func snippet(_ text: Substring) -> String {
        var out = ""
        var pendingSpace = false
        var count = 0
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if count >= snippetCharacterLimit { return out + "…" }
            if pendingSpace { out.append(" "); count += 1; pendingSpace = false }
            out.append(character)
            count += 1
        }
        return out
    }
}

/// Three decimals, as score.py's `f"{x:.3f}"` prints (printf rounds the exact binary value, as Python does).
func formatScore(_ value: Double) -> String {
    String(format: "%.3f", value)
}
