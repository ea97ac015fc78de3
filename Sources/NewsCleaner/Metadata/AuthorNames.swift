import Foundation

/// Cleans byline strings into author names: strips "By", "文/", "記者", "기자", e-mail addresses
/// and place lines ("／台北報導"), splits "A and B", drops URLs and non-names, dedupes.
///
/// ```swift
/// AuthorNames.clean("By Sarah Okafor and Tim Lee") // ["Sarah Okafor", "Tim Lee"]
/// AuthorNames.clean("記者陳怡君／台北報導")          // ["陳怡君"]
/// AuthorNames.clean("김민준 기자")                  // ["김민준"]
/// ```
package enum AuthorNames {
    /// Prefixes before a name, matched case-insensitively (longest first).
    static let prefixes = ["posted by", "written by", "reported by", "story by", "words by", "text by",
                           "by:", "by", "author:", "authors:", "作者：", "作者:", "作者", "撰文：", "撰文",
                           "文／", "文/", "文：", "文・", "文=", "記者：", "记者：", "記者", "记者", "기자",
                           "編集部：", "筆者：", "投稿者：", "投稿者", "글쓴이", "글:", "from",
                           "von", "door", "par", "por", "autor:", "autor", "autorin:", "autorin", "autorka:", "autorka",
                           "автор:", "автор ", "текст:", "κείμενο:", "του ", "της "]
    /// Words after a name that say its role, not the name.
    static let suffixes = ["기자", "특파원", "객원기자", "記者", "记者", "特派員", "特派员", "通訊員", "通讯员",
                           "撰", "報導", "报道", "編輯", "编辑", "さん", "氏", "staff writer", "contributor"]
    /// Separators between several names.
    static let nameSeparators = [" and ", " & ", ", ", "、", "，", ";", "；", " und ", " et ", " y ", " e "]
    /// Marks that end the name part (a place or role follows).
    static let tailMarks: [Character] = ["／", "/", "|", "｜", "(", "（", "【", "[", "\n", "·", "•", "–", "—"]
    /// Marks after which a name may follow a date ("Dec. 19, 2025 · Niko Matsakis").
    static let leadMarks: [Character] = ["·", "•", "|", "｜"]
    /// `leadMarks` as scalars (each is one), searched without breaking the text into characters.
    static let leadMarkScalars = Set(leadMarks.flatMap(\.unicodeScalars))
    /// Phrases that end the name part ("Ezra Laniado - Author", "Niko Matsakis on behalf of …").
    static let stopPhrases = [" - ", " on behalf of "]
    /// Longest plausible name in characters.
    static let maxNameLength = 60
    /// Most space-separated words in a plausible name.
    static let maxNameWords = 6

    /// Words that begin UI text or another person's credit, not the author's name: a part that
    /// starts with one of them is dropped ("View more posts", "Updated by …", "Reviewed by …").
    static let notNameStarts = ["view ", "more ", "read ", "learn ", "follow ", "share ", "see all", "all posts",
                                "about the author", "about us", "updated", "last updated", "reviewed by",
                                "medically reviewed", "fact checked", "fact-checked", "edited by", "contributors",
                                "published", "posted on", "head of ", "comments", "full bio", "bio", "more about",
                                "编辑", "編輯", "责任编辑", "責任編輯"]
    /// Prefixes of UI text in front of a name ("Read more about The Upwork Team" → "The Upwork Team").
    static let uiPrefixes = ["read more about ", "more by ", "more from ", "about the author ", "about ", "recipe by ",
                             "photos by ", "view all posts by ", "all posts by ", "posts by ", "profile of "]
    /// Job-title words: the name ends before the first of them ("Amy Roeder Senior Editor").
    static let roleWords: Set<String> = ["editor", "writer", "founder", "co-founder", "ceo", "cto", "director", "manager",
                                         "coordinator", "contributor", "reporter", "correspondent", "senior", "associate",
                                         "columnist", "specialist", "strategist", "intern", "freelance", "content",
                                         "redakteur", "redakteurin", "korrespondent", "korrespondentin", "redaktor",
                                         "redaktorka", "korespondent", "dziennikarz", "dziennikarka", "journaliste",
                                         "rédacteur", "rédactrice", "periodista", "redactor", "redactora", "giornalista",
                                         "корреспондент", "обозреватель", "редактор", "συντάκτης", "συντάκτρια"]
    /// Words that qualify a job title before it ("News reporter", "Political correspondent", "Staff
    /// Writer"): with the title after them they are the title's, not the name's.
    static let roleQualifiers: Set<String> = ["news", "staff", "sports", "sport", "political", "politics", "business",
                                              "chief", "deputy", "managing", "executive", "contributing", "digital",
                                              "features", "health", "science", "technology", "tech", "investigative",
                                              "local", "general", "assistant", "special", "travel", "entertainment", "former",
                                              "acting"]
    /// Most words of the article kind before an inner "by" ("Guide by …", "News analysis by …").
    static let maxKindWords = 2
    /// "本报记者 张三", "新华社记者 王五 李四": the names follow the reporter word, after the outlet.
    static let reporterMarks = ["记者", "記者"]
    /// News agencies credited after a writer's name ("Anna Schmidt, dpa"): the wire, not a second
    /// author (lowercased).
    static let agencies: Set<String> = ["dpa", "afp", "ap", "reuters", "pap", "ansa", "efe", "apa", "sda", "kna", "epd",
                                        "anp", "belga", "ats", "associated press", "agence france-presse", "bloomberg",
                                        "риа новости", "тасс", "интерфакс", "ана-мпа", "απε-μπε", "απε", "xinhua",
                                        "新华社", "中新社", "共同通信", "時事通信", "共同", "時事"]
    /// Whole strings that name no one.
    static let placeholders: Set<String> = ["admin", "administrator", "webmaster", "author", "the author", "editor",
                                            "staff", "guest", "user", "unknown", "null", "undefined", "by",
                                            "contributor", "writer", "reporter", "columnist"]
    /// Month and weekday words: with a number after them (or glued to a name) they start a date.
    static let dateWords: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
                                         "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
                                         "september", "october", "november", "december", "monday", "tuesday",
                                         "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Words that end a name when they follow it ("Kevin McCoy USA TODAY Published").
    static let trailingWords: Set<String> = ["published", "updated", "posted", "modified"]
    /// Weekdays: after a full name they start a date even without a number ("Jeff Foust Monday").
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Words of a full name (first and last).
    static let minNameWords = 2
    /// Most words of a name that can replace an organisation or username found earlier.
    static let maxPersonWords = 4

    /// True for a name that looks like a person's: 2–4 words, each starting with a capital
    /// (or written in a script without letter case).
    package static func looksLikePerson(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard words.count >= minNameWords, words.count <= maxPersonWords else {
            return words.count == 1 && !name.contains(where: \.isUppercase) && !name.contains(where: \.isLowercase)
        }
        return words.allSatisfy { w in
            guard let c = w.first else { return false }
            return c.isUppercase || (!c.isLowercase && c.isLetter)
        }
    }

    /// True when the names of one source look like people: every name of several words does
    /// ("Tracy Parker", "Dietitian" yes; "The Russian", "Syrian defense ministries" no), and there is one.
    package static func looksLikePeople(_ names: [String]) -> Bool {
        let full = names.filter { $0.contains(" ") }
        return !full.isEmpty && full.allSatisfy(looksLikePerson)
    }

    /// Long month names, also found glued to the end of a name ("Luke KimDecember 17").
    static let gluedWords = ["January", "February", "March", "April", "June", "July", "August", "September",
                             "October", "November", "December", "Founder", "Editor", "Writer", "Updated"]

    /// True for a username-like name: one word of ASCII, no upper-case letter (`jrobison`,
    /// `andrew.keaveney`); scripts without letter case (山本美咲, 김민준) are never usernames.
    package static func isUsername(_ name: String) -> Bool {
        !name.contains(" ") && name.allSatisfy(\.isASCII) && name.contains(where: \.isLetter)
            && !name.contains(where: \.isUppercase)
    }

    /// `name` cut before a date or a job title glued to it or following it, without template keys.
    static func cutNoise(_ raw: String) -> String { cutNoiseAndRole(raw).name }

    /// True for a job-title token: a role word, alone or leading a compound ("Editor-at-large").
    static func isRole(_ word: String) -> Bool {
        if roleWords.contains(word) { return true }
        guard let dash = word.utf8.firstIndex(of: UInt8(ascii: "-")) else { return false }
        return roleWords.contains(String(word[..<dash]))
    }

    /// `cutNoise(_:)`, and whether a job title ended the name ("Ann Lee Senior Editor").
    static func cutNoiseAndRole(_ raw: String) -> (name: String, role: Bool) {
        var name = raw
        // "KimDecember" → "Kim December": a capitalised date/role word glued to a lower-case letter.
        for word in gluedWords where TextSearch.contains(name, word) {
            if let r = TextSearch.range(of: word, in: name), r.lowerBound > name.startIndex,
               name[name.index(before: r.lowerBound)].isLowercase {
                name.replaceSubrange(r, with: " " + word)
            }
        }
        for stop in stopPhrases {
            if let r = TextSearch.range(of: stop, in: name) { name = String(name[..<r.lowerBound]) }
        }
        let tokens = name.split(separator: " ").map(String.init)
        var kept: [String] = []
        var role = false
        for (i, token) in tokens.enumerated() {
            let word = token.lowercased().trimmingCharacters(in: .punctuationCharacters)
            let next = i + 1 < tokens.count ? tokens[i + 1] : ""
            // A number or a year-led token ("2025", "04-ago-2021", "2026Jan") starts a date.
            if token.allSatisfy({ $0.isNumber || $0.isPunctuation }) || token.prefix(yearDigits).allSatisfy(\.isNumber) && token.count >= yearDigits { break }
            let nextWord = next.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if dateWords.contains(word), next.contains(where: \.isNumber) || dateWords.contains(nextWord) { break }
            if word == "on" || word == "at" || word == "|", next.contains(where: \.isNumber) || dateWords.contains(nextWord) { break }
            // "Guide by Will Judd", "Analysis by Ann Lee": the name starts after an inner "by".
            if word == "by", kept.count <= maxKindWords { kept.removeAll(); continue }
            let title = isRole(word)
            if !kept.isEmpty, title || trailingWords.contains(word) {
                // "Tom Gillespie News reporter": the qualifier before the title goes with it.
                while kept.count > minNameWords, let last = kept.last,
                      roleQualifiers.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
                    kept.removeLast()
                }
                role = title
                break
            }
            if kept.count >= minNameWords, weekdays.contains(word) { break }
            kept.append(token)
        }
        return (kept.joined(separator: " "), role)
    }

    /// Digits of a year at the start of a token.
    static let yearDigits = 4
    /// Shortest part of a dotted template key (`page.head.extra.author`; `sara.r.peter` is a username).
    static let minTemplatePart = 3
    /// Fewest dotted parts of a template key.
    static let minTemplateParts = 3

    /// True when the string is a template key or placeholder, not a name (`page.head.extra.author`, `{{author}}`).
    static func isTemplate(_ s: String) -> Bool {
        TextSearch.contains(s, "{{") || TextSearch.contains(s, "}}") || TextSearch.contains(s, "%") || TextSearch.contains(s, "${")
            || (!s.contains(" ") && s.split(separator: ".", omittingEmptySubsequences: false).count >= minTemplateParts
                && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { $0.count >= minTemplatePart })
    }

    /// Longest byline string read, in characters; the rest of a longer one is ignored. Bylines
    /// are a few names long; the e-mail pattern's cost grows with the square of a run of word
    /// characters, so an unbounded string would let one hostile value stall a page.
    static let maxInputCharacters = 1000
    /// Most strings of one source cleaned as names: a page names a handful of authors, and a
    /// page with thousands of "Posted by …" lines must not clean each one (every cleaning runs
    /// several Foundation searches).
    static let maxCandidates = 64
    /// Most prefixes stripped one after another ("By: Posted by …"); each round rereads the text.
    static let maxPrefixRounds = 8
    /// Work units charged per step of the e-mail pattern's worst case (a regex step costs
    /// several times a node visit).
    static let regexStepUnits = 8
    /// Characters of the text lowercased to test the prefixes (longer than the longest prefix).
    static let prefixWindow = 16

    /// The names in one byline string, cleaned; empty when it holds none.
    package static func clean(_ raw: String) -> [String] {
        clean(raw, meter: .unlimited())
    }

    /// `clean(_:)` spending the page's work budget: the e-mail pattern may cost the square of
    /// the text's length, so it is charged that and skipped once the budget is spent.
    static func clean(_ raw: String, meter: WorkMeter) -> [String] {
        let bounded = raw.utf8.count > maxInputCharacters ? String(raw.prefix(maxInputCharacters)) : raw
        meter.spend(bounded.utf8.count)
        var text = TextTrim.trimming(HTMLEntities.decode(bounded), .whitespacesAndNewlines, .whitespace)
        if looksLikeURL(text) || isTemplate(text) { return [] }
        // Both patterns are rare in bylines; the checks skip the regex engine when they cannot match.
        if text.utf8.contains(UInt8(ascii: "@")),
           meter.spend(text.utf16.count * text.utf16.count * AuthorNames.regexStepUnits) {
            text = text.replacingOccurrences(of: #"[\w.+-]+@[\w-]+(\.[\w-]+)+"#, with: " ", options: .regularExpression)
        }
        if TextTrim.hasSpaceRuns(text) {
            text = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        }
        text = stripPrefixes(text)
        var afterReporter = false
        // The marks are CJK (three-byte UTF-8): most bylines have no such byte and skip the search.
        if text.utf8.contains(where: { $0 >= 0xE0 }) {
            for mark in reporterMarks {
                if let r = text.range(of: mark, options: .backwards), r.lowerBound > text.startIndex {
                    text = TextTrim.trimming(String(text[r.upperBound...]), trimSet, .whitespaceAndPunctuation)
                    afterReporter = true
                    break
                }
            }
        }
        var names: [String] = []
        for part in afterReporter ? split(text).flatMap(splitCaselessNames) : split(text) {
            var name = stripPrefixes(part)
            let lowerName = name.lowercased()  // once, not once per UI prefix
            for prefix in uiPrefixes where lowerName.hasPrefix(prefix) {
                name = stripPrefixes(String(name.dropFirst(prefix.count)))
                break
            }
            let lower = name.lowercased()
            if notNameStarts.contains(where: { lower.hasPrefix($0) }) { continue }
            // "Dec. 19, 2025 · Niko Matsakis": a date before a mark leads the name.
            var afterDate = false
            if let mark = name.unicodeScalars.firstIndex(where: { leadMarkScalars.contains($0) }), mark != name.startIndex,
               cutNoise(String(name[..<mark])).isEmpty {
                name = TextTrim.trimming(String(name.unicodeScalars[name.unicodeScalars.index(after: mark)...]), trimSet, .whitespaceAndPunctuation)
                afterDate = true
            }
            let cut = cutNoiseAndRole(name)
            // Only a person's name after a date ("March 20, 2023 | Wellness" is the section).
            if afterDate, !looksLikePerson(cut.name) { continue }
            // "Steve Peoples, AP National Political Writer": a title after a name is that name's.
            if cut.role, !names.isEmpty { continue }
            name = cut.name
            if let mark = name.firstIndex(where: { tailMarks.contains($0) }), mark != name.startIndex {
                name = String(name[..<mark])
            }
            name = TextTrim.trimming(stripSuffixes(name), trimSet, .whitespaceAndPunctuation)
            if isPlausible(name) { names.append(name) }
        }
        // A wire agency after a writer ("Anna Schmidt, dpa") is the wire's credit.
        if names.count > 1 {
            let people = names.filter { !agencies.contains($0.lowercased()) }
            if !people.isEmpty { names = people }
        }
        return dedupe(names)
    }

    /// "王五 李四" after a reporter word: names of a script without letter case written side by
    /// side are several names (a Chinese name takes no space; a Japanese "山田 太郎" elsewhere is
    /// one name and not split); any other part is kept whole.
    static func splitCaselessNames(_ part: String) -> [String] {
        guard part.contains(" "), part.allSatisfy({ $0 == " " || $0.isCaselessLetter }) else { return [part] }
        return part.split(separator: " ").map(String.init)
    }

    /// Cleans several byline strings and dedupes the result, keeping first-seen order.
    package static func clean(all raws: [String]) -> [String] {
        clean(all: raws, meter: .unlimited())
    }

    /// `clean(all:)` spending the page's work budget.
    static func clean(all raws: [String], meter: WorkMeter) -> [String] {
        dedupe(raws.prefix(maxCandidates).flatMap { clean($0, meter: meter) })
    }

    /// Removes duplicates (case- and space-insensitively), keeping first-seen order.
    package static func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(dedupeKey($0)).inserted }
    }

    /// `name.lowercased()` without white space. An all-ASCII name is done on its bytes (A–Z
    /// lowercased; tab, LF, VT, FF, CR and space, the ASCII `White_Space`, dropped).
    static func dedupeKey(_ name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased().filter { !$0.isWhitespace } }
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        for b in name.utf8 where b != 0x20 && !(b >= 0x09 && b <= 0x0D) {
            key.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return String(decoding: key, as: UTF8.self)
    }

    static let trimSet = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)
        .union(CharacterSet(charactersIn: "　:：=|｜-–—"))

    static func looksLikeURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            || lower.hasPrefix("/")
    }

    static func stripPrefixes(_ s: String) -> String {
        var text = TextTrim.trimming(s, trimSet, .whitespaceAndPunctuation)
        var changed = true
        var rounds = 0
        while changed, rounds < maxPrefixRounds {
            changed = false
            rounds += 1
            // Only the start can hold a prefix: lowercasing the whole text each round would make
            // a text of many prefixes quadratic.
            let lower = text.prefix(prefixWindow).lowercased()
            for prefix in prefixes where lower.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count)
                // An ASCII word prefix ("by") must end at a word boundary.
                if prefix.last?.isLetter == true, prefix.allSatisfy(\.isASCII), let next = rest.first, next.isLetter {
                    continue
                }
                text = TextTrim.trimming(String(rest), trimSet, .whitespaceAndPunctuation)
                changed = !text.isEmpty
                break
            }
        }
        return text
    }

    static func stripSuffixes(_ s: String) -> String {
        var text = TextTrim.trimming(s, .whitespaces, .whitespace)
        // Lowercased once, and again only after a suffix is cut (not once per suffix).
        var lower = text.lowercased()
        for suffix in suffixes where lower.hasSuffix(suffix) && text.count > suffix.count {
            text = TextTrim.trimming(String(text.dropLast(suffix.count)), .whitespaces, .whitespace)
            lower = text.lowercased()
        }
        return text
    }

    static func split(_ s: String) -> [String] {
        var parts = [s]
        for separator in nameSeparators {
            parts = parts.flatMap { TextSearch.components($0, separatedBy: separator) }
        }
        return parts
    }

    static func isPlausible(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maxNameLength, name.contains(where: \.isLetter) else { return false }
        if looksLikeURL(name) || isTemplate(name) || placeholders.contains(name.lowercased()) { return false }
        return name.split(separator: " ").count <= maxNameWords
    }
}
