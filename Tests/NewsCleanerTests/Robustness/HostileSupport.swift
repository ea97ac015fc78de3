import Foundation
@testable import NewsCleaner

/// Helpers that generate hostile inputs inside the tests (nothing big is committed).
enum Hostile {
    /// Environment variable that turns on the slow, memory-hungry tests (200 MB page, 50 MB text node).
    /// Run them with `NEWSCLEANER_HUGE_TESTS=1 swift test --filter Robustness`.
    static let hugeTestsVariable = "NEWSCLEANER_HUGE_TESTS"

    /// True when the huge-input tests were asked for.
    static var hugeTestsEnabled: Bool { ProcessInfo.processInfo.environment[hugeTestsVariable] == "1" }

    /// A paragraph long enough that the engine keeps it as article text.
    static let sentence = "The harbour authority said on Tuesday that the new breakwater would protect the old town "
        + "from winter storms, and that work on the second phase would begin after the summer season ends."

    /// A plain page whose article is `body` (raw HTML), with a title and a bit of navigation.
    static func page(body: String, head: String = "<meta charset=\"utf-8\">", title: String = "Harbour news") -> [UInt8] {
        Array("""
        <!DOCTYPE html><html><head>\(head)<title>\(title)</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article>\(body)</article>
        <footer>Copyright Harbour Times</footer></body></html>
        """.utf8)
    }

    /// Cleans `bytes` with default (or the given) options and returns the text.
    static func text(_ bytes: [UInt8], options: CleanerOptions = CleanerOptions(), encoding: String? = nil) throws -> String {
        try Cleaner(options: options).clean(html: bytes, encoding: encoding).text
    }

    /// All text nodes of the parsed document concatenated (what the parser kept, before the engine chose).
    static func parsedText(_ bytes: [UInt8], encoding: String? = nil) throws -> String {
        let document = try Cleaner().parse(html: bytes, encoding: encoding)
        return document.text(of: document.root)
    }

    /// True when `string` is made of valid scalars only and has no NUL (Swift strings are always
    /// valid Unicode, so the check is on the re-encoded bytes: no U+0000 and round-trip stable).
    static func isCleanText(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        return !bytes.contains(0) && String(decoding: bytes, as: UTF8.self) == string
    }
}

/// A small deterministic generator (SplitMix64) so "random" inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` pseudo-random bytes.
    mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            var word = next()
            for _ in 0..<min(8, count - out.count) {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }
}

/// Wall-clock timing for tests that report (but never assert) how long something took.
enum Stopwatch {
    /// Runs `body` and returns its result with the elapsed seconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (result, elapsed)
    }
}
