import Testing
@_spi(Benchmark) @testable import NewsCleaner

/// The byte-level prepass: dropped regions, and the unread attributes it cuts from start tags.
@Suite struct PrepassTests {
    /// The prepass output of `html` as a string.
    func cut(_ html: String) -> String {
        String(decoding: Prepass.run(Array(html.utf8)).bytes, as: UTF8.self)
    }

    /// The parse fingerprint of UTF-8 bytes handed straight to libxml2 (no prepass).
    func fingerprintWithoutPrepass(_ html: String) -> UInt64 {
        ParserBenchmark.fingerprint(HTMLParser.parse(utf8: Array(html.utf8), jsonLD: [], charset: "utf-8"))
    }

    /// The parse fingerprint of the prepass output of `html`.
    func fingerprintWithPrepass(_ html: String) -> UInt64 {
        ParserBenchmark.fingerprint(HTMLParser.parse(utf8: Prepass.run(Array(html.utf8)).bytes, jsonLD: [], charset: "utf-8"))
    }

    /// The parse fingerprint of `html` through the prepass with tokens, as `DocumentLoader` parses.
    func fingerprintWithTokens(_ html: String) -> UInt64 {
        let input = Array(html.utf8)
        let stripped = Prepass.run(input, tokenize: true)
        return input.withUnsafeBufferPointer { source in
            stripped.tokens.withUnsafeBufferPointer { ranges in
                ParserBenchmark.fingerprint(HTMLParser.parse(utf8: stripped.bytes, jsonLD: [], charset: "utf-8",
                                                             tokens: (source, ranges)))
            }
        }
    }

    @Test func scriptsStylesAndCommentsAreCut() {
        #expect(cut("<p>a<script>x()</script>b<!-- c --><style>p{}</style>d</p>") == "<p>abd</p>")
    }

    @Test func unreadAttributesAreCutAndKeptOnesStay() {
        #expect(cut("<div data-x=\"1\" class=\"a\" onclick=go() target=_blank>t</div>")
            == "<div  class=\"a\"  >t</div>")
        #expect(cut("<a HREF='/x' Data-Track=\"y\" aria-controls=m aria-label=\"Menu\">m</a>")
            == "<a HREF='/x'   aria-label=\"Menu\">m</a>")
        // Names and values read as libxml2 reads them: blanks around '=', bare names, "/>".
        #expect(cut("<img src=x data-y=\"1\"/>") == "<img src=x />")
        #expect(cut("<img data-lazy = \"a b\" alt = 'c'  hidden loading>") == "<img  alt = 'c'  hidden >")
    }

    @Test func everyAttributeNameKeptByTheParserSurvives() {
        let attributes = AttributeName.allCases.map { " \($0.htmlName)=\"v\"" }.joined()
        #expect(cut("<div\(attributes) data-gone=1>x</div>") == "<div\(attributes) >x</div>")
    }

    @Test func metaKeepsAllItsAttributes() {
        let meta = "<meta http-equiv=\"content-type\" content=\"text/html\" charset=\"utf-8\">"
        #expect(cut(meta) == meta)
    }

    /// A tag libxml2 reads oddly stays as written, and so do the "tags" inside its values.
    @Test func oddTagsStayAsWritten() {
        let odd = [
            "<div id=\"x</div><div data-a=\"1\" data-b=\"2\"></div>",  // a value swallowing markup
            "<div \"bogus\" data-a=1>t</div>",
            "<div class=\"a\"/ data-a=1>t</div>",
            "<div data-a= >t</div>",
            "<div data-a=\"unclosed>t</div>",
            "<my.tag data-a=1>t</my.tag>",
            "<div \u{0C}data-a=1>t</div>",
            "<div \(String(repeating: "n", count: 120))=1 data-a=1>t</div>",
        ]
        for html in odd { #expect(cut(html) == html, "\(html)") }
    }

    /// A '<' inside a quoted value is text of the value for libxml2, not a tag for the prepass.
    @Test func markupInsideValuesIsNotReadAsTags() {
        #expect(cut("<p title=\"<script>x\" data-y=1>a</p><script>z</script>b") == "<p title=\"<script>x\" >a</p>b")
    }

    /// libxml2 builds the same Document from the cut bytes as from the page as written.
    @Test func cuttingLeavesTheDocumentUnchanged() {
        let pages = [
            "<html lang=en data-theme=dark><body class=b onload=f()><div data-x=1 class=\"a b\" id=main>"
                + "<p class=a class=b data-p=\"1\" style=\"display:none\">One</p>"
                + "<a href=\"/x?a=1&amp;b=2\" target=_blank rel=nofollow data-t='{\"k\":1}'>link</a>"
                + "<img src=i.jpg data-src=j.jpg srcset=\"a 1x, b 2x\" loading=lazy width=10 alt=\"\"/>"
                + "<input type=hidden value=x disabled><span aria-hidden=true aria-expanded=false>s</span>"
                + "<div title=\"a > b\" data-html=\"<b>bold</b>\" itemscope itemtype=x>t</div>"
                + "<td colspan=2 rowspan=3>c</td><p CLASS=Up DATA-UP=1 Id=I>u</p>"
                + "</div></body></html>",
            "<div id=\"x</div><div data-a=\"1\" data-b=\"2\"></div><p data-q=1 class=c>after</p>",
            "<div class=a\ndata-x=1\r\n\tid=b\t>t</div><br data-x/><hr/data-y><img src=x data-y=\"1\"/>",
        ]
        for page in pages {
            #expect(fingerprintWithPrepass(page) == fingerprintWithoutPrepass(page), "\(page)")
        }
    }

    /// The kept attributes arrive in the Document with their values.
    @Test func keptValuesReachTheDocument() throws {
        let doc = try Cleaner().parse(html: Array("<p data-x=1 class=\"lead\" data-y='2' id=p1 onclick=x>Hi</p>".utf8))
        let p = try #require(doc.nodeIDs.first { doc.tag($0) == .p })
        #expect(doc.attribute(.class, of: p) == "lead")
        #expect(doc.attribute(.id, of: p) == "p1")
    }

    /// Kept values reach libxml2 as one-byte tokens (U+0001), matched by the position of their tag's end.
    @Test func valuesBecomeTokens() {
        // A tag whose kept attributes all can be handed over goes to libxml2 as its name alone.
        let result = Prepass.run(Array("<a class=\"story-link\" href='/news/1' id=x data-y=2>t</a>".utf8), tokenize: true)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "<a>t</a>")
        #expect(result.tokens == [10, 10, 2, 0, 28, 7, 2, 6, 40, 1, 2, 1])
        // Else its values become one-byte tokens (U+0001), matched by the position of the tag's end.
        let mixed = Prepass.run(Array("<a class=\"story-link\" href='/news/1?a&amp;b' id=x>t</a>".utf8), tokenize: true)
        #expect(String(decoding: mixed.bytes, as: UTF8.self) == "<a class=\u{1} href='/news/1?a&amp;b' id=x>t</a>")
        #expect(mixed.tokens == [10, 10, 38, -1])
        // Text runs of two bytes or more become DEL, matched by the position of the '<' after it.
        let text = Prepass.run(Array("<p>Hello</p>\n<p>x</p>".utf8), tokenize: true)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "<p>\u{7F}</p>\n<p>x</p>")
        #expect(text.tokens == [3, 5, 4, -1])
        let blank = Prepass.run(Array("<div>\n  <p>x</p></div>".utf8), tokenize: true)
        #expect(String(decoding: blank.bytes, as: UTF8.self) == "<div>\t<p>x</p></div>")
        #expect(blank.tokens == [5, 3, 6, -1])
        // Values libxml2 changes or reports stay as written; so do all values of a page holding U+0001.
        let kept = "<p class=\"a&amp;b\" title=\"x\u{FFFE}yz\">t</p>"
        #expect(String(decoding: Prepass.run(Array(kept.utf8), tokenize: true).bytes, as: UTF8.self) == kept)
        let marked = "<p class=\"lead story\">\u{1}</p>"
        #expect(Prepass.run(Array(marked.utf8), tokenize: true).tokens.isEmpty)
    }

    /// libxml2 builds the same Document from tokens as from the values as written.
    @Test func tokensLeaveTheDocumentUnchanged() {
        let pages = [
            "<html lang=en-GB><body class=\"home page\"><div class=\"a b\"id=\"main-part\"title='long title'>"
                + "<a href=\"/x?a=1&amp;b=2\" class=\"link link--big\"/>x<img src=\"/i.jpg\"/><br class=\"clear-both\"/>"
                + "<p class=\"first-class\" class=\"second-class\" id=unquoted-value>dup</p>"
                + "<body class=\"misplaced-body\"><html lang=\"misplaced\"><td colspan=\"1234\">c</td>"
                + "<span title=\"\r\n\ttabs and\nlines\">s</span><i title=\"é ü 中文 😀\">u</i>"
                + "<b title=\"&#1;12\" class=\"&#x1;0\" id=\"&#127;1\">forged</b>"
                + "<em title=\"\u{FFFF}ab\" class=\"a<b>c\">odd</em><u class=\"x\"/y class=\"zz\">bogus</u>"
                + "</div></body></html>",
            "<p class=\"lead story\">\u{1}control</p><a href=\"/long/path\">l</a>",
            String(repeating: "<li class=\"item item--n\" id=\"item-id\">n</li>", count: 4000),
            "<div class=\"unclosed>t</div><p class=\"after-it\">x</p>",
            "<p class=\"a&amp;b\" class=\"second\" id=\"third\">repeat after a literal</p>"
                + "<p role=\"r1\" lang=\"l1\" title=\"t1\" rel=\"r2\" name=\"n1\" type=\"ty\" alt=\"a1\" property=\"p1\" class=\"ten\" id=\"eleven\" class=\"dup\" ID=\"twelve\">many</p>"
                + "<P CLASS=\"upper\" Class=\"again\" ID=\"x-y\">case</P>",
            String(repeating: "<p class=\"para graph\">" + String(repeating: "words and more words ", count: 30) + "</p>", count: 60),
            // Text runs: after start and end tags, before kept and dropped markup, odd characters.
            "<html><head><title>The title</title></head>text in html<body>\n  <p>One <b>two</b> three</p>"
                + "<p>before<!-- comment -->after</p><p>before <script>x()</script> after</p>"
                + "<p>a < b and c<3 d</p><p>fish &amp; chips</p><p>tab\tand\r\nlines\u{0C}ff</p>"
                + "<p>x\u{1F}y</p><p>\u{FFFE}nonchar</p><p>中文 text ü</p><p>\u{7F}del</p><p>\u{7F}</p><p>z</p>"
                + "</body></html>after html<i>tail</i>",
            "<div>" + String(repeating: " ", count: 1200) + "late text</div><div>" + String(repeating: "x", count: 2500) + "</div>",
            "</p>orphan end<p>text</p .>odd end<br/>after br<a href=\"/l\">link</a>tail",
            "<pre>\nkept newline</pre><textarea>\nt</textarea></div>text after stray end",
            "<html>\n <head>\n  <title>t</title>\n </head>\n <body>\n  <div>\n   <p>x</p>\n  </div>\t</body>\n</html>\n\n",
            "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><meta charset=\"koi8-r\">"
                + "<meta name=\"description\" content=\"A long description\" data-x=1 property=\"og:description\"></head><p>é</p>",
            "<div hidden itemscope data-x=1 class=\"c\"><img src=\"/a.jpg\" alt=\"\" /><br class=\"x\"/><input disabled>"
                + "<p data-only=\"1\" onclick=\"f()\">unkept only</p><span\n  class=\"multi\"\n  id=\"line\"\n>ml</span>"
                + "<td COLSPAN=2 Aria-Hidden=\"true\" style=\"display:none\">c</td><body id=\"second-body\"><i title=\"\">e</i></div>",
            "<html>" + String(repeating: " ", count: 999) + "<p>x</p><div>" + String(repeating: "\n", count: 1001) + "</div> \t <i>y</i>",
        ]
        for page in pages {
            #expect(fingerprintWithTokens(page) == fingerprintWithPrepass(page), "\(page.prefix(200))")
        }
    }

    /// A name's key read a word at a time (the usual case) equals the key read byte by byte
    /// (names near the end of input), and matches a kept name exactly, in any case.
    @Test func attributeKeysMatchKeptNamesExactly() {
        let fold = Prepass.nameByteFold
        func key(_ name: String, padding: Int) -> (UInt64, UInt64) {
            let bytes = Array(name.utf8) + Array(repeating: UInt8(ascii: " "), count: padding)
            return bytes.withUnsafeBufferPointer { b in
                fold.withUnsafeBufferPointer { f in
                    Prepass.attributeKey(b.baseAddress!, b.count, 0, name.utf8.count, fold: f)
                }
            }
        }
        let names = AttributeName.allCases.map(\.htmlName)
            + ["CLASS", "Data-TestId", "aria-HIDDEN", "x", "class1", "clas", "data-srcset", "a.b:c_d-e", "ZZZZZZZZZZZZZZZ"]
        for name in names {
            let wordwise = key(name, padding: 16)
            let bytewise = key(name, padding: 0)
            #expect(wordwise == bytewise, "\(name)")
            #expect(wordwise == Prepass.attributeKey(Array(name.lowercased().utf8)), "\(name)")
            let kept = Prepass.keptAttributeTable.withUnsafeBufferPointer { t in
                fold.withUnsafeBufferPointer { f in Prepass.KeptAttributes(table: t, fold: f).name(wordwise.0, wordwise.1) }
            }
            #expect(kept == AttributeName.allCases.first { $0.htmlName == name.lowercased() }, "\(name)")
        }
    }
}
