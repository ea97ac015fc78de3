/// Strict UTF-8 validation (Unicode 3-7: no overlongs, no surrogates, nothing above U+10FFFF)
/// with an ASCII fast path, plus the repair that replaces each maximal invalid subpart by U+FFFD.
enum UTF8Validator {
    /// What one pass over the bytes found.
    struct Scan: Equatable {
        /// Well-formed sequences of two to four bytes.
        var multibyte = 0
        /// Maximal invalid subparts (each would become one U+FFFD).
        var errors = 0
        /// True when there is no invalid subpart at all.
        var isValid: Bool { errors == 0 }
        /// Share of the non-ASCII sequences that are invalid (0 when there are none).
        var errorRatio: Double {
            let total = multibyte + errors
            return total == 0 ? 0 : Double(errors) / Double(total)
        }
    }

    /// Bytes with the high bit set in every lane of a 64-bit word.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Bytes per word of the ASCII fast path.
    private static let wordSize = 8
    /// Words OR-ed together per iteration of the fast path (32 bytes).
    private static let wordsPerBlock = 4

    /// Scans all of `bytes`, counting valid multi-byte sequences and invalid subparts.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        guard let base = bytes.baseAddress else { return result }
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        var multibyte = 0
        while i < n {
            // ASCII fast path: 32 bytes, then 8 bytes at a time.
            let block = wordSize * wordsPerBlock
            while i + block <= n {
                let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: i + wordSize, as: UInt64.self)
                let c = raw.loadUnaligned(fromByteOffset: i + 2 * wordSize, as: UInt64.self)
                let d = raw.loadUnaligned(fromByteOffset: i + 3 * wordSize, as: UInt64.self)
                if (a | b | c | d) & highBits != 0 { break }
                i += block
            }
            while i + wordSize <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & highBits != 0 {
                    i += (w & highBits).trailingZeroBitCount >> 3
                    break
                }
                i += wordSize
            }
            // Non-ASCII stretch (or the tail): byte by byte until ASCII resumes.
            while i < n {
                let lead = base[i]
                if lead < 0x80 {
                    i += 1
                    break  // ASCII again: back to the fast path
                }
                // Common case first, one 32-bit load: a three-byte sequence whose lead (E1–EC, EE, EF)
                // has no second-byte range quirk, as in most CJK text.
                if i + 4 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian
                    let low = w & 0x0F
                    if w & 0x00C0_C0F0 == 0x0080_80E0 && low != 0 && low != 0x0D {
                        multibyte += 1
                        i += 3
                        continue
                    }
                }
                let len = sequenceLength(base, i, n)
                if len > 0 {
                    multibyte += 1
                    i += len
                } else {
                    result.errors += 1
                    i += -len
                }
            }
        }
        result.multibyte = multibyte
        return result
    }

    /// At `i` (a non-ASCII lead): the length of a well-formed sequence (> 0), or minus the length
    /// of the maximal invalid subpart (< 0) to replace by one U+FFFD.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let lead = p[i]
        let need: Int
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return -1
        }
        // Second byte has the lead-specific range; later ones are plain continuation bytes.
        guard i + 1 < n, p[i + 1] >= lo, p[i + 1] <= hi else { return -1 }
        var k = 2
        while k <= need {
            guard i + k < n, p[i + k] & 0xC0 == 0x80 else { return -k }
            k += 1
        }
        return need + 1
    }

    /// UTF-8 of U+FFFD REPLACEMENT CHARACTER.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Copies `bytes`, replacing each maximal invalid subpart and each NUL byte by U+FFFD.
    static func repair(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress else { return [] }
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 16 + replacement.count)
        var runStart = 0
        var i = 0
        /// Copies the valid run that ends at `end`.
        @inline(__always) func flush(_ end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart)) }
        }
        while i < n {
            let b = base[i]
            if b >= 0x01 && b < 0x80 { i += 1; continue }
            if b == 0 {
                flush(i); out.append(contentsOf: replacement); i += 1; runStart = i
                continue
            }
            let len = sequenceLength(base, i, n)
            if len > 0 { i += len; continue }
            flush(i); out.append(contentsOf: replacement); i += -len; runStart = i
        }
        flush(n)
        return out
    }
}
