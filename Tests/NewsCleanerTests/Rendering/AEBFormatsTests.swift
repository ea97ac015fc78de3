import Foundation
import NewsCleaner
import Testing

/// Every format for every AEB page, plus the metadata survey (printed as `AEB metadata: …`, held
/// to the floors in `TestPages/metadata-floor.json`).
@Suite struct AEBFormatsTests {
    /// Where `NEWSCLEANER_DUMP_HTML=DIR` writes each page's HTML output (for `xmllint --html`).
    static let dumpVariable = "NEWSCLEANER_DUMP_HTML"

    @Test func everyFormatForEveryPageAndMetadataSurvey() throws {
        let truthData = try Data(contentsOf: TestPages.aebTruth)
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: [String: Any]])
        let dump = ProcessInfo.processInfo.environment[Self.dumpVariable]
        var titles = 0, dates = 0, authors = 0, urlsChecked = 0, urlsAgree = 0, pages = 0
        var disagreements: [String] = []
        for id in TestPages.aebIDs {
            let article = try Cleaner().clean(html: try TestPages.aebPage(id))
            pages += 1
            let meta = article.metadata
            // One title picker: the text format's first line and the JSON title are the same.
            #expect(article.title == meta.title, "\(id) title")
            if meta.title != nil { titles += 1 }
            if meta.published != nil { dates += 1 }
            if !meta.authors.isEmpty { authors += 1 }
            if let truthURL = truth[id]?["url"] as? String, let url = meta.url {
                urlsChecked += 1
                if Self.normalized(url) == Self.normalized(truthURL) { urlsAgree += 1 } else { disagreements.append("\(id.prefix(8)): \(url) vs \(truthURL)") }
            }
            let html = HTMLRenderer(document: true, links: true).render(article)
            #expect(html.hasSuffix("</html>\n"))
            if let dump {
                try Data(html.utf8).write(to: URL(fileURLWithPath: dump).appendingPathComponent(id + ".html"))
            }
            #expect(!MarkdownRenderer(links: true, metadataHeader: true).render(article).isEmpty || article.blocks.isEmpty)
            for pretty in [true, false] {
                let json = JSONRenderer(pretty: pretty).render(article)
                let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
                #expect(object?["text"] is String, "\(id) json")
            }
        }
        print("AEB metadata: \(pages) pages; title \(titles), date \(dates), author \(authors); url agrees with truth \(urlsAgree)/\(urlsChecked)")
        // The survey's figures are floors (TestPages/metadata-floor.json).
        let floor = try MetadataFloorTests.floors().aeb
        #expect(titles >= floor.title)
        #expect(dates >= floor.date)
        #expect(authors >= floor.author)
        for line in disagreements { print("AEB url mismatch \(line)") }
    }

    /// A URL compared loosely: scheme, `www.`, trailing slash, query and fragment ignored.
    static func normalized(_ url: String) -> String {
        var s = url.lowercased()
        for prefix in ["https://", "http://"] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        if s.hasPrefix("www.") { s = String(s.dropFirst("www.".count)) }
        if let cut = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = String(s[..<cut]) }
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
