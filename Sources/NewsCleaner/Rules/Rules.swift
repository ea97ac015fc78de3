import Foundation

/// User rules: site knowledge added to the generic engine without forking it: selectors whose
/// elements are always boilerplate (`drop`), always the article container (`content`) or never
/// dropped (`keep`), extra class/id vocabulary tokens, and threshold overrides by name, globally
/// and per host.
///
/// The JSON format (every key optional):
/// ```json
/// {
///   "drop": [".ranking-box", "#comments"],
///   "content": ["#main-text"],
///   "keep": ["aside.factbox"],
///   "vocabulary": {"boilerplate": {"ranking": ["mywidget"]}, "content": ["main-text"], "articleBody": ["kiji-honbun"]},
///   "settings": {"blockMaxLinkDensity": 0.4},
///   "hosts": {"example.com": {"drop": [".promo"]}, "*.example.org": {"settings": {"minArticleChars": 100}}}
/// }
/// ```
/// - `vocabulary.boilerplate` maps a boilerplate concept (navigation, ads, promo, subscribe,
///   ranking, related, social, comments, footer, sidebar, hidden, pager, tags) to
///   extra tokens; `content` and `articleBody` add tokens to the two positive concepts. Tokens
///   use the `Vocabulary` syntax (ASCII letters, digits, `-`; `_` marks a word edge).
/// - `settings` names are the `ExtractionSettings` field names; integer fields need integers.
/// - `hosts` keys are a host (`news.example.com`, exact) or `*.` plus a domain
///   (`*.example.org`: the domain itself and every subdomain). Host entries take the same keys
///   as the top level, except `hosts`.
///
/// For a page, the top-level rules and every matching host entry are merged: selectors and
/// tokens add up; settings apply in the order global, wildcard entries from the shortest domain
/// to the longest, the exact host, so the most specific entry wins. A page without a URL (or
/// without a host) gets the global rules only.
///
/// Selectors: the subset documented on `Selector` (type, `.class`, `#id`, `[attr]`,
/// `[attr=value]`, compounds, the descendant combinator, `,` lists); anything else is refused.
/// Precedence: on one element `keep` and `content` beat `drop` (and combine with each other);
/// `drop` is final for its subtree; the outermost `content` elements become the container;
/// `keep` shields its element, subtree and ancestors from the engine's removals and its blocks
/// from the block filters (details on `RuleMarks`).
///
/// Validation is complete before a `Rules` value exists: every initialiser throws a `RulesError`
/// naming the first problem (key path, selector, setting) and nothing is half-applied.
///
/// ```swift
/// var options = CleanerOptions()
/// options.rules = try Rules(contentsOf: URL(fileURLWithPath: "rules.json"))
/// let article = try Cleaner(options: options).clean(html: bytes, url: "https://www.example.com/a/1")
/// ```
public struct Rules: Sendable, Equatable {
    /// The rules of one scope (global or one host pattern).
    struct Entry: Sendable, Equatable {
        var drop: [Selector] = []
        var content: [Selector] = []
        var keep: [Selector] = []
        var vocabulary: [VocabularyAddition] = []
        var settings: [SettingOverride] = []

        var hasSelectors: Bool { !drop.isEmpty || !content.isEmpty || !keep.isEmpty }

        mutating func append(_ other: Entry) {
            drop += other.drop
            content += other.content
            keep += other.keep
            vocabulary += other.vocabulary
            settings += other.settings
        }
    }

    /// Extra tokens for one concept.
    struct VocabularyAddition: Sendable, Equatable {
        var concept: Concept
        var tokens: [String]
    }

    /// One threshold override; the name is a key of `ExtractionSettings.fieldsByName`.
    struct SettingOverride: Sendable, Equatable {
        var name: String
        var value: Double
    }

    /// A `hosts` key: a domain, exact or with its subdomains (`*.`).
    struct HostPattern: Sendable, Hashable {
        var domain: String
        var wildcard: Bool
        var text: String { wildcard ? "*." + domain : domain }
    }

    var global = Entry()
    var hosts: [HostPattern: Entry] = [:]

    // Derived once per value (not part of equality): matchers for entries that add tokens.
    private var globalMatcher: ConceptMatcher?
    private var hostMatchers: [HostPattern: ConceptMatcher] = [:]
    private var globalPage = PageRules()

    /// No rules at all: the engine as it is. Useful as the start of `merging(_:)`.
    ///
    /// ```swift
    /// let none = Rules()   // none.isEmpty == true
    /// ```
    public init() {}

    /// Reads and validates a rules file.
    ///
    /// ```swift
    /// let rules = try Rules(contentsOf: URL(fileURLWithPath: "site-rules.json"))
    /// ```
    /// - Throws: `RulesError` (`.unreadable` when the file cannot be read).
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RulesError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(json: data)
    }

    /// Parses and validates rules from JSON bytes.
    ///
    /// ```swift
    /// let rules = try Rules(json: Data(#"{"drop": [".ranking"]}"#.utf8))
    /// ```
    /// - Throws: `RulesError`.
    public init(json data: Data) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw RulesJSON.syntaxError(error, in: data)
        }
        guard let top = object as? [String: Any] else {
            throw RulesError.wrongType(path: "(top level)", expected: "an object", found: RulesJSON.describe(object))
        }
        let parsed = try RulesJSON.entry(top, path: "", allowHosts: true)
        global = parsed.entry
        hosts = parsed.hosts
        compile()
    }

    /// Parses and validates rules from a JSON string.
    ///
    /// ```swift
    /// let rules = try Rules(json: #"{"hosts": {"*.example.com": {"content": ["#main-text"]}}}"#)
    /// ```
    /// - Throws: `RulesError`.
    public init(json string: String) throws {
        try self.init(json: Data(string.utf8))
    }

    /// Global rules from command-line selectors (`--drop`, `--content`; each may be a `,` list).
    ///
    /// ```swift
    /// let quick = try Rules(drop: [".ranking", "#comments"], content: ["#main-text"])
    /// ```
    /// - Throws: `RulesError.unsupportedSelector` naming the selector (paths `drop[i]`, `content[i]`).
    public init(drop: [String], content: [String]) throws {
        global.drop = try RulesJSON.selectors(drop, path: "drop")
        global.content = try RulesJSON.selectors(content, path: "content")
        compile()
    }

    /// These rules followed by `other`: selectors and tokens add up, and `other`'s settings win
    /// where both set the same name (globally and per host pattern).
    ///
    /// ```swift
    /// let rules = try Rules(contentsOf: file).merging(try Rules(drop: ["#promo"], content: []))
    /// ```
    public func merging(_ other: Rules) -> Rules {
        var merged = Rules()
        merged.global = global
        merged.global.append(other.global)
        merged.hosts = hosts
        for (pattern, entry) in other.hosts { merged.hosts[pattern, default: Entry()].append(entry) }
        merged.compile()
        return merged
    }

    /// True when the rules contain nothing (no selectors, tokens, settings or hosts).
    ///
    /// ```swift
    /// Rules().isEmpty   // true
    /// ```
    public var isEmpty: Bool { global == Entry() && hosts.isEmpty }

    /// The names accepted under `settings`: the fields of `ExtractionSettings`, sorted.
    ///
    /// ```swift
    /// Rules.settingNames.contains("blockMaxLinkDensity")   // true
    /// ```
    package static var settingNames: [String] { ExtractionSettings.fieldsByName.keys.sorted() }

    public static func == (lhs: Rules, rhs: Rules) -> Bool {
        lhs.global == rhs.global && lhs.hosts == rhs.hosts
    }

    /// Builds what pages need once: matchers for entries that add tokens, the global page rules.
    private mutating func compile() {
        globalMatcher = global.vocabulary.isEmpty ? nil : Rules.matcher(adding: global.vocabulary)
        hostMatchers = [:]
        for (pattern, entry) in hosts where !entry.vocabulary.isEmpty {
            hostMatchers[pattern] = Rules.matcher(adding: global.vocabulary + entry.vocabulary)
        }
        globalPage = PageRules(global, matcher: globalMatcher)
    }

    static func matcher(adding additions: [VocabularyAddition]) -> ConceptMatcher {
        ConceptMatcher(lists: Vocabulary.lists + additions.map { ($0.concept, $0.tokens) })
    }

    // MARK: Per page

    /// The host entries matching `host`, least specific first.
    func matchingPatterns(host: String) -> [HostPattern] {
        var out: [HostPattern] = []
        // Wildcards from the shortest domain suffix to the host itself.
        var suffixes: [Substring] = [Substring(host)]
        var rest = Substring(host)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            suffixes.append(rest)
        }
        for suffix in suffixes.reversed() {
            let pattern = HostPattern(domain: String(suffix), wildcard: true)
            if hosts[pattern] != nil { out.append(pattern) }
        }
        let exact = HostPattern(domain: host, wildcard: false)
        if hosts[exact] != nil { out.append(exact) }
        return out
    }

    /// The rules for one page: global plus every host entry matching the URL's host.
    func resolved(forURL url: String?) -> PageRules {
        guard !hosts.isEmpty, let url, let host = Rules.host(of: url) else { return globalPage }
        let patterns = matchingPatterns(host: host)
        if patterns.isEmpty { return globalPage }
        var merged = global
        for pattern in patterns { merged.append(hosts[pattern]!) }
        let withTokens = patterns.filter { hostMatchers[$0] != nil }
        let matcher: ConceptMatcher?
        switch withTokens.count {
        case 0: matcher = globalMatcher
        case 1: matcher = hostMatchers[withTokens[0]]
        default: matcher = Rules.matcher(adding: merged.vocabulary)  // several token-adding hosts: rare
        }
        return PageRules(merged, matcher: matcher)
    }

    /// The lowercased host of a URL (`scheme://user@host:port/…`, `//host/…` or `host/…`),
    /// without a trailing dot; nil when empty.
    static func host(of url: String) -> String? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            if let close = rest.firstIndex(of: "]") { rest = rest[...close] }
        } else if let colon = rest.firstIndex(of: ":") {
            rest = rest[..<colon]
        }
        while rest.hasSuffix(".") { rest = rest.dropLast() }
        return rest.isEmpty ? nil : rest.lowercased()
    }
}

/// The rules resolved for one page: active selectors, the vocabulary matcher, settings.
///
/// ```swift
/// let page = rules.resolved(forURL: "https://example.com/a")
/// let marks = page.marks(for: document)   // nil when no selector applies
/// ```
struct PageRules: Sendable {
    var selectors = SelectorSet(drop: [], content: [], keep: [])
    /// Nil: the engine's shared `Vocabulary.matcher`.
    var matcher: ConceptMatcher?
    var settings: [Rules.SettingOverride] = []

    init() {}

    init(_ entry: Rules.Entry, matcher: ConceptMatcher?) {
        selectors = SelectorSet(drop: entry.drop, content: entry.content, keep: entry.keep)
        self.matcher = matcher
        settings = entry.settings
    }

    var isEmpty: Bool { selectors.isEmpty && matcher == nil && settings.isEmpty }

    /// The per-node decisions, from one forward walk; nil when no selector is active.
    func marks(for document: Document) -> RuleMarks? {
        selectors.isEmpty ? nil : selectors.apply(to: document)
    }

    /// `base` with the overrides applied in order (later ones win).
    func apply(to base: ExtractionSettings) -> ExtractionSettings {
        var settings = base
        for override in self.settings {
            switch ExtractionSettings.fieldsByName[override.name] {
            case .float(let path)?: settings[keyPath: path] = Float(override.value)
            case .int(let path)?: settings[keyPath: path] = Int(override.value)
            case .int32(let path)?: settings[keyPath: path] = Int32(override.value)
            case nil: break  // validated when parsed
            }
        }
        return settings
    }
}

extension ArticleExtractor {
    /// The extractor for one page: `options.rules` resolved for the URL's host, the rules'
    /// settings applied to `options.settings`.
    ///
    /// ```swift
    /// let article = ArticleExtractor(options: options, url: url).extract(document, url: url)
    /// ```
    init(options: CleanerOptions, url: String?) {
        guard let rules = options.rules else {
            self.init(options: options)
            return
        }
        let page = rules.resolved(forURL: url)
        guard !page.isEmpty else {
            self.init(options: options)
            return
        }
        var pageOptions = options
        pageOptions.settings = page.apply(to: options.settings)
        self.init(options: pageOptions, page: page)
    }
}
