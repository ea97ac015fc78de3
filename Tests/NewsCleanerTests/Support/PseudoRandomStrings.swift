/// Deterministic pseudo-random strings for tests that check a fast path against a reference path.
///
/// ```swift
/// for s in PseudoRandomStrings.samples(from: ["a", " ", "é"], count: 100, seed: 1) { … }
/// ```
enum PseudoRandomStrings {
    /// `count` strings, each 0–15 of `pieces` chosen by a linear congruential generator from `seed`.
    static func samples(from pieces: [String], count: Int, seed: UInt64) -> [String] {
        var state = seed
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(state >> 33) % pieces.count]
            }
            out.append(s)
        }
        return out
    }
}
