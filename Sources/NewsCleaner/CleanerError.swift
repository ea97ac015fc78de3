/// Why a page could not be cleaned.
///
/// There is no "undecodable" case: decoding never fails. A wrong or unknown charset falls back
/// to detection, and a byte sequence the charset cannot decode is replaced, so such a page
/// gets a best-effort result like any broken markup.
///
/// ```swift
/// do { _ = try Cleaner().clean(html: [UInt8](), url: nil) }
/// catch CleanerError.empty { print("nothing to clean") }
/// ```
public enum CleanerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has no bytes (or only whitespace).
    case empty
    /// The input is not an HTML page (binary data, an image, a PDF …); the string says why.
    case notHTML(String)
    /// The input is larger than `CleanerOptions.maxBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// A gzip input is truncated or corrupt.
    case corruptCompression(String)

    /// A short machine-readable name of the error kind (`empty`, `not-html`, …).
    public var kind: String {
        switch self {
        case .empty: return "empty"
        case .notHTML: return "not-html"
        case .tooLarge: return "too-large"
        case .corruptCompression: return "corrupt-gzip"
        }
    }

    /// A one-line English description, e.g. `too large: 300 bytes > limit 200`.
    public var description: String {
        switch self {
        case .empty: return "empty input"
        case .notHTML(let why): return "not HTML: \(why)"
        case .tooLarge(let bytes, let limit): return "too large: \(bytes) bytes > limit \(limit)"
        case .corruptCompression(let why): return "corrupt gzip: \(why)"
        }
    }
}
