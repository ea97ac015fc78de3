import Foundation

/// Cleans saved news pages into their article: the library's front door.
///
/// The steps, in the one direction data flows (bytes → document → scores → article → renderers):
/// 1. `InputSniffer`: refuse empty, oversized and binary input (cheap checks first).
/// 2. `CharsetDetector` + `Transcoder`: find the charset (caller hint, BOM, declaration checked
///    against the bytes, strict UTF-8, statistical guess, windows-1252) and decode to UTF-8.
/// 3. `Prepass`: cut out the bytes that cannot hold text (script, style, comments, svg, …)
///    before libxml2 sees them, keeping JSON-LD aside for metadata.
/// 4. `HTMLParser`: libxml2's HTML tokenizer in SAX mode builds our compact `Document`.
/// 5. `Features`: one bottom-up pass fills per-node side tables (text, links, tags,
///    punctuation, class/id vocabulary hits).
/// 6. `ContentScorer`: picks the main container (density view checked by ancestor scores).
/// 7. `BlockExtractor`: walks the container in document order, drops boilerplate blocks,
///    and yields the `Article` blocks.
/// 8. `MetadataExtractor`: title, authors, dates, site, language, URLs from meta tags, JSON-LD
///    and the visible text.
/// 9. Renderers (`TextRenderer`, `MarkdownRenderer`, `HTMLRenderer`, `JSONRenderer`) turn the
///    `Article` into output. `Rules` (user selectors, per host) and `Explainer` (--explain) hook
///    into steps 5–7 without a second parse.
///
/// ```swift
/// let cleaner = Cleaner()
/// let article = try cleaner.clean(html: Array(data), url: "https://example.com/news/1")
/// print(article.text)
/// ```
public struct Cleaner: Sendable {
    public var options: CleanerOptions

    public init(options: CleanerOptions = CleanerOptions()) {
        self.options = options
    }

    /// Cleans one page given as bytes.
    ///
    /// - Parameters:
    ///   - html: the page bytes as saved (any charset; not gzip).
    ///   - url: the page's URL, if known (used for metadata and link resolution).
    ///   - encoding: a charset name from the caller (HTTP header, CLI flag); wins over the page.
    /// - Throws: `CleanerError` (`.tooComplex` when the page's work budget runs out and
    ///   `options.onTooComplex` is `.fail`).
    public func clean(html: [UInt8], url: String? = nil, encoding: String? = nil) throws -> Article {
        let document = try parse(html: html, encoding: encoding)
        let meter = WorkMeter.forPage(bytes: html.count, options: options)
        let article = extractor(url: url, meter: meter).extract(document, url: url)
        if meter.isExhausted, options.onTooComplex == .fail {
            throw CleanerError.tooComplex(workUnits: meter.used, limit: meter.limit)
        }
        return article
    }

    /// Cleans one page given as `Data`.
    public func clean(html: Data, url: String? = nil, encoding: String? = nil) throws -> Article {
        try clean(html: [UInt8](html), url: url, encoding: encoding)
    }

    /// Steps 1–4: bytes to our compact `Document`.
    public func parse(html: [UInt8], encoding: String? = nil) throws -> Document {
        try DocumentLoader(options: options).load(html, encodingHint: encoding)
    }

    /// Steps 5–7: the `Document` to its `Article` (best effort within the work budget).
    public func extract(from document: Document, url: String? = nil) -> Article {
        extractor(url: url, meter: budget(for: document)).extract(document, url: url)
    }
}

extension Cleaner {
    /// An HTML copy of the page with the engine's decisions drawn on it: kept blocks and the chosen
    /// container outlined green, removed subtrees and dropped blocks red, each with its reason.
    ///
    /// ```swift
    /// let html = try Cleaner().explain(html: bytes, url: "https://example.com/a")
    /// ```
    public func explain(html: [UInt8], url: String? = nil, encoding: String? = nil) throws -> String {
        let document = try parse(html: html, encoding: encoding)
        return Explainer(options: engineOptions, meter: budget(for: document)).render(document, url: url)
    }

    /// The blocks considered in the chosen container with their fate (kept or why dropped).
    public func decisions(html: [UInt8], url: String? = nil, encoding: String? = nil) throws -> [BlockDecision] {
        let document = try parse(html: html, encoding: encoding)
        return extractor(url: url, meter: budget(for: document)).decisions(document).decisions
    }
}

extension Cleaner {
    /// The engine for one page, spending `meter`.
    func extractor(url: String?, meter: WorkMeter) -> ArticleExtractor {
        var extractor = ArticleExtractor(options: engineOptions, url: url)
        extractor.meter = meter
        return extractor
    }

    /// The work budget of a parsed page whose input size is unknown: its text, attribute
    /// bytes and nodes stand in for the input bytes.
    func budget(for document: Document) -> WorkMeter {
        WorkMeter.forPage(bytes: document.textBytes.count + document.attributeBytes.count + document.count, options: options)
    }

    /// The options the engine runs with: `options` with the settings leaned the way `favor` says.
    var engineOptions: CleanerOptions {
        guard options.favor != .balanced else { return options }
        var adjusted = options
        adjusted.settings = options.settings.favoring(options.favor)
        return adjusted
    }
}
