// newsclean-eval: score extracted text against true article bodies (the Swift twin of score.py).
//
//   newsclean-eval TRUTH.json PRED [--worst N] [--json] [--cjk|--latin]
//   newsclean-eval --metadata TRUTH.json JSONDIR [--worst N]
//
// PRED is a folder of ID.txt files or a JSON file shaped like the truth. The last line is
// score.py's summary: `pages N  F1 x  precision x  recall x  exact x`.
import Foundation
import NewsCleaner
import NewsCleanerEvaluation

/// Exit status for bad arguments (as argparse uses).
let usageExitCode: Int32 = 2
/// Exit status when a file cannot be read.
let loadExitCode: Int32 = 1
/// Missed/extra snippets shown per worst page.
let snippetsPerPage = 2

let usage = """
    usage: newsclean-eval TRUTH.json PRED [--worst N] [--json] [--cjk|--latin]
           newsclean-eval --metadata TRUTH.json JSONDIR [--worst N]
      TRUTH.json  {"id": {"articleBody": "...", "url": "..."}}
      PRED        a JSON file of the same shape, or a folder of ID.txt files
      --worst N   list the N worst pages with precision, recall, URL and missed/extra text
      --json      print the metrics as JSON (score.py's keys, plus "details")
      --cjk       one token per CJK character on every page (default: decided per page)
      --latin     plain \\w+ tokens on every page (benchmark-compatible)
      --metadata  score title/date/author: TRUTH has "title"/"author"/"date" per page, JSONDIR
                  holds ID.json from `newsclean -f json`; --worst N lists N misses per field
    """

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

struct Arguments {
    var truth = ""
    var prediction = ""
    var worst = 0
    var json = false
    var mode = ShingleScore.TokenMode.automatic
    var metadata = false
}

func parseArguments(_ raw: [String]) -> Arguments {
    var arguments = Arguments()
    var positional: [String] = []
    var iterator = raw.makeIterator()
    while let argument = iterator.next() {
        switch argument {
        case "-h", "--help":
            print(usage)
            exit(0)
        case "--worst":
            guard let value = iterator.next(), let count = Int(value), count >= 0 else {
                fail("--worst needs a non-negative number\n" + usage, code: usageExitCode)
            }
            arguments.worst = count
        case "--json": arguments.json = true
        case "--cjk": arguments.mode = .cjk
        case "--latin": arguments.mode = .latin
        case "--metadata": arguments.metadata = true
        default:
            if argument.hasPrefix("--") { fail("unknown option \(argument)\n" + usage, code: usageExitCode) }
            positional.append(argument)
        }
    }
    guard positional.count == 2 else { fail(usage, code: usageExitCode) }
    arguments.truth = positional[0]
    arguments.prediction = positional[1]
    return arguments
}

/// A JSON string literal (the library's JSON writer, so escaping is the same everywhere).
func jsonString(_ text: String) -> String {
    JSONValue.string(text).serialized()
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }

let arguments = parseArguments(Array(CommandLine.arguments.dropFirst()))
if arguments.metadata {
    let truthFields: [String: MetadataScore.Fields]
    do {
        truthFields = try MetadataScore.loadTruth(URL(fileURLWithPath: arguments.truth))
    } catch {
        fail("newsclean-eval: \(error)", code: loadExitCode)
    }
    let got = MetadataScore.loadPredictions(from: URL(fileURLWithPath: arguments.prediction), ids: truthFields.keys)
    let report = MetadataScore.score(truth: truthFields, predictions: got)
    var shown: [String: Int] = [:]
    for miss in report.misses where shown[miss.field, default: 0] < arguments.worst {
        shown[miss.field, default: 0] += 1
        print("  \(miss.field) \(miss.id)  truth: \(miss.truth)  got: \(miss.got)")
    }
    print(report.summaryLine)
    exit(0)
}
let truth: GroundTruth
let predictions: [String: String]
do {
    truth = try GroundTruth(contentsOf: URL(fileURLWithPath: arguments.truth))
    predictions = try GroundTruth.loadPredictions(from: URL(fileURLWithPath: arguments.prediction),
                                                  ids: truth.bodies.keys)
} catch {
    fail("newsclean-eval: \(error)", code: loadExitCode)
}

let report = ShingleScore.score(truth: truth.bodies, predictions: predictions, mode: arguments.mode,
                                sampleLimit: arguments.worst > 0 ? snippetsPerPage : 0)
let worst = report.worst.prefix(arguments.worst)

if arguments.json {
    let pairs = worst.map { "[\($0.f1), \(jsonString($0.id))]" }.joined(separator: ", ")
    let details = worst.map { page in
        let url = truth.urls[page.id].map(jsonString) ?? "null"
        return "{\"id\": \(jsonString(page.id)), \"f1\": \(page.f1), \"precision\": \(page.precision), "
            + "\"recall\": \(page.recall), \"url\": \(url), "
            + "\"missed\": [\(page.missed.map(jsonString).joined(separator: ", "))], "
            + "\"extra\": [\(page.extra.map(jsonString).joined(separator: ", "))]}"
    }.joined(separator: ", ")
    print("{\"f1\": \(report.f1), \"precision\": \(report.precision), \"recall\": \(report.recall), "
        + "\"accuracy\": \(report.accuracy), \"pages\": \(report.pages), \"worst\": [\(pairs)], "
        + "\"details\": [\(details)]}")
} else {
    for page in worst {
        var line = "  worst \(format(page.f1)) \(page.id)  P \(format(page.precision))  R \(format(page.recall))"
        if let url = truth.urls[page.id] { line += "  \(url)" }
        print(line)
        for text in page.missed { print("      missed: \(text)") }
        for text in page.extra { print("      extra:  \(text)") }
    }
    print(report.summaryLine)
}
