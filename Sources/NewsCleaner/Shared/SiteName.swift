import Foundation

/// Site-name separators and the `<title>` cut of `TitleCleaner`, kept below Engine/ and Metadata/ (the title
/// itself is picked by `TitlePicker`, the one title picker of every format).
///
/// ```swift
/// SiteName.strip("Big news | Daily Planet") == "Big news"
/// ```
enum SiteName {
    /// Separators between a page title and the site name.
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", "｜", " ｜ ", "：", " / "]

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
