/// Recognises short date/time lines ("Updated Nov 19, 9:41 AM", "2024年2月28日(水)15時04分").
///
/// ```swift
/// DateLine.looksLikeDateLine("Posted Nov 18, 8:19 PM") == true
/// ```
enum DateLine {
    /// Month names and date words that, with a number, make a line a date line.
    static let dateWords: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "updated", "posted", "published", "am", "pm", "gmt", "utc", "est",
        "edt", "pst", "pdt", "bst", "cet", "ago", "hours", "minutes", "mins", "today", "yesterday",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "at",
        "last", "modified", "de", "am", "um", "le", "el", "por", "et", "publicado", "atualizado",
    ]
    /// Most words a date line may have.
    static let maxWords = 12
    /// Most words that are neither numbers nor date words.
    static let maxOtherWords = 1

    static func looksLikeDateLine(_ text: String) -> Bool {
        var digits = 0
        var words = 0
        var dateish = 0
        var other = 0
        var hasCJKDate = false
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType != nil { digits += 1 }
            if scalar == "年" || scalar == "月" || scalar == "日" || scalar == "時" || scalar == "分" { hasCJKDate = true }
        }
        guard digits >= 2 else { return false }
        for raw in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            words += 1
            let word = raw.lowercased()
            if word.allSatisfy(\.isNumber) || dateWords.contains(word) { dateish += 1 } else { other += 1 }
        }
        if hasCJKDate { return text.unicodeScalars.count <= 40 }
        return words <= maxWords && other <= maxOtherWords && dateish >= 2
    }
}
