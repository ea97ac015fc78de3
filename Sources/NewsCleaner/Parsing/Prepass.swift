#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        /// With `tokenize`: the values that `bytes` holds as tokens (see `ValueTokens`), three
        /// entries per token (start and length in the input, offset in `bytes` of the end of its
        /// tag), in order; empty otherwise.
        var tokens: [Int32] = []
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

    /// The prepass of `input`. With `tokenize`, attribute values are handed to libxml2 as
    /// one-byte tokens (`ValueTokens`); the caller then resolves them against `input`.
    static func run(_ input: [UInt8], tokenize: Bool = false) -> Result {
        input.withUnsafeBufferPointer { run($0, tokenize: tokenize) }
    }

    static func run(_ buf: UnsafeBufferPointer<UInt8>, tokenize: Bool = false) -> Result {
        keptAttributeTable.withUnsafeBufferPointer { table in
            nameByteFold.withUnsafeBufferPointer { fold in
                run(buf, keptAttributes: KeptAttributes(table: table, fold: fold), tokenize: tokenize)
            }
        }
    }

    private static func run(_ buf: UnsafeBufferPointer<UInt8>, keptAttributes: KeptAttributes,
                            tokenize: Bool) -> Result {
        var jsonLD: [String] = []
        let n = buf.count
        guard let base = buf.baseAddress, n > 0 else { return Result(bytes: [], jsonLD: []) }
        // A page holding the marker byte itself gets no tokens: then no value can be mistaken for one.
        var tokens = ValueTokens(enabled: tokenize && memchr(base, Int32(ValueTokens.marker), n) == nil)
        let bytes = [UInt8](unsafeUninitializedCapacity: n) { storage, initialized in
            var out = Output(base: storage.baseAddress!, capacity: n, source: base)
            scan(base, n, keptAttributes: keptAttributes, out: &out, jsonLD: &jsonLD, tokens: &tokens)
            initialized = out.count
        }
        return Result(bytes: bytes, jsonLD: jsonLD, tokens: tokens.finish())
    }

    /// Writes the text run ending at `lt` as a token (`ValueTokens.textRun`), if it is `run`.
    @inline(__always)
    private static func emitRun(_ run: (start: Int, end: Int, marker: UInt8), _ lt: Int, _ out: inout Output, _ copyFrom: inout Int,
                                _ tokens: inout ValueTokens) {
        guard run.end == lt else { return }
        out.append(out.source + copyFrom, run.start - copyFrom)
        out.append(run.marker)
        copyFrom = lt
        tokens.add(start: run.start, length: lt - run.start, position: out.count)
    }

    /// The output of `run`, written into storage of the input's size: it never grows past it,
    /// since every cut and every token is shorter than what it replaces.
    struct Output {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        /// The input being copied.
        let source: UnsafePointer<UInt8>
        var count = 0

        init(base: UnsafeMutablePointer<UInt8>, capacity: Int, source: UnsafePointer<UInt8>) {
            self.base = base
            self.capacity = capacity
            self.source = source
        }

        @inline(__always) mutating func append(_ from: UnsafePointer<UInt8>, _ length: Int) {
            precondition(count + length <= capacity)
            (base + count).update(from: from, count: length)
            count += length
        }

        @inline(__always) mutating func append(_ byte: UInt8) {
            precondition(count < capacity)
            base[count] = byte
            count += 1
        }
    }

    private static func scan(_ base: UnsafePointer<UInt8>, _ n: Int, keptAttributes: KeptAttributes,
                             out: inout Output, jsonLD: inout [String], tokens: inout ValueTokens) {
        let buf = UnsafeBufferPointer(start: base, count: n)
        var copyFrom = 0
        /// Start tags beginning before this index are left as written (see `cutUnreadAttributes`).
        var keepTagsBefore = 0
        var i = 0
        // Searches that found nothing from a position find nothing from any later one: remembered,
        // so a page of many unclosed comments, `<svg>`s or tags is not rescanned to its end per one.
        var noCommentCloseFrom = Int.max
        var noClosingFrom = [Int](repeating: Int.max, count: dropped.count)
        var unterminatedTagFrom = Int.max
        /// The text after the last tag when it may become a token (`ValueTokens.textRun`): it
        /// does when the '<' ending it stays in the output.
        var run = (start: -1, end: -1, marker: ValueTokens.textMarker)
        while i < n {
            guard let hit = memchr(base + i, 0x3C, n - i) else { break }
            let lt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            i = lt + 1
            guard i < n else { break }
            let c = buf[i]
            if c == 0x2F {  // "</"
                emitRun(run, lt, &out, &copyFrom, &tokens)
                run.end = -1
                // A plain end tag: libxml2 reads what follows it as text, which may become a token.
                if tokens.enabled, lt >= keepTagsBefore, i + 1 < n, isASCIILetter(buf[i + 1]) {
                    var j = i + 2
                    while j < n, isNameByte(buf[j]) { j += 1 }
                    if j < n, buf[j] == 0x3E, j - i <= longestLibxmlName {
                        if let found = ValueTokens.textRun(base, n, from: j + 1) { run = (j + 1, found.end, found.marker) }
                        i = j + 1
                    }
                }
                continue
            }
            if c == 0x21 {  // "<!"
                run.end = -1
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
                run.end = -1
                let end = (findByte(buf, 0x3E, from: i + 1) ?? (n - 1)) + 1
                flush(&out, buf, copyFrom, lt)
                copyFrom = end
                i = end
                continue
            }
            guard isASCIILetter(c) else {
                emitRun(run, lt, &out, &copyFrom, &tokens)
                run.end = -1
                continue
            }
            // Read the tag name.
            var j = i
            while j < n, isNameByte(buf[j]) { j += 1 }
            guard mayBeDropped(first: c, length: j - i),
                  let index = dropped.firstIndex(where: { equalsIgnoringCase(buf, i, j, $0.name) }),
                  j < n, isNameEnd(buf[j]) else {
                // An ordinary start tag: its unread attributes are cut where the tag reads the
                // way libxml2 reads it, and the scan goes on after the tag. A tag read any other
                // way stays as written, and so does every tag starting inside it (in what libxml2
                // takes for its attribute values).
                emitRun(run, lt, &out, &copyFrom, &tokens)
                run.end = -1
                if lt >= keepTagsBefore {
                    let savedCount = out.count
                    let savedCopyFrom = copyFrom
                    let savedTokens = tokens.ranges.count
                    let reading = cutUnreadAttributes(base, n, nameStart: i, nameEnd: j, kept: keptAttributes,
                                                      out: &out, copyFrom: &copyFrom, tokens: &tokens)
                    if reading.cut {
                        i = reading.end
                        if tokens.enabled, let found = ValueTokens.textRun(base, n, from: i) { run = (i, found.end, found.marker) }
                        continue
                    }
                    out.count = savedCount
                    tokens.truncate(to: savedTokens)
                    copyFrom = savedCopyFrom
                    keepTagsBefore = reading.end
                }
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
            run.end = -1
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
    }

    // MARK: Unread attributes

    /// The attribute names the parser keeps (`AttributeName`), and libxml2's attribute name bytes.
    struct KeptAttributes {
        /// `keptAttributeTable`: per slot the name's key (`key0`, `key1`) and raw value + 1 (0: empty).
        let table: UnsafeBufferPointer<UInt64>
        /// `nameByteFold`.
        let fold: UnsafeBufferPointer<UInt8>

        /// The kept attribute whose name, folded to lowercase, is the little-endian bytes of
        /// `key0` then `key1` (zero-padded), if it is one. Exact: the keys are compared whole.
        @inline(__always)
        func name(_ key0: UInt64, _ key1: UInt64) -> AttributeName? {
            var slot = Prepass.keptAttributeSlot(key0, key1)
            while true {
                let value = table[slot &* 3 &+ 2]
                if value == 0 { return nil }
                if table[slot &* 3] == key0, table[slot &* 3 &+ 1] == key1 {
                    return AttributeName(rawValue: UInt8(truncatingIfNeeded: value &- 1))
                }
                slot = (slot &+ 1) & (Prepass.keptAttributeSlots - 1)
            }
        }
    }

    /// The kept attribute names (`AttributeName`) folded to lowercase (as libxml2 folds them),
    /// each as the little-endian bytes of two words (`attributeKey`), in an open-addressed table
    /// of `keptAttributeSlots` slots of three words: the two key words and the raw value + 1
    /// (0 marking an empty slot). A name is kept exactly when its key is in the table.
    static let keptAttributeTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: keptAttributeSlots * 3)
        for name in AttributeName.allCases {
            let bytes = Array(name.htmlName.lowercased().utf8)
            precondition(bytes.count < attributeKeyBytes)
            let key = attributeKey(bytes)
            var slot = keptAttributeSlot(key.0, key.1)
            while table[slot * 3 + 2] != 0 { slot = (slot + 1) & (keptAttributeSlots - 1) }
            table[slot * 3] = key.0
            table[slot * 3 + 1] = key.1
            table[slot * 3 + 2] = UInt64(name.rawValue) + 1
        }
        return table
    }()

    /// Slots of `keptAttributeTable`: a power of two, well above the number of kept names.
    private static let keptAttributeSlots = 64

    /// Names of this many bytes or more have no key (two words hold the first 16 bytes only):
    /// none is kept.
    static let attributeKeyBytes = 16

    /// The key of a name (bytes already folded, fewer than `attributeKeyBytes`): its bytes
    /// little-endian in two words, zero-padded.
    static func attributeKey(_ folded: [UInt8]) -> (UInt64, UInt64) {
        var key: (UInt64, UInt64) = (0, 0)
        for (i, b) in folded.enumerated() {
            if i < 8 { key.0 |= UInt64(b) << UInt64(i * 8) } else { key.1 |= UInt64(b) << UInt64((i - 8) * 8) }
        }
        return key
    }

    /// The key of the name of `length` bytes (fewer than `attributeKeyBytes`, all name bytes)
    /// at `start`: two unaligned loads masked to the name and folded to lowercase eight bytes at
    /// a time when 16 bytes can be read there, else byte by byte through `fold`.
    @inline(__always)
    static func attributeKey(_ base: UnsafePointer<UInt8>, _ n: Int, _ start: Int, _ length: Int,
                             fold: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard start &+ attributeKeyBytes <= n else {
            var key: (UInt64, UInt64) = (0, 0)
            for i in 0..<length {
                let f = UInt64(fold[Int(base[start &+ i])])
                if i < 8 { key.0 |= f << UInt64(i &* 8) } else { key.1 |= f << UInt64((i &- 8) &* 8) }
            }
            return key
        }
        let raw = UnsafeRawPointer(base + start)
        var w0 = raw.loadUnaligned(as: UInt64.self)
        var w1: UInt64 = 0
        if length < 8 {
            w0 &= (1 << UInt64(length &* 8)) &- 1
        } else if length > 8 {
            w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & ((1 << UInt64((length &- 8) &* 8)) &- 1)
        }
        return (foldASCIIWord(w0), foldASCIIWord(w1))
    }

    /// Eight ASCII bytes with `A`-`Z` folded to lowercase (every byte below 0x80).
    @inline(__always)
    static func foldASCIIWord(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = w &+ ones &* (0x80 - 0x41)      // high bit: byte >= 'A'
        let aboveZ = w &+ ones &* (0x80 - 0x5B)        // high bit: byte > 'Z'
        let upper = atLeastA & ~aboveZ & (ones &* 0x80)
        return w | (upper >> 2)
    }

    @inline(__always)
    static func keptAttributeSlot(_ key0: UInt64, _ key1: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key0 ^ (key1 &* 0x9E37_79B9)) &* 0x9E37_79B9_7F4A_7C15) >> 58) & (keptAttributeSlots - 1)
    }

    /// Per byte: the byte folded to lowercase (as libxml2 folds names) when libxml2 takes it in
    /// an attribute name after the first byte (`isLibxmlNameByte`), else 0.
    static let nameByteFold: [UInt8] = (0..<256).map { b in
        let c = UInt8(b)
        guard isLibxmlNameByte(c) else { return 0 }
        return c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    }

    /// libxml2's longest element or attribute name (`HTML_PARSER_BUFFER_SIZE`); longer names
    /// are split by it, so a tag holding one is left as written.
    private static let longestLibxmlName = 100

    /// libxml2's blanks (`IS_BLANK_CH`): no form feed, unlike the HTML tokenizer.
    @inline(__always) private static func isLibxmlBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// First byte of an attribute name for libxml2 (`htmlParseHTMLName`).
    @inline(__always) private static func isLibxmlNameStart(_ c: UInt8) -> Bool {
        isASCIILetter(c) || c == 0x5F || c == 0x3A || c == 0x2E
    }

    /// Later bytes of an attribute name for libxml2 (`htmlParseHTMLName`).
    @inline(__always) private static func isLibxmlNameByte(_ c: UInt8) -> Bool {
        isASCIILetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x3A || c == 0x2D || c == 0x5F || c == 0x2E
    }

    /// How `cutUnreadAttributes` read a start tag.
    struct TagReading {
        /// One past the tag's end as libxml2 finds it (after `>`, or the end of input).
        var end: Int
        /// True when the unread attributes were cut; false when the tag must stay as written.
        var cut: Bool
    }

    /// Reads the start tag whose name is `nameStart..<nameEnd` attribute by attribute, exactly as
    /// libxml2 2.9's `htmlParseStartTag` reads it (names of at most 100 bytes folded to lowercase,
    /// blanks without form feed, values quoted to the matching quote or unquoted to a blank or `>`,
    /// bogus attributes skipped to the next blank or `>`), and copies it to `out` without the
    /// attributes no code reads (names not in `AttributeName`: `data-*`, `on*`, `aria-*`, `target` …).
    ///
    /// The tag is left as written (`cut` false; the caller takes back what was written) when
    /// libxml2 reads it any other way than as `name[=value]` items apart from each other: a bogus
    /// attribute, a name libxml2 would split, an unclosed quote or tag, more than
    /// `maxAttributesPerTag` attributes or a NUL. `<meta>` keeps all its attributes (libxml2 reads
    /// them itself).
    /// Cutting `name[=value]` and nothing around it then leaves libxml2 the same tag minus those
    /// attributes: the bytes on either side were already apart (a blank or a closing quote before;
    /// a blank, `>` or `/>` after). `end` is where libxml2's tag ends either way, so the caller
    /// knows which `<` are inside the tag's values.
    private static func cutUnreadAttributes(_ base: UnsafePointer<UInt8>, _ n: Int, nameStart: Int, nameEnd: Int,
                                            kept: KeptAttributes,
                                            out: inout Output, copyFrom: inout Int,
                                            tokens: inout ValueTokens) -> TagReading {
        var clean = nameEnd - nameStart < longestLibxmlName
        // <meta>: libxml2 reads its attributes itself, so none is cut (its values may be tokens:
        // with HTML_PARSE_IGNORE_ENC what it reads changes nothing).
        let isMeta = nameEnd - nameStart == 4 && base[nameStart] | 0x20 == 0x6D && base[nameStart + 1] | 0x20 == 0x65
            && base[nameStart + 2] | 0x20 == 0x74 && base[nameStart + 3] | 0x20 == 0x61
        var k = nameEnd
        // libxml2's element names also take '.', which ours stops at.
        while k < n, isLibxmlNameByte(base[k]) { k += 1; clean = false }
        var count = 0
        tokens.beginTag()
        // The whole attribute list goes to the builder when every kept attribute can (`wholeTag`).
        let outStart = out.count
        let copyStart = copyFrom
        var whole = tokens.enabled && !isMeta
        while true {
            while k < n, isLibxmlBlank(base[k]) { k += 1 }
            guard k < n else { return TagReading(end: n, cut: false) }
            let c = base[k]
            if c == 0x3E || (c == 0x2F && k + 1 < n && base[k + 1] == 0x3E) {
                // libxml2 reports the element with its input at this '>' or '/'.
                if clean {
                    if whole {
                        // The tag goes to libxml2 as its name alone; its attributes to the builder.
                        out.count = outStart
                        out.append(base + copyStart, nameEnd - copyStart)
                        copyFrom = k
                        tokens.endWholeTag(at: out.count)
                    } else {
                        tokens.endTag(at: out.count + k - copyFrom)
                    }
                }
                return TagReading(end: c == 0x3E ? k + 1 : k + 2, cut: clean)
            }
            if c == 0 { return TagReading(end: n, cut: false) }
            guard isLibxmlNameStart(c) else {
                // A bogus attribute: libxml2 skips to the next blank, '>' or "/>".
                clean = false
                while k < n {
                    let b = base[k]
                    if isLibxmlBlank(b) || b == 0x3E || (b == 0x2F && k + 1 < n && base[k + 1] == 0x3E) { break }
                    k += 1
                }
                continue
            }
            let attrStart = k
            // The name: one table lookup per byte; its key is read afterwards, a word at a time.
            let nameLimit = min(n, attrStart + longestLibxmlName)
            k += 1
            while k < nameLimit, kept.fold[Int(base[k])] != 0 { k += 1 }
            let nameLength = k - attrStart
            if nameLength >= longestLibxmlName { clean = false }
            count += 1
            if count > maxAttributesPerTag { clean = false }
            var v = k
            while v < n, isLibxmlBlank(base[v]) { v += 1 }
            // The value as libxml2 reads it (quotes excluded), when there is one.
            var valueStart = -1
            var valueEnd = -1
            if v < n, base[v] == 0x3D {
                v += 1
                while v < n, isLibxmlBlank(base[v]) { v += 1 }
                guard v < n else { return TagReading(end: n, cut: false) }
                let q = base[v]
                if q == 0x22 || q == 0x27 {
                    guard let hit = memchr(base + v + 1, Int32(q), n - v - 1) else {
                        return TagReading(end: n, cut: false)
                    }
                    valueStart = v + 1
                    valueEnd = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    k = valueEnd + 1
                } else {
                    var e = v
                    while e < n {
                        let b = base[e]
                        if isLibxmlBlank(b) || b == 0x3E || b == 0 { break }
                        e += 1
                    }
                    if e == v { clean = false }  // "a= >": libxml2 finds no value
                    valueStart = v
                    valueEnd = e
                    k = e
                }
            }
            guard clean else { continue }
            var keptName: AttributeName? = nil
            if nameLength < attributeKeyBytes {
                let key = attributeKey(base, n, attrStart, nameLength, fold: kept.fold)
                keptName = kept.name(key.0, key.1)
            }
            if keptName == nil {
                if isMeta { continue }
                if memchr(base + attrStart, 0, k - attrStart) != nil { return TagReading(end: n, cut: false) }
                if attrStart > copyFrom {
                    out.append(base + copyFrom, attrStart - copyFrom)
                }
                copyFrom = k
            } else if tokens.enabled, let name = keptName {
                let first = tokens.firstInTag(name)
                let passes = valueStart < 0 || ValueTokens.passesUnchanged(base + valueStart, valueEnd - valueStart)
                if whole {
                    if first, passes {
                        tokens.pend(name, start: max(valueStart, 0), length: valueStart < 0 ? 0 : valueEnd - valueStart)
                    } else {
                        whole = false
                    }
                }
                if first, passes, valueStart >= 0, k - v > (k >= n || isLibxmlBlank(base[k]) || base[k] == 0x3E ? 1 : 2) {
                    // The value (quotes included) becomes the token; a blank keeps it apart from what follows.
                    if v > copyFrom {
                        out.append(base + copyFrom, v - copyFrom)
                    }
                    tokens.add(start: valueStart, length: valueEnd - valueStart)
                    out.append(ValueTokens.marker)
                    if k < n, !isLibxmlBlank(base[k]), base[k] != 0x3E { out.append(0x20) }
                    copyFrom = k
                }
            }
        }
    }

    /// Attribute values handed to libxml2 as tokens. libxml2 reads a value one character at a
    /// time (about a hundred instructions each, and a `realloc` once it is two long) only to copy
    /// it unchanged, so the prepass writes the value as one marker byte, unquoted, and records
    /// where its bytes are. libxml2 reports an element with its input at the tag's `>` (or the
    /// `/` of `/>`): the `DocumentBuilder` takes the position from the parser and gives the
    /// markers of the element, in order, the values recorded for the tag ending there.
    ///
    /// A clean tag whose kept attributes all can be handed over so (not repeated, known names)
    /// goes further: libxml2 gets the tag's name alone (`<div>`, `<br/>`), and the builder takes
    /// the tag's attributes from entries matched at the same position, in the order libxml2
    /// would have reported them.
    ///
    /// Only values libxml2 would copy unchanged and silently become tokens: no `&` (entities are
    /// decoded), no U+FFFE/U+FFFF (reported as errors); the input has no NUL and is valid UTF-8.
    /// A name repeated in a tag is not tokenized (libxml2 drops the repeat, which would shift the
    /// order). A tag libxml2 discards (a second `<body>`) leaves its tokens unused. Nothing else
    /// can read as a token: a page holding the marker byte gets none, and no character reference
    /// yields it (libxml2 turns `&#1;` into a NUL, which ends the value).
    struct ValueTokens {
        /// U+0001: copied by libxml2 as is inside a value, absent from real pages, and no
        /// character reference produces it.
        static let marker: UInt8 = 0x01
        /// Entries per token in `ranges`: start, length, position, and the `AttributeName` raw
        /// value of an attribute handed over whole (-1 for a value or text token).
        static let stride = 4
        /// Kept attribute names of one tag whose repeats are checked (`firstInTag`); a tag with
        /// more gets no tokens after them.
        static let namesChecked = 8

        let enabled: Bool
        /// Per token: start and length of the value in the input, and the offset in the output
        /// of its tag's end (filled in by `endTag`).
        var ranges: TrivialBuffer<Int32>
        /// Index in `ranges` of the first token of the tag being read.
        private var tagStart = 0
        /// The kept names read so far in the tag (bit `rawValue`), and their number.
        private var names: UInt64 = 0
        private var namesInTag = 0

        init(enabled: Bool) {
            self.enabled = enabled
            ranges = TrivialBuffer(capacity: enabled ? 1024 * ValueTokens.stride : ValueTokens.stride)
            pending = TrivialBuffer(capacity: ValueTokens.namesChecked * 3)
        }

        /// A new tag is being read.
        @inline(__always)
        mutating func beginTag() {
            tagStart = ranges.count
            namesInTag = 0
            names = 0
            pending.truncate(to: 0)
        }

        /// Notes a kept name of the tag; true when the tag had no earlier one like it
        /// (libxml2 drops repeats) and fewer than `namesChecked` before it.
        @inline(__always)
        mutating func firstInTag(_ name: AttributeName) -> Bool {
            guard namesInTag < ValueTokens.namesChecked else { return false }
            namesInTag += 1
            let bit: UInt64 = 1 << UInt64(name.rawValue)
            if names & bit != 0 { return false }
            names |= bit
            return true
        }

        /// True when libxml2 copies these value bytes unchanged, without a report.
        @inline(__always)
        static func passesUnchanged(_ value: UnsafePointer<UInt8>, _ length: Int) -> Bool {
            if memchr(value, 0x26, length) != nil { return false }
            var p = 0
            while p < length, let hit = memchr(value + p, 0xEF, length - p) {
                let at = value.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 2 < length, value[at + 1] == 0xBF, value[at + 2] & 0xFE == 0xBE { return false }
                p = at + 1
            }
            return true
        }

        /// Records a token's value; `position` is where libxml2's input is when it reports the
        /// token (for a value, filled in by `endTag`).
        @inline(__always)
        mutating func add(start: Int, length: Int, position: Int = -1) {
            ranges.append(Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: length),
                          Int32(truncatingIfNeeded: position), -1)
        }

        /// Attributes of the tag being read that go to the builder if the whole tag does:
        /// name, start and length of the value, per attribute (the storage is reused from
        /// tag to tag).
        private var pending: TrivialBuffer<Int32>

        /// Notes an attribute of the tag for `endWholeTag`.
        @inline(__always)
        mutating func pend(_ name: AttributeName, start: Int, length: Int) {
            pending.append(Int32(name.rawValue), Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: length))
        }

        /// Drops the entries of `ranges` from `count` on (a few at most: one tag's tokens).
        @inline(__always)
        mutating func truncate(to count: Int) {
            ranges.truncate(to: count)
        }

        /// The tag being read goes to libxml2 as its name alone, ending at `offset` of the
        /// output: its value tokens give way to its attributes, matched there by the builder.
        @inline(__always)
        mutating func endWholeTag(at offset: Int) {
            truncate(to: tagStart)
            var i = 0
            while i < pending.count {
                ranges.append(pending[i + 1], pending[i + 2], Int32(truncatingIfNeeded: offset), pending[i])
                i += 3
            }
            pending.truncate(to: 0)
            tagStart = ranges.count
        }

        /// The token of a text run: DEL, a character libxml2 passes on as text.
        static let textMarker: UInt8 = 0x7F
        /// libxml2 hands text to the SAX callbacks in chunks of this many bytes (and checks
        /// whether a chunk is blank to decide on an implied `<p>`).
        static let libxmlTextChunk = 1000

        /// The token of a blank run: a tab. libxml2's only use of a run's content, besides
        /// passing it on, is whether it is all blank (a non-blank one may open an implied `<p>`).
        static let blankMarker: UInt8 = 0x09

        /// Where the text run starting at `s` (after a tag, where libxml2 reads text) ends, its
        /// '<', and its token, when the run can be one: libxml2 hands it over unchanged, and its
        /// first chunk is blank exactly when the token is. A run of blanks shorter than a chunk
        /// becomes `blankMarker`; a run with a non-blank byte in its first chunk `textMarker`
        /// unless it holds `&` (an entity), U+FFFE/U+FFFF or control characters other than tab,
        /// LF and CR (reported and dropped). Runs shorter than two bytes or without a '<' after
        /// them stay as written.
        static func textRun(_ base: UnsafePointer<UInt8>, _ n: Int, from s: Int) -> (end: Int, marker: UInt8)? {
            guard s < n, let hit = memchr(base + s, 0x3C, n - s) else { return nil }
            let lt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let length = lt - s
            guard length >= 2 else { return nil }
            var k = s
            let chunkEnd = min(lt, s + libxmlTextChunk)
            while k < chunkEnd, isLibxmlBlank(base[k]) { k += 1 }
            if k == lt, length < libxmlTextChunk { return (lt, blankMarker) }
            guard k < chunkEnd, passesUnchanged(base + s, length) else { return nil }
            // Control characters: eight bytes at a time, each byte checked only in a word holding one.
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            k = s
            while k < lt {
                if k + 8 <= lt {
                    let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                    if (w &- ones &* 0x20) & ~w & highs == 0 { k += 8; continue }
                }
                let b = base[k]
                if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { return nil }
                k += 1
            }
            return (lt, textMarker)
        }

        /// The token table as an array; the storage is freed (the tokens are not used after).
        mutating func finish() -> [Int32] {
            pending.free()
            return ranges.take()
        }

        /// The tag being read ends at `offset` of the output: its tokens are matched there.
        @inline(__always)
        mutating func endTag(at offset: Int) {
            var i = tagStart + 2
            while i < ranges.count {
                ranges[i] = Int32(truncatingIfNeeded: offset)
                i += ValueTokens.stride
            }
            tagStart = ranges.count
        }
    }

    @inline(__always)
    private static func flush(_ out: inout Output, _ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        if to > from { out.append(buf.baseAddress! + from, to - from) }
    }

    @inline(__always) private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) private static func isNameByte(_ c: UInt8) -> Bool {
        isASCIILetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A || c == 0x5F
    }
    @inline(__always) private static func isNameEnd(_ c: UInt8) -> Bool {
        c == 0x3E || c == 0x2F || Whitespace.isHTMLSpace(c)
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
            } else if Whitespace.isHTMLSpace(c) || c == 0x2F {
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
