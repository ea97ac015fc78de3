import Foundation
import NewsCleaner
import Testing

// Golden files in every format for the hand-written TestPages cases: expected.md, expected.html
// and expected.json next to expected.txt, rendered exactly as `newsclean -f markdown|html|json`
// renders them (CLIFormatTests checks the binary against these same files).
//
// Unlike expected.txt of a hand-written case (the truth, never re-recorded), these files record
// behaviour: tools/update-golden re-records them (NEWSCLEANER_RECORD=1). Their words are tied
// to the truth by the round-trip test below: the Markdown file, read back as text, has the
// words of expected.txt.

/// The formats with golden files, and how the CLI renders each (its defaults: no --links,
/// tables on, no --metadata, no --url).
enum FormatGolden {
    /// File name and rendering per format.
    static let formats: [(file: String, render: @Sendable (Article) -> String)] = [
        ("expected.md", { MarkdownRenderer().render($0) }),
        ("expected.html", { HTMLRenderer(document: true).render($0) }),
        ("expected.json", { JSONRenderer(pretty: true).render($0, url: nil) + "\n" }),
    ]

    /// The hand-written cases (folders with meta.json and source.html).
    static var caseNames: [String] {
        Golden.caseNames.filter {
            FileManager.default.fileExists(atPath: folder($0).appendingPathComponent(Golden.handWrittenMarker).path)
        }
    }

    static func folder(_ name: String) -> URL { TestPages.root.appendingPathComponent(name) }

    static func article(_ name: String) throws -> Article {
        let html = try Data(contentsOf: folder(name).appendingPathComponent(Golden.sourceName))
        return try Cleaner().clean(html: [UInt8](html))
    }

    /// Whitespace-separated words, without the `-` list markers of the text format.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "-" }
    }
}

@Suite struct FormatGoldenTests {
    @Test("at least the seed page and four other hand-written cases have format golden files")
    func enoughCases() {
        let names = FormatGolden.caseNames
        #expect(names.contains("ja-newsweek-seed"))
        #expect(names.count >= 5, "\(names)")
    }

    @Test("TestPages/<case>/source.html gives expected.md, expected.html, expected.json", arguments: FormatGolden.caseNames)
    func formats(_ name: String) throws {
        let article = try FormatGolden.article(name)
        for (file, render) in FormatGolden.formats {
            try Golden.check(render(article), against: FormatGolden.folder(name).appendingPathComponent(file),
                             name: "\(name)/\(file)")
        }
    }

    @Test("expected.md read back as text has the words of expected.txt", arguments: FormatGolden.caseNames)
    func markdownRoundTrip(_ name: String) throws {
        if Golden.recording { return }
        let folder = FormatGolden.folder(name)
        let markdown = try String(contentsOf: folder.appendingPathComponent("expected.md"), encoding: .utf8)
        let text = try String(contentsOf: folder.appendingPathComponent(Golden.expectedName), encoding: .utf8)
        let back = MarkdownRenderer.plainText(fromMarkdown: markdown)
        #expect(FormatGolden.words(back) == FormatGolden.words(text))
        // Links and the metadata header do not change the words of the body either.
        let article = try FormatGolden.article(name)
        let withAll = MarkdownRenderer(links: true, metadataHeader: true).render(article)
        #expect(FormatGolden.words(MarkdownRenderer.plainText(fromMarkdown: withAll)) == FormatGolden.words(text))
    }

    @Test("expected.json parses, carries every documented field, and its text is expected.txt's body", arguments: FormatGolden.caseNames)
    func jsonFields(_ name: String) throws {
        if Golden.recording { return }
        let folder = FormatGolden.folder(name)
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["title", "author", "authors", "date", "modified", "sitename", "hostname", "url", "description",
                    "categories", "tags", "language", "image", "text", "blocks"] {
            #expect(object.keys.contains(key), "\(name): no \(key)")
        }
        let text = try String(contentsOf: folder.appendingPathComponent(Golden.expectedName), encoding: .utf8)
        let title = object["title"] as? String ?? ""
        // expected.txt is the title line and then the body; `text` is the body.
        #expect(FormatGolden.words(title) + FormatGolden.words(object["text"] as? String ?? "") == FormatGolden.words(text))
    }
}
