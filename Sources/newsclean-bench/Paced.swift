import Foundation
import NewsCleaner
import NewsCleanerSupport

/// The `--paced` mode: rounds run when another program asks for them, so that program can
/// interleave its own rounds (another extractor, in another process pinned to the same core)
/// with ours and compare both in one run under the same load.
///
/// After loading the corpus it prints one JSON line `{"pages":N,"bytes":B}`. Then each line read
/// from standard input names stages (`floor`, `parse`, `full`, separated by spaces); each named
/// stage runs once over every page, in the order given, and one JSON line answers with the
/// seconds of each, e.g. `{"floor":0.161,"full":0.219,"checksum":123}`. An empty line or end of
/// input stops. Nothing is warmed up unasked: send a first line and ignore its answer.
///
/// ```
/// $ printf 'full\nfloor full\n' | newsclean-bench --paced TestPages/aeb/html
/// {"pages":181,"bytes":31512345}
/// {"full":0.231,"checksum":…}
/// {"floor":0.162,"full":0.219,"checksum":…}
/// ```
func runPaced(_ options: BenchOptions, cleaner: Cleaner) throws {
    let pages = try BenchmarkCorpus.load(options.corpus)
    guard !pages.isEmpty else { throw BenchError.emptyCorpus(options.corpus) }
    let bytes = pages.reduce(0) { $0 + $1.bytes.count }
    pacedAnswer("{\"pages\":\(pages.count),\"bytes\":\(bytes)}")
    while let line = readLine(strippingNewline: true), !line.isEmpty {
        var fields: [String] = []
        var checksum = 0
        for word in line.split(separator: " ") {
            guard let stage = Stage(rawValue: String(word)) else {
                throw BenchError.usage("--paced: unknown stage '\(word)' (floor, parse, full)")
            }
            let start = monotonicNanoseconds()
            for page in pages { checksum &+= runStage(stage, page.bytes, cleaner) }
            let seconds = Double(monotonicNanoseconds() - start) / nanosecondsPerSecond
            fields.append("\"\(stage.rawValue)\":\(seconds)")
        }
        fields.append("\"checksum\":\(checksum)")
        pacedAnswer("{" + fields.joined(separator: ",") + "}")
    }
}

/// Writes one answer line straight to standard output (unbuffered: the asker waits for it).
private func pacedAnswer(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
