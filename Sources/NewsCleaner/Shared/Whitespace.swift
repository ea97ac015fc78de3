#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's one definition of white space, in its two senses:
/// - HTML space (U+0020, tab, LF, FF, CR), the separator of markup, attribute tokens and
///   selectors, and what text measures count as a gap;
/// - Unicode `White_Space` (adds VT, NEL, no-break and ideographic spaces…), what text and
///   metadata are trimmed and collapsed by, as scalars or as UTF-8 bytes.
///
/// ```swift
/// Whitespace.isHTMLSpace(0x0C) == true
/// Whitespace.isWhitespace("\u{3000}") == true
/// ```
enum Whitespace {
    /// HTML's ASCII white space: space, tab, LF, FF, CR.
    @inline(__always)
    static func isHTMLSpace(_ b: UInt8) -> Bool {
        b <= 0x20 && (htmlSpaceBits >> UInt64(b)) & 1 != 0
    }
    /// Bit `b` set for each HTML space byte `b`: U+0020, tab, LF, FF, CR.
    private static let htmlSpaceBits: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D

    /// Unicode `White_Space`.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// The length of the whitespace character (Unicode `White_Space`, as `trimmingWhitespace()`
    /// uses) starting at `i`, else 0.
    @inline(__always)
    static func length(at i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        if b == 0xC2 { return i + 1 < end && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0) ? 2 : 0 }
        guard i + 2 < end else { return 0 }
        return isThreeByteWhitespace(b, bytes[i + 1], bytes[i + 2]) ? 3 : 0
    }

    /// The length of the text gap character starting at `i`, else 0: what text collapsing
    /// (`TextAccumulator`, `SubtreeText`) turns into one space: HTML space, U+00A0 NO-BREAK SPACE
    /// and U+3000 IDEOGRAPHIC SPACE.
    @inline(__always)
    static func gapLength(at i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        let b = bytes[i]
        if isHTMLSpace(b) { return 1 }
        if b == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// True for a byte that can start no text gap (`gapLength`) and is no control character:
    /// copied as it is by `collapse`.
    @inline(__always)
    static func isPlainTextByte(_ b: UInt8) -> Bool {
        b > 0x20 && b != 0xC2 && b != 0xE3
    }

    /// Text collapsing (`TextAccumulator`, `SubtreeText`): writes `src[from..<end]` at `out + n`,
    /// every run of gap characters (`gapLength`) as one space, written only when a non-gap byte
    /// follows and the output (`n > 0`) is not empty; `pending` carries a gap not yet written
    /// across calls. `out` may be `src` itself (in place: the write index never passes the read
    /// index). Runs of plain bytes, single U+0020 spaces between them included (they collapse to
    /// themselves), are copied in one block instead of byte by byte.
    @inline(__always)
    static func collapse(_ src: UnsafePointer<UInt8>, from: Int, to end: Int, into out: UnsafeMutablePointer<UInt8>,
                         count n: inout Int, pending: inout Bool) {
        var j = from
        while j < end {
            if !isPlainTextByte(src[j]) {
                if isHTMLSpace(src[j]) {
                    // A run of HTML spaces (indentation between tags): one gap.
                    j += 1
                    while j < end, isHTMLSpace(src[j]) { j += 1 }
                    if n > 0 { pending = true }
                    continue
                }
                let gap = gapLength(at: j, UnsafeBufferPointer(start: src, count: end), end)
                if gap > 0 {
                    if n > 0 { pending = true }
                    j += gap
                    continue
                }
            }
            var k = j + 1
            while k < end {
                let c = src[k]
                if isPlainTextByte(c) { k += 1; continue }
                if c == 0x20, k + 1 < end, isPlainTextByte(src[k + 1]) { k += 2; continue }
                break
            }
            if pending {
                out[n] = 0x20
                n += 1
                pending = false
            }
            memmove(out + n, src + j, k - j)
            n += k - j
            j = k
        }
    }

    /// The length of the whitespace character ending just before `end`, else 0.
    @inline(__always)
    static func length(before end: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let b = bytes[end - 1]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0x80 { return 0 }
        if end - 2 >= start, bytes[end - 2] == 0xC2, b == 0x85 || b == 0xA0 { return 2 }
        if end - 3 >= start, isThreeByteWhitespace(bytes[end - 3], bytes[end - 2], b) { return 3 }
        return 0
    }

    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 in UTF-8.
    @inline(__always)
    static func isThreeByteWhitespace(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80
        case (0xE2, 0x80): return b2 <= 0x8A && b2 >= 0x80 || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF
        case (0xE2, 0x81): return b2 == 0x9F
        case (0xE3, 0x80): return b2 == 0x80
        default: return false
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (Unicode `White_Space`, so also
    /// no-break and ideographic spaces). Pure Swift: Foundation's `trimmingCharacters(in:)`
    /// bridges through NSString on Linux and showed up in profiles of the metadata scan.
    ///
    /// ```swift
    /// "\u{3000} 見出し \n".trimmingWhitespace() == "見出し"
    /// ```
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Whitespace.isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Whitespace.isWhitespace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
