import Testing
@testable import NewsCleaner

/// Detection rules: hint, BOM, declaration, UTF-8 validity, statistics, fallback.
@Suite struct CharsetDetectorTests {
    /// Short name for the helpers.
    typealias S = CharsetTestSupport

    /// The encoded bytes of a language's main paragraph.
    static func encoded(_ lang: CharsetCorpus.Language) throws -> [UInt8] {
        try #require(S.encode(lang.paragraph, lang.encodeWith), "paragraph not representable in \(lang.encodeWith)")
    }

    /// Each legacy charset, undeclared: detected from the bytes and decoded exactly.
    @Test(arguments: CharsetCorpus.languages.map(\.charset))
    func undeclaredParagraphIsDetectedAndDecodedExactly(_ charset: String) throws {
        let lang = try #require(CharsetCorpus.languages.first { $0.charset == charset })
        let bytes = S.page(try Self.encoded(lang))
        let d = S.decide(bytes)
        #expect(d.charset == lang.charset)
        #expect(d.source == (lang.charset == "windows-1252" ? .fallback : .statistical))
        #expect(S.decode(bytes, d).contains(lang.paragraph))
    }

    /// Each legacy charset declared with `<meta charset>`.
    @Test(arguments: CharsetCorpus.languages.map(\.charset))
    func declaredViaMetaCharset(_ charset: String) throws {
        let lang = try #require(CharsetCorpus.languages.first { $0.charset == charset })
        let label = ["shift_jis": "Shift_JIS", "euc-jp": "EUC-JP", "gb18030": "gb2312", "big5": "BIG5",
                     "euc-kr": "euc-kr", "windows-1252": "iso-8859-1"][charset]!
        let bytes = S.page(try Self.encoded(lang), head: "<meta charset=\"\(label)\">")
        let d = S.decide(bytes)
        #expect(d == CharsetDecision(charset: lang.charset, source: .declared, bomLength: 0))
        #expect(S.decode(bytes, d).contains(lang.paragraph))
    }

    /// Each legacy charset declared with `http-equiv` (reordered attributes, odd case, aliases).
    @Test(arguments: CharsetCorpus.languages.map(\.charset))
    func declaredViaHTTPEquiv(_ charset: String) throws {
        let lang = try #require(CharsetCorpus.languages.first { $0.charset == charset })
        let label = ["shift_jis": "x-sjis", "euc-jp": "x-euc-jp", "gb18030": "GBK", "big5": "big5-hkscs",
                     "euc-kr": "ks_c_5601-1987", "windows-1252": "windows-1252"][charset]!
        // Attribute order reversed, odd case, single quotes, extra parameters.
        let head = "<META content='text/html; charset=\(label); foo=bar' HTTP-EQUIV=\"Content-Type\">"
        let bytes = S.page(try Self.encoded(lang), head: head)
        let d = S.decide(bytes)
        #expect(d == CharsetDecision(charset: lang.charset, source: .declared, bomLength: 0))
        #expect(S.decode(bytes, d).contains(lang.paragraph))
    }

    /// A UTF-8 declaration over bytes that are clearly Shift_JIS loses to statistics.
    @Test func declaredUTF8ButClearlyShiftJISIsDetected() throws {
        let lang = CharsetCorpus.languages[0]
        let bytes = S.page(try Self.encoded(lang), head: "<meta charset=utf-8>")
        let d = S.decide(bytes)
        #expect(d.charset == "shift_jis")
        #expect(d.source == .statistical)
    }

    /// Valid multi-byte UTF-8 under `<meta charset=shift_jis>` is UTF-8.
    @Test func utf8BytesBeatAWrongMetaCharset() {
        let text = CharsetCorpus.japaneseParagraph
        let bytes = S.page(Array(text.utf8), head: "<meta charset=shift_jis>")
        let d = S.decide(bytes)
        #expect(d == CharsetDecision(charset: "utf-8", source: .utf8Valid, bomLength: 0))
        #expect(S.decode(bytes, d).contains(text))
    }

    /// ASCII-only bytes give no reason to doubt the declaration.
    @Test func pureASCIIKeepsItsDeclaration() {
        let bytes = S.page(Array("Plain ASCII news.".utf8), head: "<meta charset=shift_jis>")
        #expect(S.decide(bytes) == CharsetDecision(charset: "shift_jis", source: .declared, bomLength: 0))
    }

    /// `charset` on `<script>`/`<link>` declares nothing.
    @Test func scriptCharsetIsIgnored() throws {
        let lang = CharsetCorpus.languages[1]  // EUC-JP, undeclared but for the script tag
        let head = "<script charset=\"shift_jis\" src=\"a.js\"></script><link charset=big5 rel=stylesheet>"
        let bytes = S.page(try Self.encoded(lang), head: head)
        let d = S.decide(bytes)
        #expect(d.charset == "euc-jp")
        #expect(d.source == .statistical)
    }

    /// A `<meta>` inside a comment declares nothing.
    @Test func metaInsideACommentIsIgnored() {
        let bytes = S.page(Array("caf\u{E9}".unicodeScalars.map { UInt8($0.value) }), head: "<!-- <meta charset=big5> -->")
        #expect(S.decide(bytes).charset == "windows-1252")
    }

    /// Only the first 64 KiB are searched for declarations.
    @Test func metaAfter64KiBIsNotSeen() {
        let padding = "<!--" + String(repeating: "x", count: 70_000) + "-->"
        let bytes = Array(padding.utf8) + S.page(Array("caf".utf8) + [0xE9], head: "<meta charset=big5>")
        #expect(S.decide(bytes).source == .fallback)
    }

    /// An XML declaration at the start declares the charset.
    @Test func xmlDeclarationCounts() throws {
        let lang = CharsetCorpus.languages[0]
        let bytes = Array("<?xml version=\"1.0\" encoding='Shift_JIS'?>\n".utf8) + S.page(try Self.encoded(lang))
        #expect(S.decide(bytes) == CharsetDecision(charset: "shift_jis", source: .declared, bomLength: 0))
    }

    /// A caller hint beats the page's declaration.
    @Test func hintWins() throws {
        let lang = CharsetCorpus.languages[2]  // GB2312 bytes, declared big5, hint says gbk
        let bytes = S.page(try Self.encoded(lang), head: "<meta charset=big5>")
        let d = S.decide(bytes, hint: "GBK")
        #expect(d == CharsetDecision(charset: "gb18030", source: .hint, bomLength: 0))
        #expect(S.decode(bytes, d).contains(lang.paragraph))
    }

    /// A Content-Type value as hint (as a WARC record or HTTP header gives it) wins like a name;
    /// one without a charset leaves detection to the bytes.
    @Test func contentTypeHintWins() throws {
        let koi8 = try #require(S.encode(SingleByteCorpus.plain(SingleByteCorpus.russianParagraph), "KOI8-R"))
        let bytes = S.page(koi8, head: "<meta charset=windows-1251>")
        let d = S.decide(bytes, hint: "text/html; charset=\"koi8-r\"")
        #expect(d == CharsetDecision(charset: "koi8-r", source: .hint, bomLength: 0))
        #expect(S.decode(bytes, d).contains(SingleByteCorpus.plain(SingleByteCorpus.russianParagraph)))
        #expect(S.decide(S.page(koi8), hint: "text/html") == CharsetDecision(charset: "koi8-r", source: .statistical, bomLength: 0))
    }

    /// A hint iconv does not know is ignored.
    @Test func unknownHintIsIgnored() {
        let bytes = S.page(Array("Hello".utf8))
        #expect(S.decide(bytes, hint: "x-nonexistent") == CharsetDecision(charset: "utf-8", source: .utf8Valid, bomLength: 0))
    }

    /// An unknown declared charset counts as undeclared; a later known one still counts.
    @Test func unknownDeclaredCharsetFallsBack() throws {
        let lang = CharsetCorpus.languages[5]
        let bytes = S.page(try Self.encoded(lang), head: "<meta charset=\"x-nonexistent\">")
        let d = S.decide(bytes)
        #expect(d == CharsetDecision(charset: "windows-1252", source: .fallback, bomLength: 0))
        #expect(S.decode(bytes, d).contains(lang.paragraph))
        // A later, known meta still counts.
        let twice = S.page(try Self.encoded(CharsetCorpus.languages[0]), head: "<meta charset=x-nonexistent><meta charset=sjis>")
        #expect(S.decide(twice) == CharsetDecision(charset: "shift_jis", source: .declared, bomLength: 0))
    }

    /// UTF-8/UTF-16LE/UTF-16BE BOMs are detected and skipped.
    @Test func byteOrderMarks() {
        let text = "日本語のニュース"
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let d8 = S.decide(utf8)
        #expect(d8 == CharsetDecision(charset: "utf-8", source: .bom, bomLength: 3))
        #expect(S.decode(utf8, d8) == text)

        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let dle = S.decide(le)
        #expect(dle == CharsetDecision(charset: "utf-16le", source: .bom, bomLength: 2))
        #expect(S.decode(le, dle) == text)

        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let dbe = S.decide(be)
        #expect(dbe == CharsetDecision(charset: "utf-16be", source: .bom, bomLength: 2))
        #expect(S.decode(be, dbe) == text)

        // BOM beats a contradicting meta; a hint naming the BOM's charset still skips the BOM.
        let withMeta = [0xEF, 0xBB, 0xBF] + S.page(Array(text.utf8), head: "<meta charset=euc-jp>")
        #expect(S.decide(withMeta).source == .bom)
        #expect(S.decide(utf8, hint: "utf8") == CharsetDecision(charset: "utf-8", source: .hint, bomLength: 3))
    }

    /// One accented letter in English: windows-1252 bytes stay windows-1252, UTF-8 bytes UTF-8.
    @Test func shortEnglishWithOneCafe() {
        let latin1 = S.page(Array("The new caf".utf8) + [0xE9] + Array(" opened on Monday.".utf8))
        #expect(S.decide(latin1) == CharsetDecision(charset: "windows-1252", source: .fallback, bomLength: 0))
        #expect(S.decode(latin1, S.decide(latin1)).contains("The new café opened"))
        let utf8 = S.page(Array("The new café opened on Monday.".utf8))
        #expect(S.decide(utf8) == CharsetDecision(charset: "utf-8", source: .utf8Valid, bomLength: 0))
    }

    /// No bytes: UTF-8 and empty output.
    @Test func emptyBuffer() {
        let d = S.decide([])
        #expect(d == CharsetDecision(charset: "utf-8", source: .utf8Valid, bomLength: 0))
        #expect(S.decodeBytes([], d).isEmpty)
    }

    /// A UTF-8 page cut mid-character stays UTF-8, the tail repaired.
    @Test func truncatedUTF8PageStaysUTF8() {
        var bytes = S.page(Array(CharsetCorpus.japaneseParagraph.utf8))
        bytes += [0xE3, 0x81]  // cut mid-character
        let d = S.decide(bytes)
        #expect(d.charset == "utf-8")
        #expect(S.decode(bytes, d).hasSuffix("\u{FFFD}"))
    }

    /// A meta naming UTF-16 means UTF-8 (WHATWG).
    @Test func declaredUTF16MeansUTF8() {
        let bytes = S.page(Array("abc".utf8), head: "<meta charset=utf-16>")
        #expect(S.decide(bytes) == CharsetDecision(charset: "utf-8", source: .declared, bomLength: 0))
    }

    /// Undeclared 7-bit ISO-2022-JP is recognised by its escapes and decoded.
    @Test func undeclaredISO2022JP() throws {
        let text = "日本のニュース"
        let bytes = S.page(try #require(S.encode(text, "ISO-2022-JP")))
        let d = S.decide(bytes)
        #expect(d == CharsetDecision(charset: "iso-2022-jp", source: .statistical, bomLength: 0))
        #expect(S.decode(bytes, d).contains(text))
    }
}
