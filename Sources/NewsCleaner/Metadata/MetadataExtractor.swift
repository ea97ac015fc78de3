import Foundation

/// Reads a page's metadata in one pass over the `Document` plus its JSON-LD.
///
/// Sources, best first, per field (a field the page does not state stays `nil`/empty):
/// - title: `TitlePicker` (the one picker of every format): the visible headline that agrees with
///   `og:title` / JSON-LD `headline` / `twitter:title` / `<title>`, else those without the site name.
/// - authors: JSON-LD `author`, `meta name=author`, `article:author` (not a URL), the scholarly
///   `citation_author` tags (one per author), `itemprop=author`,
///   `rel=author` links, byline/author/writer/reporter class or id elements, "Posted by X at …";
///   the first source naming a person (a source naming only the site's organisation or usernames is
///   a fallback; a JSON-LD author typed as an organisation is one only where the header shows it). Cleaned by `AuthorNames` ("By ", "文/", "記者", "기자", UI text, dates, job titles …).
/// - published: a date shown in the article's header (near the chosen headline) without an
///   "Updated" label; JSON-LD `datePublished` (article nodes merged; a WebPage-only date needs the
///   page to show that day), `article:published_time`, `meta name=date|pubdate|…`,
///   `itemprop=datePublished` (of disagreeing ones the day the header shows; none of them when
///   later than the day the header shows as updated);
///   the header's (or a byline element's) "Updated" date; a visible date line; a date labelled
///   "Published" (`PageScan.publishWords`) in a sidebar. Otherwise never from nav, footer,
///   captions, related/sidebar blocks, comment sections, nor a date inside a sentence.
///   modified: JSON-LD `dateModified`, `article:modified_time`, `og:updated_time`,
///   `itemprop=dateModified`, else the header's "Updated" date.
/// - site name: `og:site_name`, JSON-LD `publisher.name` (or a WebSite/Organization), `application-name`.
/// - language: `<html lang>`, `meta content-language`/`dc.language`, JSON-LD `inLanguage`,
///   `og:locale`, else `LanguageGuess.fromScript` on the article text; primary subtag only (`en`, `zh`).
/// - url: `<link rel=canonical>`, `og:url`, JSON-LD `url`, else the given URL; resolved against it.
///   hostname: of the given URL, else of the canonical URL.
/// - description: `meta description`, `og:description`, `twitter:description`, JSON-LD `description`.
/// - image: `og:image`, `twitter:image`, JSON-LD `image`; resolved against the page URL.
/// - tags: `article:tag`, `meta keywords`, JSON-LD `keywords`; categories: `article:section`, JSON-LD `articleSection`.
///
/// Dates are ISO 8601 (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[±HH:MM]`). The time-zone rule:
/// an offset the page writes (`+09:00`, `Z`, `EST`, `GMT+9`) is kept; a date without one takes
/// the offset of another source stating the same local time; otherwise a naive date-time gets an
/// offset only where the page's language or country-code TLD has a single time zone
/// (`singleZoneOffsets`: ja/.jp and ko/.kr → +09:00, zh/.cn/.tw/.hk → +08:00); otherwise none.
///
/// ```swift
/// let doc = try Cleaner().parse(html: bytes)
/// let meta = MetadataExtractor().extract(from: doc, url: "https://example.com/a")
/// print(meta.title ?? "", meta.published ?? "")
/// ```
package struct MetadataExtractor: Sendable {
    /// Offsets (minutes east of UTC) implied by a language or a country-code TLD whose
    /// speakers/sites live in one time zone.
    package static let singleZoneOffsets: [String: Int] = [
        "ja": 9 * DateParser.minutesPerHour, "jp": 9 * DateParser.minutesPerHour,
        "ko": 9 * DateParser.minutesPerHour, "kr": 9 * DateParser.minutesPerHour,
        "zh": 8 * DateParser.minutesPerHour, "cn": 8 * DateParser.minutesPerHour,
        "tw": 8 * DateParser.minutesPerHour, "hk": 8 * DateParser.minutesPerHour,
    ]
    /// `meta` names/properties holding the publication date, best first.
    static let publishedKeys = ["article:published_time", "og:published_time", "datepublished", "date",
                                "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
                                "dc.date", "dcterms.date", "dcterms.created", "dcterms.issued",
                                "sailthru.date", "parsely-pub-date", "article.published", "og:article:published_time",
                                "citation_publication_date", "originalpublicationdate", "cxenseparse:recs:publishtime"]
    /// Words of other `meta` names that say they hold the publication date (`w-published-date`,
    /// `published-time`, `cludo:date`): a name with one of these words (a word starting with
    /// `publish`, or `date` as its last word) and none of `notPublishedKeyWords`.
    static let publishedKeyWords = ["publish", "pubdate", "pub"]
    /// Words of `meta` names whose date is not the publication (`modified-date`, `cdc:last_published`).
    static let notPublishedKeyWords = ["modif", "updat", "last", "expir", "revis", "edit", "copyright"]

    /// True for a `meta` name outside `publishedKeys` that holds the publication date (see `publishedKeyWords`).
    static func isPublishedKey(_ key: String) -> Bool {
        let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !words.isEmpty, !notPublishedKeyWords.contains(where: { key.contains($0) }) else { return false }
        return words.last == "date" || words.contains { word in publishedKeyWords.contains { word.hasPrefix($0) } }
    }

    /// `meta` names/properties holding the modification date, best first.
    static let modifiedKeys = ["article:modified_time", "og:updated_time", "datemodified", "last-modified",
                               "dcterms.modified", "article.updated", "og:article:modified_time"]
    /// The metadata concepts named by an element's class and id, in one pass over their bytes.
    static func classConcepts(_ doc: Document, _ id: Int) -> Concept {
        // Two direct look-ups (no array of names per element: this runs for every element).
        let classRange = doc.attributeRange(.class, of: id)
        let idRange = doc.attributeRange(.id, of: id)
        if classRange == nil && idRange == nil { return [] }
        var found: Concept = []
        doc.attributeBytes.withUnsafeBufferPointer { bytes in
            if let range = classRange {
                found.formUnion(Vocabulary.matcher.concepts(in: UnsafeBufferPointer(rebasing: bytes[range]), isClass: true))
            }
            if let range = idRange {
                found.formUnion(Vocabulary.matcher.concepts(in: UnsafeBufferPointer(rebasing: bytes[range])))
            }
        }
        return found
    }

    /// How many of the author sources (in order) are structured: JSON-LD, meta tags, itemprop, rel=author.
    static let structuredAuthorSources = 9
    /// Most names a class-based byline may give to replace an organisation or username found before it.
    static let maxBylineNamesOverFallback = 3
    /// Longest byline element text considered.
    static let maxBylineChars = 120
    /// Longest text node considered as a visible date line.
    static let maxDateLineChars = 64

    package init() {}

    /// The metadata of a parsed page.
    ///
    /// - Parameters:
    ///   - document: the parsed page.
    ///   - url: the page's URL, if known (fallback for `url`, base for relative links, hostname).
    ///   - title: a title already chosen (else `TitlePicker` picks one from the page).
    ///   - text: article text for the script-based language guess (default: the page's text).
    package func extract(from document: Document, url: String? = nil, title engineTitle: String? = nil,
                        text: String? = nil) -> Metadata {
        let page = PageScan(document, texts: SubtreeText(document))
        let ld = JSONLD(document.jsonLD)
        let choice = engineTitle.map { TitlePicker.Choice(text: $0) } ?? MetadataExtractor.pickTitle(page, ld, url: url)
        return extract(document, page, ld, title: choice, url: url, text: text)
    }

    /// `name` without the organisation's name written after it in a byline ("Brian Truitt USA
    /// TODAY" → "Brian Truitt") when what is left is written like a person's name ("Podium Staff",
    /// "CEO of CaseBasix" stay as they are).
    ///
    /// ```swift
    /// MetadataExtractor.withoutOrganisation("Brian Truitt USA TODAY", ["usa today"]) // "Brian Truitt"
    /// ```
    static func withoutOrganisation(_ name: String, _ organisations: Set<String>) -> String {
        let lower = name.lowercased()
        for organisation in organisations where organisation.count < lower.count && lower.hasSuffix(" " + organisation) {
            let person = String(name.dropLast(organisation.count)).trimmingCharacters(in: .whitespaces)
            if AuthorNames.looksLikePerson(person) { return person }
        }
        return name
    }

    /// Text offsets before / after the headline within which a visible date belongs to the article's header.
    static let headerDateBefore = 300
    static let headerDateAfter = 700

    /// The page's site name as its metadata states it.
    static func siteName(_ page: PageScan, _ ld: JSONLD) -> String? {
        page.first("og:site_name") ?? ld.publisher ?? page.first("application-name")
    }

    /// The title by `TitlePicker` (the engine calls this before extracting blocks; see `TitlePicker`).
    static func pickTitle(_ page: PageScan, _ ld: JSONLD, url: String?) -> TitlePicker.Choice {
        let metas = [page.first("og:title"), ld.headline, page.first("twitter:title"), page.itemprop[PageScan.headlineItemprop]?.first]
        let host = URLResolver.hostname(url) ?? URLResolver.hostname(page.canonical ?? page.first("og:url"))
        return TitlePicker.pick(headings: page.headings, metaTitles: metas.compactMap { $0 }, pageTitle: page.title,
                                siteName: siteName(page, ld), hostname: host)
    }

    /// The metadata from one scan of the page and its JSON-LD, with the title already picked.
    func extract(_ document: Document, _ page: PageScan, _ ld: JSONLD, title choice: TitlePicker.Choice, url: String?, text: String?,
                 meter: WorkMeter = .unlimited()) -> Metadata {
        var meta = Metadata()
        meta.siteName = MetadataExtractor.siteName(page, ld)
        meta.title = choice.text

        // URL and hostname.
        let canonical = page.canonical ?? page.first("og:url") ?? ld.url
        let resolved = canonical.flatMap { URLResolver.resolve($0, against: url) }
        meta.url = URLResolver.isAbsoluteWeb(resolved) ? resolved : (url ?? resolved)
        meta.hostname = URLResolver.hostname(url) ?? URLResolver.hostname(meta.url)

        // The text offsets of the article's header: around the chosen headline (bylines, author
        // links and dates there are the article's).
        let headerWindow = choice.headingID.flatMap { page.headingSpans[$0] }.map { span in
            (span.lowerBound - MetadataExtractor.headerDateBefore)...(span.upperBound + MetadataExtractor.headerDateAfter)
        }
        // "By <a>Ann Lee</a>" labels: the one in the article's header (near the headline), else on a page
        // without a known headline the first one.
        // Only names written like names ("By printing one of …" is a sentence, not a byline).
        let named = page.labelledBylines.prefix(AuthorNames.maxCandidates).filter { line in
            let names = AuthorNames.clean(line.name, meter: meter)
            return !names.isEmpty && names.allSatisfy { !$0.contains(" ") || AuthorNames.looksLikePerson($0) }
        }
        var labelledBylines = named.prefix(1).map(\.name)
        if let window = headerWindow {
            labelledBylines = named.first { window.contains($0.offset) }.map { [$0.name] } ?? []
        }
        // Last, the page's one labelled byline away from the header ("Written by Ann Lee" under
        // the article): when every labelled byline in its `<main>`/`<article>` names the same,
        // with capitals ("By clicking …" is a sentence); a card's after the article is another story's.
        // Its names, cleaned.
        var pageBylineNames: [String] = []
        let inContent = named.filter(\.inContent)
        if choice.headingID != nil, let first = inContent.first, inContent.allSatisfy({ $0.name == first.name }) {
            let names = AuthorNames.clean(first.name, meter: meter)
            if names.allSatisfy({ name in name.first.map { $0.isUppercase || !$0.isLowercase } == true }) { pageBylineNames = names }
        }
        // A link to an author's page in the header ("<a href=/authors/ann-lee>Ann Lee</a>").
        let headerAuthorLinks = headerWindow.flatMap { window in
            page.authorLinks.first { window.contains($0.offset) && AuthorNames.looksLikePerson($0.name) }.map { [$0.name] }
        } ?? []
        // Authors: the first source that names anyone.
        let authorSources: [[String]] = [
            ld.authors, page.all("author"), page.all("article:author"),
            page.all("citation_author") + page.all("citation_authors"), page.all("dc.creator"),
            page.all("parsely-author"), page.all("sailthru.author"), page.itemprop["author"] ?? [],
            page.relAuthors, page.bylines, page.postedBy.map(\.name), labelledBylines, headerAuthorLinks,
        ]
        // A source naming only the site/organisation or usernames is kept as a fallback while a
        // later source names a person ("WRAL" vs the byline; "jrobison" vs "John Robison").
        let organisation = Set([meta.siteName, ld.publisher, page.first("og:site_name")].compactMap { $0?.lowercased() })
        let hostWords = TitlePicker.hostWords(URLResolver.hostname(url) ?? URLResolver.hostname(meta.url))
        func isOrganisation(_ name: String) -> Bool {
            organisation.contains(name.lowercased()) || TitlePicker.isSite(name, siteName: nil, hostWords: hostWords)
        }
        var fallback: [String] = []
        // A JSON-LD author typed as an organisation is the page's author only where its header
        // shows that name ("Top 19 Companies · Supermove · February 8, 2022"): SEO plugins fill
        // `author` with the company on pages that name no writer. Not on a news article, whose
        // newsroom credit ("BBC News", "Al Jazeera") is the byline of a story no one signs.
        var fallbackNeedsHeader = false
        for (index, source) in authorSources.enumerated() {
            let names = AuthorNames.clean(all: source, meter: meter).map { MetadataExtractor.withoutOrganisation($0, organisation) }
            if names.isEmpty { continue }
            // After a fallback, only structured sources or a short byline may name the person.
            if !fallback.isEmpty, index >= MetadataExtractor.structuredAuthorSources,
               names.count > MetadataExtractor.maxBylineNamesOverFallback || !AuthorNames.looksLikePeople(names) { break }
            // Checked on the names as written: cleaning splits "Morgan & Morgan" into "Morgan".
            let typed = index == 0 && !ld.authorsOfNewsArticle && source.allSatisfy { ld.organisationAuthors.contains($0) }
            let publisher = source.allSatisfy { organisation.contains($0.lowercased()) }
            if typed || publisher || names.allSatisfy({ isOrganisation($0) || AuthorNames.isUsername($0) }) {
                if fallback.isEmpty { (fallback, fallbackNeedsHeader) = (names, typed) }
                continue
            }
            meta.authors = names
            break
        }
        if meta.authors.isEmpty, !fallbackNeedsHeader || choice.headingID.map({ heading in
            let header = PageScan.headerText(document, heading: heading).lowercased()
            return fallback.allSatisfy { TextSearch.contains(header, $0.lowercased()) }
        }) == true {
            meta.authors = fallback
        }
        // The page-wide byline is the weakest source: used only when no other names anyone (not
        // over a fallback: "Anil Madhavapeddy" of anil.recoil.org reads as the site's name, and a
        // quoted "by Daniel Bünzli" further down must not replace him).
        if meta.authors.isEmpty, fallback.isEmpty {
            let names = pageBylineNames.map { MetadataExtractor.withoutOrganisation($0, organisation) }
            if !names.allSatisfy(isOrganisation) { meta.authors = names }
        }

        meta.description = page.first("description") ?? page.first("og:description")
            ?? page.first("twitter:description") ?? ld.description
        let image = page.first("og:image") ?? page.first("og:image:url") ?? page.first("og:image:secure_url")
            ?? page.first("twitter:image") ?? page.first("twitter:image:src") ?? ld.image
        meta.image = image.flatMap { URLResolver.resolve($0, against: meta.url ?? url) }

        meta.tags = AuthorNames.dedupe(page.all("article:tag") + page.all("keywords").flatMap { JSONLD.list($0) }
            + ld.keywords + page.all("news_keywords").flatMap { JSONLD.list($0) })
        meta.categories = AuthorNames.dedupe(page.all("article:section") + ld.sections)

        // Language.
        let declared = [page.htmlLang, page.first("content-language"), page.first("dc.language"),
                        page.first("language"), ld.language, page.first("og:locale")]
        meta.language = declared.lazy.compactMap { LanguageGuess.primaryTag($0) }.first
            ?? LanguageGuess.fromScript(text ?? page.bodyText(document))

        // Dates: the date the article's header shows (near the headline), else the structured
        // publication date, else a visible date line outside nav/footer/aside/related blocks.
        let zone = defaultOffset(language: meta.language, hostname: meta.hostname)
        // A WebPage node's date is the CMS page's: trusted only when the page shows that day.
        var published: [String] = []
        if let date = ld.datePublished, !ld.datePublishedFromWebPage || DateParser.parse(date).map({ d in
            page.visibleDates.contains { $0.date.sameDay(d) }
        }) == true {
            published.append(date)
        }
        let fromJSONLD = published.count
        published += MetadataExtractor.publishedKeys.flatMap { page.all($0) }
        // Of the other names, the first in sorted order whose content is a date (one pass, no sort).
        published += page.metas.lazy.filter { MetadataExtractor.isPublishedKey($0.key) && $0.value.first.flatMap(DateParser.parse) != nil }
            .map(\.key).min().map { page.all($0) } ?? []
        published += page.itemprop["datepublished"] ?? []
        let structured = published.compactMap(DateParser.parse)
        // True when JSON-LD is the only source of the publication date (no meta tag, no itemprop).
        let onlyJSONLD = fromJSONLD == 1 && published.count == 1 && structured.count == 1
        var header: [PageScan.VisibleDate] = []
        if let window = headerWindow {
            header = page.visibleDates.filter { !$0.outside && !$0.inSentence && !$0.inByline && window.contains($0.offset) }
        }
        // A date the header also shows with an "Updated" label is the update's, however often it is
        // repeated without one ("Updated <time>Nov 11</time> … Originally published Nov 9"): the same
        // day, and the same time when both state one (published 17:19 and updated 17:26 differ).
        let updatedDates = header.filter(\.updated).map(\.date)
        let headerPublished = header.first { shown in
            !shown.updated && !updatedDates.contains { u in
                u.sameDay(shown.date)
                    && (!u.hasTime || !shown.date.hasTime || (u.hour == shown.date.hour && u.minute == shown.date.minute))
            }
        }?.date
        // A byline element's "Updated" date stands in the article's header wherever the byline is
        // (an author bio between the headline and the byline pushes it past the header's window).
        let headerUpdated = header.first { $0.updated }?.date
            ?? page.visibleDates.first { $0.inByline && $0.updated && !$0.outside && !$0.inSentence }?.date
        let visible = page.visibleDates.filter { !$0.outside && !$0.updated && !$0.inSentence }.map(\.date)
        let publishedDates = structured + header.map(\.date) + visible
        // Published beats updated: the header's publication date, the structured one, the header's
        // update date (a page that shows only "Updated …" states no other day), a visible date line
        // when all of them name one day (dates of several days outside the header are a list:
        // an archive, events, comments; none of them is surely the article's).
        let visibleDay = visible.first.flatMap { first in
            visible.allSatisfy { $0.sameDay(first) } ? first : nil
        }
        // Of structured publication dates that disagree (JSON-LD 2018, `article:published_time`
        // 2025), the one whose day the header shows, else the first. A structured publication day
        // after the day the header shows as updated is not the publication's (a page is not updated
        // before it is published): the header's date is.
        let structuredShown = structured.first { stated in header.contains { $0.date.sameDay(stated) } } ?? structured.first
        // A header that shows only "Updated …" on a page whose publication date only JSON-LD
        // states: the shown date is the one the page presents as the article's (a republished
        // evergreen page keeps its first draft's date in the schema, not in its meta tags).
        // (On the same day the JSON-LD date is the publication's, with its time.)
        let updatedOnlyShown = headerPublished == nil && onlyJSONLD
            && headerUpdated.map { shown in !structured.contains { $0.sameDay(shown) } } == true
        let structuredPublished = updatedOnlyShown ? nil : structuredShown.flatMap { first in
            headerUpdated.map { first.dayAfter($0) } == true ? nil : first
        }
        // Last, a date labelled as the publication outside the article (a sidebar's "Published"
        // panel), when all such dates name one day.
        let labelled = page.visibleDates.filter { $0.outside && $0.published && !$0.inSentence }.map(\.date)
        let labelledDay = labelled.first.flatMap { first in
            labelled.allSatisfy { $0.sameDay(first) } ? first : nil
        }
        if var date = headerPublished ?? structuredPublished ?? headerUpdated ?? visibleDay ?? labelledDay {
            // "09.10.2024" shown, September 10 stated: the structured date says which way it was written.
            if let settled = structured.lazy.compactMap({ date.settled(by: $0) }).first { date = settled }
            if !date.hasTime, !structured.contains(where: { $0.sameDay(date) }),
               let posted = page.postedBy.first?.time {
                // A blog's date header plus "Posted by X at 21:45" under the entry.
                (date.hour, date.minute, date.second) = (posted.hour, posted.minute, posted.second)
            }
            // The structured date of the same day brings its time and offset.
            if !date.hasTime, let same = structured.first(where: { $0.sameDay(date) }) {
                date = same
            }
            meta.published = finish(date, others: publishedDates, zone: zone)
        }
        var modified: [String] = [ld.dateModified].compactMap { $0 }
        modified += MetadataExtractor.modifiedKeys.flatMap { page.all($0) }
        modified += page.itemprop["datemodified"] ?? []
        let modifiedDates = modified.compactMap(DateParser.parse) + [headerUpdated].compactMap { $0 }
        if let date = modifiedDates.first {
            meta.modified = finish(date, others: modifiedDates + publishedDates, zone: zone)
        }
        return meta
    }

    /// The ISO string of `date`, borrowing an offset from a source with the same local time,
    /// else the page's single-zone offset (dates with a time only).
    func finish(_ date: PageDate, others: [PageDate], zone: Int?) -> String {
        var d = date
        if d.hasTime, d.offsetMinutes == nil {
            let same = others.first {
                $0.offsetMinutes != nil && $0.sameDay(d)
                    && $0.hour == d.hour && ($0.minute ?? 0) == (d.minute ?? 0)
            }
            d.offsetMinutes = same?.offsetMinutes ?? zone
        }
        return d.iso8601()
    }

    /// The offset implied by the page's language or its country-code TLD, if single-zone.
    func defaultOffset(language: String?, hostname: String?) -> Int? {
        if let language, let offset = MetadataExtractor.singleZoneOffsets[language] { return offset }
        if let tld = hostname?.split(separator: ".").last.map(String.init),
           let offset = MetadataExtractor.singleZoneOffsets[tld] { return offset }
        return nil
    }
}

/// Removes the site name from a page title: `Title | Site` → `Title`.
///
/// ```swift
/// TitleCleaner.strip("Council votes | The Riverton Ledger", siteName: "The Riverton Ledger") // "Council votes"
/// ```
package enum TitleCleaner {
    /// Separators between a title and the site name, beyond `SiteName.separators` (owned by `SiteName`).
    static let extraSeparators = SiteName.cleanerExtraSeparators

    /// Runs of whitespace (ASCII, no-break space, ideographic space U+3000) as one space, trimmed,
    /// the way the article text is written.
    static func collapseWhitespace(_ text: String) -> String {
        if !MetadataBytes.needsCollapsing(text) { return text }
        var out = ""
        var pending = false
        for scalar in text.unicodeScalars {
            if Whitespace.isWhitespace(scalar) {
                pending = !out.isEmpty
            } else {
                if pending { out.unicodeScalars.append(" ") }
                pending = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `title` without a leading/trailing site name (the known one, else the shorter side of a separator).
    ///
    /// - Parameter cutAtSeparators: when false, only a known `siteName` is removed (for `og:title`
    ///   and JSON-LD headlines, whose separators are usually part of the title).
    package static func strip(_ title: String, siteName: String?, cutAtSeparators: Bool = true) -> String {
        let t = collapseWhitespace(HTMLEntities.decode(title))
        let separators = SiteName.separators + extraSeparators
        if let site = siteName.map({ TextTrim.trimming($0, .whitespaces, .whitespace) }), !site.isEmpty, t != site {
            for separator in separators {
                if t.hasSuffix(separator + site) { return strip(String(t.dropLast((separator + site).count)), siteName: nil, cutAtSeparators: cutAtSeparators) }
                if t.hasPrefix(site + separator) { return strip(String(t.dropFirst((site + separator).count)), siteName: nil, cutAtSeparators: cutAtSeparators) }
            }
        }
        guard cutAtSeparators, mayHoldSeparator(t), separators.contains(where: { TextSearch.contains(t, $0) }) else { return t }
        let stripped = SiteName.strip(t)
        if stripped != t { return stripped }
        for separator in extraSeparators where TextSearch.contains(t, separator) {
            let parts = TextSearch.components(t, separatedBy: separator)
            // Underscores also live inside titles; only cut when the parts look like sections, or
            // one bare "_" joins a CJK headline to its site ("习近平会见美国总统_新浪新闻").
            if separator == "_", parts.count < TitleCleaner.minUnderscoreParts,
               !(parts.count == 2 && t.firstIndex(of: "_").map { SiteName.isCaselessJoin(t, at: $0) } == true) { continue }
            // "__init__" is a name in the headline, not a separator.
            if separator == "_", parts.contains(where: \.isEmpty) { continue }
            if let longest = SiteName.longestPart(parts) { return TextTrim.trimming(longest, .whitespaces, .whitespace) }
        }
        return t
    }

    /// One scalar of every separator (or of a canonically equivalent form: U+0387 for `·`).
    static let separatorScalars: Set<Unicode.Scalar> = ["|", "-", "\u{2013}", "\u{2014}", ":", "\u{00B7}", "\u{0387}",
                                                       "\u{FF5C}", "\u{FF1A}", "/", "_", "\u{00BB}", "\u{00AB}"]

    /// False when `title` surely holds no separator: a cheap check before Foundation's substring searches.
    static func mayHoldSeparator(_ title: String) -> Bool {
        title.unicodeScalars.contains { separatorScalars.contains($0) }
    }

    /// `Title_Section_Site` needs at least this many parts before `_` is taken as a separator.
    static let minUnderscoreParts = 3
}

/// What one walk over the document collects for `MetadataExtractor`.
struct PageScan {
    /// `meta` content by lowercased name/property/itemprop/http-equiv-like key, in page order.
    var metas: [String: [String]] = [:]
    /// Values of `itemprop` elements (content, datetime or text), keyed lowercased.
    var itemprop: [String: [String]] = [:]
    var htmlLang: String?
    var title: String?
    var h1s: [String] = []
    /// Visible `<h1>`–`<h3>` headings (not nested in another, not in nav/footer/aside/comments).
    var headings: [TitlePicker.Heading] = []
    /// Text offset (visible text bytes before it) of each heading's start and end, by node.
    var headingSpans: [Int: Range<Int>] = [:]
    var canonical: String?
    var relAuthors: [String] = []
    var bylines: [String] = []
    /// Names after a "By" label in their own text node ("By <a>Ann Lee</a>") and short "By Ann Lee"
    /// lines, with their text offsets (outside nav/footer/related blocks only).
    var labelledBylines: [(name: String, offset: Int, inContent: Bool)] = []
    /// End of the current `<main>`/`<article>` subtree (a byline there is the page's content's).
    var contentEnd = 0
    /// Whether "05/12/2025" reads day first, decided at the first visible date (the `<html lang>`
    /// and the head's language metas come before the body).
    var slashDayFirstDecided: Bool?

    /// True when the page declares a language other than English: its "05/12/2025" is 5 December
    /// (US English writes the month first; a page that declares no language is not guessed at).
    mutating func slashDayFirst() -> Bool {
        if let decided = slashDayFirstDecided { return decided }
        let declared = [htmlLang, first("content-language"), first("og:locale")].lazy.compactMap { LanguageGuess.primaryTag($0) }.first
        let decided = declared.map { $0 != PageScan.monthFirstLanguage } ?? false
        slashDayFirstDecided = decided
        return decided
    }
    /// The language whose pages write "05/12/2025" month first (US English).
    static let monthFirstLanguage = "en"
    /// Texts of links to an author's page (`/author/ann-lee`) outside nav/footer/related blocks,
    /// with their text offsets: a byline without a label or class, when it stands in the header.
    var authorLinks: [(name: String, offset: Int)] = []
    /// True after a text node that is only a byline label: the next short text node is the name.
    var afterByLabel = false
    var timeDatetimes: [String] = []
    /// Visible dates (date lines and `<time>` elements) with where they stand, for the header rule.
    var visibleDates: [VisibleDate] = []
    /// Visible date lines, parsed once here (only lines that parse are kept).
    var dateLines: [PageDate] = []
    /// Visible text bytes seen so far (the offset of the next text node).
    var textOffset = 0
    /// The last short text node before the current one (a label such as "Updated:"): its
    /// trimmed byte range in the document's text, empty for none. Kept as a range, and turned
    /// into a `String` only when a date asks for its label, not for every short text node.
    var lastLabel: Range<Int> = 0..<0
    /// End of the current nav/footer/aside/caption/related subtree (dates there are not the article's).
    var asideEnd = 0
    var postedBy: [(name: String, time: (hour: Int, minute: Int, second: Int)?)] = []
    /// Node ranges of comment sections, in order (their text is not the page's).
    var commentSections: [Range<Int>] = []

    /// A date shown on the page: where it stands, and whether a label calls it an update.
    struct VisibleDate {
        var date: PageDate
        var offset: Int
        var updated: Bool
        /// Inside nav/footer/aside/figcaption or a related/sidebar/widget block.
        var outside: Bool
        /// Part of a sentence: its block (`<p>`, `<li>` …) holds much more text than the date
        /// ("Sources: …, as of December 31, 2025."). Such dates are never the article's by themselves.
        var inSentence = false
        /// Read from inside a byline ("Dec. 19, 2025 · Ann Lee", "By Ann Lee, Dec 17, 2025"): a
        /// visible date line when nothing better is stated, never the header's date over a structured one.
        var inByline = false
        /// Labelled as the publication ("Published", "Publish date", "Veröffentlicht am" …) and
        /// not as an update; read for `outside` dates only (the only ones it decides for).
        var published = false
    }

    /// Most nodes `headerText` walks before the headline, and from it on.
    static let maxHeaderNodes = 2000

    /// The text around heading `heading`: about `MetadataExtractor.headerDateBefore` bytes before
    /// it and `headerDateAfter` after its end, the window whose dates are the header's (bounded walks).
    static func headerText(_ doc: Document, heading: Int) -> String {
        var before: [Range<Int>] = []
        var bytes = 0
        var id = heading - 1
        while id > 0, heading - id <= maxHeaderNodes, bytes < MetadataExtractor.headerDateBefore {
            let range = doc.textRange(id)
            if !range.isEmpty { before.append(range); bytes += range.count }
            id -= 1
        }
        var text = TextAccumulator()
        for range in before.reversed() { text.append(doc.textBytes, range); text.space() }
        let end = doc.subtreeEnd(heading)
        bytes = 0
        id = heading
        while id < doc.count, id - heading <= maxHeaderNodes, bytes < MetadataExtractor.headerDateAfter {
            let range = doc.textRange(id)
            if !range.isEmpty {
                text.append(doc.textBytes, range)
                text.space()
                if id >= end { bytes += range.count }
            }
            id += 1
        }
        return text.string
    }

    /// Nodes and text bytes looked at when deciding whether a date stands inside a sentence.
    static let sentenceProbeNodes = 64
    static let sentenceProbeBytes = 160

    /// True when the nearest block around text node `id` is a paragraph that holds more than `sentenceProbeBytes`
    /// of text (bounded walks: at most `sentenceProbeNodes` ancestors and nodes).
    static func inSentence(_ doc: Document, _ id: Int) -> Bool {
        var block = doc.parent(id)
        var steps = 0
        while let b = block, !doc.tag(b).traits.contains(.block) {
            steps += 1
            if steps > sentenceProbeNodes { return false }   // bounded: deep inline nesting costs nothing
            block = doc.parent(b)
        }
        guard let b = block, doc.tag(b) == .p else { return false }
        var bytes = 0
        var node = b + 1
        let end = min(doc.subtreeEnd(b), b + 1 + sentenceProbeNodes)
        while node < end {
            if doc.tag(node) == .text { bytes += doc.textRange(node).count }
            if bytes > sentenceProbeBytes { return true }
            node += 1
        }
        return false
    }

    /// Label words of a publication date ("Published", "Publish date", "Veröffentlicht am" …).
    static let publishWords = ["publish", "posted on", "veröffentlicht", "publié", "publicado", "pubblicato",
                               "opublikowano", "опубликовано", "δημοσιεύ", "发布", "發佈", "公開日", "配信"]
    /// Words in a date line or the label before it that make the date an update, not the publication.
    static let updateWords = ["updated", "modified", "revised", "reviewed", "edited", "checked", "as of", "aktualisiert",
                              "geändert", "bijgewerkt", "mis à jour", "actualizado", "aggiornato", "atualizado",
                              "zaktualizowano", "aktualizacja", "обновл", "ενημερώθηκε", "ενημέρωση", "更新"]
    /// `updateWords` folded like `TextFold` (the label and line are), found in one pass.
    static let updateMatcher = PhraseMatcher(updateWords.map(TextFold.fold))
    /// The UTF-8 length of each folded update word (a hit gives where it ends).
    static let updateWordLengths = updateWords.map { TextFold.fold($0).utf8.count }
    /// Most nodes in a `<time>` element whose own text is read for a label.
    static let maxTimeNodes = 8
    /// Longest text node kept as the label of the next date.
    static let maxLabelBytes = 48

    /// Upper bound on the page text kept for the language guess.
    static let bodyTextLimit = 8000
    /// Longest UTF-8 encoding of one character.
    static let maxBytesPerCharacter = 4

    /// True when the bytes hold an ASCII digit or a full-width digit (U+FF10–U+FF19: EF BC 90–99).
    static func hasDigit(_ source: [UInt8], _ range: Range<Int>) -> Bool {
        source.withUnsafeBufferPointer { bytes in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let b = bytes[i]
                if b &- 0x30 <= 9 { return true }
                if b == 0xEF, i + 2 < end, bytes[i + 1] == 0xBC, bytes[i + 2] >= 0x90, bytes[i + 2] <= 0x99 {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Most nodes of an author link read (a name, maybe beside an avatar's figure and image).
    static let maxAuthorLinkNodes = 16
    /// Path segments of an author's page in a link's `href`.
    static let authorPaths = ["/author/", "/authors/", "/autor/", "/autoren/", "/autore/", "/auteur/"].map { Array($0.utf8) }
    /// The letter every `authorPaths` entry starts with after its "/" (a cheap first check).
    static let authorPathLetter = UInt8(ascii: "a")

    /// True for a link whose `href` path names an author's page (`/blog/authors/ann-lee`).
    static func linksToAuthorPage(_ doc: Document, _ id: Int) -> Bool {
        guard let r = doc.attributeRange(.href, of: id) else { return false }
        return doc.attributeBytes.withUnsafeBufferPointer { all in
            let value = UnsafeBufferPointer(rebasing: all[r])
            // One pass: at each "/", the bytes after it against each path (case-insensitively).
            var i = 0
            while i < value.count {
                if value[i] == UInt8(ascii: "/"), i + 1 < value.count, value[i + 1] | 0x20 == authorPathLetter {
                    for path in authorPaths where i + path.count <= value.count {
                        var k = 1
                        while k < path.count, value[i + k] | 0x20 == path[k] | 0x20 { k += 1 }
                        if k == path.count { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// True when element `id`'s `rel` lists `token` (lower-case ASCII letters) in any letter case:
    /// what `rel.lowercased().split(separator: " ").contains(token)` answers. An ASCII value is
    /// read on its bytes (its characters are its bytes; only A–Z lowercase to these letters);
    /// any other value takes that String path.
    static func relHas(_ doc: Document, _ id: Int, _ token: String) -> Bool {
        guard let r = doc.attributeRange(.rel, of: id) else { return false }
        let value = doc.attributeBytes[r]
        if value.contains(where: { $0 >= 0x80 }) {
            return String(decoding: value, as: UTF8.self).lowercased().split(separator: " ").contains(Substring(token))
        }
        let want = Array(token.utf8)
        var i = value.startIndex
        while i < value.endIndex {
            var end = i
            while end < value.endIndex, value[end] != UInt8(ascii: " ") { end += 1 }
            if end - i == want.count, zip(value[i..<end], want).allSatisfy({ $0 | 0x20 == $1 }) { return true }
            i = end + 1
        }
        return false
    }

    /// True when element `id` has `itemprop` equal to `name` in any letter case (what
    /// `lowercased() == "name"` tests: no other character lowercases to these ASCII letters),
    /// read from the attribute's bytes without making a `String`.
    static func itempropIsName(_ doc: Document, _ id: Int) -> Bool {
        guard let r = doc.attributeRange(.itemprop, of: id), r.count == 4 else { return false }
        let b = doc.attributeBytes
        let i = r.lowerBound
        return b[i] | 0x20 == UInt8(ascii: "n") && b[i + 1] | 0x20 == UInt8(ascii: "a")
            && b[i + 2] | 0x20 == UInt8(ascii: "m") && b[i + 3] | 0x20 == UInt8(ascii: "e")
    }

    /// The word that introduces a byline.
    static let byWord = "by"

    /// True for "By Ann Lee …", "by: Ann Lee …" (a byline, not "Bystanders …").
    static func startsWithBy(_ line: String) -> Bool {
        guard line.utf8.count > byWord.utf8.count, line.prefix(byWord.count).lowercased() == byWord else { return false }
        let next = line.unicodeScalars.dropFirst(byWord.count).first
        return next == ":" || next.map(Whitespace.isWhitespace) == true
    }

    /// One-word byline labels of other languages, for a label node and a short "Von Anna Schmidt" line.
    static let byWords: Set<String> = ["von", "door", "par", "por", "autor", "autorin", "autorka", "автор", "текст"]
    /// True for "Von Anna Schmidt", "Автор: Павел Орлов": a line whose first word (before a space or
    /// a colon) is one of `byWords`.
    static func startsWithByWord(_ line: String) -> Bool {
        let first = line.prefix { $0 != " " && $0 != ":" && $0 != "\u{00A0}" }
        guard first.count < line.count, first.count <= maxByWordLength else { return false }
        return byWords.contains(first.lowercased())
    }
    /// Letters of the longest of `byWords`.
    static let maxByWordLength = byWords.map(\.count).max() ?? 0

    /// Text nodes that are only a byline label, its name in the next text node (lowercased, without a colon).
    static let byLabels: Set<String> = Set(["by", "written by", "posted by", "words by", "story by", "article by",
                                            "reported by", "author", "authors", "autoren", "autorzy", "авторы"]).union(byWords)
    /// Most words of a "By Ann Lee" line taken as a byline (the label and a name).
    static let maxByLineWords = 1 + AuthorNames.maxNameWords

    /// Records a name after a "By" label, or a short "By Ann Lee" line (`labelledBylines`).
    mutating func noteByline(_ label: String, outside: Bool, inContent: Bool) {
        if afterByLabel {
            afterByLabel = false
            if !outside { labelledBylines.append((label, textOffset, inContent)) }
            return
        }
        var key = label.lowercased()
        while key.hasSuffix(":") { key.removeLast() }
        if PageScan.byLabels.contains(TextTrim.trimming(key, .whitespaces, .whitespace)) {
            afterByLabel = true
        } else if !outside, PageScan.startsWithBy(label) || PageScan.startsWithByWord(label),
                  label.split(separator: " ").count <= PageScan.maxByLineWords {
            labelledBylines.append((label, textOffset, inContent))
        }
    }

    /// True for a line whose last word is "by" (its name follows in another element).
    static func endsWithBy(_ line: String) -> Bool {
        guard line.lowercased().hasSuffix(byWord), line.count > byWord.count else { return false }
        return line.unicodeScalars.dropLast(byWord.count).last.map(Whitespace.isWhitespace) == true
    }

    /// Cheap check before parsing a byline for a date: a four-digit year must be there.
    static func mayHoldDate(_ text: String) -> Bool {
        var run = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { run += 1; if run >= AuthorNames.yearDigits { return true } } else { run = 0 }
        }
        return text.utf8.contains { $0 >= 0x80 }
    }

    /// For each byte (with bit 0x20 set), whether it may be the first byte of a `byLabels` label or
    /// of `byWord`: derived from the lists, so a label added there is never skipped.
    static let bylineFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        // Looked up with bit 0x20 set (ASCII lower case), so the entry is made that way: Cyrillic
        // labels start with D0, looked up as F0.
        for label in byLabels.union([byWord]) { if let first = label.utf8.first { table[Int(first | 0x20)] = true } }
        return table
    }()

    /// True when a text node starting with `byte` may be a byline label or a "By …" line
    /// (`noteByline` reads only such nodes, after a label, as Strings).
    static func mayStartByline(_ byte: UInt8) -> Bool {
        bylineFirstBytes[Int(byte | 0x20)]
    }

    /// Longest `byLabels` label in UTF-8 bytes, with a colon.
    static let maxByLabelBytes = byLabels.map { $0.utf8.count + 1 }.max() ?? 0
    /// Longest `byWords` word (or `byWord`) in UTF-8 bytes.
    static let maxByWordBytes = byWords.union([byWord]).map(\.utf8.count).max() ?? 0

    /// True when text bytes `range` may be a byline label or a "By …" / "Von …" line, read on the
    /// bytes before any String is made: a label is short; a longer line's first word (up to a
    /// space, colon or no-break space) must be `byWord` or one of `byWords`.
    static func mayBeByline(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let first = range.first, mayStartByline(bytes[first]) else { return false }
        if range.count <= maxByLabelBytes { return true }
        var end = first
        while end < range.upperBound, end - first <= maxByWordBytes,
              bytes[end] != 0x20, bytes[end] != UInt8(ascii: ":"), bytes[end] != 0xC2 { end += 1 }
        guard end - first <= maxByWordBytes, end < range.upperBound else { return false }
        let word = String(decoding: bytes[first..<end], as: UTF8.self).lowercased()
        return word == byWord || byWords.contains(word)
    }

    static let postedByPattern = try! NSRegularExpression(
        pattern: #"^\s*(?:posted|written|published)\s+by\s+(.+?)(?:\s+(?:at|on|@)\s+(.+))?\s*$"#,
        options: [.caseInsensitive])

    func first(_ key: String) -> String? { metas[key]?.first }
    func all(_ key: String) -> [String] { metas[key] ?? [] }

    /// The `itemprop` value the title picker reads (`MetadataExtractor.pickTitle`).
    static let headlineItemprop = "headline"
    /// Longest `itemprop` element text kept, in UTF-8 bytes: names, headlines and dates are
    /// short, and nested `itemprop` elements would otherwise each copy all the text inside.
    static let maxItempropBytes = 4096
    /// Longest `<h1>` text kept as a title candidate, in UTF-8 bytes.
    static let maxHeadingBytes = 4096
    /// Longest byline element text read, in UTF-8 bytes (`maxBylineChars` characters of up to
    /// this many bytes each, so no byline that fits is cut).
    static let maxBylineBytesPerCharacter = 16

    /// Scans `doc` once.
    ///
    /// - Parameters:
    ///   - invisible: the engine's per-node visibility (hidden subtrees give no headline or date).
    ///   - titleOnly: collect only what the title picker reads (headings, `<title>`, meta tags,
    ///     `itemprop=headline`, canonical): no date lines, `<time>` elements, bylines or `rel=author` links.
    ///     For callers that asked for no metadata field but the title (`newsclean -f text`).
    ///   - texts: the page's `SubtreeText` when the caller has it; else subtree texts are read on
    ///     demand (`LazySubtreeText`).
    ///   - classConcepts: `MetadataExtractor.classConcepts` of every node, when the caller has them
    ///     (`Features.classIDHints` made with `Vocabulary.matcher`); else each element's are matched here.
    init(_ doc: Document, invisible: [Bool]? = nil, texts: SubtreeText? = nil, meter: WorkMeter = .unlimited(),
         titleOnly: Bool = false, classConcepts: [Concept]? = nil) {
        var texts = LazySubtreeText(doc, built: texts)
        // For each element, the first element after it in document order that has
        // `itemprop=name`, found in one backward pass: an `itemprop` element's nested name is
        // that one when it lies inside the element (no subtree search per element).
        // Made when the first `itemprop` element asks (most pages in title-only scans have none).
        var nextNames: [Int32] = []
        func nextName(_ id: Int) -> Int {
            if nextNames.isEmpty {
                nextNames = [Int32](repeating: Int32(doc.count), count: doc.count + 1)
                var back = doc.count - 1
                while back >= 0 {
                    nextNames[back] = nextNames[back + 1]
                    if back + 1 < doc.count, doc.tag(back + 1) != .text, PageScan.itempropIsName(doc, back + 1) {
                        nextNames[back] = Int32(back + 1)
                    }
                    back -= 1
                }
            }
            return Int(nextNames[id])
        }
        // The page's `<main>` and `<article>` elements, listed in one pass when the first
        // related/sidebar/footer or comment block asks: such a block that holds one is the page's
        // layout (`content-sidebar-wrap`, `no-sidebar`, an article's `has-comments`), not an aside,
        // and its headings and dates are the article's.
        var contentIDs: [Int]?
        func holdsContent(_ id: Int) -> Bool {
            if contentIDs == nil { contentIDs = doc.ids(tagged: .main, .article) }
            guard let ids = contentIDs, !ids.isEmpty else { return false }
            // The first content element at or after `id` (binary search).
            var low = 0, high = ids.count
            while low < high {
                let mid = (low + high) / 2
                if ids[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < ids.count && ids[low] < doc.subtreeEnd(id)
        }
        meter.spend(2 * doc.count)
        var commentEnd = 0
        var bylineEnd = 0
        var headingEnd = 0
        var openHeadings: [(id: Int, end: Int)] = []
        var id = 1
        while id < doc.count, meter.spend(1) {
            let tag = doc.tag(id)
            let inComment = id < commentEnd
            while let last = openHeadings.last, id >= last.end {
                headingSpans[last.id] = (headingSpans[last.id]?.lowerBound ?? textOffset)..<textOffset
                openHeadings.removeLast()
            }
            if tag == .text {
                if !inComment, invisible?[id] != true {
                    if !titleOnly { scanText(doc, id) }
                    textOffset += doc.textRange(id).count
                }
                id += 1
                continue
            }
            let words = classConcepts?[id] ?? MetadataExtractor.classConcepts(doc, id)
            if tag == .main || tag == .article { contentEnd = max(contentEnd, doc.subtreeEnd(id)) }
            if id >= asideEnd, tag == .nav || tag == .footer || tag == .figcaption
                || (words.contains(.otherPages) && tag != .body && tag != .html && !holdsContent(id)) {
                asideEnd = max(asideEnd, doc.subtreeEnd(id))
            }
            if (tag == .h1 || tag == .h2 || tag == .h3), id >= headingEnd, id >= asideEnd, !inComment,
               invisible?[id] != true {
                let t = texts.text(of: id, limit: PageScan.maxHeadingBytes) ?? ""
                meter.spend(t.utf8.count)
                if !t.isEmpty {
                    headings.append(TitlePicker.Heading(id: id, level: tag == .h1 ? 1 : tag == .h2 ? 2 : 3, text: t))
                    headingEnd = doc.subtreeEnd(id)
                    headingSpans[id] = textOffset..<textOffset
                    openHeadings.append((id, headingEnd))
                }
            }
            switch tag {
            case .html:
                if htmlLang == nil { htmlLang = doc.attribute(.lang, of: id) }
            case .title:
                if title == nil {
                    title = texts.text(of: id)
                    meter.spend(title?.utf8.count ?? 0)
                }
            case .meta:
                if let range = doc.attributeRange(.content, of: id),
                   case let content = MetadataBytes.trimmedString(doc.attributeBytes, range), !content.isEmpty {
                    for key in [doc.attribute(.property, of: id), doc.attribute(.name, of: id),
                                doc.attribute(.itemprop, of: id)].compactMap({ $0?.lowercased() }) {
                        metas[key, default: []].append(content)
                    }
                }
            case .link:
                if canonical == nil, PageScan.relHas(doc, id, "canonical"), let href = doc.attribute(.href, of: id) {
                    canonical = href
                }
            case .h1:
                if let t = texts.text(of: id, limit: PageScan.maxHeadingBytes), !t.isEmpty {
                    meter.spend(t.utf8.count)
                    h1s.append(t)
                }
            case .time:
                if !titleOnly, !inComment, let datetime = doc.attribute(.datetime, of: id) {
                    timeDatetimes.append(datetime)
                    if let date = DateParser.parse(datetime) {
                        // The label may stand before the element or inside it ("Updated on June 18").
                        let own = doc.subtreeEnd(id) - id <= PageScan.maxTimeNodes ? doc.text(of: id) : ""
                        visibleDates.append(VisibleDate(date: date, offset: textOffset, updated: labelSaysUpdated(own, doc),
                                                        outside: id < asideEnd, published: id < asideEnd && labelSaysPublished(own, doc)))
                    }
                }
            case .a:
                if !titleOnly, !inComment, PageScan.relHas(doc, id, "author") {
                    if let t = texts.text(of: id, limit: PageScan.maxItempropBytes) {
                        meter.spend(t.utf8.count)
                        relAuthors.append(t)
                    }
                } else if !titleOnly, !inComment, id >= asideEnd, doc.subtreeEnd(id) - id <= PageScan.maxAuthorLinkNodes,
                          PageScan.linksToAuthorPage(doc, id) {
                    // Read from the link's few nodes: a link inside a byline already read would
                    // make the lazy subtree texts build the whole page's. A long text is no name.
                    let bytes = (id..<doc.subtreeEnd(id)).reduce(0) { sum, i in
                        sum + (doc.nodes[i].tag == .text ? Int(doc.nodes[i].count) : 0)
                    }
                    if bytes > 0, bytes <= PageScan.maxItempropBytes {
                        let t = doc.text(of: id)
                        meter.spend(t.utf8.count)
                        if !t.isEmpty { authorLinks.append((t, textOffset)) }
                    }
                }
            default:
                break
            }
            // A title-only scan keeps the one `itemprop` the title picker reads.
            if tag != .meta, !inComment, let prop = doc.attribute(.itemprop, of: id)?.lowercased(),
               !titleOnly || prop == PageScan.headlineItemprop {
                let value = doc.attribute(.content, of: id) ?? doc.attribute(.datetime, of: id)
                    ?? PageScan.itempropText(doc, id, texts: &texts, nextName: nextName(id))
                meter.spend(value?.utf8.count ?? 0)
                if let value, !value.isEmpty { itemprop[prop, default: []].append(value) }
            }
            if !words.isEmpty {
                if !inComment, words.contains(.commentSection), tag != .body, tag != .html, !holdsContent(id) {
                    commentEnd = doc.subtreeEnd(id)
                    commentSections.append(id..<commentEnd)
                } else if !titleOnly, !inComment, id >= bylineEnd, id >= asideEnd, words.contains(.author), !words.contains(.authorBox) {
                    let limit = MetadataExtractor.maxBylineChars * PageScan.maxBylineBytesPerCharacter
                    let t = texts.text(of: id, limit: limit) ?? ""
                    meter.spend(t.utf8.count)
                    if !t.isEmpty, t.count <= MetadataExtractor.maxBylineChars {
                        bylines.append(t)
                        bylineEnd = doc.subtreeEnd(id)
                        // A byline's date ("Dec. 19, 2025 · Ann Lee") stands in the article's header
                        // like a date line; its own text may call it an update.
                        if PageScan.mayHoldDate(t), let date = DateParser.parse(t, slashDayFirst: slashDayFirst()) {
                            visibleDates.append(VisibleDate(date: date, offset: textOffset, updated: labelSaysUpdated(t, doc),
                                                            outside: id < asideEnd, inByline: true))
                        }
                    }
                }
            }
            id += 1
        }
        for open in openHeadings { headingSpans[open.id] = (headingSpans[open.id]?.lowerBound ?? textOffset)..<textOffset }
    }

    /// True when `line` or the label text before it says the date is an update. Not when the
    /// line's own update word stands between two dates ("November 18, 2019 at 2:26 PM - Updated
    /// November 18 at 4:46 PM"): the line's first date, the one read, is then the publication.
    func labelSaysUpdated(_ line: String, _ doc: Document) -> Bool {
        if PageScan.hasUpdateWord(String(decoding: doc.textBytes[lastLabel], as: UTF8.self)) { return true }
        let text = Array(TextFold.fold(line).utf8)
        for hit in text.withUnsafeBufferPointer({ PageScan.updateMatcher.hits(in: $0) }) {
            let start = hit.end - PageScan.updateWordLengths[hit.phrase]
            let before = String(decoding: text[..<start], as: UTF8.self).contains(where: \.isNumber)
            let after = String(decoding: text[hit.end...], as: UTF8.self).contains(where: \.isNumber)
            if !(before && after) { return true }
        }
        return false
    }

    /// True when `text` holds one of `updateWords` (folded like them, in one pass).
    static func hasUpdateWord(_ text: String) -> Bool {
        !updateMatcher.hits(in: TextFold.fold(text)).isEmpty
    }

    /// True when `line` or the label text before it calls the date the publication's, and
    /// neither calls it an update.
    func labelSaysPublished(_ line: String, _ doc: Document) -> Bool {
        let text = String(decoding: doc.textBytes[lastLabel], as: UTF8.self) + " " + line
        let lower = text.lowercased()
        return PageScan.publishWords.contains { TextSearch.contains(lower, $0) } && !PageScan.hasUpdateWord(text)
    }

    /// The start of the page's text outside comment sections (up to about `bodyTextLimit` bytes),
    /// for the language guess when the caller gives no article text. Built only when asked:
    /// the engine passes its article text, so most pages never need it.
    func bodyText(_ doc: Document) -> String {
        var text = TextAccumulator()
        var sections = commentSections[...]
        var id = 1
        while id < doc.count, text.bytes.count < PageScan.bodyTextLimit {
            if let section = sections.first, section.contains(id) {
                id = section.upperBound
                sections.removeFirst()
                continue
            }
            if doc.tag(id) == .text {
                text.append(doc.textBytes, doc.textRange(id))
                text.space()
            }
            id += 1
        }
        return text.string
    }

    /// The text of an `itemprop` element: its nested `itemprop=name` if any, else its own text;
    /// nil when longer than `maxItempropBytes` (not a name, headline or date).
    private static func itempropText(_ doc: Document, _ id: Int, texts: inout LazySubtreeText, nextName: Int) -> String? {
        if nextName < doc.subtreeEnd(id) {
            return doc.attribute(.content, of: nextName) ?? texts.text(of: nextName, limit: PageScan.maxItempropBytes)
        }
        return texts.text(of: id, limit: PageScan.maxItempropBytes)
    }

    /// Looks at one visible text node: a date line? a "Posted by" line?
    private mutating func scanText(_ doc: Document, _ id: Int) {
        let range = doc.textRange(id)
        // Cheap checks on the bytes first: a date or "Posted by … at 21:45" line is short and has a
        // digit (ASCII or full-width); only such nodes become Strings and meet the patterns.
        let bytes = doc.textBytes
        // Indentation around or between a label and its date ("Updated at</span>\n      <span>Dec 10,
        // 2025") is no text: the label or line is the trimmed node, and whitespace alone leaves the
        // label in place.
        let label = MetadataBytes.trimmed(bytes, range)
        defer {
            if label.count > PageScan.maxLabelBytes {
                lastLabel = 0..<0
                afterByLabel = false
            } else if !label.isEmpty {
                lastLabel = label
                // Only a node after a byline label, or one that may be a label itself, becomes a String.
                if afterByLabel || PageScan.mayBeByline(bytes, label) {
                    noteByline(String(decoding: bytes[label], as: UTF8.self), outside: id < asideEnd, inContent: id < contentEnd)
                }
            }
        }
        guard label.count <= MetadataExtractor.maxDateLineChars * PageScan.maxBytesPerCharacter,
              PageScan.hasDigit(bytes, label) else { return }
        // The posted-by pattern needs " by "; a date needs a four-digit year. Lines with neither
        // (prices, counts, times) can match nothing below.
        let mentionsBy = MetadataBytes.mentionsBy(bytes, label)
        guard mentionsBy || MetadataBytes.hasYearDigits(bytes, label) else { return }
        let line = String(decoding: bytes[label], as: UTF8.self)
        guard !line.isEmpty, line.count <= MetadataExtractor.maxDateLineChars else { return }
        let ns = NSRange(line.startIndex..., in: line)
        // Most lines have no "by" at all and skip the regex.
        if mentionsBy, let m = PageScan.postedByPattern.firstMatch(in: line, range: ns),
           let nameRange = Range(m.range(at: 1), in: line) {
            let time = Range(m.range(at: 2), in: line).flatMap { DateParser.parseTime(String(line[$0])) }
            postedBy.append((String(line[nameRange]), time))
            if let whenRange = Range(m.range(at: 2), in: line),
               let date = DateParser.parse(String(line[whenRange]), slashDayFirst: slashDayFirst()) {
                dateLines.append(date)
                visibleDates.append(VisibleDate(date: date, offset: textOffset, updated: false, outside: id < asideEnd))
            }
            return
        }
        // "By Ann Lee, Dec 17, 2025": a byline line with the date after the name.
        if mentionsBy, PageScan.startsWithBy(line), let date = DateParser.parse(line, slashDayFirst: slashDayFirst()) {
            postedBy.append((line, nil))
            dateLines.append(date)
            visibleDates.append(VisibleDate(date: date, offset: textOffset, updated: labelSaysUpdated(line, doc),
                                            outside: id < asideEnd, inByline: true))
            return
        }
        // "Posted on the 15/12/2025 at 19:00 by" (the name follows in a link).
        let dateLine = mentionsBy && PageScan.endsWithBy(line) ? String(line.dropLast(PageScan.byWord.count)) : line
        if DateLine.looksLikeDateLine(dateLine), let date = DateParser.parse(dateLine, slashDayFirst: slashDayFirst()) {
            dateLines.append(date)
            visibleDates.append(VisibleDate(date: date, offset: textOffset, updated: labelSaysUpdated(line, doc),
                                            outside: id < asideEnd, inSentence: PageScan.inSentence(doc, id),
                                            published: id < asideEnd && labelSaysPublished(line, doc)))
        }
    }
}
