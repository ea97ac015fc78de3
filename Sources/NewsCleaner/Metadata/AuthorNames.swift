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

    /// The names in one byline string, cleaned; empty when it holds none.
    package static func clean(_ raw: String) -> [String] {
        var text = MetadataText.trimming(HTMLEntities.decode(raw), .whitespacesAndNewlines, .whitespace)
        if looksLikeURL(text) { return [] }
        // Both patterns are rare in bylines; the checks skip the regex engine when they cannot match.
        if text.utf8.contains(UInt8(ascii: "@")) {
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
    package static func clean(all raws: [String]) -> [String] {
        dedupe(raws.flatMap { clean($0) })
    }

    /// Removes duplicates (case- and space-insensitively), keeping first-seen order.
    package static func dedupe(_ names: [String]) -> [String] {
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
        while changed {
            changed = false
            let lower = text.lowercased()
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
        for suffix in suffixes where text.lowercased().hasSuffix(suffix) && text.count > suffix.count {
            text = MetadataText.trimming(String(text.dropLast(suffix.count)), .whitespaces, .whitespace)
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
