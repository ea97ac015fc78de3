import Foundation

/// Scores extracted metadata (title, publication day, authors) against a truth with
/// `title`/`author`/`date` per page, the way `tools/evaluate --metadata` reports it.
///
/// Rules (the same for every tool scored):
/// - **title exact**: share of pages with a true title whose predicted title equals it after
///   `foldTitle`: Unicode compatibility folding (NFKC), case folding, curly quotes → straight
///   quotes, en/em dashes → `-`, whitespace runs → one space, trimmed.
/// - **date = publication day**: share of pages with a true date whose predicted `date` starts
///   with the same `YYYY-MM-DD`. **False date rate**: share of pages whose truth states no date
///   (null) that get a date anyway.
/// - **author found**: share of pages with a true author whose predicted authors (joined) contain
///   every required truth name after `foldName` (case, diacritics and punctuation folded). The
///   truth is split at `,` `;` `&` `|` and the word `and`; the required names are the parts of two
///   or more words without a digit (credentials such as "MS", "Ph.D.", "E-RYT 200" are not
///   names); when no part qualifies, the first part is required ("Susan", "Swoogo").
///   **False author rate**: share of pages whose truth names no author that get one.
/// - **noisy author strings**: share of the returned author names (`authors` entries, all pages)
///   that `isNoisyAuthor` flags: a digit, `@`, `://`, a dotted template key (`a.b.c`), more than
///   `maxNameWords` words, a lowercase single word (a username), or UI/date words
///   (`noiseWords`: "view", "posts", "updated", "min read", month names …).
///
/// ```swift
/// let truth = ["p1": MetadataScore.Fields(title: "Big news", author: "Ann Lee", date: "2024-03-04")]
/// let got = ["p1": MetadataScore.Fields(title: "Big News", author: "Ann Lee", date: "2024-03-04T10:00:00Z")]
/// let report = MetadataScore.score(truth: truth, predictions: got)
/// print(report.titleExact, report.dateFound, report.authorFound)
/// ```
public enum MetadataScore {
    /// The three fields of one page (truth or prediction); `authors` holds the prediction's list.
    public struct Fields: Sendable, Equatable {
        /// The headline.
        public var title: String?
        /// The byline as one string.
        public var author: String?
        /// The publication date (a prediction may carry a time after the day).
        public var date: String?
        /// The author names as a list (predictions; empty means "split `author`").
        public var authors: [String]

        /// Creates the fields of one page.
        public init(title: String? = nil, author: String? = nil, date: String? = nil, authors: [String] = []) {
            self.title = title
            self.author = author
            self.date = date
            self.authors = authors
        }
    }

    /// The figures over a corpus.
    public struct Report: Sendable, Equatable {
        /// Pages scored (the truth's pages).
        public var pages = 0
        /// Pages whose truth states a title / a date / an author.
        public var withTitle = 0, withDate = 0, withAuthor = 0
        /// Pages matched on each field.
        public var titleHits = 0, dateHits = 0, authorHits = 0
        /// Pages stating no date / no author that got one anyway.
        public var falseDates = 0, falseAuthors = 0
        /// Pages stating no date / no author.
        public var withoutDate = 0, withoutAuthor = 0
        /// Returned author names, and how many of them are noisy.
        public var authorNames = 0, noisyAuthorNames = 0
        /// Misses per field: page ID, truth, prediction (for error analysis).
        public var misses: [(field: String, id: String, truth: String, got: String)] = []

        static func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        /// Title exact share.
        public var titleExact: Double { Report.share(titleHits, withTitle) }
        /// Publication-day share.
        public var dateFound: Double { Report.share(dateHits, withDate) }
        /// Author-found share.
        public var authorFound: Double { Report.share(authorHits, withAuthor) }
        /// Share of no-date pages given a date.
        public var falseDateRate: Double { Report.share(falseDates, withoutDate) }
        /// Share of no-author pages given an author.
        public var falseAuthorRate: Double { Report.share(falseAuthors, withoutAuthor) }
        /// Share of returned author names that look noisy.
        public var noisyAuthorRate: Double { Report.share(noisyAuthorNames, authorNames) }

        /// One line: `pages N  title x  date x  false-date x  author x  false-author x  noisy-author x`.
        public var summaryLine: String {
            func f(_ v: Double) -> String { String(format: "%.3f", v) }
            return "pages \(pages)  title \(f(titleExact)) (\(titleHits)/\(withTitle))"
                + "  date \(f(dateFound)) (\(dateHits)/\(withDate))"
                + "  false-date \(f(falseDateRate)) (\(falseDates)/\(withoutDate))"
                + "  author \(f(authorFound)) (\(authorHits)/\(withAuthor))"
                + "  false-author \(f(falseAuthorRate)) (\(falseAuthors)/\(withoutAuthor))"
                + "  noisy-author \(f(noisyAuthorRate)) (\(noisyAuthorNames)/\(authorNames))"
        }

        /// Equal figures (misses ignored).
        public static func == (a: Report, b: Report) -> Bool { a.summaryLine == b.summaryLine }
    }

    /// Words longer than this many per name mark a noisy author string.
    public static let maxNameWords = 5
    /// Words (folded) that never belong in a person's name: UI text, dates, roles.
    public static let noiseWords: Set<String> = [
        "view", "posts", "post", "more", "profile", "follow", "share", "updated", "published", "read",
        "min", "minutes", "ago", "posted", "comments", "editor", "contributor", "writer",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "coordinator", "manager", "marketing", "author", "by",
    ]

    /// Scores `predictions` against `truth` (page IDs of the truth; a missing prediction is empty).
    public static func score(truth: [String: Fields], predictions: [String: Fields]) -> Report {
        var r = Report()
        for id in truth.keys.sorted() {
            let t = truth[id]!
            let p = predictions[id] ?? Fields()
            r.pages += 1
            if let title = t.title, !title.isEmpty {
                r.withTitle += 1
                if let got = p.title, foldTitle(got) == foldTitle(title) { r.titleHits += 1 } else {
                    r.misses.append(("title", id, title, p.title ?? "null"))
                }
            }
            let gotDate = p.date.flatMap { $0.isEmpty ? nil : String($0.prefix(10)) }
            if let date = t.date, !date.isEmpty {
                r.withDate += 1
                if gotDate == String(date.prefix(10)) { r.dateHits += 1 } else {
                    r.misses.append(("date", id, date, p.date ?? "null"))
                }
            } else {
                r.withoutDate += 1
                if gotDate != nil {
                    r.falseDates += 1
                    r.misses.append(("false-date", id, "null", p.date ?? ""))
                }
            }
            let names = p.authors.isEmpty ? (p.author.map { [$0] } ?? []) : p.authors
            let joined = names.joined(separator: "; ")
            if let author = t.author, !author.isEmpty {
                r.withAuthor += 1
                if !joined.isEmpty, authorMatches(truth: author, got: joined) { r.authorHits += 1 } else {
                    r.misses.append(("author", id, author, joined.isEmpty ? "null" : joined))
                }
            } else {
                r.withoutAuthor += 1
                if !joined.isEmpty {
                    r.falseAuthors += 1
                    r.misses.append(("false-author", id, "null", joined))
                }
            }
            for name in names where !name.isEmpty {
                r.authorNames += 1
                if isNoisyAuthor(name) {
                    r.noisyAuthorNames += 1
                    r.misses.append(("noisy-author", id, t.author ?? "null", name))
                }
            }
        }
        return r
    }

    /// The title folded for comparison (see the type's rules).
    public static func foldTitle(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            var c = ch
            switch ch {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}", "`", "\u{00B4}": c = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2033}": c = "\""
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": c = "-"
            default: break
            }
            if c.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.unicodeScalars.append(" ") }
                space = false
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A name folded for matching: lowercase, diacritics removed, punctuation as spaces, one space between words.
    public static func foldName(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var space = false
        for ch in folded.unicodeScalars {
            if ch.properties.isAlphabetic || CharacterSet.decimalDigits.contains(ch) {
                if space { out.unicodeScalars.append(" ") }
                space = false
                out.unicodeScalars.append(ch)
            } else {
                space = !out.isEmpty
            }
        }
        return out
    }

    /// The names a truth byline requires (see the type's rules).
    public static func requiredNames(_ truth: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for ch in truth {
            if ",;&|".contains(ch) {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        parts = parts.flatMap { $0.components(separatedBy: " and ") }.map(foldName).filter { !$0.isEmpty }
        let names = parts.filter { part in
            part.split(separator: " ").count >= 2 && !part.contains(where: \.isNumber)
        }
        return names.isEmpty ? Array(parts.prefix(1)) : names
    }

    /// True when every required truth name occurs (as whole words) in the folded prediction.
    public static func authorMatches(truth: String, got: String) -> Bool {
        let haystack = " " + foldName(got) + " "
        let required = requiredNames(truth)
        return !required.isEmpty && required.allSatisfy { haystack.contains(" " + $0 + " ") }
    }

    /// True for an author name that carries something other than a name (see the type's rules).
    public static func isNoisyAuthor(_ name: String) -> Bool {
        if name.contains(where: \.isNumber) || name.contains("@") || name.contains("://") { return true }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if words.count > maxNameWords { return true }
        if words.count == 1, let w = words.first {
            if w.split(separator: ".").count >= 3 { return true }
            if w.count > 1, w == w.lowercased(), w.contains(where: \.isLetter), w.allSatisfy({ $0.isASCII }) { return true }
        }
        return foldName(name).split(separator: " ").contains { noiseWords.contains(String($0)) }
    }

    /// Reads a truth file: `{"ID": {"title": …, "author": …, "date": …}}` (null or missing = not stated).
    public static func loadTruth(_ url: URL) throws -> [String: Fields] {
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw GroundTruth.LoadError.notAnObject(url.path)
        }
        var out: [String: Fields] = [:]
        for (id, value) in object {
            let entry = value as? [String: Any] ?? [:]
            out[id] = Fields(title: entry["title"] as? String, author: entry["author"] as? String,
                             date: entry["date"] as? String)
        }
        return out
    }

    /// Reads `DIR/ID.json` outputs of `newsclean -f json` for `ids` (a missing or unreadable file is empty).
    public static func loadPredictions<S: Sequence>(from dir: URL, ids: S) -> [String: Fields] where S.Element == String {
        var out: [String: Fields] = [:]
        for id in ids {
            guard let data = try? Data(contentsOf: dir.appendingPathComponent(id + ".json")),
                  let entry = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                out[id] = Fields()
                continue
            }
            out[id] = Fields(title: entry["title"] as? String, author: entry["author"] as? String,
                             date: entry["date"] as? String, authors: entry["authors"] as? [String] ?? [])
        }
        return out
    }
}
