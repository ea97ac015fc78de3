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
        /// The default trade-off between precision and recall.
        case balanced
        /// Leaner output: drop more when unsure.
        case precision
        /// Fuller output: keep more when unsure.
        case recall
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
    /// Also fill `Article.contentHTML`: the container's own HTML subtree, sanitised (costs one
    /// more walk over the container; off by default).
    public var includeContentHTML = false
    /// User rules (selectors, vocabulary, settings; global and per host), applied per page
    /// using the URL given to `Cleaner.clean`. Default: none.
    public var rules: Rules? = nil

    /// The defaults: tables on, captions off, balanced, 256 MiB limit, default settings, no rules.
    public init() {}
}
