import Foundation

/// Site-name separators and the `<title>` cut of `TitleCleaner`, kept below Engine/ and Metadata/ (the title
/// itself is picked by `TitlePicker`, the one title picker of every format).
///
/// ```swift
/// SiteName.strip("Big news | Daily Planet") == "Big news"
/// ```
enum SiteName {
    // The title separators of every step live here, one owner for the three uses: the lists
    // differ on purpose (each was measured with its step), so they are written side by side.

    /// Separators between a page title and the site name (`strip`, and the base of `TitleCleaner`'s).
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", "｜", " ｜ ", "：", " / "]
    /// `TitleCleaner`'s separators beyond `separators`: it cuts `<title>` text, where "_" and
    /// guillemets join a headline to its site.
    static let cleanerExtraSeparators = ["_", " » ", " « "]
    /// `TitlePicker`'s separators: `separators` plus the bullet, guillemets and a spaced colon,
    /// in the order the picker tries them (its per-separator key index follows this order).
    static let pickerSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", "｜", " ｜ ", " / ", " » ", " « ",
                                   "：", " : "]

    /// The longest part of `title` cut at the first separator it holds, trimmed.
    static func strip(_ title: String) -> String {
        for separator in separators where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            if let longest = longestPart(parts) {
                return longest.trimmingCharacters(in: .whitespaces)
            }
        }
        return title.trimmingCharacters(in: .whitespaces)
    }

    /// The part with the most letters (the first of equals): a site's name with a date
    /// ("Путин провел совещание - РИА Новости, 05.12.2025") is no headline however long its digits make it.
    static func longestPart(_ parts: [String]) -> String? {
        parts.max { letters($0) < letters($1) }
    }

    /// Letters in `text`.
    static func letters(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isAlphabetic ? 1 : 0) }
    }

    /// True when the underscore at `index` of `title` stands between two characters of a script
    /// without spaces or letter case (CJK titles join the site with a bare "_": "标题_新浪新闻").
    static func isCaselessJoin(_ title: String, at index: String.Index) -> Bool {
        guard index > title.startIndex, let after = title[index...].dropFirst().first else { return false }
        let before = title[title.index(before: index)]
        return before.isCaselessLetter && after.isCaselessLetter
    }
}
