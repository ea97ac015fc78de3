#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides which charset a page's bytes are in: caller hint, BOM, declaration, strict UTF-8
/// validation, byte statistics, windows-1252 — in that order.
enum CharsetDetector {
    /// Only this many leading bytes are searched for a `<meta>` or XML declaration (WHATWG uses 1 KiB;
    /// real pages put the meta after long inline scripts and styles).
    static let prescanLimit = 64 * 1024
    /// A declared UTF-8 page whose non-ASCII sequences are invalid more often than this is clearly
    /// in another charset; below it, the page is UTF-8 with a few broken bytes (repaired to U+FFFD).
    static let maxUTF8ErrorRatio = 0.02
    /// Undeclared, slightly broken UTF-8 (e.g. a page cut mid-character) is still taken as UTF-8
    /// when it has at least this many well-formed multi-byte sequences and errors stay under `maxUTF8ErrorRatio`.
    static let minUTF8SequencesForRepair = 20

    /// Chooses the charset for `bytes`; `hint` (a charset label or a whole HTTP `Content-Type`
    /// value, from the caller, the CLI `--encoding` or a WARC record) wins when iconv knows it.
    static func decide(_ bytes: UnsafeBufferPointer<UInt8>, hint: String?) -> CharsetDecision {
        let bom = byteOrderMark(bytes)
        // 1. Caller hint.
        if let hint, let charset = CharsetNames.canonical(hint: hint) {
            let skip = bom?.charset == charset ? bom!.length : 0
            return CharsetDecision(charset: charset, source: .hint, bomLength: skip)
        }
        // 2. BOM.
        if let bom { return CharsetDecision(charset: bom.charset, source: .bom, bomLength: bom.length) }
        // 3. Declaration, checked against the bytes.
        let utf8 = UTF8Validator.scan(bytes)
        if let declared = declaredCharset(bytes) {
            if declared == CharsetNames.utf8 {
                if utf8.errorRatio <= maxUTF8ErrorRatio {
                    return CharsetDecision(charset: declared, source: .declared, bomLength: 0, scannedValidUTF8: utf8.isValid)
                }
                return StatisticalDetector.detect(bytes)
            }
            if utf8.isValid && utf8.multibyte > 0 {
                // Valid multi-byte UTF-8 is far likelier than a legacy text that happens to be valid UTF-8.
                return CharsetDecision(charset: CharsetNames.utf8, source: .utf8Valid, bomLength: 0, scannedValidUTF8: true)
            }
            return CharsetDecision(charset: declared, source: .declared, bomLength: 0)
        }
        // 4. Strict UTF-8 (7-bit bytes with ISO-2022-JP escapes are Japanese, not ASCII).
        if utf8.isValid {
            if utf8.multibyte == 0 && hasISO2022JPEscape(bytes) {
                return CharsetDecision(charset: "iso-2022-jp", source: .statistical, bomLength: 0)
            }
            return CharsetDecision(charset: CharsetNames.utf8, source: .utf8Valid, bomLength: 0, scannedValidUTF8: true)
        }
        if utf8.multibyte >= minUTF8SequencesForRepair && utf8.errorRatio <= maxUTF8ErrorRatio {
            return CharsetDecision(charset: CharsetNames.utf8, source: .statistical, bomLength: 0)
        }
        // 5./6. Byte statistics, else windows-1252.
        return StatisticalDetector.detect(bytes)
    }

    /// True when `bytes` contain an ISO-2022-JP switch to JIS X 0208 (ESC $ B or ESC $ @).
    static func hasISO2022JPEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let escape: UInt8 = 0x1B
        var i = 0
        while i < bytes.count, let hit = memchr(base + i, Int32(escape), bytes.count - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "$"), bytes[i + 2] == UInt8(ascii: "B") || bytes[i + 2] == UInt8(ascii: "@") {
                return true
            }
            i += 1
        }
        return false
    }

    /// The byte-order mark at the start of `bytes`, if any: UTF-8, UTF-16LE or UTF-16BE.
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (charset: String, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return ("utf-8", 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("utf-16le", 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("utf-16be", 2) }
        return nil
    }

    /// The first charset declared in the first `prescanLimit` bytes that iconv knows, canonical.
    /// A declared UTF-16 means UTF-8 (an ASCII-readable declaration cannot be in UTF-16; WHATWG).
    static func declaredCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, prescanLimit)])
        var found: String?
        MetaPrescanner(head).scan { label in
            guard let charset = CharsetNames.canonical(label) else { return false }
            found = charset.hasPrefix("utf-16") ? CharsetNames.utf8 : charset
            return true
        }
        return found
    }
}

/// A byte-level scan for charset declarations, after the WHATWG "prescan a byte stream" algorithm:
/// comments are skipped, `<meta>` attributes are read, every other tag's attributes are read and
/// ignored (so `<script charset=…>` declares nothing). An XML declaration at offset 0 counts too.
struct MetaPrescanner {
    /// The bytes searched.
    let bytes: UnsafeBufferPointer<UInt8>

    /// Wraps `bytes` (already cut to the prescan limit).
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Calls `accept` with each declared label in order until it returns true.
    func scan(_ accept: (String) -> Bool) {
        let n = bytes.count
        if let label = xmlDeclarationEncoding(), accept(label) { return }
        var i = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                // Jump to the next '<' (memchr is vectorised).
                guard let hit = memchr(bytes.baseAddress! + i, Int32(UInt8(ascii: "<")), n - i) else { return }
                i = bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                continue
            }
            if matches("<!--", at: i) {
                i = find("-->", from: i + 4).map { $0 + 3 } ?? n
            } else if matchesLowercase("<meta", at: i), i + 5 < n, isSpaceOrSlash(bytes[i + 5]) {
                var j = i + 5
                var charset: String?
                var content: String?
                var isContentType = false
                while let a = attribute(at: j) {
                    j = a.next
                    if equalsLowercase(a.name, "charset") {
                        if charset == nil { charset = string(a.value.lowerBound, a.value.upperBound) }
                    } else if equalsLowercase(a.name, "content") {
                        if content == nil { content = string(a.value.lowerBound, a.value.upperBound) }
                    } else if equalsLowercase(a.name, "http-equiv") {
                        if equalsLowercase(a.value, "content-type") { isContentType = true }
                    }
                }
                i = j
                if let charset, accept(charset) { return }
                if charset == nil, isContentType, let content, let label = Self.charsetFromContent(content), accept(label) { return }
            } else if i + 1 < n, isASCIILetter(bytes[i + 1]) || (bytes[i + 1] == UInt8(ascii: "/") && i + 2 < n && isASCIILetter(bytes[i + 2])) {
                // Any other tag: skip its name, then its attributes (their values may contain '>').
                var j = i + 1
                while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                while let a = attribute(at: j) { j = a.next }
                i = j
            } else if i + 1 < n, bytes[i + 1] == UInt8(ascii: "!") || bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "?") {
                i = find(">", from: i + 1).map { $0 + 1 } ?? n
            } else {
                i += 1
            }
        }
    }

    /// The `encoding` of an `<?xml … ?>` declaration at the very start, if any.
    func xmlDeclarationEncoding() -> String? {
        guard matches("<?xml", at: 0), let end = find("?>", from: 5), let key = find("encoding", from: 5), key < end else {
            return nil
        }
        var i = key + "encoding".utf8.count
        while i < end, isSpace(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < end, isSpace(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[i]
        var j = i + 1
        while j < end, bytes[j] != quote { j += 1 }
        return j < end ? string(i + 1, j) : nil
    }

    /// WHATWG "extract a character encoding from a meta element": the value after `charset=` in a content attribute.
    static func charsetFromContent(_ content: String) -> String? {
        let s = Array(content.utf8)
        var i = 0
        while i + 7 <= s.count {
            let word = String(decoding: s[i..<i + 7], as: UTF8.self).lowercased()
            guard word == "charset" else { i += 1; continue }
            var j = i + 7
            while j < s.count, isSpaceByte(s[j]) { j += 1 }
            guard j < s.count, s[j] == UInt8(ascii: "=") else { i += 7; continue }
            j += 1
            while j < s.count, isSpaceByte(s[j]) { j += 1 }
            guard j < s.count else { return nil }
            if s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") {
                let q = s[j]
                guard let end = s[(j + 1)...].firstIndex(of: q) else { return nil }
                return String(decoding: s[(j + 1)..<end], as: UTF8.self)
            }
            var end = j
            while end < s.count, !isSpaceByte(s[end]), s[end] != UInt8(ascii: ";") { end += 1 }
            return String(decoding: s[j..<end], as: UTF8.self)
        }
        return nil
    }

    /// Byte ranges of one attribute: its name, its value (empty when absent) and the index after it.
    struct AttributeSpan {
        /// Name bytes (compare case-insensitively).
        var name: Range<Int>
        /// Value bytes, without quotes.
        var value: Range<Int>
        /// Where the next attribute (or the closing `>`) starts.
        var next: Int
    }

    /// WHATWG "get an attribute" at `start`, without allocating; nil at `>` or the end.
    func attribute(at start: Int) -> AttributeSpan? {
        let n = bytes.count
        var i = start
        while i < n, isSpaceOrSlash(bytes[i]) { i += 1 }
        guard i < n, bytes[i] != UInt8(ascii: ">") else { return nil }
        let nameStart = i
        i += 1  // the first name byte may be '=' (WHATWG)
        while i < n, !isSpaceOrSlash(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
        let name = nameStart..<i
        while i < n, isSpace(bytes[i]) { i += 1 }
        guard i < n, bytes[i] == UInt8(ascii: "=") else { return AttributeSpan(name: name, value: i..<i, next: i) }
        i += 1
        while i < n, isSpace(bytes[i]) { i += 1 }
        guard i < n else { return AttributeSpan(name: name, value: i..<i, next: i) }
        if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
            let q = bytes[i]
            let valueStart = i + 1
            var j = valueStart
            while j < n, bytes[j] != q { j += 1 }
            return AttributeSpan(name: name, value: valueStart..<j, next: min(j + 1, n))
        }
        let valueStart = i
        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
        return AttributeSpan(name: name, value: valueStart..<i, next: i)
    }

    /// True when the bytes in `range` equal lowercase ASCII `literal`, ignoring case.
    func equalsLowercase(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && matchesLowercase(literal, at: range.lowerBound)
    }

    // MARK: Byte helpers

    /// True when `literal` occurs at `i`.
    private func matches(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        return true
    }

    /// True when lowercase ASCII `literal` occurs at `i`, ignoring ASCII case.
    func matchesLowercase(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where asciiLower(bytes[i + k]) != p[k] { return false }
        return true
    }

    /// Index of the first occurrence of `literal` at or after `from` (memchr for its first byte, then compare).
    private func find(_ literal: StaticString, from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let first = Int32(literal.utf8Start[0])
        var i = from
        while i < bytes.count, let hit = memchr(base + i, first, bytes.count - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches(literal, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// The bytes in `start..<end` as a string (invalid UTF-8 repaired).
    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
    }

}

/// ASCII lowercase of one byte.
@inline(__always) private func asciiLower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
/// HTML whitespace: tab, LF, FF, CR, space.
@inline(__always) private func isSpace(_ b: UInt8) -> Bool { Whitespace.isHTMLSpace(b) }
/// HTML whitespace or '/'.
@inline(__always) private func isSpaceOrSlash(_ b: UInt8) -> Bool { isSpace(b) || b == 0x2F }
/// HTML whitespace (byte in an array).
@inline(__always) private func isSpaceByte(_ b: UInt8) -> Bool { isSpace(b) }
/// ASCII letter.
@inline(__always) private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
