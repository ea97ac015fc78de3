import Foundation
import Testing
import NewsCleaner

/// The 200 MB page of issue 6: refused above `CleanerOptions.maxBytes`, cleaned below it.
/// Needs about 3 GB of memory and a minute in a debug build, so it only runs when asked:
/// `NEWSCLEANER_HUGE_TESTS=1 swift test --filter HugeInputTests` (the same variable also grows the
/// single-text-node test in HostileInputTests from 5 MB to 50 MB).
@Suite(.enabled(if: Hostile.hugeTestsEnabled, "set NEWSCLEANER_HUGE_TESTS=1 to run the 200 MB page"))
struct HugeInputTests {
    /// Size of the generated page.
    static let pageBytes = 200 * 1024 * 1024

    static func hugePage() -> [UInt8] {
        let paragraph = Array("<p>\(Hostile.sentence)</p>\n".utf8)
        var page = Array("<html><head><title>Huge</title></head><body><article>".utf8)
        page.reserveCapacity(pageBytes + paragraph.count)
        while page.count < pageBytes { page += paragraph }
        page += Array("<p>The very last paragraph of the huge page.</p></article></body></html>".utf8)
        return page
    }

    @Test func twoHundredMegabytePage() throws {
        let page = Self.hugePage()
        var options = CleanerOptions()
        options.maxBytes = Self.pageBytes / 2
        let (refusal, refuseSeconds) = Stopwatch.measure { Result { try Cleaner(options: options).clean(html: page) } }
        print("200 MB page refused in \(String(format: "%.3f", refuseSeconds)) s")
        #expect(throws: CleanerError.tooLarge(bytes: page.count, limit: options.maxBytes)) { try refusal.get() }

        // Under the default limit (256 MiB) the page is cleaned in full.
        #expect(page.count < CleanerOptions().maxBytes)
        let (article, seconds) = try Stopwatch.measure { try Cleaner().clean(html: page) }
        print("200 MB page cleaned in \(String(format: "%.1f", seconds)) s")
        #expect(article.text.contains("breakwater"))
        #expect(article.text.contains("The very last paragraph"))
    }
}
