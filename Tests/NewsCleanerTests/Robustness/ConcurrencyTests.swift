import Dispatch
import Foundation
import NewsCleaner
import Synchronization
import Testing

/// Many threads cleaning through one shared `Cleaner` (issue 6, item 4) give exactly the serial
/// results. tools/sanitize runs this under ThreadSanitizer too.
@Suite struct ConcurrencyTests {
    /// Threads cleaning at once (more than the cores, so threads really interleave).
    static let threads = 8
    /// Environment variable limiting the pages used (sanitizer runs are slow): a number of pages.
    static let pageLimitVariable = "NEWSCLEANER_CONCURRENCY_PAGES"

    @Test func parallelResultsEqualSerialResults() throws {
        var ids = TestPages.aebIDs
        if let limit = ProcessInfo.processInfo.environment[Self.pageLimitVariable].flatMap(Int.init) {
            ids = Array(ids.prefix(limit))
        }
        try #require(!ids.isEmpty)
        let pages = try ids.map { try TestPages.aebPage($0) }
        let cleaner = Cleaner()
        let serial: [Result<String, CleanerError>] = pages.map { page in
            Result { try cleaner.clean(html: page).text }.mapError { $0 as! CleanerError }
        }
        // Each thread takes every `threads`-th page, twice over in opposite orders, so the same
        // page is cleaned by two threads at about the same time.
        let parallel = Mutex<[Int: [Result<String, CleanerError>]]>([:])
        DispatchQueue.concurrentPerform(iterations: Self.threads) { worker in
            let mine = Array(stride(from: worker % Self.threads, to: pages.count, by: Self.threads))
            let other = Array(stride(from: (worker + 1) % Self.threads, to: pages.count, by: Self.threads).reversed())
            for index in mine + other {
                let result = Result { try cleaner.clean(html: pages[index]).text }.mapError { $0 as! CleanerError }
                parallel.withLock { $0[index, default: []].append(result) }
            }
        }
        let results = parallel.withLock { $0 }
        #expect(results.count == pages.count)
        var mismatches: [String] = []
        for (index, expected) in serial.enumerated() {
            let got = results[index] ?? []
            if got.count != 2 || got.contains(where: { $0 != expected }) { mismatches.append(ids[index]) }
        }
        #expect(mismatches.isEmpty, "pages whose parallel result differs from the serial one: \(mismatches)")
        #expect(serial.allSatisfy { (try? $0.get())?.isEmpty == false })
    }
}
