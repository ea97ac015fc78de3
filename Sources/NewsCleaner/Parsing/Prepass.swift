import Glibc

/// Step 3: cuts the bytes that cannot hold article text out of a UTF-8 page before libxml2 sees them.
///
/// 61 % of a typical news page is `<script>`, `<style>`, comments and inline `<svg>`. Tokenizing
/// them costs libxml2 as much as the text does, so this byte-level pass (memchr for `<`, then
/// the tag name; ends found the way the HTML tokenizer finds them: first `</script`, first
/// `-->`) hands the parser only the rest. `<script type="application/ld+json">` bodies are kept
/// aside for metadata.
///
/// ```swift
/// let result = Prepass.run(Array("<p>a<script>x()</script>b</p>".utf8))
/// // result.bytes == "<p>ab</p>"
/// ```
enum Prepass {
    struct Result {
        var bytes: [UInt8]
        var jsonLD: [String]
    }

    /// Elements whose whole content is dropped, with whether an unclosed one runs to the end of input.
    private static let dropped: [(name: [UInt8], runsToEnd: Bool)] = [
        (Array("script".utf8), true),
        (Array("style".utf8), true),
        (Array("noscript".utf8), false),
        (Array("template".utf8), false),
        (Array("svg".utf8), false),
        (Array("math".utf8), false),
    ]

    /// True when a tag name of this length starting with this byte might be a dropped element:
    /// most tags (`div`, `a`, `span`, `p` …) are ruled out before the table is consulted.
    /// Must admit every name in `dropped` (lengths 3–8; first letters s, n, t, m).
    @inline(__always)
    private static func mayBeDropped(first: UInt8, length: Int) -> Bool {
        switch first | 0x20 {
        case UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "m"):
            return length >= shortestDroppedName && length <= longestDroppedName
        default:
            return false
        }
    }
    /// Length of the shortest name in `dropped` ("svg").
    private static let shortestDroppedName = 3
    /// Length of the longest name in `dropped` ("noscript", "template").
    private static let longestDroppedName = 8

    static func run(_ input: [UInt8]) -> Result {
        input.withUnsafeBufferPointer { run($0) }
    }

    static func run(_ buf: UnsafeBufferPointer<UInt8>) -> Result {
        var out = [UInt8]()
        var jsonLD: [String] = []
        let n = buf.count
        guard let base = buf.baseAddress, n > 0 else { return Result(bytes: [], jsonLD: []) }
        out.reserveCapacity(n / 2)
        var copyFrom = 0
        var i = 0
        // Searches that found nothing from a position find nothing from any later one: remembered,
        // so a page of many unclosed comments, `<svg>`s or tags is not rescanned to its end per one.
        var noCommentCloseFrom = Int.max
        var noClosingFrom = [Int](repeating: Int.max, count: dropped.count)
        var unterminatedTagFrom = Int.max
        while i < n {
            guard let hit = memchr(base + i, 0x3C, n - i) else { break }
            let lt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = lt + 1
            guard i < n else { break }
            let c = buf[i]
            if c == 0x21 {  // "<!"
                if i + 2 < n, buf[i + 1] == 0x2D, buf[i + 2] == 0x2D {
                    // Comment: "<!-->" and "<!--->" are empty comments, else up to the first "-->".
                    let bodyStart = i + 3
                    var end: Int
                    if bodyStart < n, buf[bodyStart] == 0x3E {
                        end = bodyStart + 1
                    } else if bodyStart + 1 < n, buf[bodyStart] == 0x2D, buf[bodyStart + 1] == 0x3E {
                        end = bodyStart + 2
                    } else if bodyStart < noCommentCloseFrom, let close = find(buf, "-->", from: bodyStart) {
                        end = close + 3
                    } else {
                        noCommentCloseFrom = min(noCommentCloseFrom, bodyStart)
                        // Unclosed comment: best effort, drop only up to the next '>'.
                        end = (findByte(buf, 0x3E, from: bodyStart) ?? (n - 1)) + 1
                    }
                    flush(&out, buf, copyFrom, lt)
                    copyFrom = end
                    i = end
                } else if !startsIgnoringCase(buf, i + 1, doctype) {
                    // "<![CDATA[", "<!foo>": a bogus comment up to the first '>' (to the end if
                    // none), as browsers read it; libxml2 would pass it on as text.
                    let end = (findByte(buf, 0x3E, from: i + 1) ?? (n - 1)) + 1
                    flush(&out, buf, copyFrom, lt)
                    copyFrom = end
                    i = end
                }
                continue
            }
            if c == 0x3F {  // "<?": a processing instruction is a bogus comment up to the first '>' too.
                let end = (findByte(buf, 0x3E, from: i + 1) ?? (n - 1)) + 1
                flush(&out, buf, copyFrom, lt)
                copyFrom = end
                i = end
                continue
            }
            guard isASCIILetter(c) else { continue }
            // Read the tag name.
            var j = i
            while j < n, isNameByte(buf[j]) { j += 1 }
            guard mayBeDropped(first: c, length: j - i),
                  let index = dropped.firstIndex(where: { equalsIgnoringCase(buf, i, j, $0.name) }),
                  j < n, isNameEnd(buf[j]) else {
                i = j
                // A tag after one that runs unterminated to the end of input lies inside it (as
                // libxml2 reads it): not scanned again.
                guard j < unterminatedTagFrom else { continue }
                let scan = attributeOverflow(buf, from: j)
                if scan.reachedEnd { unterminatedTagFrom = j }
                if let overflow = scan.overflow {
                    // Keep the first attributes, close the tag there, skip the rest of it.
                    flush(&out, buf, copyFrom, overflow.cut)
                    out.append(0x3E)
                    copyFrom = overflow.tagEnd
                    i = overflow.tagEnd
                }
                continue
            }
            let entry = dropped[index]
            // End of the opening tag (quotes respected), then the closing tag.
            guard let openEnd = endOfTag(buf, from: j) else {
                flush(&out, buf, copyFrom, lt)
                copyFrom = n
                i = n
                break
            }
            let selfClosing = openEnd > 0 && buf[openEnd - 1] == 0x2F
            var end: Int
            if selfClosing && entry.name != dropped[0].name && entry.name != dropped[1].name {
                end = openEnd + 1
            } else if openEnd + 1 < noClosingFrom[index], let close = findClosing(buf, entry.name, from: openEnd + 1) {
                if entry.name == dropped[0].name, isJSONLD(buf, j, openEnd) {
                    jsonLD.append(String(decoding: UnsafeBufferPointer(rebasing: buf[(openEnd + 1)..<close]), as: UTF8.self))
                }
                end = (findByte(buf, 0x3E, from: close) ?? (n - 1)) + 1
            } else {
                noClosingFrom[index] = min(noClosingFrom[index], openEnd + 1)
                end = entry.runsToEnd ? n : openEnd + 1
            }
            flush(&out, buf, copyFrom, lt)
            copyFrom = end
            i = end
        }
        flush(&out, buf, copyFrom, n)
        return Result(bytes: out, jsonLD: jsonLD)
    }

    @inline(__always)
    private static func flush(_ out: inout [UInt8], _ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        if to > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from..<to])) }
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private static func isNameByte(_ c: UInt8) -> Bool {
        isASCIILetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A || c == 0x5F
    }
    @inline(__always) private static func isNameEnd(_ c: UInt8) -> Bool {
        c == 0x3E || c == 0x2F || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
    }

    /// "doctype": the one `<!` declaration handed to libxml2.
    private static let doctype = Array("doctype".utf8)

    /// True when the bytes at `from` start with `prefix` (lowercase ASCII), ignoring case.
    private static func startsIgnoringCase(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ prefix: [UInt8]) -> Bool {
        from + prefix.count <= buf.count && equalsIgnoringCase(buf, from, from + prefix.count, prefix)
    }

    private static func equalsIgnoringCase(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ name: [UInt8]) -> Bool {
        guard to - from == name.count else { return false }
        for k in 0..<name.count where buf[from + k] | 0x20 != name[k] { return false }
        return true
    }

    /// Attributes libxml2 is given per start tag; the rest of a longer tag is cut off. libxml2
    /// checks each attribute against every earlier one of its tag, so the cost is quadratic in
    /// their number (80 000 attributes, 1.2 MB, took 20 s); real pages stay far below this.
    static let maxAttributesPerTag = 512

    /// For a start tag with more than `maxAttributesPerTag` attributes (name ended at `from`):
    /// where the first extra attribute starts and one past the tag's '>' (or the end of input).
    /// Counts attribute names the way `endOfTag` reads quotes: a quote opens a value only after '='.
    private static func attributeOverflow(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> (overflow: (cut: Int, tagEnd: Int)?, reachedEnd: Bool) {
        var i = from
        var quote: UInt8 = 0
        var names = 0
        var inName = false
        var afterEquals = false
        while i < buf.count {
            let c = buf[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x3E {
                return (nil, false)
            } else if c == 0x3D {
                afterEquals = true
                inName = false
            } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x2F {
                inName = false
            } else if afterEquals {
                // The value: quoted, or unquoted up to the next space.
                if c == 0x22 || c == 0x27 { quote = c }
                afterEquals = false
                inName = true
            } else if !inName {
                inName = true
                names += 1
                if names > maxAttributesPerTag {
                    let close = endOfTag(buf, from: i).map { $0 + 1 } ?? buf.count
                    return ((i, close), false)
                }
            }
            i += 1
        }
        return (nil, true)
    }

    /// The index of the '>' ending a start tag whose name ended at `from`, skipping quoted values.
    private static func endOfTag(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        var quote: UInt8 = 0
        while i < buf.count {
            let c = buf[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                // A quote only opens a value right after '='.
                var k = i - 1
                while k > from, buf[k] == 0x20 { k -= 1 }
                if buf[k] == 0x3D { quote = c }
            } else if c == 0x3E {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The index of the '<' of the first `</name` (case-insensitive) followed by a name end.
    private static func findClosing(_ buf: UnsafeBufferPointer<UInt8>, _ name: [UInt8], from: Int) -> Int? {
        var i = from
        let n = buf.count
        while i < n {
            guard let lt = findByte(buf, 0x3C, from: i) else { return nil }
            let nameStart = lt + 2
            if nameStart + name.count <= n, buf[lt + 1] == 0x2F,
               equalsIgnoringCase(buf, nameStart, nameStart + name.count, name),
               nameStart + name.count == n || isNameEnd(buf[nameStart + name.count]) {
                return lt
            }
            i = lt + 1
        }
        return nil
    }

    private static func isJSONLD(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        find(UnsafeBufferPointer(rebasing: buf[from..<to]), "ld+json", from: 0, ignoringCase: true) != nil
    }

    @inline(__always)
    static func findByte(_ buf: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int) -> Int? {
        guard from < buf.count, let base = buf.baseAddress,
              let hit = memchr(base + from, Int32(byte), buf.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    static func find(_ buf: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from: Int, ignoringCase: Bool = false) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first, from < buf.count else { return nil }
        if !ignoringCase {
            var i = from
            while let hit = findByte(buf, first, from: i) {
                guard hit + pattern.count <= buf.count else { return nil }
                var k = 1
                while k < pattern.count, buf[hit + k] == pattern[k] { k += 1 }
                if k == pattern.count { return hit }
                i = hit + 1
            }
            return nil
        }
        var i = from
        while i + pattern.count <= buf.count {
            if buf[i] | 0x20 == first | 0x20 {
                var k = 1
                while k < pattern.count, buf[i + k] | 0x20 == pattern[k] | 0x20 { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}
