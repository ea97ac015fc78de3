import Foundation
import Testing
@testable import NewsCleaner

/// Every step of the pipeline is linear in the page size (issue 13): each hostile shape is built
/// at 1×, 4× and 16× its base size and the time (thread CPU time, the minimum of a few runs) must
/// grow about linearly, checked as a ratio within one run. A quadratic step makes the 16× page
/// cost ~256× the 1× page; the bound allows 16 × `slack`.
///
/// Debug builds use `debugScale` (smaller pages) so the suite stays well under a minute;
/// release builds use the full sizes.
@Suite struct ScalingTests {
    /// How far above exact linear growth a ratio may go (noise, cache effects, n log n steps).
    static let slack = 3.0
    /// Size multiples compared with the 1× page.
    static let factors = [4, 16]
    /// Repetitions per size; the minimum time counts.
    static let repetitions = 3
    #if DEBUG
    static let scale = 1.0
    #else
    static let scale = 4.0
    #endif

    /// Cleans and renders a page: every step a batch runs for one page.
    static func run(_ page: [UInt8]) -> Double {
        let start = ThreadClock.now()
        let article = try? Cleaner().clean(html: page, url: "https://example.com/a")
        if let article {
            _ = MarkdownRenderer().render(article)
            _ = JSONRenderer().render(article, url: "https://example.com/a")
        }
        return ThreadClock.now() - start
    }

    /// The minimum time of `repetitions` runs, stopping early once a run is over `stopAbove`.
    static func time(_ page: [UInt8], stopAbove: Double = .infinity) -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            best = min(best, run(page))
            if best > stopAbove { break }
        }
        return best
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
        _ = ScalingTests.run(shape.build(units))  // warm-up: lazy statics, regex compilation
        let base = ScalingTests.time(shape.build(units))
        for factor in ScalingTests.factors {
            let page = shape.build(units * factor)
            let bound = Double(factor) * ScalingTests.slack
            let t = ScalingTests.time(page, stopAbove: base * bound)
            let ratio = t / max(base, 1e-6)
            FileHandle.standardError.write(Data("scaling \(shape.name) \(factor)x: \(String(format: "%.4f", base)) s -> \(String(format: "%.4f", t)) s, ratio \(String(format: "%.1f", ratio))\n".utf8))
            #expect(ratio <= bound, """
                \(shape.name): \(factor)× the size (\(page.count) bytes) took \(String(format: "%.1f", ratio))× \
                the time (\(String(format: "%.4f", base)) s → \(String(format: "%.4f", t)) s), bound \(bound)×
                """)
        }
    }
}
