import Foundation
import Testing
@testable import NewsCleaner

/// The per-page work budget (issue 13): a page that needs more than its budget is refused as
/// `too-complex` or cleaned best-effort, and real pages stay far below the default budget.
@Suite struct WorkBudgetTests {
    /// A page of nested headings (`<h2>…<div><h2>…`), the shape that used to cost quadratic time.
    static func nestedHeadings(_ levels: Int) -> [UInt8] {
        var body = "<p>\(Hostile.sentence)</p>"
        for i in 0..<levels { body += "<h2>Heading \(i) <div>\(Hostile.sentence)" }
        for _ in 0..<levels { body += "</div></h2>" }
        return Hostile.page(body: body)
    }

    /// Options with a budget of `perByte` units per input byte and no minimum.
    static func tight(_ perByte: Int, _ policy: CleanerOptions.TooComplexPolicy) -> CleanerOptions {
        var options = CleanerOptions()
        options.workUnitsPerByte = perByte
        options.minimumWorkUnits = 0
        options.onTooComplex = policy
        return options
    }

    @Test func budgetIsPerByteWithAMinimum() {
        var options = CleanerOptions()
        options.workUnitsPerByte = 10
        options.minimumWorkUnits = 1000
        #expect(WorkMeter.forPage(bytes: 500, options: options).limit == 5000)
        #expect(WorkMeter.forPage(bytes: 50, options: options).limit == 1000)
        #expect(WorkMeter.forPage(bytes: Int.max / 2, options: options).limit == Int.max)
    }

    @Test func meterStopsOnceSpent() {
        let meter = WorkMeter(limit: 10)
        #expect(meter.spend(9))
        #expect(!meter.isExhausted)
        #expect(!meter.spend(1))
        #expect(meter.isExhausted)
        #expect(meter.used == 10)
    }

    @Test func exhaustedBudgetFailsAsTooComplex() throws {
        let page = WorkBudgetTests.nestedHeadings(200)
        #expect(throws: CleanerError.self) { try Cleaner(options: WorkBudgetTests.tight(1, .fail)).clean(html: page) }
        do {
            _ = try Cleaner(options: WorkBudgetTests.tight(1, .fail)).clean(html: page)
        } catch let error as CleanerError {
            guard case .tooComplex(let units, let limit) = error else {
                Issue.record("expected tooComplex, got \(error)")
                return
            }
            #expect(error.kind == "too-complex")
            #expect(limit == page.count)
            #expect(units >= limit)
            #expect(error.description.contains("too complex"))
        }
    }

    @Test func exhaustedBudgetGivesBestEffortWhenAsked() throws {
        let page = WorkBudgetTests.nestedHeadings(200)
        let full = try Cleaner().clean(html: page)
        #expect(!full.blocks.isEmpty)
        // A budget that runs out part-way through: the article is a part of the full one.
        let partial = try Cleaner(options: WorkBudgetTests.tight(4, .bestEffort)).clean(html: page)
        #expect(partial.blocks.count <= full.blocks.count)
        for block in partial.blocks { #expect(full.text.contains(block.text)) }
        // The smallest budget still returns (an empty or partial article), never an error.
        let starved = try Cleaner(options: WorkBudgetTests.tight(1, .bestEffort)).clean(html: page)
        #expect(starved.blocks.count <= full.blocks.count)
    }

    @Test func stepsStopSoonAfterTheBudgetRunsOut() throws {
        // Once spent, each remaining step stops at its next check: the overshoot is at most the
        // fixed charges of the steps (a few passes over the nodes and text), not the page's
        // full cost.
        let page = WorkBudgetTests.nestedHeadings(2000)
        let cleaner = Cleaner()
        let document = try cleaner.parse(html: page)
        let unlimited = WorkMeter.unlimited()
        _ = cleaner.extract(from: document, url: nil, meter: unlimited)
        let small = WorkMeter(limit: unlimited.used / 10)
        _ = cleaner.extract(from: document, url: nil, meter: small)
        #expect(small.isExhausted)
        #expect(small.used < unlimited.used)
    }

    @Test func realPagesStayFarBelowTheDefaultBudget() throws {
        // The 181 AEB pages: every one cleans within a quarter of the default budget.
        let ids = TestPages.aebIDs
        #expect(ids.count > 100)
        for name in ids {
            let bytes = try TestPages.aebPage(name)
            let cleaner = Cleaner()
            let meter = WorkMeter.forPage(bytes: bytes.count, options: cleaner.options)
            _ = cleaner.extract(from: try cleaner.parse(html: bytes), url: nil, meter: meter)
            #expect(meter.used * 4 <= meter.limit, "\(name): \(meter.used) of \(meter.limit) units")
        }
    }
}
