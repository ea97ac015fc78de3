import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// The stages the bench times, cheapest first.
enum Stage: String, CaseIterable, Codable {
    /// libxml2's tokenizer with empty callbacks on the original bytes.
    case floor
    /// `Cleaner().parse(html:)` into the compact `Document`.
    case parse
    /// `Cleaner.clean(html:)` plus `article.text`, title-only metadata (`newsclean -f text`).
    case full

    /// The label in the table.
    var label: String {
        switch self {
        case .floor: return "libxml2 SAX floor"
        case .parse: return "parse (Document)"
        case .full: return "full clean + text"
        }
    }
}

/// One page through one stage; returns a number derived from the work so nothing is optimised away.
@inline(never)
func runStage(_ stage: Stage, _ page: [UInt8], _ cleaner: Cleaner) -> Int {
    switch stage {
    case .floor:
        ParserBenchmark.saxFloor(page)
        return page.count
    case .parse:
        return (try? cleaner.parse(html: page).count) ?? 0
    case .full:
        return (try? cleaner.clean(html: page).text.utf8.count) ?? 0
    }
}

/// Per-stage round times and per-page full-clean times of the single-core rounds.
struct RoundTimings {
    /// Seconds per measured round, per stage.
    var seconds: [Stage: [Double]] = [:]
    /// `pageNanoseconds[page][round]`: one page's full-clean time in each measured round.
    var pageNanoseconds: [[Double]]
    /// Sum of the stages' results, printed so the work cannot be elided.
    var checksum = 0

    init(pageCount: Int) {
        pageNanoseconds = Array(repeating: [], count: pageCount)
    }
}

/// Runs the warm-up and measured rounds on one core: each round times floor, parse, full in turn.
func measureRounds(_ pages: [BenchmarkPage], rounds: Int, cleaner: Cleaner) -> RoundTimings {
    var timings = RoundTimings(pageCount: pages.count)
    for round in 0..<(BenchOptions.warmUpRounds + rounds) {
        let measured = round >= BenchOptions.warmUpRounds
        for stage in Stage.allCases {
            var sink = 0
            let start = monotonicNanoseconds()
            if stage == .full {
                for (index, page) in pages.enumerated() {
                    let pageStart = monotonicNanoseconds()
                    sink &+= runStage(stage, page.bytes, cleaner)
                    if measured {
                        timings.pageNanoseconds[index].append(Double(monotonicNanoseconds() - pageStart))
                    }
                }
            } else {
                for page in pages { sink &+= runStage(stage, page.bytes, cleaner) }
            }
            let elapsed = Double(monotonicNanoseconds() - start) / nanosecondsPerSecond
            timings.checksum &+= sink
            if measured { timings.seconds[stage, default: []].append(elapsed) }
        }
    }
    return timings
}

/// Times the full clean of all pages with `jobs` threads: the median of `rounds` after a warm-up.
func measureParallel(_ pages: [BenchmarkPage], jobs: Int, rounds: Int, cleaner: Cleaner) -> (seconds: Double, checksum: Int) {
    var seconds: [Double] = []
    var checksum = 0
    for round in 0..<(BenchOptions.warmUpRounds + rounds) {
        let start = monotonicNanoseconds()
        checksum &+= ParallelRunner.run(count: pages.count, jobs: jobs) { index in
            Tally(bytes: pages[index].bytes.count, checksum: runStage(.full, pages[index].bytes, cleaner))
        }.checksum
        let elapsed = Double(monotonicNanoseconds() - start) / nanosecondsPerSecond
        if round >= BenchOptions.warmUpRounds { seconds.append(elapsed) }
    }
    return (BenchmarkStatistics.median(seconds), checksum)
}
