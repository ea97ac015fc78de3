/// Guesses the single-byte charset of bytes that declare nothing and are not UTF-8: windows-1252
/// (Western), windows-1250 / ISO-8859-2 (Central European), windows-1251 / KOI8-R / ISO-8859-5
/// (Cyrillic), windows-1253 / ISO-8859-7 (Greek).
///
/// Each high byte (80–FF) is decoded under every candidate and scored as a log-likelihood, per
/// language the candidate serves (tables from `tools/gen-charset-tables.py`): the letter's
/// frequency in that language, a case prior, and penalties for what never happens in real text
/// under the right charset — undefined or control bytes, a Cyrillic or Greek letter glued to an
/// ASCII letter, a symbol inside a word, a capital right after a small letter. A candidate's score
/// is its best language's average per high byte. Only the high bytes and their two neighbours
/// matter, so one pass collects them (at most `maxHighBytes`) and every model reads that list.
///
/// ```swift
/// SingleByteDetector.detect(koi8Bytes)?.charset == "koi8-r"
/// ```
enum SingleByteDetector {
    /// What a high byte decodes to under one charset (raw values as in the generated tables).
    enum ByteClass: UInt8 {
        /// Undefined in the charset, or a C1 control.
        case bad = 0
        /// Punctuation (… » ” • – —): may stand between words, not inside one.
        case symbol
        /// Opening punctuation (« „ “ ‘ ¿ ¡): normal right before a word.
        case opening
        /// Hyphens and the soft hyphen: normal inside a word.
        case joiner
        /// Apostrophes (’): inside or after a word, never starting one.
        case closing
        /// Signs and superscripts (± ¶ ° £ ³ ¤): never glued to a letter (® and ™ are symbols).
        case sign
        /// Latin small and capital letters.
        case latinLower, latinUpper
        /// Cyrillic or Greek small and capital letters.
        case otherLower, otherUpper
    }

    /// One candidate charset's verdict.
    struct Verdict: Sendable, Equatable {
        /// Canonical charset name.
        var charset: String
        /// The language of the charset that fits best.
        var language: String
        /// Average log-likelihood per high byte, in tenths of a nat (higher is likelier).
        var score: Double
        /// High bytes that decode to letters under the charset.
        var letters: Int
    }

    // MARK: Weights (tenths of a nat)

    /// A letter of the language's script missing from its table (about 1 in 2 000 letters).
    static let unlistedLetterWeight: Int32 = -76
    /// A letter of another script than the language's (about 1 in 10 000).
    static let foreignLetterWeight: Int32 = -92
    /// Case prior of a non-ASCII capital (15 %) and small letter (85 %).
    static let upperWeight: Int32 = -19
    /// See `upperWeight`.
    static let lowerWeight: Int32 = -2
    /// Any punctuation or sign in a Cyrillic or Greek language (about 1 high byte in 100).
    static let symbolWeight: Int32 = -46
    /// Any punctuation or sign in a Latin-script language (about 1 high byte in 3: dashes,
    /// quotes, no-break spaces, currency signs).
    static let latinSymbolWeight: Int32 = -12
    /// An undefined byte or C1 control: real text in its own charset has none.
    static let badWeight: Int32 = -120
    /// A Cyrillic or Greek letter touching an ASCII letter, or a Latin letter after one.
    static let scriptMixPenalty: Int32 = -40
    /// A symbol with a letter on both sides.
    static let symbolInWordPenalty: Int32 = -40
    /// A symbol or apostrophe right before a letter at the start of a word.
    static let symbolBeforeWordPenalty: Int32 = -30
    /// A sign with a letter on either side.
    static let signGluedPenalty: Int32 = -30
    /// A non-ASCII Latin letter standing alone (no letter on either side): a sign read as a letter.
    static let isolatedLatinLetterPenalty: Int32 = -20
    /// A capital right after a small letter.
    static let caseFlipPenalty: Int32 = -20
    /// A non-ASCII Latin letter right after another (rare in every Latin-script language).
    static let latinRunPenalty: Int32 = -20

    // MARK: Decision thresholds

    /// How far (tenths of a nat per high byte) a candidate must lead windows-1252 to replace it.
    static let minLeadOverWestern = 3.0
    /// Fewest letters the winner must decode before it can replace windows-1252.
    static let minLetters = 4
    /// High bytes read at most (with their neighbours): plenty to decide, bounded on huge pages.
    static let maxHighBytes = 8192

    // MARK: Models

    /// A charset with, per language, the weight of each high byte decoded as a letter.
    struct Model: Sendable {
        /// Canonical charset name.
        let charset: String
        /// Class of each high byte (index byte - 0x80).
        let classes: [ByteClass]
        /// Language names, parallel to `letterWeights`.
        let languages: [String]
        /// Per language: written in Cyrillic or Greek.
        let nonLatin: [Bool]
        /// Per language, the weight of each high byte that is a letter (case prior not included).
        let letterWeights: [[Int32]]
    }

    /// The candidates, windows-1252 first (ties go to the earlier candidate).
    static let models: [Model] = SingleByteTables.charsets.map { charset in
        let classes = charset.classes.map { ByteClass(rawValue: $0) ?? .bad }
        var names: [String] = []
        var nonLatin: [Bool] = []
        var weights: [[Int32]] = []
        for index in charset.languages {
            let language = SingleByteTables.languages[index]
            var table = [UInt16: Int32]()
            for (scalar, weight) in language.letters { table[scalar] = Int32(weight) }
            var perByte = [Int32](repeating: 0, count: 128)
            for b in 0..<128 {
                let cls = classes[b]
                guard cls.isLetter, let lower = Unicode.Scalar(UInt32(charset.scalars[b])).flatMap(lowercased) else { continue }
                if let w = table[lower] {
                    perByte[b] = w
                } else {
                    perByte[b] = cls.isNonLatin == language.nonLatin ? unlistedLetterWeight : foreignLetterWeight
                }
            }
            names.append(language.name)
            nonLatin.append(language.nonLatin)
            weights.append(perByte)
        }
        return Model(charset: charset.name, classes: classes, languages: names, nonLatin: nonLatin, letterWeights: weights)
    }

    /// The lowercase code point of a letter (one scalar), as the tables store it.
    private static func lowercased(_ scalar: Unicode.Scalar) -> UInt16? {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let first = lower.first, first.value <= 0xFFFF else { return nil }
        return UInt16(first.value)
    }

    // MARK: Detection

    /// A high byte with its neighbours (0x20 at the edges).
    struct Site {
        var previous: UInt8
        var byte: UInt8
        var next: UInt8
    }

    /// The most likely non-Western candidate, when it clearly beats windows-1252; nil otherwise.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict? {
        let verdicts = score(bytes)
        guard let western = verdicts.first, var best = verdicts.first else { return nil }
        for v in verdicts.dropFirst() where v.score > best.score { best = v }
        guard best.charset != western.charset, best.letters >= minLetters,
              best.score > western.score + minLeadOverWestern else { return nil }
        return best
    }

    /// Every candidate's verdict, in `models` order.
    static func score(_ bytes: UnsafeBufferPointer<UInt8>) -> [Verdict] {
        let sites = collectSites(bytes)
        return models.map { verdict(sites, $0) }
    }

    /// The high bytes of `bytes` with their neighbours, at most `maxHighBytes`.
    static func collectSites(_ bytes: UnsafeBufferPointer<UInt8>) -> [Site] {
        var sites: [Site] = []
        let n = bytes.count
        var i = 0
        while i < n && sites.count < maxHighBytes {
            let b = bytes[i]
            if b >= 0x80 {
                sites.append(Site(previous: i > 0 ? bytes[i - 1] : 0x20, byte: b, next: i + 1 < n ? bytes[i + 1] : 0x20))
            }
            i += 1
        }
        return sites
    }

    /// Scores the sites under one model.
    static func verdict(_ sites: [Site], _ model: Model) -> Verdict {
        var shared: Int64 = 0
        var perLanguage = [Int64](repeating: 0, count: model.languages.count)
        var letters = 0
        var symbols = 0
        for site in sites {
            let cls = model.classes[Int(site.byte - 0x80)]
            let before = kind(site.previous, model)
            let after = kind(site.next, model)
            var w: Int32 = 0
            switch cls {
            case .bad:
                w = badWeight
            case .symbol, .opening, .joiner, .closing, .sign:
                symbols += 1
                if cls == .sign {
                    if before.isLetter || after.isLetter { w += signGluedPenalty }
                } else if cls == .symbol && before.isLetter && after.isLetter {
                    w += symbolInWordPenalty
                } else if (cls == .symbol || cls == .closing) && !before.isLetter && after.isLetter {
                    w += symbolBeforeWordPenalty
                }
            case .latinLower, .latinUpper, .otherLower, .otherUpper:
                letters += 1
                let upper = cls == .latinUpper || cls == .otherUpper
                w = upper ? upperWeight : lowerWeight
                if upper && before.isLower { w += caseFlipPenalty }
                if cls.isNonLatin {
                    if before.isASCIILetter || after.isASCIILetter { w += scriptMixPenalty }
                } else if before.isNonLatin {
                    w += scriptMixPenalty
                } else if before.isLetter && !before.isASCIILetter {
                    w += latinRunPenalty
                } else if !before.isLetter && !after.isLetter {
                    w += isolatedLatinLetterPenalty
                }
                let index = Int(site.byte - 0x80)
                for l in 0..<perLanguage.count { perLanguage[l] += Int64(model.letterWeights[l][index]) }
            }
            shared += Int64(w)
        }
        for l in 0..<perLanguage.count {
            perLanguage[l] += Int64(symbols) * Int64(model.nonLatin[l] ? symbolWeight : latinSymbolWeight)
        }
        var bestLanguage = 0
        for l in 1..<max(1, perLanguage.count) where perLanguage[l] > perLanguage[bestLanguage] { bestLanguage = l }
        let total = shared + (perLanguage.isEmpty ? 0 : perLanguage[bestLanguage])
        return Verdict(charset: model.charset, language: model.languages.isEmpty ? "" : model.languages[bestLanguage],
                       score: sites.isEmpty ? 0 : Double(total) / Double(sites.count), letters: letters)
    }

    /// What a neighbouring byte is under `model`: ASCII bytes are letters or not; high bytes by class.
    @inline(__always)
    private static func kind(_ byte: UInt8, _ model: Model) -> Neighbour {
        if byte < 0x80 {
            if byte >= 0x61 && byte <= 0x7A { return .asciiLower }
            if byte >= 0x41 && byte <= 0x5A { return .asciiUpper }
            return .none
        }
        switch model.classes[Int(byte - 0x80)] {
        case .latinLower: return .latinLower
        case .latinUpper: return .latinUpper
        case .otherLower: return .otherLower
        case .otherUpper: return .otherUpper
        default: return .none
        }
    }

    /// A neighbour of a high byte.
    enum Neighbour {
        case none, asciiLower, asciiUpper, latinLower, latinUpper, otherLower, otherUpper

        var isLetter: Bool { self != .none }
        var isASCIILetter: Bool { self == .asciiLower || self == .asciiUpper }
        var isNonLatin: Bool { self == .otherLower || self == .otherUpper }
        var isLower: Bool { self == .asciiLower || self == .latinLower || self == .otherLower }
    }
}

extension SingleByteDetector.ByteClass {
    /// A letter of any script.
    var isLetter: Bool { rawValue >= Self.latinLower.rawValue }
    /// A Cyrillic or Greek letter.
    var isNonLatin: Bool { self == .otherLower || self == .otherUpper }
}
