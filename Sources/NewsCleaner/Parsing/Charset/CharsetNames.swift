#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Normalises charset labels (as found in pages, headers and on the CLI) to canonical names,
/// and maps canonical names to the names iconv understands.
enum CharsetNames {
    /// Canonical name of UTF-8, decoded without iconv.
    static let utf8 = "utf-8"
    /// Canonical name of windows-1252, decoded without iconv (also used for iso-8859-1 and us-ascii, as WHATWG does).
    static let windows1252 = "windows-1252"

    /// Lowercase label → canonical name. Labels follow the WHATWG Encoding Standard plus common
    /// Microsoft and iconv spellings.
    static let aliases: [String: String] = {
        var table: [String: String] = [:]
        /// Registers `canonical` under its own name and each label.
        func add(_ canonical: String, _ labels: [String]) {
            table[canonical] = canonical
            for label in labels { table[label] = canonical }
        }
        add("utf-8", ["utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"])
        add("utf-16le", ["utf-16", "utf16", "utf16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff"])
        add("utf-16be", ["utf16be", "unicodefffe"])
        add("shift_jis", ["sjis", "x-sjis", "shift-jis", "windows-31j", "ms_kanji", "cp932", "ms932", "csshiftjis", "csWindows31J".lowercased()])
        add("euc-jp", ["x-euc-jp", "eucjp", "cseucpkdfmtjapanese", "ujis"])
        add("iso-2022-jp", ["csiso2022jp"])
        add("gb18030", ["gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "euccn", "chinese",
                        "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58", "gb2312-80"])
        add("big5", ["big5-hkscs", "x-x-big5", "cn-big5", "csbig5", "cp950", "big5hkscs"])
        add("euc-kr", ["ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "cp949", "windows-949", "uhc",
                       "korean", "csksc56011987", "iso-ir-149", "cseuckr", "euckr"])
        add("windows-1252", ["cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987",
                             "latin1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
                             "us-ascii", "ascii", "ansi_x3.4-1968", "iso-8859-15-ascii", "x-user-defined"])
        for n in [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258] {
            add("windows-\(n)", ["cp\(n)", "x-cp\(n)"])
        }
        for n in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            add("iso-8859-\(n)", ["iso8859-\(n)", "iso_8859-\(n)", "iso8859\(n)"])
        }
        // WHATWG: iso-8859-9 is decoded as its superset windows-1254.
        add("windows-1254", ["iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5"])
        add("iso-8859-2", ["latin2", "l2"])
        add("iso-8859-15", ["latin9", "l9"])
        add("koi8-r", ["koi8", "koi", "cskoi8r", "koi8_r"])
        add("koi8-u", ["koi8-ru"])
        add("windows-874", ["tis-620", "iso-8859-11", "iso8859-11", "dos-874", "cp874"])
        return table
    }()

    /// Labels that are never honoured even though iconv knows them (UTF-7 smuggles markup past filters).
    static let refused: Set<String> = ["utf-7", "utf7", "csunicode11utf7", "unicode-1-1-utf-7", "x-imap4-modified-utf7"]

    /// Canonical name for `label`, or nil when neither the alias table nor iconv knows it.
    static func canonical(_ label: String) -> String? {
        let trimmed = label.trimmed(of: asciiWhitespaceAndQuotes).lowercased()
        if trimmed.isEmpty || refused.contains(trimmed) { return nil }
        if let known = aliases[trimmed] { return known }
        return iconvKnows(trimmed.uppercased()) ? trimmed : nil
    }

    /// Canonical name for a caller's hint: a charset label (`koi8-r`) or a whole HTTP
    /// `Content-Type` value (`text/html; charset="KOI8-R"`, any case, quoted or not). A media type
    /// without a charset parameter names no charset: nil.
    static func canonical(hint: String) -> String? {
        guard hint.contains(where: { $0 == ";" || $0 == "/" || $0 == "=" }) else { return canonical(hint) }
        return MetaPrescanner.charsetFromContent(hint).flatMap { canonical($0) }
    }

    /// The iconv name used to decode canonical `charset`.
    static func iconvName(_ charset: String) -> String {
        switch charset {
        case "utf-8": return "UTF-8"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "shift_jis": return "CP932"
        case "euc-jp": return "EUC-JP"
        case "iso-2022-jp": return "ISO-2022-JP"
        case "gb18030": return "GB18030"
        case "big5": return big5IconvName
        case "euc-kr": return "CP949"
        case "windows-874": return "CP874"
        default:
            if charset.hasPrefix("windows-") { return "CP" + charset.dropFirst("windows-".count) }
            return charset.uppercased()
        }
    }

    /// CP950 (Microsoft's Big5, what Taiwanese sites actually produce: glibc's BIG5-HKSCS rejects
    /// common CP950 punctuation such as A1FE "／"), else BIG5-HKSCS, else plain BIG5.
    static let big5IconvName: String = iconvKnows("CP950") ? "CP950" : (iconvKnows("BIG5-HKSCS") ? "BIG5-HKSCS" : "BIG5")

    /// True when iconv can convert from `iconvName` to UTF-8 (opens and closes a descriptor).
    static func iconvKnows(_ iconvName: String) -> Bool {
        guard let cd = openIconv(from: iconvName) else { return false }
        iconv_close(cd)
        return true
    }

    /// Opens an iconv descriptor converting `iconvName` → UTF-8, or nil when iconv refuses.
    static func openIconv(from iconvName: String) -> iconv_t? {
        let cd = iconv_open("UTF-8", iconvName)
        if cd == nil || Int(bitPattern: cd) == -1 { return nil }
        return cd
    }

    /// Characters trimmed from labels: ASCII whitespace and stray quotes.
    private static let asciiWhitespaceAndQuotes: Set<Character> = [" ", "\t", "\n", "\r", "\u{0C}", "\"", "'"]
}

private extension String {
    /// Drops leading and trailing characters that are in `set`.
    func trimmed(of set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
