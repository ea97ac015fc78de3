import Foundation

/// The one title picker: every output format (text first line, JSON `title`, Markdown, HTML)
/// shows the title chosen here.
///
/// Rule: the visible headline wins when it agrees with the page's meta titles (`og:title`,
/// JSON-LD `headline`, `twitter:title`, `itemprop=headline`, `<title>`): the first visible `<h1>`
/// (then `<h2>`, `<h3>`) whose word overlap with one of them (Dice coefficient on lowercased word
/// sets, against the meta title with and without its site name) reaches `minAgreement`. Without
/// agreement: a meta title meant as the article's (`og:title` …) with its site name removed, else
/// `<title>` cut at its separators, else the page's only visible `<h1>`. Site names are removed
/// when known (`og:site_name`, JSON-LD publisher) or when one side of a separator shares a word with
/// the host name; a Markdown heading mark (`## `) and emphasis stars around the whole title go.
/// When `og:site_name` equals the visible headline, it is not taken as a site name.
///
/// ```swift
/// let title = TitlePicker.pick(headings: [.init(id: 5, level: 1, text: "Council votes on garage")],
///                              metaTitles: ["Council votes on garage plan | Ledger"], pageTitle: nil,
///                              siteName: "Ledger", hostname: nil)
/// title.text // "Council votes on garage"
/// ```
enum TitlePicker {
    /// A visible heading candidate.
    struct Heading: Equatable {
        var id: Int
        var level: Int
        var text: String
    }

    /// The picked title and, when it is a visible heading, that heading's node.
    struct Choice: Equatable {
        var text: String?
        var headingID: Int?
    }

    /// Least Dice word overlap between a heading and a meta title for them to "agree"
    /// (SEO variants of a headline share about half of their words; a site logo heading shares
    /// one word of a long title at most).
    static let minAgreement = 0.45
    /// First scalar of the CJK blocks, whose characters count as one word each.
    static let firstCJKScalar: UInt32 = 0x2E80
    /// Shortest host-name label (or title word) compared when deciding whether a side names the site.
    static let minHostMatch = 3
    static let minWordInHost = 4
    /// Most words of a title side taken as a site name by host-name likeness.
    static let maxSiteWords = 4
    /// Heading levels searched, in order.
    static let levels = [1, 2, 3]
    /// Separators between a title and a site name (owned by `SiteName` with the other title separators).
    static let separators = SiteName.pickerSeparators

    /// The scalar every separator must contain to be found (its first non-space scalar; `·`
    /// also as U+0387, which is canonically equivalent and so found by Foundation's search).
    struct SeparatorKey: Hashable {
        let scalar: Unicode.Scalar
        func matches(_ other: Unicode.Scalar) -> Bool {
            other == scalar || (scalar == "\u{00B7}" && other == "\u{0387}")
        }
    }
    /// The key of each separator, index for index.
    static let separatorKeyIndex: [SeparatorKey] = separators.map { separator in
        SeparatorKey(scalar: separator.unicodeScalars.first { !$0.properties.isWhitespace }!)
    }
    /// The distinct keys.
    static let separatorKeys = Array(Set(separatorKeyIndex))
    /// For each separator, the position of its key in `separatorKeys`.
    static let separatorKeyPosition: [Int] = separatorKeyIndex.map { key in separatorKeys.firstIndex(of: key)! }

    /// Which of `separatorKeys` occur in `text`, by position, in one pass over its scalars
    /// (ASCII scalars that are no key are passed over without comparing).
    static func presentKeys(_ text: String) -> [Bool] {
        var present = [Bool](repeating: false, count: separatorKeys.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII, !asciiKeys.contains(UInt8(truncatingIfNeeded: scalar.value)) { continue }
            for (position, key) in separatorKeys.enumerated() where key.matches(scalar) { present[position] = true }
        }
        return present
    }
    /// The ASCII key scalars.
    static let asciiKeys: [UInt8] = separatorKeys.compactMap { $0.scalar.isASCII ? UInt8($0.scalar.value) : nil }

    static func pick(headings: [Heading], metaTitles: [String], pageTitle: String?, siteName rawSite: String?,
                     hostname: String?) -> Choice {
        let metas = metaTitles.map(clean).filter { !$0.isEmpty }
        let page = pageTitle.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        // og:site_name set to the headline (it equals a meta title) is no site name; otherwise a
        // heading that repeats the site name is the site's logo, not the title.
        var siteName = rawSite.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        // Each heading's cleaned, lowercased text, made once when a site name asks for it.
        var lowerHeadings: [String?] = Array(repeating: nil, count: headings.count)
        func lowerHeading(_ index: Int) -> String {
            if let known = lowerHeadings[index] { return known }
            let lower = lowercase(clean(headings[index].text))
            lowerHeadings[index] = lower
            return lower
        }
        if let site = siteName.map(lowercase) {
            let isHeading = headings.indices.contains { lowerHeading($0) == site }
            let leadsTitle = page.map { t in
                let lower = lowercase(t)
                return separators.contains { lower.hasPrefix(site + $0) }
            } ?? false
            // Equal to a meta title, or a visible heading that also leads `<title>` ("Headline | Site"):
            // the headline, not the site.
            if metas.contains(where: { lowercase($0) == site }) || (isHeading && leadsTitle) { siteName = nil }
        }
        let hostWords = hostWords(hostname)
        let strippedMetas = metas.map { strip($0, siteName: siteName, hostWords: hostWords, cut: false) }
        let strippedPage = page.map { strip($0, siteName: siteName, hostWords: hostWords, cut: true) }
        // Compared without their site names, so a logo heading cannot agree with "Title | Site".
        let references = strippedMetas + [strippedPage].compactMap { $0 }
        let headings = siteName.map { site in
            let lowerSite = lowercase(site)
            return headings.indices.filter { lowerHeading($0) != lowerSite }.map { headings[$0] }
        } ?? headings
        let referenceWords = references.map { words($0) }
        // A heading with more distinct words than this agrees with no reference (`maxAgreeingWords`):
        // its word set is not built past it.
        let headingWordLimit = maxAgreeingWords(referenceWords.map(\.count).max() ?? 0)
        for level in levels {
            var best: (score: Double, heading: Heading)?
            for heading in headings where heading.level == level {
                guard let h = words(heading.text, limit: headingWordLimit), !h.isEmpty else { continue }
                let score = referenceWords.map { dice(h, $0) }.max() ?? 0
                if score >= minAgreement, score > (best?.score ?? 0) { best = (score, heading) }
            }
            if let best { return Choice(text: clean(best.heading.text), headingID: best.heading.id) }
        }
        if let meta = strippedMetas.first(where: { !$0.isEmpty && $0 != siteName }) { return Choice(text: cutTail(meta)) }
        if let t = strippedPage, t != siteName { return Choice(text: t) }
        let h1s = headings.filter { $0.level == 1 }
        if h1s.count == 1 { return Choice(text: clean(h1s[0].text), headingID: h1s[0].id) }
        return Choice(text: page ?? metas.first)
    }

    /// Separators after which a meta title's tail is a site or section, not the headline.
    static let tailSeparators = [" | ", " – ", " — ", " - ", " / "]
    /// Most words of a tail that `cutTail` removes, and fewest words the head must keep.
    static let maxTailWords = 6
    static let minHeadWords = 3

    /// A meta title without a short tail after its last separator ("Best Movers 2025 | Top 19
    /// Companies" → "Best Movers 2025"): used only when no visible heading confirms the title.
    static func cutTail(_ title: String) -> String {
        for separator in tailSeparators {
            guard let r = find(separator, in: title, backwards: true) else { continue }
            let head = String(title[..<r.lowerBound]), tail = String(title[r.upperBound...])
            if tail.split(separator: " ").count <= maxTailWords, head.split(separator: " ").count >= minHeadWords {
                return head
            }
        }
        return title
    }

    /// Entities decoded, whitespace collapsed, a Markdown heading mark and enclosing emphasis removed.
    static func clean(_ raw: String) -> String {
        var t = TitleCleaner.collapseWhitespace(HTMLEntities.decode(raw))
        while t.hasPrefix("#") { t.removeFirst() }
        t = TitleCleaner.collapseWhitespace(t)
        // Every mark starts with `*` or `_`: a title starting with another byte has none of them.
        guard let lead = t.utf8.first, lead == UInt8(ascii: "*") || lead == UInt8(ascii: "_") else { return t }
        for mark in ["**", "*", "__", "_"] where t.count > 2 * mark.count && t.hasPrefix(mark) {
            let inner = t.dropFirst(mark.count)
            if let end = inner.range(of: mark) {
                t = String(inner[..<end.lowerBound]) + String(inner[end.upperBound...])
            }
            break
        }
        return t
    }

    /// Lowercased words of letters/digits (each CJK character a word).
    static func words(_ s: String) -> Set<String> {
        words(s, limit: .max)!
    }

    /// `words(s)`, or nil as soon as it is known to hold more than `limit` words (the rest of a
    /// long text is then not read).
    static func words(_ s: String, limit: Int) -> Set<String>? {
        switch asciiWords(s, limit: limit) {
        case .words(let set): return set
        case .tooMany: return nil
        case .notASCII: return characterWords(s, limit: limit)
        }
    }

    /// A word set longer than `limit` words: `2|A∩B| / (|A| + |B|) ≤ 2|B| / (|A| + |B|)`, which is
    /// below 0.4 when `|A| > 4|B|`, so below `minAgreement` (0.45) with room for rounding.
    static func maxAgreeingWords(_ referenceCount: Int) -> Int {
        4 * referenceCount
    }

    /// `words` read by Characters: the path for any text (the byte path `asciiWords` must agree with it).
    static func characterWords(_ s: String) -> Set<String> {
        characterWords(s, limit: .max)!
    }

    /// `characterWords(s)`, or nil once it has more than `limit` words.
    static func characterWords(_ s: String, limit: Int) -> Set<String>? {
        var out = Set<String>()
        var current = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber {
                if ch.unicodeScalars.first.map({ $0.value >= firstCJKScalar }) == true {
                    if !current.isEmpty { out.insert(current); current = "" }
                    out.insert(String(ch))
                } else {
                    current.append(ch)
                }
            } else if !current.isEmpty {
                out.insert(current)
                current = ""
            }
            if out.count > limit { return nil }
        }
        if !current.isEmpty { out.insert(current) }
        return out.count > limit ? nil : out
    }

    /// `s.lowercased()`; text of ASCII and punctuation (`TextSearch.isASCIIWithPunctuation`) is lowercased
    /// on its bytes (A–Z only change there), other text by the standard library.
    static func lowercase(_ s: String) -> String {
        var copy = s
        let fast: String? = copy.withUTF8 { bytes in
            guard TextSearch.isASCIIWithPunctuation(bytes) else { return nil }
            guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return s }
            return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return fast ?? s.lowercased()
    }

    /// `words(s)` of a text of ASCII and punctuation (`TextSearch.isASCIIWithPunctuation`) from its bytes
    /// (letters and digits are `A–Z a–z 0–9`, lowercased; CR LF, one character, and the
    /// punctuation are neither), else nil.
    static func asciiWords(_ s: String) -> Set<String>? {
        if case .words(let set) = asciiWords(s, limit: .max) { return set }
        return nil
    }

    /// What `asciiWords(_:limit:)` found.
    enum ASCIIWords {
        case words(Set<String>)
        /// More than the limit.
        case tooMany
        /// Not ASCII with punctuation: `characterWords` must read it.
        case notASCII
    }

    /// `asciiWords(s)`, stopping once the set holds more than `limit` words.
    static func asciiWords(_ s: String, limit: Int) -> ASCIIWords {
        var copy = s
        return copy.withUTF8 { bytes -> ASCIIWords in
            guard TextSearch.isASCIIWithPunctuation(bytes) else { return .notASCII }
            @inline(__always) func isWordByte(_ b: UInt8) -> Bool {
                b &- 0x30 <= 9 || (b | 0x20) &- UInt8(ascii: "a") < 26
            }
            // The set sized for every word up front (no regrowing as words are added).
            var starts = 0
            var inWord = false
            for b in bytes {
                let word = isWordByte(b)
                if word && !inWord { starts += 1 }
                inWord = word
            }
            var out = Set<String>(minimumCapacity: min(starts, limit))
            var current: [UInt8] = []
            var i = 0
            let n = bytes.count
            while i < n {
                guard isWordByte(bytes[i]) else { i += 1; continue }
                // A word: taken from the bytes as they are, or lowercased when it has capitals.
                let start = i
                var upper = false
                while i < n, isWordByte(bytes[i]) {
                    if bytes[i] &- UInt8(ascii: "A") < 26 { upper = true }
                    i += 1
                }
                if upper {
                    current.removeAll(keepingCapacity: true)
                    for b in bytes[start..<i] { current.append(b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b) }
                    out.insert(String(decoding: current, as: UTF8.self))
                } else {
                    out.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                if out.count > limit { return .tooMany }
            }
            return .words(out)
        }
    }

    /// `text.range(of: separator)` (the last match when `backwards`), a byte search where it
    /// surely finds what Foundation's search finds (`TextSearch`).
    static func find(_ separator: String, in text: String, backwards: Bool) -> Range<String.Index>? {
        TextSearch.range(of: separator, in: text, backwards: backwards)
    }

    /// Dice coefficient of two word sets.
    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// The words of a host name that can name the site (`www.rivertonledger.com` → `rivertonledger`).
    static func hostWords(_ hostname: String?) -> Set<String> {
        guard let hostname else { return [] }
        // An ASCII host name (the usual case) is lowercased and split on its bytes.
        var copy = hostname
        let labels: [String] = copy.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return bytes.split(separator: UInt8(ascii: ".")).map { label in
                String(decoding: label.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            }
        } ?? hostname.lowercased().split(separator: ".").map(String.init)
        return Set(labels.dropLast().filter { $0 != "www" && $0 != "blog" && $0 != "m" })
    }

    /// True when `side` looks like the site's name: the known site name, or a side whose squashed
    /// words occur in the host name (`Rust Blog` on blog.rust-lang.org).
    static func isSite(_ side: String, siteName: String?, hostWords: Set<String>) -> Bool {
        let folded = lowercase(side)
        if let siteName, folded == lowercase(siteName) { return true }
        let squashed = lettersAndDigits(folded)
        guard !squashed.isEmpty else { return false }
        // The side's words, made once (not once per host word).
        guard let sideWords = words(side, limit: maxSiteWords) else { return false }
        for host in hostWords {
            let h = lettersAndDigits(host)
            if h.count >= minHostMatch, TextSearch.contains(squashed, h) || TextSearch.contains(h, squashed) { return true }
            if sideWords.contains(where: { $0.count >= minWordInHost && TextSearch.contains(h, $0) }) { return true }
        }
        return false
    }

    /// `s.filter { $0.isLetter || $0.isNumber }`; for text of ASCII and punctuation
    /// (`TextSearch.isASCIIWithPunctuation`) the ASCII letters and digits, picked from the bytes.
    static func lettersAndDigits(_ s: String) -> String {
        var copy = s
        let fast: String? = copy.withUTF8 { bytes in
            guard TextSearch.isASCIIWithPunctuation(bytes) else { return nil }
            return String(decoding: bytes.filter { b in
                b &- UInt8(ascii: "0") <= 9 || (b | 0x20) &- UInt8(ascii: "a") < 26
            }, as: UTF8.self)
        }
        return fast ?? s.filter { $0.isLetter || $0.isNumber }
    }

    /// `title` without a site name at either end. With `cut`, the longer side of a separator
    /// stays even when neither side is known as the site (the `<title>` element).
    static func strip(_ title: String, siteName: String?, hostWords: Set<String>, cut: Bool) -> String {
        var t = title
        var changed = true
        while changed {
            changed = false
            // Foundation's substring search is costly: only the separators whose key scalar the
            // title holds are searched for.
            let present = presentKeys(t)
            for (separator, position) in zip(separators, separatorKeyPosition) where present[position] {
                guard let r = find(separator, in: t, backwards: true) else { continue }
                let head = String(t[..<r.lowerBound]), tail = String(t[r.upperBound...])
                if !head.isEmpty, isSite(tail, siteName: siteName, hostWords: hostWords) {
                    t = TitleCleaner.collapseWhitespace(head)
                    changed = true
                    break
                }
                if let f = find(separator, in: t, backwards: false) {
                    let first = String(t[..<f.lowerBound]), rest = String(t[f.upperBound...])
                    if !rest.isEmpty, isSite(first, siteName: siteName, hostWords: hostWords) {
                        t = TitleCleaner.collapseWhitespace(rest)
                        changed = true
                        break
                    }
                }
            }
        }
        if cut, t == title, TitleCleaner.mayHoldSeparator(t) {
            let stripped = TitleCleaner.strip(t, siteName: nil)
            if !stripped.isEmpty { return stripped }
        }
        return t
    }
}
