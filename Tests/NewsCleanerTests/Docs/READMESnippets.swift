// The README's ```swift blocks, each verbatim between the BEGIN/END lines of one function (their
// `import` lines are this file's imports), so that the compiler checks them.
// READMETests fails when this file and the README drift apart: edit both together.
import Foundation
import NewsCleaner

enum READMESnippets {
    static func library(bytes: [UInt8]) throws {
// BEGIN README
let cleaner = Cleaner()                       // Sendable: share one across threads
let article = try cleaner.clean(html: bytes,  // [UInt8] or Data, any charset
                                url: "https://example.com/news/1")
print(article.title ?? "")
for block in article.blocks {                 // .heading .paragraph .listItem .quote .tableRow .preformatted .caption
    print(block.kind, block.text, block.links)
}
print(article.text)                           // the plain-text rendering (title first)
print(article.metadata.authors, article.metadata.published ?? "", article.metadata.language ?? "")
// END README
    }

    static func options() throws {
// BEGIN README
var options = CleanerOptions()
options.includeTables = false                 // default true
options.includeCaptions = true                // default false
options.favor = .precision                    // .balanced (default), .precision, .recall
options.maxBytes = 64 << 20                   // larger pages are refused
options.workUnitsPerByte = 64                 // the per-page work budget (default 64 units per input byte)
options.onTooComplex = .bestEffort            // .fail (default: CleanerError.tooComplex) or .bestEffort
options.metadataFields = [.authors, .published] // metadata beyond the title (default .all; [] skips the extractor)
options.settings.blockMaxLinkDensity = 0.4    // every weight and threshold is a named field
options.rules = try Rules(contentsOf: URL(fileURLWithPath: "rules.json"))
let cleaner = Cleaner(options: options)
// END README
        _ = cleaner
    }

    static func contentAndCodable(bytes: Data) throws {
// BEGIN README
var options = CleanerOptions()
options.includeContentHTML = true             // the container's subtree: images kept, sanitised
let article = try Cleaner(options: options).clean(html: bytes, url: "https://example.com/news/1")
print(article.contentHTML ?? "")
let line = JSONRenderer().render(article, url: nil)                        // what -f jsonl writes
let again = try JSONDecoder().decode(Article.self, from: Data(line.utf8))  // Article is Codable
print(again.blocks.count)
// END README
    }
}
