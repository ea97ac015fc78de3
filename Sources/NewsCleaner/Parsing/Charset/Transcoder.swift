#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes page bytes in a decided charset to UTF-8 that is always valid and free of NUL bytes.
enum Transcoder {
    /// Output bytes reserved per input byte before the first iconv call (CJK: 2 bytes → 3; Latin: 1 → ≤ 2).
    static let initialExpansion = 2
    /// Extra output bytes reserved beyond `initialExpansion`, so tiny inputs never start at zero.
    static let outputSlack = 64

    /// Decodes `bytes` (with `decision.bomLength` bytes skipped) to UTF-8. Output is ALWAYS valid UTF-8:
    /// invalid sequences become U+FFFD (EF BF BD); NUL bytes become U+FFFD too (the HTML parser must
    /// never see NUL or invalid UTF-8).
    static func toUTF8(_ bytes: UnsafeBufferPointer<UInt8>, decision: CharsetDecision) -> [UInt8] {
        let skip = min(max(decision.bomLength, 0), bytes.count)
        let body = UnsafeBufferPointer(rebasing: bytes[skip...])
        switch decision.charset {
        case CharsetNames.utf8:
            return repairedUTF8(body, knownValid: decision.scannedValidUTF8 && skip == 0)
        case CharsetNames.windows1252:
            return windows1252(body)
        default:
            let name = CharsetNames.iconvName(decision.charset)
            guard let converted = iconvToUTF8(body, from: name, unitSize: unitSize(of: decision.charset)) else {
                return windows1252(body)  // iconv refused the name after all: never fail, decode as windows-1252
            }
            return withoutNUL(converted)
        }
    }

    /// True when `bytes` are already what `toUTF8` would return: UTF-8 without a BOM that the
    /// detector found valid, and no NUL. The caller then uses them as they are, without a copy.
    static func passesAsIs(_ bytes: UnsafeBufferPointer<UInt8>, decision: CharsetDecision) -> Bool {
        guard decision.charset == CharsetNames.utf8, decision.bomLength == 0, decision.scannedValidUTF8,
              let base = bytes.baseAddress else { return false }
        return memchr(base, 0, bytes.count) == nil
    }

    /// UTF-8 input: one copy when valid and NUL-free, else a repaired copy. `knownValid`: the
    /// detector already found `body` valid.
    static func repairedUTF8(_ body: UnsafeBufferPointer<UInt8>, knownValid: Bool = false) -> [UInt8] {
        guard let base = body.baseAddress, body.count > 0 else { return [] }
        if (knownValid || UTF8Validator.scan(body).isValid) && memchr(base, 0, body.count) == nil { return Array(body) }
        return UTF8Validator.repair(body)
    }

    /// Bytes skipped after an undecodable sequence: one code unit of the source encoding.
    static func unitSize(of charset: String) -> Int {
        if charset.hasPrefix("utf-16") { return 2 }
        if charset.hasPrefix("utf-32") { return 4 }
        return 1
    }

    /// windows-1252 → UTF-8 without iconv (the fallback must always work); undefined bytes
    /// (81, 8D, 8F, 90, 9D) and NUL become U+FFFD.
    static func windows1252(_ body: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        for b in body {
            if b == 0 {
                out.append(contentsOf: UTF8Validator.replacement)
            } else if b < 0x80 {
                out.append(b)
            } else {
                let scalar = b < 0xA0 ? windows1252High[Int(b - 0x80)] : UInt16(b)
                appendUTF8(scalar, to: &out)
            }
        }
        return out
    }

    /// Code points of windows-1252 bytes 80–9F (U+FFFD where the byte is undefined).
    static let windows1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 of a BMP scalar.
    @inline(__always) static func appendUTF8(_ s: UInt16, to out: inout [UInt8]) {
        if s < 0x80 {
            out.append(UInt8(s))
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// Replaces NUL bytes in valid UTF-8 by U+FFFD (copies only when there is one).
    static func withoutNUL(_ utf8: [UInt8]) -> [UInt8] {
        guard utf8.contains(0) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + UTF8Validator.replacement.count * 4)
        for b in utf8 {
            if b == 0 { out.append(contentsOf: UTF8Validator.replacement) } else { out.append(b) }
        }
        return out
    }

    /// Converts with iconv (descriptor opened for this call and closed after). An undecodable
    /// sequence (EILSEQ) becomes U+FFFD and `unitSize` bytes are skipped; an incomplete sequence at
    /// the end (EINVAL) becomes U+FFFD. Returns nil when iconv does not know `name`.
    static func iconvToUTF8(_ body: UnsafeBufferPointer<UInt8>, from name: String, unitSize: Int) -> [UInt8]? {
        guard let cd = CharsetNames.openIconv(from: name) else { return nil }
        defer { iconv_close(cd) }
        guard let base = body.baseAddress, body.count > 0 else { return [] }

        var capacity = body.count * initialExpansion + outputSlack
        var out = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { out.deallocate() }
        var used = 0

        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
        var inLeft = body.count

        /// Makes room for at least `extra` more output bytes.
        func grow(_ extra: Int) {
            guard capacity - used < extra else { return }
            let newCapacity = max(capacity * 2, used + extra)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            bigger.update(from: out, count: used)
            out.deallocate()
            out = bigger
            capacity = newCapacity
        }
        /// Emits U+FFFD.
        func replacement() {
            grow(UTF8Validator.replacement.count)
            for b in UTF8Validator.replacement { out[used] = b; used += 1 }
        }

        var flushing = false  // after the input: one call with a nil input flushes stateful encoders
        while true {
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + used).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - used
            let before = outLeft
            let rc = flushing
                ? iconv(cd, nil, nil, &outPtr, &outLeft)
                : iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            used += before - outLeft
            if rc != -1 {
                if flushing { break }
                flushing = true
                continue
            }
            switch errno {
            case E2BIG:
                grow(max(capacity, outputSlack))
            case EILSEQ:
                replacement()
                let step = min(unitSize, inLeft)
                inPtr = inPtr.map { $0 + step }
                inLeft -= step
            case EINVAL:
                replacement()  // truncated sequence at the end
                inLeft = 0
            default:
                replacement()  // unknown failure: skip one unit and go on
                let step = min(max(unitSize, 1), inLeft)
                inPtr = inPtr.map { $0 + step }
                inLeft -= step
            }
            if inLeft == 0 && !flushing && errno != E2BIG { flushing = true }
        }
        return Array(UnsafeBufferPointer(start: out, count: used))
    }
}
