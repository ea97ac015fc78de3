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
            if let longest = parts.max(by: { $0.count < $1.count }) {
                return longest.trimmingCharacters(in: .whitespaces)
            }
        }
        return title.trimmingCharacters(in: .whitespaces)
    }
}
