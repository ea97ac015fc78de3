/// Where a charset decision came from.
enum CharsetSource: String, Sendable {
    /// The caller named the charset (HTTP header, CLI `--encoding`).
    case hint
    /// A byte-order mark at the start of the bytes.
    case bom
    /// A `<meta>` charset or an XML declaration in the page.
    case declared
    /// Nothing usable was declared (or the declaration contradicted the bytes) and the bytes are valid UTF-8.
    case utf8Valid
    /// Chosen from the bytes alone: a legacy CJK or single-byte (Cyrillic, Greek, Central European)
    /// encoding, 7-bit ISO-2022-JP, or near-valid UTF-8.
    case statistical
    /// Nothing better found: windows-1252.
    case fallback
}

/// The charset chosen for a page, and how many leading BOM bytes the decoder skips.
struct CharsetDecision: Sendable, Equatable {
    /// Canonical lowercase name, e.g. "utf-8", "shift_jis", "euc-jp", "gb18030", "big5", "euc-kr", "windows-1252", "utf-16le".
    var charset: String
    /// Which rule produced the decision.
    var source: CharsetSource
    /// Number of byte-order-mark bytes at the start that are not content.
    var bomLength: Int
    /// True when the detector's scan found all the bytes valid UTF-8, so the transcoder need not
    /// scan them again. A by-product of the decision, not part of it: `==` ignores it.
    var scannedValidUTF8 = false

    static func == (a: CharsetDecision, b: CharsetDecision) -> Bool {
        a.charset == b.charset && a.source == b.source && a.bomLength == b.bomLength
    }
}
