/// Every field of `ExtractionSettings` by its Swift name, so rules files can override
/// thresholds by name.
///
/// Generated from `ExtractionSettings.swift`; regenerate after adding a field with:
/// `grep -n "public var" Sources/NewsCleaner/Engine/ExtractionSettings.swift` (every `Float`,
/// `Int` and `Int32` field becomes one line below). `RulesSettingsTests` fails when a field is
/// missing from the table, so a new setting cannot silently be unreachable from rules files.
///
/// ```swift
/// var settings = ExtractionSettings()
/// if case .float(let path)? = ExtractionSettings.fieldsByName["blockMaxLinkDensity"] { settings[keyPath: path] = 0.4 }
/// ```
extension ExtractionSettings {
    /// A settable field and its numeric type (package-visible for newsclean-tune).
    package enum Field: Sendable {
        case float(WritableKeyPath<ExtractionSettings, Float> & Sendable)
        case int(WritableKeyPath<ExtractionSettings, Int> & Sendable)
        case int32(WritableKeyPath<ExtractionSettings, Int32> & Sendable)

        /// The JSON type a rules file must give: "number" or "integer".
        package var expectedType: String {
            switch self {
            case .float: return "number"
            case .int, .int32: return "integer"
            }
        }
    }

    /// Field name → key path, one entry per field.
    package static let fieldsByName: [String: Field] = [
        "siblingProseMinChars": .float(\.siblingProseMinChars),
        "siblingProseShare": .float(\.siblingProseShare),
        "imageCaptionMaxChars": .float(\.imageCaptionMaxChars),
        "creditLineMaxChars": .float(\.creditLineMaxChars),
        "callToActionMinMarkers": .int(\.callToActionMinMarkers),
        "cjkCharacterWeight": .float(\.cjkCharacterWeight),
        "minParagraphChars": .float(\.minParagraphChars),
        "paragraphCharsPerPoint": .float(\.paragraphCharsPerPoint),
        "maxLengthPoints": .float(\.maxLengthPoints),
        "commaPoints": .float(\.commaPoints),
        "sentencePoints": .float(\.sentencePoints),
        "paragraphBasePoints": .float(\.paragraphBasePoints),
        "ancestorLevels": .int(\.ancestorLevels),
        "grandparentDivisor": .float(\.grandparentDivisor),
        "deepAncestorFactor": .float(\.deepAncestorFactor),
        "containerTagWeight": .float(\.containerTagWeight),
        "cellTagWeight": .float(\.cellTagWeight),
        "listTagWeight": .float(\.listTagWeight),
        "headingTagWeight": .float(\.headingTagWeight),
        "semanticContainerWeight": .float(\.semanticContainerWeight),
        "classWeight": .float(\.classWeight),
        "topCandidateCount": .int(\.topCandidateCount),
        "alternativeScoreRatio": .float(\.alternativeScoreRatio),
        "minAlternativeCandidates": .int(\.minAlternativeCandidates),
        "siblingScoreRatio": .float(\.siblingScoreRatio),
        "siblingMinScore": .float(\.siblingMinScore),
        "siblingParagraphMinChars": .float(\.siblingParagraphMinChars),
        "siblingParagraphMaxLinkDensity": .float(\.siblingParagraphMaxLinkDensity),
        "protectedTextShare": .float(\.protectedTextShare),
        "articleClaimMinChars": .float(\.articleClaimMinChars),
        "blockMaxLinkDensity": .float(\.blockMaxLinkDensity),
        "listItemMaxLinkDensity": .float(\.listItemMaxLinkDensity),
        "boilerplatePhraseMaxChars": .float(\.boilerplatePhraseMaxChars),
        "bylineMaxChars": .float(\.bylineMaxChars),
        "inlineLinkClusterMinLinks": .int32(\.inlineLinkClusterMinLinks),
        "inlineLinkClusterMinDensity": .float(\.inlineLinkClusterMinDensity),
        "minArticleChars": .float(\.minArticleChars),
        "gapMaxLinkDensity": .float(\.gapMaxLinkDensity),
        "climbMinProseGain": .float(\.climbMinProseGain),
        "climbMinProseShare": .float(\.climbMinProseShare),
        "structuralMinProse": .float(\.structuralMinProse),
        "viewAgreementMinShare": .float(\.viewAgreementMinShare),
        "structuralMinProseShare": .float(\.structuralMinProseShare),
        "structuralMinScoreShare": .float(\.structuralMinScoreShare),
        "jsonLDMinAgreement": .float(\.jsonLDMinAgreement),
        "leadMaxSiblings": .int(\.leadMaxSiblings),
        "leadMaxLevels": .int(\.leadMaxLevels),
        "leadMinProseShare": .float(\.leadMinProseShare),
        "subtitleMaxChars": .float(\.subtitleMaxChars),
    ]
}
