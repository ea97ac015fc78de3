import Foundation

/// Substring searches that stand in for Foundation's `range(of:)`, `contains` and
/// `components(separatedBy:)` on short metadata strings, as byte searches when they surely find
/// the same, and otherwise call Foundation as before.
///
/// Foundation's default search (no `.literal`) matches canonically equivalent text and only
/// whole composed character sequences; on Linux each call also bridges to `NSString`. When both
/// strings consist of "plain" scalars (ASCII and the letter, punctuation and CJK blocks below:
/// no combining marks, no conjoining jamo, no singleton decompositions such as U+037E → `;`
/// or U+0387 → U+00B7), every character is one scalar with one encoding, so a byte match is a
/// Foundation match and the other way round.
///
/// ```swift
/// TextSearch.contains("updated: march 4", "updated") == true
/// TextSearch.components("Ann and Bo", separatedBy: " and ") == ["Ann", "Bo"]
/// ```
enum TextSearch {
    /// True when `s` holds only ASCII and scalars that no `lowercased()` changes and that are
    /// neither letters nor numbers, each its own character: U+00A0 and the General Punctuation
    /// U+2010–U+205E (dashes, curly quotes, bullets, …; no joiners or invisible controls).
    static func isASCIIWithPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { i += 2; continue }
            guard b == 0xE2, i + 2 < n else { return false }
            let v = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            guard bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, v >= 0x2010, v <= 0x205E else { return false }
            i += 3
        }
        return true
    }

    /// True for a scalar that takes part in no canonical equivalence or composed sequence
    /// other than itself (see the type's comment). CR is left to Foundation (CR LF).
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x80 { return v != 0x0D }
        switch v {
        case 0xA0...0x17F,          // Latin-1 Supplement, Latin Extended-A (precomposed letters)
             0x388...0x3FF,         // Greek (not U+0374, U+037E, U+0387: singletons)
             0x400...0x482, 0x48A...0x4FF,  // Cyrillic without its combining marks
             0x2010...0x2027, 0x2030...0x205E,  // General Punctuation (no quads, zero-width or bidi controls)
             0x3000...0x3029,       // CJK symbols and punctuation before the combining tone marks
             0x3041...0x3096, 0x30A1...0x30FA,  // kana (not the combining sound marks)
             0x4E00...0x9FFF,       // CJK Unified Ideographs
             0xAC00...0xD7A3,       // Hangul syllables
             0xFF01...0xFF5E:       // full-width ASCII
            return true
        default:
            return false
        }
    }

    /// True when every scalar of the UTF-8 bytes is plain (malformed bytes are not).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                i += 1
                continue
            }
            let width: Int
            var v: UInt32
            if b & 0xE0 == 0xC0 { width = 2; v = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { width = 3; v = UInt32(b & 0x0F) }
            else { return false }  // four-byte scalars and stray bytes: Foundation decides
            guard i + width <= n else { return false }
            for k in 1..<width {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return false }
                v = v << 6 | UInt32(c & 0x3F)
            }
            if !isPlain(v) { return false }
            i += width
        }
        return true
    }

    /// The byte range of `needle` in `hay` (the last one when `backwards`): `.some(nil)` when
    /// absent; nil when the byte search does not surely agree with Foundation's.
    static func byteRange(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>,
                          backwards: Bool) -> Range<Int>?? {
        guard agrees(needle, hay) else { return nil }
        return .some(search(needle, in: hay, from: 0, backwards: backwards))
    }

    /// True when a byte search for `needle` in `hay` finds what Foundation finds.
    static func agrees(_ needle: UnsafeBufferPointer<UInt8>, _ hay: UnsafeBufferPointer<UInt8>) -> Bool {
        !needle.isEmpty && !needle.contains(UInt8(ascii: "\n")) && isPlain(needle) && isPlain(hay)
    }

    /// The first (or last, `backwards`) occurrence of `needle` in `hay` starting at or after `from`.
    static func search(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int,
                       backwards: Bool) -> Range<Int>? {
        let m = needle.count
        let n = hay.count
        guard m > 0, n - from >= m else { return nil }
        let first = needle[0]
        func matches(at start: Int) -> Bool {
            guard hay[start] == first else { return false }
            var k = 1
            while k < m, hay[start + k] == needle[k] { k += 1 }
            return k == m
        }
        if backwards {
            var start = n - m
            while start >= from {
                if matches(at: start) { return start..<(start + m) }
                start -= 1
            }
        } else {
            var start = from
            while start <= n - m {
                if matches(at: start) { return start..<(start + m) }
                start += 1
            }
        }
        return nil
    }

    /// `text.range(of: needle)`, or `text.range(of: needle, options: .backwards)`.
    static func range(of needle: String, in text: String, backwards: Bool = false) -> Range<String.Index>? {
        var hay = text
        var pattern = needle
        let result = hay.withUTF8 { h in pattern.withUTF8 { p in byteRange(p, in: h, backwards: backwards) } }
        switch result {
        case .none:
            return backwards ? text.range(of: needle, options: .backwards) : text.range(of: needle)
        case .some(.none):
            return nil
        case .some(.some(let r)):
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
            return lower..<utf8.index(lower, offsetBy: r.count)
        }
    }

    /// `text.contains(needle)` as Foundation answers it.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var hay = text
        var pattern = needle
        let result = hay.withUTF8 { h in pattern.withUTF8 { p in byteRange(p, in: h, backwards: false) } }
        switch result {
        case .none: return text.range(of: needle) != nil
        case .some(let found): return found != nil
        }
    }

    /// `text.components(separatedBy: separator)`.
    static func components(_ text: String, separatedBy separator: String) -> [String] {
        var hay = text
        var pattern = separator
        let parts: [String]? = hay.withUTF8 { h in
            pattern.withUTF8 { p -> [String]? in
                guard agrees(p, h) else { return nil }
                var parts: [String] = []
                var start = 0
                while let r = search(p, in: h, from: start, backwards: false) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start..<r.lowerBound]), as: UTF8.self))
                    start = r.upperBound
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start...]), as: UTF8.self))
                return parts
            }
        }
        return parts ?? text.components(separatedBy: separator)
    }
}
