import Testing
@testable import NewsCleaner

/// Arbitrary bytes through every decoder: the output must always be clean UTF-8.
@Suite struct RobustnessTests {
    /// Short name for the helpers.
    typealias S = CharsetTestSupport

    /// Deterministic pseudo-random bytes (64-bit LCG), biased towards high bytes and NUL.
    static func noise(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = UInt8(truncatingIfNeeded: state >> 33)
            return r & 0x0F == 0 ? 0 : r
        }
    }

    /// Every charset the decoders handle, fed noise, gives valid NUL-free UTF-8; so does `decide`'s pick.
    @Test func noiseDecodesToCleanUTF8() {
        let charsets = ["utf-8", "windows-1252", "shift_jis", "euc-jp", "gb18030", "big5", "euc-kr",
                        "utf-16le", "utf-16be", "iso-2022-jp", "windows-1251", "koi8-r", "windows-874"]
        for seed in 0..<UInt64(20) {
            let bytes = Self.noise(seed: seed, count: 1 + Int(seed) * 97)
            for charset in charsets {
                let out = S.decodeBytes(bytes, CharsetDecision(charset: charset, source: .hint, bomLength: 0))
                #expect(S.isCleanUTF8(out), "\(charset) seed \(seed)")
            }
            let d = S.decide(bytes)
            #expect(S.isCleanUTF8(S.decodeBytes(bytes, d)), "decided \(d.charset) seed \(seed)")
        }
    }

    /// A BOM length longer than the input is clamped, not a crash.
    @Test func oversizedBOMLengthIsClamped() {
        #expect(S.decodeBytes([0xEF, 0xBB], CharsetDecision(charset: "utf-8", source: .bom, bomLength: 3)).isEmpty)
    }
}
