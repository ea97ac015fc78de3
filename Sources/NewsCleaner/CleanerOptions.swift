/// How a `Cleaner` works: output choices, limits and the extraction settings.
///
/// ```swift
/// var options = CleanerOptions()
/// options.includeTables = false
/// let cleaner = Cleaner(options: options)
/// ```
public struct CleanerOptions: Sendable, Equatable {
    /// Which way to lean when a block is uncertain.
    public enum Favor: String, Sendable, Equatable, CaseIterable {
        case balanced, precision, recall
    }

    /// Keep tables of the article (as `.tableRow` blocks). Default: on.
    public var includeTables = true
    /// Keep figure captions (as `.caption` blocks). Default: off.
    public var includeCaptions = false
    /// Pages larger than this many bytes are refused with `CleanerError.tooLarge`.
    public var maxBytes = 256 * 1024 * 1024
    /// Precision/recall trade-off.
    public var favor: Favor = .balanced
    /// The scoring weights and thresholds.
    public var settings = ExtractionSettings()
    /// User rules (selectors, vocabulary, settings; global and per host), applied per page
    /// using the URL given to `Cleaner.clean`. Default: none.
    public var rules: Rules? = nil

    public init() {}
}
