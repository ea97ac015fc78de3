import Foundation
@testable import NewsCleaner

/// Helpers for the rules tests: parse small pages, apply selectors, clean with rules.
///
/// ```swift
/// let ids = try RulesTestSupport.matchedMarkers("div.a", in: "<div class=a data-testid=x></div>")   // ["x"]
/// ```
enum RulesTestSupport {
    /// A URL for pages that should match no host entry.
    static let neutralURL = "https://unrelated.example.net/a/1"

    /// Parses an HTML string.
    static func document(_ html: String) throws -> Document {
        try Cleaner().parse(html: Array(html.utf8))
    }

    /// The `data-testid` markers of the elements that `selector` matches, in document order.
    /// Uses the `keep` kind, which flags every matched element.
    static func matchedMarkers(_ selector: String, in html: String) throws -> [String] {
        let doc = try document(html)
        let set = SelectorSet(drop: [], content: [], keep: try Selector.parseList(selector))
        let marks = set.apply(to: doc)
        return doc.nodeIDs.filter { marks.flags[$0].contains(.keep) }.map { doc.attribute(.dataTestid, of: $0) ?? "?" }
    }

    /// The decisions for a page under a rules JSON (global rules).
    static func marks(_ rulesJSON: String, _ html: String) throws -> (Document, RuleMarks) {
        let doc = try document(html)
        let page = try Rules(json: rulesJSON).resolved(forURL: nil)
        return (doc, page.marks(for: doc)!)
    }

    /// The article text of `bytes` cleaned with optional rules.
    static func clean(_ bytes: [UInt8], rules: Rules?, url: String?) throws -> String {
        var options = CleanerOptions()
        options.rules = rules
        return try Cleaner(options: options).clean(html: bytes, url: url).text
    }

    /// The article blocks' text, whitespace collapsed, joined by single spaces.
    static func blocksText(_ bytes: [UInt8], rules: Rules?, url: String?) throws -> String {
        var options = CleanerOptions()
        options.rules = rules
        let article = try Cleaner(options: options).clean(html: bytes, url: url)
        return collapse(article.blocks.map(\.text).joined(separator: " "))
    }

    /// Collapses runs of whitespace to one space and trims.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The collapsed text of the first element whose class has `token`.
    static func textOfFirst(classToken token: String, in bytes: [UInt8]) throws -> String {
        let doc = try Cleaner().parse(html: bytes)
        for id in doc.nodeIDs where doc.tag(id) != .text {
            if let c = doc.attribute(.class, of: id), c.split(separator: " ").contains(Substring(token)) {
                return collapse(doc.text(of: id))
            }
        }
        return ""
    }

    /// The collapsed text of the element with that id.
    static func textOf(id: String, in bytes: [UInt8]) throws -> String {
        let doc = try Cleaner().parse(html: bytes)
        for node in doc.nodeIDs where doc.attribute(.id, of: node) == id { return collapse(doc.text(of: node)) }
        return ""
    }

    /// Bytes of `TestPages/<dir>/source.html`.
    static func testPage(_ dir: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestPages.root.appendingPathComponent(dir).appendingPathComponent("source.html")))
    }

    /// Rules from `TestPages/rules/<name>`.
    static func rulesFile(_ name: String) throws -> Rules {
        try Rules(contentsOf: TestPages.root.appendingPathComponent("rules").appendingPathComponent(name))
    }
}
