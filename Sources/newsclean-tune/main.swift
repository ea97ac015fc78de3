// newsclean-tune: fits ExtractionSettings as a set on both dev corpora, with k-fold
// cross-validation, so a change that only fits the pages it was tuned on shows up as a gap.
//
//   newsclean-tune [--corpus DIR]... [--folds K] [--rounds R] [--fields a,b,c|all] [--quick]
//
// Every page is parsed once (Cleaner.parse); each settings candidate re-runs only the engine
// (Cleaner.extract) and scores the body with ShingleScore (score.py's yardstick, --no-title).
// Fitting is a coordinate search: for each field in turn, each candidate value is tried with the
// other fields as fitted so far, and the best one is kept when it raises the objective (the mean
// of the per-corpus F1s on the training pages) by more than `minGain`; rounds repeat the pass.
// Folds group pages by URL host (one site never in both train and test) and are dealt per
// corpus, so every fold holds pages of every corpus.
//
// Output: the defaults' F1 per corpus, each fold's fitted changes and test F1, the pooled
// out-of-fold (cross-validated) F1 per corpus, and the full-data fit's in-sample F1 per corpus.
// The gap between in-sample and cross-validated is what the fit learned about these pages only.
import Dispatch
import Foundation
import NewsCleaner
import NewsCleanerEvaluation
import Synchronization

/// Exit status for bad arguments.
let usageExitCode: Int32 = 2
/// An objective gain below this is noise: the candidate is not taken.
let minGain = 0.0005
/// Factors tried on a non-integer field's current value.
let floatFactors: [Float] = [0.5, 0.75, 1.25, 1.5, 2]
/// Steps tried on an integer field's current value.
let intSteps = [-2, -1, 1, 2]
/// Fields tried by default: the container choice and the block filters, the ones that move
/// the most text. `--fields all` tries every field.
let defaultFields = [
    "minParagraphChars", "commaPoints", "sentencePoints", "containerTagWeight", "semanticContainerWeight",
    "classWeight", "alternativeScoreRatio", "siblingScoreRatio", "siblingMinScore", "siblingParagraphMinChars",
    "siblingParagraphMaxLinkDensity", "siblingProseMinChars", "siblingProseShare", "protectedTextShare", "articleClaimMinChars",
    "blockMaxLinkDensity", "listItemMaxLinkDensity", "bylineMaxChars", "imageCaptionMaxChars", "minArticleChars",
    "gapMaxLinkDensity", "climbMinProseGain", "climbMinProseShare", "structuralMinProse", "viewAgreementMinShare",
    "structuralMinProseShare", "structuralMinScoreShare", "jsonLDMinAgreement", "leadMaxSiblings", "leadMaxLevels",
    "leadMinProseShare",
]

let usage = """
    usage: newsclean-tune [--corpus DIR]... [--folds K] [--rounds R] [--fields a,b,c|all] [--quick]
      --corpus DIR   a folder with html/ID.html.gz and ground-truth.json (repeatable;
                     default TestPages/aeb and TestPages/wcxb-dev)
      --folds K      cross-validation folds (default 5)
      --rounds R     coordinate-search passes over the fields (default 1)
      --fields LIST  comma-separated ExtractionSettings field names, or `all`
      --quick        only the defaults' scores and the full-data fit (no cross-validation)
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(usageExitCode)
}

/// One dev page: its corpus, truth, host and parsed document.
struct Page: @unchecked Sendable {
    var corpus: Int
    var id: String
    var truth: String
    var host: String
    var document: Document
}

/// Stable string hash (FNV-1a), so folds do not change between runs.
func stableHash(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf29ce484222325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
    return h
}

/// Everything runs inside one function: its locals are not global, main-actor state.
func main() {
// MARK: Arguments

var corpusDirs: [String] = []
var folds = 5
var rounds = 1
var fieldNames = defaultFields
var quick = false
var args = CommandLine.arguments.dropFirst()
func next() -> String {
    guard let value = args.popFirst() else { fail(usage) }
    return value
}
func number() -> Int {
    guard let value = Int(next()) else { fail(usage) }
    return value
}
while let arg = args.popFirst() {
    switch arg {
    case "--corpus": corpusDirs.append(next())
    case "--folds": folds = number()
    case "--rounds": rounds = number()
    case "--fields":
        let list = next()
        fieldNames = list == "all" ? ExtractionSettings.fieldsByName.keys.sorted() : list.split(separator: ",").map(String.init)
    case "--quick": quick = true
    case "-h", "--help": print(usage); exit(0)
    default: fail("unknown argument \(arg)\n\(usage)")
    }
}
if corpusDirs.isEmpty { corpusDirs = ["TestPages/aeb", "TestPages/wcxb-dev"] }
guard folds >= 2 else { fail("--folds must be at least 2") }
for name in fieldNames where ExtractionSettings.fieldsByName[name] == nil { fail("unknown field \(name)") }

// MARK: Pages, parsed once

let parser = Cleaner()
var pages: [Page] = []
var corpusNames: [String] = []
for (index, dir) in corpusDirs.enumerated() {
    let root = URL(fileURLWithPath: dir)
    corpusNames.append(root.lastPathComponent)
    let truth: GroundTruth
    do { truth = try GroundTruth(contentsOf: root.appendingPathComponent("ground-truth.json")) } catch { fail("\(dir): \(error)") }
    for id in truth.bodies.keys.sorted() {
        let file = root.appendingPathComponent("html/\(id).html.gz")
        guard let data = try? Data(contentsOf: file),
              let bytes = try? Gzip.decompress([UInt8](data), limit: 64 << 20),
              let document = try? parser.parse(html: bytes) else {
            FileHandle.standardError.write(Data("skipped \(file.path)\n".utf8))
            continue
        }
        let host = truth.urls[id].flatMap { URL(string: $0)?.host } ?? "\(index)/\(id)"
        pages.append(Page(corpus: index, id: id, truth: truth.bodies[id]!, host: host, document: document))
    }
}
FileHandle.standardError.write(Data("parsed \(pages.count) pages once\n".utf8))

// MARK: Folds: by host, dealt per corpus

var foldOf = [Int](repeating: 0, count: pages.count)
var foldOfHostGlobal: [String: Int] = [:]
for corpus in corpusNames.indices {
    let hosts = Set(pages.filter { $0.corpus == corpus }.map(\.host)).sorted { stableHash($0) < stableHash($1) }
    var foldOfHost: [String: Int] = [:]
    for (i, host) in hosts.enumerated() where foldOfHost[host] == nil { foldOfHost[host] = i % folds }
    for (i, page) in pages.enumerated() where page.corpus == corpus {
        // A host seen in an earlier corpus keeps that corpus's fold.
        foldOf[i] = foldOfHostGlobal[page.host] ?? foldOfHost[page.host]!
    }
    for (i, page) in pages.enumerated() where page.corpus == corpus { foldOfHostGlobal[page.host] = foldOf[i] }
}

// MARK: Evaluation with a cache (folds share the settings they visit)

func key(_ s: ExtractionSettings) -> String { String(describing: s) }

/// Page F1 scores by settings key, for every page.
var cache: [String: [ShingleScore.PageScore]] = [:]

func scores(_ settings: ExtractionSettings) -> [ShingleScore.PageScore] {
    let k = key(settings)
    if let hit = cache[k] { return hit }
    var options = CleanerOptions()
    options.settings = settings
    let cleaner = Cleaner(options: options)
    let renderer = TextRenderer(includeTitle: false)
    let all = pages
    let out = Mutex([ShingleScore.PageScore?](repeating: nil, count: all.count))
    DispatchQueue.concurrentPerform(iterations: all.count) { i in
        let page = all[i]
        let text = renderer.render(cleaner.extract(from: page.document))
        let score = ShingleScore.scorePage(id: page.id, truth: page.truth, prediction: text, sampleLimit: 0)
        out.withLock { $0[i] = score }
    }
    let result = out.withLock { $0.map { $0! } }
    cache[k] = result
    return result
}

/// Per-corpus reports over the pages selected by `include`.
func reports(_ pageScores: [ShingleScore.PageScore], _ include: (Int) -> Bool) -> [ShingleScore.Report] {
    corpusNames.indices.map { c in
        ShingleScore.aggregate(pages.indices.filter { pages[$0].corpus == c && include($0) }.map { pageScores[$0] })
    }
}

/// The fitting objective: the mean of the per-corpus F1s (each corpus weighs the same).
func objective(_ settings: ExtractionSettings, _ include: (Int) -> Bool) -> Double {
    let r = reports(scores(settings), include)
    return r.map(\.f1).reduce(0, +) / Double(r.count)
}

func candidates(_ name: String, _ settings: ExtractionSettings) -> [ExtractionSettings] {
    var out: [ExtractionSettings] = []
    let capped = name.hasSuffix("Density") || name.hasSuffix("Share") || name.hasSuffix("Ratio")
    switch ExtractionSettings.fieldsByName[name]! {
    case .float(let path):
        let v = settings[keyPath: path]
        for f in floatFactors {
            var s = settings
            s[keyPath: path] = capped ? min(1, v * f) : v * f
            if s[keyPath: path] != v { out.append(s) }
        }
    case .int(let path):
        let v = settings[keyPath: path]
        for d in intSteps where v + d >= 0 {
            var s = settings
            s[keyPath: path] = v + d
            out.append(s)
        }
    case .int32(let path):
        let v = settings[keyPath: path]
        for d in intSteps where v + Int32(d) >= 0 {
            var s = settings
            s[keyPath: path] = v + Int32(d)
            out.append(s)
        }
    }
    return out
}

func value(_ name: String, _ s: ExtractionSettings) -> String {
    switch ExtractionSettings.fieldsByName[name]! {
    case .float(let p): return "\(s[keyPath: p])"
    case .int(let p): return "\(s[keyPath: p])"
    case .int32(let p): return "\(s[keyPath: p])"
    }
}

/// Coordinate search on the pages selected by `include`; returns the fit and its changes.
func fit(_ include: (Int) -> Bool) -> (ExtractionSettings, [String]) {
    var best = ExtractionSettings()
    var bestValue = objective(best, include)
    for _ in 0..<rounds {
        var improved = false
        for name in fieldNames {
            for candidate in candidates(name, best) {
                let v = objective(candidate, include)
                if v > bestValue + minGain {
                    best = candidate
                    bestValue = v
                    improved = true
                }
            }
        }
        if !improved { break }
    }
    let defaults = ExtractionSettings()
    let changes = fieldNames.filter { value($0, best) != value($0, defaults) }.map { "\($0)=\(value($0, best))" }
    return (best, changes)
}

func line(_ label: String, _ r: [ShingleScore.Report]) -> String {
    let parts = zip(corpusNames, r).map { name, rep in
        "\(name) F1 \(String(format: "%.4f", rep.f1)) (P \(String(format: "%.4f", rep.precision)) R \(String(format: "%.4f", rep.recall)))"
    }
    return "\(label.padding(toLength: 16, withPad: " ", startingAt: 0)) " + parts.joined(separator: "  ")
}

// MARK: Run

let defaultScores = scores(ExtractionSettings())
print(line("defaults", reports(defaultScores) { _ in true }))
print("fields searched: \(fieldNames.joined(separator: ","))")

if !quick {
    var outOfFold = defaultScores
    for f in 0..<folds {
        let (fitted, changes) = fit { foldOf[$0] != f }
        let s = scores(fitted)
        for i in pages.indices where foldOf[i] == f { outOfFold[i] = s[i] }
        let counts = corpusNames.indices.map { c in pages.indices.filter { foldOf[$0] == f && pages[$0].corpus == c }.count }
        print(line("fold \(f + 1) test", reports(s) { foldOf[$0] == f }) + "  pages \(counts)  changes: \(changes.isEmpty ? "none" : changes.joined(separator: " "))")
    }
    print(line("cross-validated", reports(outOfFold) { _ in true }))
}
let (full, changes) = fit { _ in true }
print(line("in-sample fit", reports(scores(full)) { _ in true }))
print("full-data fit changes: \(changes.isEmpty ? "none" : changes.joined(separator: " "))")
print("settings evaluated: \(cache.count)")
}

main()
