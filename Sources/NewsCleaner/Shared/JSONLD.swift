import Foundation

/// What a page's JSON-LD says about its article, read tolerantly.
///
/// Accepts one object, an array of objects, `@graph` containers, arrays of `@type`s, authors as
/// strings, objects, arrays or `@id` references, and repairs common breakage (HTML comment or
/// CDATA wrappers, raw newlines inside strings, trailing commas) before giving up on a block.
///
/// ```swift
/// let ld = JSONLD(["{\"@type\":\"NewsArticle\",\"headline\":\"Hi\",\"author\":{\"name\":\"Ann\"}}"])
/// ld.headline // "Hi"; ld.authors == ["Ann"]
/// ```
package struct JSONLD: Sendable, Equatable {
    /// The article's `headline` (or `name`, not for a WebPage), else a bare `title`.
    package var headline: String?
    /// `author`/`creator` names, in order.
    package var authors: [String] = []
    /// Of `authors`, the names of nodes typed as an organisation (`Organization`, `Corporation` …):
    /// a company credited with the page, not a person who wrote it.
    package var organisationAuthors: [String] = []
    /// True when the node naming `authors` is a news article (`NewsArticle` and its subtypes): a
    /// newsroom credited as its author ("BBC News") is the story's byline, not an SEO default.
    package var authorsOfNewsArticle = false
    /// `datePublished` (`dateCreated`, `uploadDate`, a bare `pubDate`), as written.
    package var datePublished: String?
    /// True when `datePublished` comes only from a generic `WebPage` node (a CMS page date, not
    /// necessarily the article's publication).
    package var datePublishedFromWebPage = false
    /// `dateModified`, as written.
    package var dateModified: String?
    /// `publisher` name, else the name of a WebSite/Organization object.
    package var publisher: String?
    /// `image`/`thumbnailUrl` URL, as written.
    package var image: String?
    /// `description`.
    package var description: String?
    /// `keywords`, split at commas.
    package var keywords: [String] = []
    /// `articleSection` values.
    package var sections: [String] = []
    /// `inLanguage`, as written.
    package var language: String?
    /// `url` or `mainEntityOfPage`.
    package var url: String?

    /// `@type`s taken as the article, best first.
    static let articleTypes = ["NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                               "BackgroundNewsArticle", "ReviewNewsArticle", "Article", "BlogPosting",
                               "LiveBlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle",
                               "TechArticle", "Blog", "VideoObject", "WebPage"]
    /// Suffix of the news article types (`NewsArticle`, `ReportageNewsArticle` …).
    static let newsArticleSuffix = "NewsArticle"
    /// `@type`s of an organisation besides every type ending in `Organization` (`NewsMediaOrganization`,
    /// `EducationalOrganization` …).
    static let organisationTypes: Set<String> = ["Corporation", "LocalBusiness", "NGO", "Brand"]
    /// `@type`s whose `name` is the site's name.
    static let siteTypes: Set<String> = ["WebSite", "Organization", "NewsMediaOrganization", "Corporation"]
    /// Separators inside a `keywords` string.
    static let keywordSeparators: Set<Character> = [",", ";", "、", "，", "；"]
    /// The one-scalar `keywordSeparators`, as scalars.
    static let keywordScalars: Set<Unicode.Scalar> = Set(keywordSeparators.compactMap { c in
        c.unicodeScalars.count == 1 ? c.unicodeScalars.first : nil
    })
    /// The one-byte `keywordSeparators`.
    static let asciiKeywordSeparators: [UInt8] = keywordSeparators.compactMap { c in
        c.unicodeScalars.count == 1 && c.isASCII ? c.asciiValue : nil
    }

    /// Reads every JSON-LD block of a page (`Document.jsonLD`).
    ///
    /// `titleOnly`: fill only what the title picker reads (`headline`, `publisher`), for callers
    /// that asked for no metadata but the title (`newsclean -f text`); both are exactly what the
    /// full read gives them.
    package init(_ sources: [String], titleOnly: Bool = false) {
        var objects: [[String: Any]] = []
        for source in sources {
            if let value = JSONLD.parse(source) { JSONLD.collect(value, into: &objects) }
        }
        var byID: [String: [String: Any]] = [:]
        for object in objects {
            if let id = object["@id"] as? String { byID[id] = object }
        }
        // Every node that describes the page, best type first (document order within a type):
        // a field comes from the first of them that states it, so a later node without
        // `datePublished` (or an author) cannot hide an earlier one that has it.
        let objectTypes = objects.map { JSONLD.types(of: $0) }          // once per object, not per type
        var articles: [[String: Any]] = JSONLD.articleTypes.flatMap { type in
            objects.indices.filter { objectTypes[$0].contains(type) }.map { objects[$0] }
        }
        if articles.isEmpty, let withHeadline = objects.first(where: { $0["headline"] != nil }) { articles = [withHeadline] }
        func first<T>(_ read: ([String: Any]) -> T?) -> T? { articles.lazy.compactMap(read).first }
        if let article = articles.first {
            headline = first { JSONLD.string($0["headline"]) } ?? JSONLD.string(article["name"]).flatMap {
                JSONLD.types(of: article).contains("WebPage") ? nil : $0
            }
            publisher = first { JSONLD.names($0["publisher"], byID).first }
        }
        // What the title picker does not read: only in a full read.
        if let article = articles.first, !titleOnly {
            // The first node naming anyone, its names read once.
            if let (node, names) = articles.lazy.map({ node in
                (node, JSONLD.names(node["author"], byID) + JSONLD.names(node["creator"], byID))
            }).first(where: { !$0.1.isEmpty }) {
                authors = names
                organisationAuthors = JSONLD.names(node["author"], byID, organisationsOnly: true)
                    + JSONLD.names(node["creator"], byID, organisationsOnly: true)
                authorsOfNewsArticle = JSONLD.types(of: node).contains { $0.hasSuffix(JSONLD.newsArticleSuffix) }
            }
            let dated = articles.first { node in
                ["datePublished", "dateCreated", "uploadDate"].contains { JSONLD.string(node[$0]) != nil }
            }
            if let dated {
                datePublished = JSONLD.string(dated["datePublished"]) ?? JSONLD.string(dated["dateCreated"])
                    ?? JSONLD.string(dated["uploadDate"])
                datePublishedFromWebPage = JSONLD.types(of: dated) == ["WebPage"]
            }
            dateModified = first { JSONLD.string($0["dateModified"]) }
            image = first { JSONLD.imageURL($0["image"]) ?? JSONLD.imageURL($0["thumbnailUrl"]) }
            description = first { JSONLD.string($0["description"]) }
            keywords = JSONLD.list(article["keywords"])
            sections = JSONLD.list(article["articleSection"])
            language = first { JSONLD.string($0["inLanguage"]) }
            url = JSONLD.string(article["url"]) ?? JSONLD.string(article["mainEntityOfPage"])
                ?? JSONLD.string((article["mainEntityOfPage"] as? [String: Any])?["@id"])
        }
        // Pages outside schema.org's vocabulary (e.g. Baidu's cambrian) still say title/pubDate.
        for object in objects {
            if headline == nil { headline = JSONLD.string(object["title"]) }
            guard !titleOnly else { continue }
            if datePublished == nil { datePublished = JSONLD.string(object["pubDate"]) }
            if image == nil { image = JSONLD.imageURL(object["images"]) }
        }
        if publisher == nil {
            publisher = objects.first { !JSONLD.siteTypes.isDisjoint(with: JSONLD.types(of: $0)) }
                .flatMap { JSONLD.string($0["name"]) }
        }
    }

    // MARK: - Tolerant parsing

    /// Parses one block; repairs common breakage before giving up.
    static func parse(_ source: String) -> Any? {
        // Most blocks are valid JSON: try them as they are before any repair.
        if let value = try? JSONSerialization.jsonObject(with: Data(source.utf8), options: [.fragmentsAllowed]) {
            return value
        }
        var text = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if mayHoldWrapper(text) {
            for wrapper in ["<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"] where text.contains(wrapper) {
                text = text.replacingOccurrences(of: wrapper, with: "")
            }
        }
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
            return value
        }
        // Raw control characters inside strings and trailing commas are the usual faults.
        var repaired = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
        repaired = repaired.replacingOccurrences(of: #",\s*([}\]])"#, with: "$1", options: .regularExpression)
        if let value = try? JSONSerialization.jsonObject(with: Data(repaired.utf8), options: [.fragmentsAllowed]) {
            return value
        }
        // Several objects back to back without an enclosing array.
        let joined = "[" + repaired.replacingOccurrences(of: #"\}\s*\{"#, with: "},{", options: .regularExpression) + "]"
        return try? JSONSerialization.jsonObject(with: Data(joined.utf8), options: [])
    }

    /// False when `text` surely holds no comment or CDATA wrapper: each has `<` or `>`
    /// (`≮`/`≯` hold them in canonical decomposition). Saves six NSString searches per broken block.
    static func mayHoldWrapper(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "<" || $0 == ">" || $0 == "\u{226E}" || $0 == "\u{226F}" }
    }

    /// Flattens arrays, `@graph` containers and a page node's `mainEntity` (a WebPage whose
    /// article is nested in it) into a list of objects.
    static func collect(_ value: Any, into objects: inout [[String: Any]]) {
        if let array = value as? [Any] {
            for item in array { collect(item, into: &objects) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collect(graph, into: &objects) }
            if let main = object["mainEntity"] { collect(main, into: &objects) }
        }
    }

    /// True for a node typed as an organisation (a type ending in `Organization`, or one of `organisationTypes`).
    static func isOrganisation(_ object: [String: Any]) -> Bool {
        types(of: object).contains { $0.hasSuffix("Organization") || organisationTypes.contains($0) }
    }

    /// The `@type`s of an object (a string or an array of strings), without a schema.org prefix.
    static func types(of object: [String: Any]) -> [String] {
        let raw: [Any] = (object["@type"] as? [Any]) ?? (object["@type"].map { [$0] } ?? [])
        return raw.compactMap { $0 as? String }.map { type in
            type.split(separator: "/").last.map(String.init) ?? type
        }
    }

    /// A trimmed, entity-decoded non-empty string, if `value` is (or wraps) one.
    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            let t = TextTrim.trimming(HTMLEntities.decode(s), .whitespacesAndNewlines, .whitespace)
            return t.isEmpty ? nil : t
        case let n as NSNumber:
            return n.stringValue
        case let array as [Any]:
            return array.lazy.compactMap { string($0) }.first
        default:
            return nil
        }
    }

    /// Names of people or organisations: strings, `{name}` objects, arrays, `@id` references;
    /// with `organisationsOnly`, only the names of nodes typed as an organisation.
    static func names(_ value: Any?, _ byID: [String: [String: Any]], organisationsOnly: Bool = false) -> [String] {
        switch value {
        case let s as String:
            return organisationsOnly ? [] : string(s).map { [$0] } ?? []
        case let array as [Any]:
            return array.flatMap { names($0, byID, organisationsOnly: organisationsOnly) }
        case let object as [String: Any]:
            // The node itself when it has a name, else the node its `@id` refers to.
            let node = object["name"] != nil ? object : (object["@id"] as? String).flatMap { byID[$0] }
            guard let node, let name = node["name"], !organisationsOnly || isOrganisation(node) else { return [] }
            return names(name, byID)
        default:
            return []
        }
    }

    /// An image URL from a string, an `ImageObject`, or an array of either.
    static func imageURL(_ value: Any?) -> String? {
        switch value {
        case let s as String: return string(s)
        case let array as [Any]: return array.lazy.compactMap { imageURL($0) }.first
        case let object as [String: Any]: return string(object["url"]) ?? string(object["contentUrl"])
        default: return nil
        }
    }

    /// A list from a string (split on commas) or an array of strings.
    static func list(_ value: Any?) -> [String] {
        switch value {
        case let s as String:
            // An all-ASCII list is split on its bytes: its characters are its bytes (CR LF, one
            // character, is no separator either), so only the ASCII separators can occur.
            if s.utf8.allSatisfy({ $0 < 0x80 }) {
                return s.utf8.split(whereSeparator: { asciiKeywordSeparators.contains($0) })
                    .compactMap { string(String(decoding: $0, as: UTF8.self)) }
            }
            // Text of plain scalars (`TextSearch.isPlain`) has one scalar per character, so the
            // split can test scalars instead of building Characters.
            var copy = s
            if keywordScalars.count == keywordSeparators.count, copy.withUTF8({ TextSearch.isPlain($0) }) {
                return s.unicodeScalars.split(whereSeparator: { keywordScalars.contains($0) })
                    .compactMap { string(String(String.UnicodeScalarView($0))) }
            }
            return s.split(whereSeparator: { keywordSeparators.contains($0) })
                .compactMap { string(String($0)) }
        case let array as [Any]:
            return array.flatMap { list($0) }
        default:
            return []
        }
    }
}

/// Decodes the few HTML entities that leak into metadata strings (`&amp;`, `&#39;` …).
///
/// ```swift
/// HTMLEntities.decode("Tom &amp; Jerry&#39;s") // "Tom & Jerry's"
/// ```
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}",
    ]
    /// Names HTML also reads without the semicolon (the common part of its legacy list).
    static let legacy = ["nbsp", "amp", "quot", "lt", "gt"]
    /// Longest entity name considered.
    static let maxNameLength = 8
    static let hexRadix = 16

    static func decode(_ s: String) -> String {
        // A byte check: Foundation's `contains` bridges through NSString on Linux.
        var copy = s
        guard copy.withUTF8({ $0.contains(UInt8(ascii: "&")) }) else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(maxNameLength + 1).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: hexRadix).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[String(name)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            // The legacy names HTML also reads without a semicolon ("Webmaster&nbsp"), before a
            // character that cannot continue a name.
            if let legacy = HTMLEntities.legacy.first(where: { after.hasPrefix($0) }),
               after.dropFirst(legacy.count).first.map({ !$0.isLetter && !$0.isNumber && $0 != "=" }) ?? true,
               let replacement = named[legacy] {
                out += replacement
                rest = after.dropFirst(legacy.count)
                continue
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}
