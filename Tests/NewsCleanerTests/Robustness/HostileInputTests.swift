import Foundation
import Testing
@testable import NewsCleaner

/// Hostile inputs (issue 6, item 1): each gets a named `CleanerError` or a best-effort article,
/// never a crash or a hang. Every test asserts what comes out, not only that nothing crashed.
@Suite struct HostileInputTests {
    // MARK: Refused before parsing

    @Test func emptyInputIsEmpty() {
        #expect(throws: CleanerError.empty) { try Cleaner().clean(html: [UInt8]()) }
    }

    @Test func whitespaceOnlyIsEmpty() {
        let blank = Array(" \n\t\r\u{0C}  \n\n".utf8) + [UInt8](repeating: 0x20, count: 4096)
        #expect(throws: CleanerError.empty) { try Cleaner().clean(html: blank) }
    }

    @Test func pngIsNotHTML() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
        #expect(throws: CleanerError.notHTML("PNG image")) { try Cleaner().clean(html: png) }
    }

    @Test func pdfIsNotHTML() {
        let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
        #expect(throws: CleanerError.notHTML("PDF document")) { try Cleaner().clean(html: pdf) }
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 0xDEAD_BEEF])
    func randomBytesAreNotHTML(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let noise = generator.bytes(64 * 1024)
        #expect {
            try Cleaner().clean(html: noise)
        } throws: { error in
            guard case CleanerError.notHTML(let why) = error else { return false }
            return why.contains("binary")
        }
    }

    @Test func smallMaxBytesRefusesWithTooLarge() {
        var options = CleanerOptions()
        options.maxBytes = 100
        let page = Hostile.page(body: "<p>\(Hostile.sentence)</p>")
        #expect(page.count > options.maxBytes)
        #expect(throws: CleanerError.tooLarge(bytes: page.count, limit: 100)) {
            try Cleaner(options: options).clean(html: page)
        }
        // At the limit exactly the page is accepted.
        options.maxBytes = page.count
        #expect((try? Cleaner(options: options).clean(html: page).text.contains("breakwater")) == true)
    }

    // MARK: Broken text

    @Test func nulBytesNeverReachTheOutput() throws {
        let body = "<p>Before\u{0}the NUL " + Hostile.sentence + "</p><p>Second\u{0}\u{0}paragraph "
            + Hostile.sentence + " after\u{0}</p>"
        let text = try Hostile.text(Hostile.page(body: body))
        #expect(!text.utf8.contains(0))
        #expect(Hostile.isCleanText(text))
        // Text on both sides of each NUL survives.
        #expect(text.contains("Before"))
        #expect(text.contains("the NUL"))
        #expect(text.contains("paragraph"))
        #expect(text.contains("after"))
    }

    @Test func invalidUTF8UnderUTF8DeclarationIsBestEffort() throws {
        let bad: [UInt8] = [0xFF, 0xC3, 0x28, 0xE2, 0x82, 0xF0, 0x9F, 0x92, 0xED, 0xA0, 0x80, 0xC0, 0xAF]
        var page = Array("<html><head><meta charset=\"utf-8\"><title>Bad bytes</title></head><body><article><p>Start ".utf8)
        page += bad + Array(Hostile.sentence.utf8) + bad + Array(" middle ".utf8) + bad
        page += Array(" \(Hostile.sentence) end</p></article></body></html>".utf8)
        let text = try Hostile.text(page)
        #expect(Hostile.isCleanText(text))
        #expect(text.contains("breakwater"))
        #expect(text.contains("middle"))
    }

    @Test func unknownDeclaredCharsetIsBestEffort() throws {
        let page = Hostile.page(body: "<p>\(Hostile.sentence)</p>", head: "<meta charset=\"x-no-such-charset-9\">")
        #expect(try Hostile.text(page).contains("breakwater"))
        // An unknown charset given by the caller is best effort too.
        #expect(try Hostile.text(page, encoding: "x-bogus-charset").contains("breakwater"))
    }

    /// Plain text saved as .html: libxml2 reads it as one text run; the cleaner returns it (best
    /// effort), not `notHTML` — only binary data is refused.
    @Test func plainTextRenamedHTMLIsBestEffort() throws {
        let plain = (0..<5).map { "Paragraph \($0). \(Hostile.sentence)" }.joined(separator: "\n\n") + "\n"
        let text = try Hostile.text(Array(plain.utf8))
        #expect(text.contains("Paragraph 0."))
        #expect(text.contains("breakwater"))
    }

    // MARK: Unclosed constructs

    /// An unclosed `<!--` drops only up to the next `>` (best effort), so text after it survives
    /// and no comment syntax leaks into the article.
    @Test func unclosedCommentIsBestEffort() throws {
        let page = Hostile.page(body: "<p>\(Hostile.sentence)</p><!-- never closed <p>Trailing words \(Hostile.sentence)</p>")
        let text = try Hostile.text(page)
        #expect(text.contains("breakwater"))
        #expect(!text.contains("<!--"))
        #expect(!text.contains("never closed"))
    }

    /// `<![CDATA[` and other `<!…>` / `<?…>` bogus comments are dropped up to the first `>` (to the
    /// end when unclosed), as browsers do; libxml2 alone passed them on as article text.
    @Test func unclosedCDATAIsBestEffort() throws {
        let page = Array("<html><body><article><p>\(Hostile.sentence)</p><![CDATA[ raw cdata stuff".utf8)
        let text = try Hostile.text(page)
        #expect(text.contains("breakwater"))
        #expect(!text.contains("CDATA"))
        #expect(!text.contains("raw cdata"))
    }

    @Test func bogusCommentsAndProcessingInstructionsAreDropped() throws {
        let page = Hostile.page(body: """
            <p>\(Hostile.sentence)<![CDATA[ closed cdata ]]> one<!bogus declaration> two<? odd pi ?> three</p>
            <?xml version="1.0"?><p>After \(Hostile.sentence)</p>
            """)
        let text = try Hostile.text(page)
        #expect(text.contains("breakwater"))
        #expect(text.contains("one two three"))
        #expect(text.contains("After"))
        for leak in ["CDATA", "cdata", "bogus", "odd pi", "?>", "xml version", "<!", "<?"] {
            #expect(!text.contains(leak), "leaked \(leak)")
        }
        // The DOCTYPE is still handed to libxml2, not dropped as text or swallowing the page.
        #expect(try Hostile.text(Array("<!DOCTYPE html><p>\(Hostile.sentence)</p>".utf8)).contains("breakwater"))
    }

    @Test func unclosedScriptRunsToTheEnd() throws {
        let page = Array("<html><body><article><p>\(Hostile.sentence)</p><script>var secret = 'SCRIPTBODY'; <p>x</p>".utf8)
        let text = try Hostile.text(page)
        #expect(text.contains("breakwater"))
        #expect(!text.contains("SCRIPTBODY"))
    }

    @Test func unclosedTagAtEndOfInput() throws {
        let endings = ["<p class=\"unterminated", "<div", "<", "</", "<!", "<!-", "<!DOCTYPE", "<a href='x", "&", "&#", "&#x1F600"]
        for ending in endings {
            let page = Array("<html><body><article><p>\(Hostile.sentence)</p>\(ending)".utf8)
            let text = try Hostile.text(page)
            #expect(text.contains("breakwater"), "ending \(ending)")
            #expect(Hostile.isCleanText(text))
        }
    }

    // MARK: No network, no external entities

    @Test func libxml2NetworkAccessIsForbidden() {
        /// libxml2's `HTML_PARSE_NONET` bit (`1 << 11` in HTMLparser.h).
        let htmlParseNoNet: Int32 = 1 << 11
        #expect(HTMLParser.parseOptions & htmlParseNoNet != 0)
    }

    /// An XHTML page whose DOCTYPE names an external DTD: the DTD is never loaded. The DTD is a
    /// local file defining an entity; if it were read, the entity's text would show up.
    @Test func externalDTDIsNeverLoaded() throws {
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("newscleaner-\(UUID().uuidString).dtd")
        try Data("<!ENTITY leak \"LEAKED-FROM-DTD\">\n".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        let pages = [
            // The real XHTML DOCTYPE: a network URL that must not be fetched (passes offline).
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>XHTML page</title></head>
            <body><div><p>\(Hostile.sentence) &leak;</p><p>&nbsp;\(Hostile.sentence)</p></div></body></html>
            """,
            // A local DTD whose entity would be visible if the DTD were read.
            """
            <!DOCTYPE html SYSTEM "\(dtd.absoluteString)">
            <html><body><article><p>\(Hostile.sentence) &leak;</p></article></body></html>
            """,
        ]
        for page in pages {
            let text = try Hostile.text(Array(page.utf8))
            #expect(text.contains("breakwater"))
            #expect(!text.contains("LEAKED-FROM-DTD"))
        }
    }

    @Test func externalEntityIsNeverExpanded() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("newscleaner-\(UUID().uuidString).txt")
        try Data("TOP-SECRET-FILE-CONTENT".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let pages = [
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><html><body><article><p>\(Hostile.sentence) &e;</p></article></body></html>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;<p>\(Hostile.sentence)</p>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"\(secret.absoluteString)\">]><p>\(Hostile.sentence) &e;</p>",
            "<!DOCTYPE x [<!ENTITY % p SYSTEM \"\(secret.absoluteString)\"> %p;]><p>\(Hostile.sentence)</p>",
        ]
        for page in pages {
            let text = try Hostile.text(Array(page.utf8))
            #expect(text.contains("breakwater"))
            #expect(!text.contains("root:"))
            #expect(!text.contains("/bin/"))
            #expect(!text.contains("TOP-SECRET-FILE-CONTENT"))
        }
    }

    // MARK: Deep and wide

    @Test func hundredThousandNestedDivs() throws {
        let depth = 100_000
        var page = Array("<html><body>".utf8)
        page.reserveCapacity(depth * 5 + 1000)
        for _ in 0..<depth { page += Array("<div>".utf8) }
        page += Array("<p>\(Hostile.sentence)</p><p>Deep down \(Hostile.sentence)</p>".utf8)
        let (text, seconds) = try Stopwatch.measure { try Hostile.text(page) }
        print("100 000 nested divs: \(String(format: "%.2f", seconds)) s")
        #expect(text.contains("breakwater"))
        #expect(text.contains("Deep down"))
        let document = try Cleaner().parse(html: page)
        #expect(document.count > depth)
    }

    @Test func hundredThousandNestedClosedDivs() throws {
        let depth = 100_000
        let page = Array(("<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(Hostile.sentence)</p>"
            + String(repeating: "</div>", count: depth) + "<p>After \(Hostile.sentence)</p></body></html>").utf8)
        let text = try Hostile.text(page)
        #expect(text.contains("breakwater"))
    }

    @Test func deeplyNestedInlineTags() throws {
        let depth = 20_000
        // No <a>: a page whose text is all link text is navigation, rightly dropped by the engine.
        let inline = ["b", "i", "span", "em", "small", "font", "strong", "u"]
        var open = "", close = ""
        for level in 0..<depth {
            let tag = inline[level % inline.count]
            open += "<\(tag)>"
            close = "</\(tag)>" + close
        }
        let closed = Hostile.page(body: "<p>\(open)\(Hostile.sentence)\(close)</p>")
        #expect(try Hostile.text(closed).contains("breakwater"))
        // Never closed: formatting elements pile up to the end of input.
        let unclosed = Array("<html><body><article><p>Lead \(Hostile.sentence)</p><p>\(open)\(Hostile.sentence)".utf8)
        #expect(try Hostile.text(unclosed).contains("Lead"))
    }

    @Test func millionTinyElements() throws {
        let count = 1_000_000
        var page = Array("<html><head><title>Tiny</title></head><body><article><h1>Tiny</h1><p>\(Hostile.sentence)</p><div class=\"grid\">".utf8)
        page.reserveCapacity(page.count + count * 8 + 1000)
        for _ in 0..<count { page += Array("<i>x</i>".utf8) }
        page += Array("</div><p>Closing \(Hostile.sentence)</p></article></body></html>".utf8)
        let (document, parseSeconds) = try Stopwatch.measure { try Cleaner().parse(html: page) }
        let (article, extractSeconds) = Stopwatch.measure { Cleaner().extract(from: document) }
        print("1 000 000 tiny elements: parse \(String(format: "%.2f", parseSeconds)) s, "
              + "extract \(String(format: "%.2f", extractSeconds)) s, \(document.count) nodes")
        #expect(document.count >= 2 * count)
        #expect(article.text.contains("breakwater"))
        #expect(article.text.contains("Closing"))
    }

    // MARK: Huge values

    @Test func tenMegabyteAttributeValues() throws {
        let size = 10 * 1024 * 1024
        let huge = String(repeating: "a", count: size)
        let page = Hostile.page(body: """
            <p class="\(huge)">\(Hostile.sentence)</p>
            <p data-blob='\(huge)' title="\(huge)">Second \(Hostile.sentence)</p>
            <p><a href="https://example.com/\(huge)">a link</a> Third \(Hostile.sentence)</p>
            """)
        let text = try Hostile.text(page)
        #expect(text.contains("breakwater"))
        #expect(text.contains("Second"))
        #expect(text.contains("Third"))
        #expect(!text.contains("aaaaaaaaaaaaaaaaaaaa"))
    }

    /// libxml2 checks each attribute against all earlier ones of its tag (quadratic: 80 000
    /// attributes took 20 s), so the prepass keeps only `Prepass.maxAttributesPerTag` per tag.
    @Test func manyAttributesPerElement() throws {
        let attributeCount = 100_000
        var attributes = " class=\"story\""
        // Values with '>' inside quotes, unquoted values and bare names, as libxml2 reads them.
        for k in 0..<attributeCount {
            switch k % 3 {
            case 0: attributes += " data-a\(k)=\"v>\(k)\""
            case 1: attributes += " data-b\(k)=v\(k)"
            default: attributes += " flag\(k)"
            }
        }
        attributes += " id=\"late\""
        let page = Hostile.page(body: "<p\(attributes)>\(Hostile.sentence)</p><div\(attributes)><p>More \(Hostile.sentence)</p></div>")
        let (document, seconds) = try Stopwatch.measure { try Cleaner().parse(html: page) }
        print("\(attributeCount) attributes per element: parse \(String(format: "%.2f", seconds)) s")
        let text = Cleaner().extract(from: document).text
        #expect(text.contains("breakwater"))
        #expect(text.contains("More"))
        #expect(!text.contains("data-"))
        let paragraph = try #require(document.nodeIDs.first { document.tag($0) == .p })
        #expect(document.attribute(.class, of: paragraph) == "story")
        #expect(document.attribute(.id, of: paragraph) == nil)

        // A tag at the limit keeps its last attribute.
        let fillers = (1..<Prepass.maxAttributesPerTag).map { " data-f\($0)=\"x\"" }.joined()
        let atLimit = try Cleaner().parse(html: Hostile.page(body: "<p\(fillers) id=\"last\">\(Hostile.sentence)</p>"))
        let kept = try #require(atLimit.nodeIDs.first { atLimit.tag($0) == .p })
        #expect(atLimit.attribute(.id, of: kept) == "last")
    }

    /// An unclosed start tag with many attributes at the end of input is cut the same way.
    @Test func manyAttributesInAnUnclosedTag() throws {
        let attributes = (0..<100_000).map { " a\($0)" }.joined()
        let page = Array("<html><body><article><p>\(Hostile.sentence)</p><p\(attributes)".utf8)
        #expect(try Hostile.text(page).contains("breakwater"))
    }

    @Test func hugeSingleTextNode() throws {
        let size = Hostile.hugeTestsEnabled ? 50 * 1024 * 1024 : 5 * 1024 * 1024
        var page = Array("<html><body><article><p>".utf8)
        page += [UInt8](repeating: 0x61, count: size)
        page += Array("</p><p>\(Hostile.sentence)</p></article></body></html>".utf8)
        let document = try Cleaner().parse(html: page)
        let longest = document.nodeIDs.filter { document.tag($0) == .text }.map { document.textRange($0).count }.max() ?? 0
        #expect(longest == size)
        let text = Cleaner().extract(from: document).text
        #expect(text.contains("breakwater") || text.utf8.count >= size)
    }
}
