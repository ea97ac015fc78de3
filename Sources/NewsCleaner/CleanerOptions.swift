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
    /// The per-page work budget: how many work units (nodes visited, text bytes scanned or
    /// copied by the steps after parsing) a page may cost per byte of input. Every step is
    /// linear, so real pages use a few units per byte; a page that would need more is cut short
    /// (see `onTooComplex`) instead of running for minutes. Default: 64.
    public var workUnitsPerByte = 64
    /// The work budget of a small page, whatever its size. Default: 4 000 000 units.
    public var minimumWorkUnits = 4_000_000
    /// What `Cleaner.clean` does with a page whose work budget runs out.
    public var onTooComplex: TooComplexPolicy = .fail
    /// The `Article.Metadata` fields to fill besides the title (always filled: the engine
    /// needs it). Fields left out stay empty (`nil`/`[]`); with none asked for, the metadata
    /// extractor does not run at all, which is what the plain text format needs. Default: all.
    public var metadataFields: MetadataFields = .all

    /// A set of `Article.Metadata` fields (the title is always filled and has no member).
    ///
    /// ```swift
    /// var options = CleanerOptions()
    /// options.metadataFields = []                       // title only: skips the metadata extractor
    /// options.metadataFields = [.authors, .published]   // runs it, keeps these two
    /// ```
    public struct MetadataFields: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public let rawValue: Int
        /// The set with these raw bits.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `Metadata.authors`.
        public static let authors = MetadataFields(rawValue: 1 << 0)
        /// `Metadata.published`.
        public static let published = MetadataFields(rawValue: 1 << 1)
        /// `Metadata.modified`.
        public static let modified = MetadataFields(rawValue: 1 << 2)
        /// `Metadata.siteName`.
        public static let siteName = MetadataFields(rawValue: 1 << 3)
        /// `Metadata.language`.
        public static let language = MetadataFields(rawValue: 1 << 4)
        /// `Metadata.url` and `Metadata.hostname`.
        public static let url = MetadataFields(rawValue: 1 << 5)
        /// `Metadata.description`.
        public static let description = MetadataFields(rawValue: 1 << 6)
        /// `Metadata.image`.
        public static let image = MetadataFields(rawValue: 1 << 7)
        /// `Metadata.tags`.
        public static let tags = MetadataFields(rawValue: 1 << 8)
        /// `Metadata.categories`.
        public static let categories = MetadataFields(rawValue: 1 << 9)
        /// Every field.
        public static let all: MetadataFields = [.authors, .published, .modified, .siteName, .language, .url,
                                                 .description, .image, .tags, .categories]
    }

    /// What to do with a page whose work budget runs out.
    public enum TooComplexPolicy: String, Sendable, Equatable, CaseIterable {
        /// Throw `CleanerError.tooComplex` (the batch names the page as a failure).
        case fail
        /// Return what the steps found before the budget ran out (possibly partial or empty).
        case bestEffort
    }

    /// The defaults: tables on, captions off, balanced, 256 MiB limit, default settings, no rules.
    public init() {}
}
