import Foundation
import Testing
@testable import NewsCleaner

/// Every step of the pipeline is linear in the page size (issue 13): each hostile shape is built
/// at 1×, 4× and 16× its base size and the time (thread CPU time, the minimum of a few runs) must
/// grow about linearly, checked as a ratio within one run. A quadratic step makes the 16× page
/// cost ~256× the 1× page; the bound allows 16 × `slack`.
///
/// The work units the page spends against its budget (`WorkMeter`) are checked the same way,
/// exactly: they are counted, not timed.
///
/// Debug builds use the base sizes (the suite takes about half a minute of CPU); release builds
/// use 4× larger pages.
@Suite struct ScalingTests {
    /// How far above exact linear growth a ratio may go (noise, cache effects, n log n steps).
    static let slack = 3.0
    /// Size multiples compared with the 1× page.
    static let factors = [4, 16]
    /// Repetitions per size; the minimum time counts.
    static let repetitions = 3
    /// A run over the bound is repeated (thread CPU time still varies when the other core is
    /// busy: shared caches, allocator contention); only one over `hopeless` × the bound (a
    /// quadratic step at 16× is ~256×, over 4 × 48) stops the repetitions early.
    static let hopeless = 4.0
    /// Work units may grow at most this much faster than the page (they count the same steps
    /// at every size, so only rounding separates them from exact proportion).
    static let unitSlack = 1.25
    #if DEBUG
    static let scale = 0.5
    #else
    static let scale = 2.0
    #endif

    /// Cleans and renders a page (every step a batch runs for one page, as `Cleaner.clean` does
    /// but with an unlimited budget): the CPU time and the work units spent.
    static func run(_ page: [UInt8]) -> (seconds: Double, units: Int) {
        let start = ThreadClock.now()
        let cleaner = Cleaner()
        let meter = WorkMeter.unlimited()
        let url = "https://example.com/a"
        if let document = try? cleaner.parse(html: page) {
            let article = cleaner.extract(from: document, url: url, meter: meter)
            _ = MarkdownRenderer().render(article)
            _ = HTMLRenderer().render(article)
            _ = JSONRenderer().render(article, url: url)
        }
        return (ThreadClock.now() - start, meter.used)
    }

    /// The minimum time of `repetitions` runs (stopping early once a run is over `stopAbove`)
    /// and the work units of one.
    static func time(_ page: [UInt8], stopAbove: Double = .infinity) -> (seconds: Double, units: Int) {
        var best = Double.infinity
        var units = 0
        for _ in 0..<repetitions {
            let r = run(page)
            best = min(best, r.seconds)
            units = r.units
            if best > stopAbove { break }
        }
        return (best, units)
    }

    /// Environment variable naming the shapes to run (comma-separated parts of their names),
    /// for investigating one shape: `NEWSCLEANER_SCALING_ONLY=table swift test --filter Scaling`.
    static let onlyVariable = "NEWSCLEANER_SCALING_ONLY"

    /// The shapes to run: all, or those named by `onlyVariable`.
    static var shapes: [ScalingShape] {
        guard let only = ProcessInfo.processInfo.environment[onlyVariable], !only.isEmpty else { return ScalingShape.all }
        let parts = only.split(separator: ",").map(String.init)
        return ScalingShape.all.filter { shape in parts.contains { shape.name.contains($0) } }
    }

    @Test(arguments: ScalingTests.shapes)
    func timeGrowsLinearly(shape: ScalingShape) {
        let units = max(1, Int(Double(shape.baseUnits) * ScalingTests.scale))
        let basePage = shape.build(units)
        _ = ScalingTests.run(basePage)  // warm-up: lazy statics, regex compilation
        let (base, baseUnits) = ScalingTests.time(basePage)
        for factor in ScalingTests.factors {
            let page = shape.build(units * factor)
            let bound = Double(factor) * ScalingTests.slack
            let (t, spent) = ScalingTests.time(page, stopAbove: base * bound * ScalingTests.hopeless)
            // Counted work: exact, so a tight bound.
            let unitRatio = Double(spent) / Double(max(1, baseUnits))
            let sizeRatio = Double(page.count) / Double(basePage.count)
            #expect(unitRatio <= sizeRatio * ScalingTests.unitSlack, """
                \(shape.name): \(String(format: "%.1f", sizeRatio))× the bytes spent \
                \(String(format: "%.1f", unitRatio))× the work units
                """)
            let ratio = t / max(base, 1e-6)
            FileHandle.standardError.write(Data("scaling \(shape.name) \(factor)x: \(String(format: "%.4f", base)) s -> \(String(format: "%.4f", t)) s, ratio \(String(format: "%.1f", ratio))\n".utf8))
            #expect(ratio <= bound, """
                \(shape.name): \(factor)× the size (\(page.count) bytes) took \(String(format: "%.1f", ratio))× \
                the time (\(String(format: "%.4f", base)) s → \(String(format: "%.4f", t)) s), bound \(bound)×
                """)
        }
    }
}
