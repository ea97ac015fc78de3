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
    /// How this cleaner works (tables, captions, favor, limits, settings, rules).
    public var options: CleanerOptions

    /// A cleaner with `options` (the defaults when omitted). Cheap to make, `Sendable`: one
    /// cleaner can serve any number of threads.
    public init(options: CleanerOptions = CleanerOptions()) {
        self.options = options
    }

    /// Cleans one page given as bytes.
    ///
    /// - Parameters:
    ///   - html: the page bytes as saved (any charset; not gzip).
    ///   - url: the page's URL, if known (used for metadata and link resolution).
    ///   - encoding: a charset name or a whole `Content-Type` value from the caller (HTTP header,
    ///     CLI flag); wins over the page.
    /// - Throws: `CleanerError` (`.tooComplex` when the page's work budget runs out and
    ///   `options.onTooComplex` is `.fail`).
    public func clean(html: [UInt8], url: String? = nil, encoding: String? = nil) throws -> Article {
        let document = try parse(html: html, encoding: encoding)                      // steps 1–4
        let meter = WorkMeter.forPage(bytes: html.count, options: options)            // the page's budget
        if document.parseStoppedEarly { meter.spend(meter.limit) }                    // its parser errors spent it
        let article = extract(from: document, url: url, meter: meter)                 // steps 5–8
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
    package func parse(html: [UInt8], encoding: String? = nil) throws -> Document {
        try DocumentLoader(options: options).load(html, encodingHint: encoding)
    }

    /// `parse(html:encoding:)` for a page given as `Data`.
    package func parse(html: Data, encoding: String? = nil) throws -> Document {
        try parse(html: [UInt8](html), encoding: encoding)
    }

    /// Steps 5–8: the `Document` to its `Article` (best effort within the work budget).
    package func extract(from document: Document, url: String? = nil) -> Article {
        extract(from: document, url: url, meter: budget(for: document))
    }

    /// Steps 5–8 spending `meter`.
    func extract(from document: Document, url: String?, meter: WorkMeter) -> Article {
        let engine = extractor(url: url, meter: meter)                                // with this page's rules
        let page = Cleaner.pageRun(engine, document, url: url,                        // 5–7, title pick, relaxed retry
                                   titleOnly: options.metadataFields.isEmpty)
        let run = page.run
        let metadata = self.metadata(document, page, url: url, meter: meter)          // 8
        var article = Article(title: metadata.title, blocks: run.blocks, metadata: metadata)
        if options.includeContentHTML {                                               // the page's own subtree
            article.contentHTML = ContentHTML.render(document, roots: run.roots, removed: run.scorer.removed, base: url)
        }
        return article
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

    /// `explain(html:url:encoding:)` for a page given as `Data`.
    public func explain(html: Data, url: String? = nil, encoding: String? = nil) throws -> String {
        try explain(html: [UInt8](html), url: url, encoding: encoding)
    }

    /// The blocks considered in the chosen container with their fate (kept or why dropped).
    public func decisions(html: [UInt8], url: String? = nil, encoding: String? = nil) throws -> [BlockDecision] {
        let document = try parse(html: html, encoding: encoding)
        let run = Cleaner.pageRun(extractor(url: url, meter: budget(for: document)), document, url: nil).run
        return ArticleExtractor.decisions(run, document).decisions
    }

    /// `decisions(html:url:encoding:)` for a page given as `Data`.
    public func decisions(html: Data, url: String? = nil, encoding: String? = nil) throws -> [BlockDecision] {
        try decisions(html: [UInt8](html), url: url, encoding: encoding)
    }
}

extension Cleaner {
    /// Steps 5–7 of one page with the title pick between them, and what the metadata step reuses.
    struct PageRun {
        /// The engine's run (relaxed retry included): the article's blocks and every decision.
        var run: ArticleExtractor.Run
        /// The metadata scan of the page (with the engine's visibility) and its JSON-LD.
        var scan: PageScan
        var ld: JSONLD
        /// The one title every format shows, with where it came from.
        var title: TitlePicker.Choice
    }

    /// The engine's features, the metadata's title picker (with the features' visibility), then
    /// the engine's passes given that title: the one place where the two meet.
    /// `titleOnly`: the caller wants no metadata but the title, so the scan skips dates and bylines.
    static func pageRun(_ engine: ArticleExtractor, _ document: Document, url: String?, titleOnly: Bool = false) -> PageRun {
        let features = engine.features(document)
        // Features matched the class/id vocabulary with `Vocabulary.matcher` unless rules added tokens:
        // then the scan reuses those matches.
        let scan = PageScan(document, invisible: features.invisible, meter: engine.meter,
                            titleOnly: titleOnly, classConcepts: engine.page?.matcher == nil ? features.classIDHints : nil)
        let ld = JSONLD(document.jsonLD, titleOnly: titleOnly)
        let choice = MetadataExtractor.pickTitle(scan, ld, url: url)
        let run = engine.run(document, features: features, title: choice.text)
        return PageRun(run: run, scan: scan, ld: ld, title: choice)
    }

    /// Step 8 for the fields `options.metadataFields` asks for: the title alone needs no
    /// extractor (the pipeline picked it for the engine); otherwise the extractor runs and the
    /// fields nobody asked for are emptied, so every caller sees the same fields whatever it costs.
    func metadata(_ document: Document, _ page: PageRun, url: String?, meter: WorkMeter) -> Metadata {
        let fields = options.metadataFields
        guard !fields.isEmpty else {
            var title = Metadata()
            title.title = page.title.text
            return title
        }
        var meta = MetadataExtractor().extract(document, page.scan, page.ld, title: page.title, url: url,
                                               text: page.run.bodyText, meter: meter)
        guard fields != .all else { return meta }
        if !fields.contains(.authors) { meta.authors = [] }
        if !fields.contains(.published) { meta.published = nil }
        if !fields.contains(.modified) { meta.modified = nil }
        if !fields.contains(.siteName) { meta.siteName = nil }
        if !fields.contains(.language) { meta.language = nil }
        if !fields.contains(.url) { (meta.url, meta.hostname) = (nil, nil) }
        if !fields.contains(.description) { meta.description = nil }
        if !fields.contains(.image) { meta.image = nil }
        if !fields.contains(.tags) { meta.tags = [] }
        if !fields.contains(.categories) { meta.categories = [] }
        return meta
    }

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
