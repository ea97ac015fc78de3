import Foundation
import NewsCleaner
import Testing

/// End-to-end tests of `newsclean -f …` and the switches that shape the output.
@Suite struct CLIFormatTests {
    let cli = CLITests()

    /// `newsclean ARGS` that must succeed; its standard output.
    func output(_ arguments: [String], stdin: Data? = nil) throws -> String {
        let run = try cli.newsclean(["-q"] + arguments, stdin: stdin)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run.stdout
    }

    func source(_ name: String) -> String {
        FormatGolden.folder(name).appendingPathComponent(Golden.sourceName).path
    }

    func object(_ json: String) throws -> NSMutableDictionary {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.mutableContainers])
        return try #require(parsed as? NSMutableDictionary)
    }

    @Test("newsclean -f markdown|html|json gives the committed golden files", arguments: FormatGolden.caseNames)
    func binaryMatchesGoldenFiles(_ name: String) throws {
        let folder = FormatGolden.folder(name)
        for (format, file) in [("markdown", "expected.md"), ("html", "expected.html")] {
            let expected = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(try output(["-f", format, source(name)]) == expected, "\(name) -f \(format)")
        }
        let json = try object(try output(["-f", "json", source(name)]))
        #expect(json["source"] as? String == source(name))
        json.removeObject(forKey: "source")
        let expected = try object(try String(contentsOf: folder.appendingPathComponent("expected.json"), encoding: .utf8))
        #expect(json == expected)
        // The default text output is unchanged: expected.txt, the truth.
        let text = try String(contentsOf: folder.appendingPathComponent(Golden.expectedName), encoding: .utf8)
        #expect(try output([source(name)]) == text)
    }

    @Test func jsonlBatchToStandardOutputAndToOneFile() throws {
        let dir = BatchTestDirectory("cli-jsonl")
        defer { dir.remove() }
        let names = FormatGolden.caseNames
        for name in names {
            _ = dir.write("in/\(name).html", [UInt8](try Data(contentsOf: URL(fileURLWithPath: source(name)))))
        }
        let stdout = try output(["-f", "jsonl", "-j", "3", dir.url("in")])
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == names.count)
        var sources = Set<String>()
        for line in lines {
            let object = try object(String(line))
            sources.insert(object["source"] as? String ?? "")
            #expect(object["text"] is String)
        }
        #expect(sources == Set(names.map { dir.url("in/\($0).html") }))

        // -o FILE.jsonl: the same lines (in completion order), one file, no temporary left.
        let run = try cli.newsclean(["-o", dir.url("out/all.jsonl"), "-j", "2", dir.url("in")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(dir.allFiles(below: "out") == ["all.jsonl"])
        let file = try String(contentsOfFile: dir.url("out/all.jsonl"), encoding: .utf8)
        #expect(Set(file.split(separator: "\n")) == Set(lines))
        // -o FILE.jsonl means JSON Lines: another -f is a usage error.
        let clash = try cli.newsclean(["-f", "text", "-o", dir.url("x.jsonl"), dir.url("in")])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("-o FILE.jsonl"))
    }

    @Test func outputFileExtensionsFollowTheFormat() throws {
        let dir = BatchTestDirectory("cli-ext")
        defer { dir.remove() }
        dir.write("in/a/page.html", "<html><body><p>One short paragraph of text.</p></body></html>")
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("html", "html"), ("json", "json"), ("jsonl", "jsonl")] {
            let run = try cli.newsclean(["-q", "-f", format, "-o", dir.url("out-\(format)"), dir.url("in")])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(dir.allFiles(below: "out-\(format)") == ["a", "a/page.\(ext)"])
        }
    }

    /// A tag-balance check of the HTML output (xmllint-like): every non-void element closed in
    /// order, attributes only href/src/alt/lang/charset, then libxml2 parses it back to the same words.
    @Test("HTML output is balanced and parses back to the same words", arguments: FormatGolden.caseNames)
    func htmlIsWellFormed(_ name: String) throws {
        let html = try output(["-f", "html", "--links", source(name)])
        let voids: Set<String> = ["meta", "img", "br", "hr"]
        let tag = try Regex(#"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>"#)
        var stack: [String] = []
        for match in html.matches(of: tag) {
            let closing = !(match.output[1].substring?.isEmpty ?? true)
            let element = String(match.output[2].substring ?? "").lowercased()
            let attributes = String(match.output[3].substring ?? "")
            for attribute in attributes.matches(of: try Regex(#"([a-zA-Z-]+)="#)) {
                let attributeName = String(attribute.output[1].substring ?? "")
                #expect(["href", "src", "alt", "lang", "charset"].contains(attributeName), "\(name): attribute \(attributeName)")
            }
            if voids.contains(element) { continue }
            if closing {
                #expect(stack.last == element, "\(name): </\(element)> closes <\(stack.last ?? "nothing")>")
                if stack.last == element { stack.removeLast() }
            } else {
                stack.append(element)
            }
        }
        #expect(stack.isEmpty, "\(name): unclosed \(stack)")
        #expect(!html.contains("<script") && !html.contains("style="))
        let back = try Cleaner().clean(html: Array(html.utf8))
        let text = try String(contentsOf: FormatGolden.folder(name).appendingPathComponent(Golden.expectedName), encoding: .utf8)
        #expect(FormatGolden.words(back.text) == FormatGolden.words(text))
    }

    @Test func noTablesDropsTablesInEveryFormat() throws {
        let page = source("en-news-basic")
        let withTables = try output([page])
        #expect(withTables.contains("Studio\t48"))
        let text = try output(["--no-tables", page])
        #expect(!text.contains("Studio"))
        #expect(text.contains("The Riverton City Council"))
        #expect(!(try output(["-f", "markdown", "--no-tables", page])).contains("| Studio"))
        #expect(!(try output(["-f", "html", "--no-tables", page])).contains("<table"))
        #expect(!(try output(["-f", "jsonl", "--no-tables", page])).contains("tableRow"))
    }

    @Test func linksAreKeptOnlyWithLinks() throws {
        let html = """
        <html><head><title>Linked story</title></head><body><article><h1>Linked story</h1>
        <p>The council published <a href="/docs/report.pdf">the full report</a> on Monday, and the mayor
        said the findings would shape next year's budget, which is due in the spring after hearings.</p>
        <p>Residents can comment until the end of the month, the city said in a statement that also
        listed the dates of three public meetings to be held in the library and the town hall.</p>
        </article></body></html>
        """
        let url = "https://news.example.com/2024/story"
        let plain = try output(["-f", "markdown", "--url", url, "-"], stdin: Data(html.utf8))
        #expect(!plain.contains("]("))
        let linked = try output(["-f", "markdown", "--links", "--url", url, "-"], stdin: Data(html.utf8))
        #expect(linked.contains("[the full report](https://news.example.com/docs/report.pdf)"), "\(linked)")
        let htmlLinked = try output(["-f", "html", "--links", "--url", url, "-"], stdin: Data(html.utf8))
        #expect(htmlLinked.contains("<a href=\"https://news.example.com/docs/report.pdf\">the full report</a>"))
        let htmlPlain = try output(["-f", "html", "--url", url, "-"], stdin: Data(html.utf8))
        #expect(!htmlPlain.contains("<a "))
        // --url reaches the cleaner: it is the json url when the page names no canonical URL.
        let json = try object(try output(["-f", "json", "--url", url, "-"], stdin: Data(html.utf8)))
        #expect(json["url"] as? String == url)
        #expect(json["hostname"] as? String == "news.example.com")
    }

    /// The CLI fills only the metadata its format prints (`ArticleFormatter.metadataFields`);
    /// every format still prints what the library renders from an article with all fields.
    @Test("each format prints what it printed with every metadata field", arguments: FormatGolden.caseNames)
    func formatsNeedOnlyTheirMetadataFields(_ name: String) throws {
        let page = source(name)
        let url = "https://news.example.com/2024/story"
        let article = try Cleaner().clean(html: [UInt8](Data(contentsOf: URL(fileURLWithPath: page))), url: url)
        #expect(try output(["--url", url, page]) == TextRenderer().render(article), "\(name) text")
        #expect(try output(["-f", "markdown", "--links", "--metadata", "--url", url, page])
                == MarkdownRenderer(links: true, metadataHeader: true).render(article), "\(name) markdown")
        #expect(try output(["-f", "html", "--links", "--url", url, page])
                == HTMLRenderer(document: true, links: true).render(article), "\(name) html")
    }

    @Test func metadataHeaderForTextAndMarkdown() throws {
        let page = source("ja-newsweek-seed")
        let text = try output(["--metadata", page])
        let expected = try String(contentsOf: FormatGolden.folder("ja-newsweek-seed").appendingPathComponent(Golden.expectedName), encoding: .utf8)
        #expect(text.hasPrefix("Title: NATO軍とロシア軍がウクライナで直接衝突する可能性が初めて言及される\nAuthor: ジョン・ジャクソン\nDate: 2024-02-28T15:04"), "\(text.prefix(300))")
        #expect(text.contains("\nLanguage: ja\n"))
        // The header is `Key: value` lines, one blank line, then the unchanged text output.
        let parts = text.components(separatedBy: "\n\n")
        #expect(parts.first?.split(separator: "\n").allSatisfy { $0.contains(": ") } == true)
        #expect(text.hasSuffix(expected))
        #expect(text.dropFirst((parts.first?.count ?? 0) + 2) == Substring(expected))
        let markdown = try output(["-f", "markdown", "--metadata", page])
        #expect(markdown.hasPrefix("---\n"))
        #expect(markdown.contains("author: \"ジョン・ジャクソン\""))
    }

    @Test(arguments: [
        ["--favor", "speed", "x.html"],
        ["-f", "xml", "x.html"],
        ["--links=yes", "x.html"],
    ])
    func badFormatOptionsAreUsageErrors(_ arguments: [String]) throws {
        let run = try cli.newsclean(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("usage: newsclean"))
    }

    @Test func favorModesRun() throws {
        for mode in ["precision", "recall", "balanced"] {
            #expect(!(try output(["--favor", mode, source("en-news-basic")])).isEmpty)
        }
    }
}
