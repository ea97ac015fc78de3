import Foundation
import Testing
@testable import NewsCleaner
@testable import NewsCleanerEvaluation

// Every expected number below was produced by running /work/shared/eval/score.py (Python 3.11,
// Unicode 14) on the same inputs: `S.tp_fp_fn`, `S.prec`, `S.rec`, `S.score` imported from it,
// printed with repr() and pasted here. tools/check-score-agreement.py repeats the comparison
// on the whole AEB truth.

/// Tolerance for means: score.py sums exactly, ShingleScore with compensated summation.
private let meanTolerance = 1e-15

/// The score.py inputs: (id, truth, prediction).
private let cases: [(id: String, truth: String, prediction: String)] = [
    ("english", "The quick brown fox jumps over the lazy dog", "The quick brown fox jumps over a cat"),
    ("japanese", "東京都は雨です。明日は晴れ", "東京都は晴れです"),
    ("mixed", "NATOトップも派兵を否定 2024年", "NATOトップも 派兵"),
    ("emptyPred", "one two three four five", ""),
    ("emptyTruth", "", "some words here now and more"),
    ("bothEmpty", "", ""),
    ("short", "a b c", "a b c d"),
    ("combining", "cafe\u{301} au lait with milk", "cafe au lait with milk"),
]

/// score.py's per-page output: cjk, (tp, fp, fn), prec, rec.
private let expectedPages: [String: (cjk: Bool, tp: Double, fp: Double, fn: Double, p: Double, r: Double)] = [
    "english": (false, 0.375, 0.25, 0.375, 0.6, 0.5),
    "japanese": (true, 0.07692307692307693, 0.3076923076923077, 0.6153846153846154, 0.2, 0.11111111111111112),
    "mixed": (true, 0.4444444444444444, 0.0, 0.5555555555555556, 1.0, 0.4444444444444444),
    "emptyPred": (false, 0.0, 0.0, 1.0, 0.0, 0.0),
    "emptyTruth": (false, 0.0, 1.0, 0.0, 0.0, 0.0),
    "bothEmpty": (false, 0.0, 0.0, 0.0, 1.0, 1.0),
    "short": (false, 0.0, 0.5, 0.5, 0.0, 0.0),
    "combining": (false, 1.0, 0.0, 0.0, 1.0, 1.0),
]

private var truth: [String: String] { Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0.truth) }) }
private var predictions: [String: String] { Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0.prediction) }) }

@Suite struct ShingleScoreTests {
    @Test func tokensAreWordRunsLikePythonsW() {
        #expect(ShingleScore.tokens("The quick-brown fox's 2,000 _x_", cjk: false)
            == ["The", "quick", "brown", "fox", "s", "2", "000", "_x_"])
        // A combining accent is not \w in Python, so it splits the word.
        #expect(ShingleScore.tokens("cafe\u{301} au", cjk: false) == ["cafe", "au"])
    }

    @Test func cjkModeSplitsEveryCJKCharacter() {
        #expect(ShingleScore.tokens("東京都は雨です。明日は晴れ", cjk: true)
            == ["東", "京", "都", "は", "雨", "で", "す", "明", "日", "は", "晴", "れ"])
        #expect(ShingleScore.tokens("NATOトップも派兵を否定 2024年", cjk: true)
            == ["NATO", "ト", "ッ", "プ", "も", "派", "兵", "を", "否", "定", "2024", "年"])
        // Without CJK mode the run of CJK letters is one token, as in score.py --latin.
        #expect(ShingleScore.tokens("東京都は雨です。", cjk: false) == ["東京都は雨です"])
        // In CJK mode even non-word scalars of the ranges are tokens (score.py's CJK class).
        #expect(ShingleScore.tokens("ア・イ", cjk: true) == ["ア", "・", "イ"])
    }

    @Test(arguments: [
        // (scalar, Python's re.match(r"\w", c) is not None)
        ("\u{E9}", true), ("\u{301}", false), ("\u{903}", false), ("\u{B2}", true), ("\u{BD}", true),
        ("\u{216B}", true), ("\u{3007}", true), ("\u{4E00}", true), ("_", true), ("-", false),
        ("'", false), ("\u{200D}", false), ("\u{663}", true), ("\u{AA}", true), ("\u{2B0}", true),
        ("\u{30FB}", false), ("\u{30FC}", true), ("\u{1F600}", false), ("\u{1D7D8}", true),
        ("\u{20000}", true), ("\u{A0}", false), ("\u{3099}", false), ("\u{E31}", false), ("\u{E01}", true),
    ] as [(Unicode.Scalar, Bool)])
    func wordScalarsMatchPython(scalar: Unicode.Scalar, isWord: Bool) {
        #expect(ShingleScore.isWordScalar(scalar) == isWord, "U+\(String(scalar.value, radix: 16, uppercase: true))")
    }

    @Test func cjkDetectionLooksOnlyAtThePrefix() {
        #expect(ShingleScore.startsWithCJK("NATOトップ"))
        #expect(!ShingleScore.startsWithCJK("plain English"))
        let late = String(repeating: "a", count: ShingleScore.cjkDetectionPrefix) + "語"
        #expect(!ShingleScore.startsWithCJK(late))
        let edge = String(repeating: "a", count: ShingleScore.cjkDetectionPrefix - 1) + "語"
        #expect(ShingleScore.startsWithCJK(edge))
    }

    @Test(arguments: cases.map(\.id))
    func pageScoresMatchScorePy(id: String) throws {
        let input = try #require(cases.first { $0.id == id })
        let expected = try #require(expectedPages[id])
        let page = ShingleScore.scorePage(id: id, truth: input.truth, prediction: input.prediction)
        #expect(page.cjk == expected.cjk)
        #expect(page.truePositive == expected.tp)
        #expect(page.falsePositive == expected.fp)
        #expect(page.falseNegative == expected.fn)
        #expect(page.precision == expected.p)
        #expect(page.recall == expected.r)
    }

    @Test func reportMatchesScorePyIncludingExclusions() {
        // score.py: {'f1': 0.3951182303585049, 'precision': 0.4666666666666667,
        //            'recall': 0.3425925925925926, 'accuracy': 0.25, 'pages': 8}
        let report = ShingleScore.score(truth: truth, predictions: predictions)
        #expect(report.pages == 8)
        #expect(abs(report.f1 - 0.3951182303585049) <= meanTolerance)
        #expect(abs(report.precision - 0.4666666666666667) <= meanTolerance)
        #expect(abs(report.recall - 0.3425925925925926) <= meanTolerance)
        #expect(report.accuracy == 0.25)
        // score.py's worst list: ascending F1, ties by ID.
        #expect(report.worst.map(\.id)
            == ["emptyPred", "emptyTruth", "short", "japanese", "english", "mixed", "bothEmpty", "combining"])
        #expect(report.worst.map(\.f1)
            == [0.0, 0.0, 0.0, 0.14285714285714288, 0.5454545454545454, 0.6153846153846153, 1.0, 1.0])
        #expect(report.summaryLine == "pages 8  F1 0.395  precision 0.467  recall 0.343  exact 0.250")
    }

    @Test func forcedModesMatchScorePy() {
        // score.py --latin: {'f1': 0.2580645161290323, 'precision': 0.26666666666666666, 'recall': 0.25}
        let latin = ShingleScore.score(truth: truth, predictions: predictions, mode: .latin)
        #expect(abs(latin.f1 - 0.2580645161290323) <= meanTolerance)
        #expect(abs(latin.precision - 0.26666666666666666) <= meanTolerance)
        #expect(abs(latin.recall - 0.25) <= meanTolerance)
        // score.py --cjk gives the automatic numbers here (the Latin pages have no CJK characters).
        let cjk = ShingleScore.score(truth: truth, predictions: predictions, mode: .cjk)
        #expect(abs(cjk.f1 - 0.3951182303585049) <= meanTolerance)
    }

    @Test func missingPredictionsCountAsEmpty() {
        let report = ShingleScore.score(truth: ["a": "one two three four five"], predictions: [:])
        #expect(report.f1 == 0)
        #expect(report.worst.first?.recall == 0)
    }

    @Test func emptyTruthSetScoresZero() {
        let report = ShingleScore.score(truth: [:], predictions: ["a": "text"])
        #expect(report.pages == 0)
        #expect(report.f1 == 0 && report.precision == 0 && report.recall == 0 && report.accuracy == 0)
    }

    @Test func samplesShowWhatWasMissedAndWhatWasExtra() {
        let page = ShingleScore.scorePage(
            id: "x",
            truth: "Rain fell on Tuesday across the city. Schools stayed open all day.",
            prediction: "Share this story! Rain fell on Tuesday across the city.")
        #expect(page.missed == ["across the city. Schools stayed open all day"])
        #expect(page.extra == ["Share this story! Rain fell on"])
        let none = ShingleScore.scorePage(id: "x", truth: "a b c d e", prediction: "a b c d e", sampleLimit: 0)
        #expect(none.missed.isEmpty && none.extra.isEmpty && none.exact)
    }

    @Test func longSamplesAreCut() throws {
        let words = (1...200).map { "word\($0)" }.joined(separator: "\n ")
        let page = ShingleScore.scorePage(id: "x", truth: words, prediction: "")
        let sample = try #require(page.missed.first)
        #expect(sample.hasSuffix("…"))
        #expect(sample.count == ShingleScore.snippetCharacterLimit + 1)
        #expect(!sample.contains("\n"))
    }
}

@Suite struct GroundTruthTests {
    @Test func readsArticleBodiesAndURLs() throws {
        let json = #"{"a": {"articleBody": "Body A", "url": "https://x.test/a"}, "b": "Body B", "c": {}}"#
        let truth = try GroundTruth(json: Data(json.utf8))
        #expect(truth.bodies == ["a": "Body A", "b": "Body B", "c": ""])
        #expect(truth.urls == ["a": "https://x.test/a"])
    }

    @Test func refusesSnippetTruthAndNonObjects() {
        #expect(throws: GroundTruth.LoadError.self) {
            try GroundTruth(json: Data(#"{"a": {"with": ["x"], "without": []}}"#.utf8))
        }
        #expect(throws: GroundTruth.LoadError.self) { try GroundTruth(json: Data("[1]".utf8)) }
    }

    @Test func loadsPredictionsFromFoldersAndJSON() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("newscleaner-groundtruth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Text A".utf8).write(to: folder.appendingPathComponent("a.txt"))
        #expect(try GroundTruth.loadPredictions(from: folder, ids: ["a", "b"]) == ["a": "Text A", "b": ""])

        let wrapped = folder.appendingPathComponent("wrapped.json")
        try Data(#"{"version": 1, "output": {"a": {"articleBody": "A"}, "b": "B"}}"#.utf8).write(to: wrapped)
        #expect(try GroundTruth.loadPredictions(from: wrapped, ids: ["a", "b", "c"]) == ["a": "A", "b": "B", "c": ""])
    }
}
