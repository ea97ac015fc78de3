import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// One stage's median figures.
struct StageFigures: Codable {
    var stage: Stage
    var seconds: Double
    var pagesPerSecond: Double
    var megabytesPerSecond: Double
    /// This stage's time divided by the floor's.
    var timeOverFloor: Double
}

/// Per-page full-clean latency, milliseconds (each page's median over the rounds).
struct LatencyFigures: Codable {
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double
    var slowestPage: String
}

/// The parallel full-clean figures.
struct ParallelFigures: Codable {
    var jobs: Int
    var seconds: Double
    var pagesPerSecond: Double
    var megabytesPerSecond: Double
    /// Parallel rate over the one-core full-clean rate measured in the same run.
    var speedUp: Double
}

/// Everything the normal (rounds) mode reports.
struct RoundsReport: Codable {
    var corpus: String
    var pages: Int
    var megabytes: Double
    var rounds: Int
    var warmUpRounds: Int
    var stages: [StageFigures]
    var fullOverFloor: Double
    var latency: LatencyFigures
    var parallel: ParallelFigures?
    var checksum: Int
}

/// Everything the `--scale` mode reports.
struct ScaleReport: Codable {
    var corpus: String
    var scale: Int
    var fromDisk: Bool
    var jobs: Int
    var pages: Int
    var megabytes: Double
    var seconds: Double
    var pagesPerSecond: Double
    var megabytesPerSecond: Double
    var peakRSSKilobytes: Int
    var checksum: Int
}

/// Percentiles reported for per-page latency.
enum LatencyPercentile {
    static let median = 50.0
    static let tail = 99.0
}

extension RoundsReport {
    /// Summarises the measured rounds (and the parallel run, if any).
    init(corpus: String, pages: [BenchmarkPage], rounds: Int, timings: RoundTimings,
         parallel: (jobs: Int, seconds: Double, checksum: Int)?) {
        let bytes = Double(pages.reduce(0) { $0 + $1.bytes.count })
        let megabytes = bytes / bytesPerMegabyte
        let floorSeconds = BenchmarkStatistics.median(timings.seconds[.floor] ?? [])
        let stages = Stage.allCases.map { stage -> StageFigures in
            let seconds = BenchmarkStatistics.median(timings.seconds[stage] ?? [])
            return StageFigures(stage: stage, seconds: seconds,
                                pagesPerSecond: Double(pages.count) / seconds,
                                megabytesPerSecond: megabytes / seconds,
                                timeOverFloor: seconds / floorSeconds)
        }
        let perPage = timings.pageNanoseconds.map { BenchmarkStatistics.median($0) / nanosecondsPerMillisecond }
        let slowest = perPage.indices.max { perPage[$0] < perPage[$1] } ?? 0
        let latency = LatencyFigures(
            p50Milliseconds: BenchmarkStatistics.percentile(perPage, LatencyPercentile.median),
            p99Milliseconds: BenchmarkStatistics.percentile(perPage, LatencyPercentile.tail),
            maxMilliseconds: perPage.isEmpty ? 0 : perPage[slowest],
            slowestPage: pages.isEmpty ? "" : pages[slowest].name)
        let full = stages[Stage.allCases.firstIndex(of: .full)!]
        var checksum = timings.checksum
        var parallelFigures: ParallelFigures?
        if let parallel {
            checksum &+= parallel.checksum
            let rate = Double(pages.count) / parallel.seconds
            parallelFigures = ParallelFigures(jobs: parallel.jobs, seconds: parallel.seconds, pagesPerSecond: rate,
                                              megabytesPerSecond: megabytes / parallel.seconds,
                                              speedUp: rate / full.pagesPerSecond)
        }
        self.init(corpus: corpus, pages: pages.count, megabytes: megabytes, rounds: rounds,
                  warmUpRounds: BenchOptions.warmUpRounds, stages: stages, fullOverFloor: full.timeOverFloor,
                  latency: latency, parallel: parallelFigures, checksum: checksum)
    }

    /// The aligned table.
    var table: String {
        var lines = [
            "newsclean-bench: \(pages) pages, \(fixed(megabytes, 1)) MB in \(corpus)",
            "median of \(rounds) rounds after \(warmUpRounds) warm-up, one core",
            "",
            row(["stage", "pages/s", "MB/s", "s/round", "× floor"]),
        ]
        for s in stages {
            lines.append(row([s.stage.label, fixed(s.pagesPerSecond, 1), fixed(s.megabytesPerSecond, 1),
                              fixed(s.seconds, 3), fixed(s.timeOverFloor, 2)]))
        }
        lines.append("")
        lines.append("full / floor (time): \(fixed(fullOverFloor, 2))")
        lines.append("full-clean latency per page: p50 \(fixed(latency.p50Milliseconds, 2)) ms, "
            + "p99 \(fixed(latency.p99Milliseconds, 2)) ms, max \(fixed(latency.maxMilliseconds, 2)) ms (\(latency.slowestPage))")
        if let p = parallel {
            lines.append("full clean, --jobs \(p.jobs): \(fixed(p.pagesPerSecond, 1)) pages/s, "
                + "\(fixed(p.megabytesPerSecond, 1)) MB/s, speed-up \(fixed(p.speedUp, 2)) × one core")
        }
        lines.append("checksum \(checksum)")
        return lines.joined(separator: "\n")
    }
}

extension ScaleReport {
    /// The summary lines.
    var table: String {
        [
            "newsclean-bench --scale \(scale)\(fromDisk ? " --from-disk" : ""), \(jobs) job(s), \(corpus)",
            "pages processed   \(pages)",
            "MB processed      \(fixed(megabytes, 1))",
            "wall time         \(fixed(seconds, 2)) s",
            "pages/s           \(fixed(pagesPerSecond, 1))",
            "MB/s              \(fixed(megabytesPerSecond, 1))",
            "peak RSS          \(peakRSSKilobytes) KB (\(fixed(Double(peakRSSKilobytes) / Double(kilobytesPerMegabyte), 1)) MiB)",
            "checksum          \(checksum)",
        ].joined(separator: "\n")
    }
}

/// KB in a MiB, for printing `ru_maxrss`.
let kilobytesPerMegabyte = 1024
/// Width of the stage column in the table.
private let labelWidth = 20
/// Width of each number column in the table.
private let numberWidth = 10

/// One table row: the label left-aligned, the numbers right-aligned.
private func row(_ cells: [String]) -> String {
    guard let first = cells.first else { return "" }
    return first.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
        + cells.dropFirst().map { String(repeating: " ", count: max(0, numberWidth - $0.count)) + $0 }.joined()
}

/// A number with a fixed count of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Pretty, key-sorted JSON for a report.
func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Everything the `--warc` mode reports. MB are 10^6 bytes; rates are over the wall time of
/// the whole run (open to last record cleaned).
struct WarcReport: Codable {
    var warc: String
    var compression: String
    var jobs: Int
    /// Records read whole (every type).
    var records: Int
    /// Records whose payload is HTML.
    var htmlRecords: Int
    var cleaned: Int
    var failed: Int
    /// HTML records skipped for a non-2xx HTTP status (as the CLI skips them).
    var skippedNotOK: Int
    /// Damage reports (stretches of the file skipped).
    var damaged: Int
    /// Size of the WARC file as stored.
    var compressedMegabytes: Double
    /// Decoded HTTP bodies handed to the cleaner.
    var payloadMegabytes: Double
    var seconds: Double
    /// Seconds spent in `WarcReader.next()` on the reading thread (inflate and WARC/HTTP parsing).
    var readSeconds: Double
    /// All records read per second.
    var recordsPerSecond: Double
    /// HTML records cleaned per second.
    var cleanedPerSecond: Double
    /// Compressed WARC MB per second.
    var compressedMegabytesPerSecond: Double
    /// Payload MB per second.
    var payloadMegabytesPerSecond: Double
    /// `getrusage` `ru_maxrss` at the end of the run.
    var peakRSSKilobytes: Int
    var checksum: Int
}

extension WarcReport {
    init(path: String, jobs: Int, counts: WarcCounts, compressedBytes: Int, compression: WarcReader.Compression,
         seconds: Double, peakRSSKilobytes: Int) {
        let compressedMB = Double(compressedBytes) / bytesPerMegabyte
        let payloadMB = Double(counts.payloadBytes) / bytesPerMegabyte
        let name: String
        switch compression {
        case .gzip: name = "gzip"
        case .none: name = "none"
        case .unknown: name = "unknown"
        }
        self.init(warc: path, compression: name, jobs: jobs, records: counts.records, htmlRecords: counts.html,
                  cleaned: counts.cleaned, failed: counts.failed, skippedNotOK: counts.notOK,
                  damaged: counts.damaged, compressedMegabytes: compressedMB, payloadMegabytes: payloadMB,
                  seconds: seconds, readSeconds: counts.readSeconds,
                  recordsPerSecond: Double(counts.records) / seconds,
                  cleanedPerSecond: Double(counts.cleaned) / seconds,
                  compressedMegabytesPerSecond: compressedMB / seconds,
                  payloadMegabytesPerSecond: payloadMB / seconds,
                  peakRSSKilobytes: peakRSSKilobytes, checksum: counts.checksum)
    }

    /// The summary lines.
    var table: String {
        [
            "newsclean-bench --warc \(warc), \(jobs) job(s)\(jobs > 1 ? " + reader thread" : ", one thread")",
            "records           \(records) (\(htmlRecords) HTML, \(cleaned) cleaned, \(failed) failed, "
                + "\(skippedNotOK) non-2xx, \(damaged) damaged)",
            "compressed MB     \(fixed(compressedMegabytes, 1)) (\(compression))",
            "payload MB        \(fixed(payloadMegabytes, 1))",
            "wall time         \(fixed(seconds, 2)) s (reading \(fixed(readSeconds, 2)) s)",
            "records/s         \(fixed(recordsPerSecond, 1)) (cleaned/s \(fixed(cleanedPerSecond, 1)))",
            "MB/s compressed   \(fixed(compressedMegabytesPerSecond, 2))",
            "MB/s payload      \(fixed(payloadMegabytesPerSecond, 2))",
            "peak RSS          \(peakRSSKilobytes) KB (\(fixed(Double(peakRSSKilobytes) / Double(kilobytesPerMegabyte), 1)) MiB)",
            "checksum          \(checksum)",
        ].joined(separator: "\n")
    }
}
