import Foundation

/// Cleans byline strings into author names: strips "By", "文/", "記者", "기자", e-mail addresses
/// and place lines ("／台北報導"), splits "A and B", drops URLs and non-names, dedupes.
///
/// ```swift
/// AuthorNames.clean("By Sarah Okafor and Tim Lee") // ["Sarah Okafor", "Tim Lee"]
/// AuthorNames.clean("記者陳怡君／台北報導")          // ["陳怡君"]
/// AuthorNames.clean("김민준 기자")                  // ["김민준"]
/// ```
public enum AuthorNames {
    /// Prefixes before a name, matched case-insensitively (longest first).
    static let prefixes = ["posted by", "written by", "reported by", "story by", "words by", "text by",
                           "by:", "by", "author:", "authors:", "作者：", "作者:", "作者", "撰文：", "撰文",
                           "文／", "文/", "文：", "文・", "文=", "記者：", "记者：", "記者", "记者", "기자",
                           "編集部：", "筆者：", "投稿者：", "投稿者", "글쓴이", "글:", "from"]
    /// Words after a name that say its role, not the name.
    static let suffixes = ["기자", "특파원", "객원기자", "記者", "记者", "特派員", "特派员", "通訊員", "通讯员",
                           "撰", "報導", "报道", "編輯", "编辑", "さん", "氏", "staff writer", "contributor"]
    /// Separators between several names.
    static let nameSeparators = [" and ", " & ", ", ", "、", "，", ";", "；", " und ", " et ", " y ", " e "]
    /// Marks that end the name part (a place or role follows).
    static let tailMarks: [Character] = ["／", "/", "|", "｜", "(", "（", "【", "[", "\n", "·", "•", "–", "—"]
    /// Longest plausible name in characters.
    static let maxNameLength = 60
    /// Most space-separated words in a plausible name.
    static let maxNameWords = 6

    /// Longest byline string read, in characters; the rest of a longer one is ignored. Bylines
    /// are a few names long; the e-mail pattern's cost grows with the square of a run of word
    /// characters, so an unbounded string would let one hostile value stall a page.
    static let maxInputCharacters = 1000
    /// Most prefixes stripped one after another ("By: Posted by …"); each round rereads the text.
    static let maxPrefixRounds = 8
    /// Work units charged per step of the e-mail pattern's worst case (a regex step costs
    /// several times a node visit).
    static let regexStepUnits = 8
    /// Characters of the text lowercased to test the prefixes (longer than the longest prefix).
    static let prefixWindow = 16

    /// The names in one byline string, cleaned; empty when it holds none.
    public static func clean(_ raw: String) -> [String] {
        clean(raw, meter: .unlimited())
    }

    /// `clean(_:)` spending the page's work budget: the e-mail pattern may cost the square of
    /// the text's length, so it is charged that and skipped once the budget is spent.
    static func clean(_ raw: String, meter: WorkMeter) -> [String] {
        let bounded = raw.utf8.count > maxInputCharacters ? String(raw.prefix(maxInputCharacters)) : raw
        meter.spend(bounded.utf8.count)
        var text = MetadataText.trimming(HTMLEntities.decode(bounded), .whitespacesAndNewlines, .whitespace)
        if looksLikeURL(text) { return [] }
        // Both patterns are rare in bylines; the checks skip the regex engine when they cannot match.
        if text.utf8.contains(UInt8(ascii: "@")),
           meter.spend(text.utf16.count * text.utf16.count * AuthorNames.regexStepUnits) {
            text = text.replacingOccurrences(of: #"[\w.+-]+@[\w-]+(\.[\w-]+)+"#, with: " ", options: .regularExpression)
        }
        if MetadataText.hasSpaceRuns(text) {
            text = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        }
        text = stripPrefixes(text)
        var names: [String] = []
        for part in split(text) {
            var name = stripPrefixes(part)
            if let mark = name.firstIndex(where: { tailMarks.contains($0) }), mark != name.startIndex {
                name = String(name[..<mark])
            }
            name = MetadataText.trimming(stripSuffixes(name), trimSet, .whitespaceAndPunctuation)
            if isPlausible(name) { names.append(name) }
        }
        return dedupe(names)
    }

    /// Cleans several byline strings and dedupes the result, keeping first-seen order.
    public static func clean(all raws: [String]) -> [String] {
        clean(all: raws, meter: .unlimited())
    }

    /// `clean(all:)` spending the page's work budget.
    static func clean(all raws: [String], meter: WorkMeter) -> [String] {
        dedupe(raws.flatMap { clean($0, meter: meter) })
    }

    /// Removes duplicates (case- and space-insensitively), keeping first-seen order.
    public static func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased().filter { !$0.isWhitespace }).inserted }
    }

    static let trimSet = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)
        .union(CharacterSet(charactersIn: "　:：=|｜-–—"))

    static func looksLikeURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            || lower.hasPrefix("/")
    }

    static func stripPrefixes(_ s: String) -> String {
        var text = MetadataText.trimming(s, trimSet, .whitespaceAndPunctuation)
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
                text = MetadataText.trimming(String(rest), trimSet, .whitespaceAndPunctuation)
                changed = !text.isEmpty
                break
            }
        }
        return text
    }

    static func stripSuffixes(_ s: String) -> String {
        var text = MetadataText.trimming(s, .whitespaces, .whitespace)
        // Lowercased once, and again only after a suffix is cut (not once per suffix).
        var lower = text.lowercased()
        for suffix in suffixes where lower.hasSuffix(suffix) && text.count > suffix.count {
            text = MetadataText.trimming(String(text.dropLast(suffix.count)), .whitespaces, .whitespace)
            lower = text.lowercased()
        }
        return text
    }

    static func split(_ s: String) -> [String] {
        var parts = [s]
        for separator in nameSeparators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts
    }

    static func isPlausible(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maxNameLength, name.contains(where: \.isLetter) else { return false }
        if looksLikeURL(name) { return false }
        return name.split(separator: " ").count <= maxNameWords
    }
}
