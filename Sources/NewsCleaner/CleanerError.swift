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
    /// The page needs more work than its budget (`CleanerOptions.workUnitsPerByte`) allows:
    /// a hostile shape (deep nesting, huge tables …) that would take too long to clean.
    case tooComplex(workUnits: Int, limit: Int)

    /// A short machine-readable name of the error kind (`empty`, `not-html`, …).
    public var kind: String {
        switch self {
        case .empty: return "empty"
        case .notHTML: return "not-html"
        case .tooLarge: return "too-large"
        case .corruptCompression: return "corrupt-gzip"
        case .tooComplex: return "too-complex"
        }
    }

    /// A one-line English description, e.g. `too large: 300 bytes > limit 200`.
    public var description: String {
        switch self {
        case .empty: return "empty input"
        case .notHTML(let why): return "not HTML: \(why)"
        case .tooLarge(let bytes, let limit): return "too large: \(bytes) bytes > limit \(limit)"
        case .corruptCompression(let why): return "corrupt gzip: \(why)"
        case .tooComplex(let units, let limit): return "too complex: needs more than \(limit) work units (stopped at \(units))"
        }
    }
}
