import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

// newsclean-bench: throughput of the cleaner against libxml2's own tokenizer. See `BenchOptions.usage`.

/// Exit status for a bad command line.
let usageExitStatus: Int32 = 2
/// Exit status for an unreadable or empty corpus.
let failureExitStatus: Int32 = 1

/// Writes `message` to standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes each page's full-clean text and parse fingerprint into `directory`.
func dump(_ pages: [BenchmarkPage], to directory: String, cleaner: Cleaner) throws {
    for page in pages {
        let base = (directory as NSString).appendingPathComponent(page.name)
        try FileManager.default.createDirectory(atPath: (base as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var text: String
        var fingerprint: String
        do {
            text = try cleaner.clean(html: page.bytes).text
            fingerprint = String(ParserBenchmark.fingerprint(try cleaner.parse(html: page.bytes)), radix: 16)
        } catch {
            text = "error: \(error)\n"
            fingerprint = text
        }
        try text.write(toFile: base + ".txt", atomically: false, encoding: .utf8)
        try (fingerprint + "\n").write(toFile: base + ".doc", atomically: false, encoding: .utf8)
    }
}

/// The `--scale` mode: one long batch over the corpus `scale` times.
func runScale(_ options: BenchOptions, cleaner: Cleaner) throws -> ScaleReport {
    let files = try BenchmarkCorpus.files(in: options.corpus)
    guard !files.isEmpty else { throw BenchError.emptyCorpus(options.corpus) }
    let corpus = options.corpus
    let pages: [BenchmarkPage] = options.fromDisk ? [] : try BenchmarkCorpus.load(corpus)
    let total = files.count * options.scale
    let start = monotonicNanoseconds()
    let tally = ParallelRunner.run(count: total, jobs: options.jobs) { index in
        let bytes: [UInt8]
        if pages.isEmpty {
            // Unreadable files count as zero bytes; the corpus was listed a moment ago.
            bytes = (try? BenchmarkCorpus.read(files[index % files.count], in: corpus).bytes) ?? []
        } else {
            bytes = pages[index % pages.count].bytes
        }
        return Tally(bytes: bytes.count, checksum: runStage(.full, bytes, cleaner))
    }
    let seconds = Double(monotonicNanoseconds() - start) / nanosecondsPerSecond
    let megabytes = Double(tally.bytes) / bytesPerMegabyte
    return ScaleReport(corpus: corpus, scale: options.scale, fromDisk: options.fromDisk, jobs: options.jobs,
                       pages: total, megabytes: megabytes, seconds: seconds,
                       pagesPerSecond: Double(total) / seconds, megabytesPerSecond: megabytes / seconds,
                       peakRSSKilobytes: peakResidentKilobytes(), checksum: tally.checksum)
}

/// The normal mode: floor, parse and full clean in the same rounds, then the parallel run.
func runRounds(_ options: BenchOptions, cleaner: Cleaner) throws -> RoundsReport {
    let pages = try BenchmarkCorpus.load(options.corpus)
    guard !pages.isEmpty else { throw BenchError.emptyCorpus(options.corpus) }
    if let directory = options.dumpDirectory { try dump(pages, to: directory, cleaner: cleaner) }
    let timings = measureRounds(pages, rounds: options.rounds, cleaner: cleaner)
    var parallel: (jobs: Int, seconds: Double, checksum: Int)?
    if options.jobs > 1 {
        let result = measureParallel(pages, jobs: options.jobs, rounds: options.rounds, cleaner: cleaner)
        parallel = (options.jobs, result.seconds, result.checksum)
    }
    return RoundsReport(corpus: options.corpus, pages: pages, rounds: options.rounds, timings: timings,
                        parallel: parallel)
}

do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    // The full clean measures what `newsclean -f text` does: the title is the only metadata
    // the text prints, so the metadata extractor does not run. WARC records become JSON lines
    // with every metadata field in `newsclean`, so --warc cleans with all of them.
    // With --all-metadata it measures what `newsclean -f json` does instead.
    var textOptions = CleanerOptions()
    if !options.allMetadata { textOptions.metadataFields = [] }
    let cleaner = Cleaner(options: textOptions)
    if let warc = options.warc {
        let report = try runWarc(path: warc, jobs: options.jobs, cleaner: Cleaner())
        print(options.json ? try json(report) : report.table)
        if report.failed > 0 || report.damaged > 0 { exit(failureExitStatus) }
    } else if options.paced {
        try runPaced(options, cleaner: cleaner)
    } else if options.scale > 0 {
        let report = try runScale(options, cleaner: cleaner)
        print(options.json ? try json(report) : report.table)
    } else {
        let report = try runRounds(options, cleaner: cleaner)
        print(options.json ? try json(report) : report.table)
    }
} catch BenchError.help {
    print(BenchOptions.usage)
} catch BenchError.usage(let message) {
    complain("newsclean-bench: \(message)\n\n\(BenchOptions.usage)")
    exit(usageExitStatus)
} catch BenchError.emptyCorpus(let folder) {
    complain("newsclean-bench: no .html/.htm/.xhtml(.gz) pages under \(folder)")
    exit(failureExitStatus)
} catch {
    complain("newsclean-bench: \(error)")
    exit(failureExitStatus)
}
