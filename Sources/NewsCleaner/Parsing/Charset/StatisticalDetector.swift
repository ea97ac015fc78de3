/// Guesses the charset of bytes that declare nothing and are not UTF-8: Shift_JIS/CP932, EUC-JP,
/// GB18030, Big5, EUC-KR from structural validity under each candidate plus the share of decoded
/// characters that are among the most frequent of the candidate's language; else a single-byte
/// charset (Cyrillic, Greek, Central European: `SingleByteDetector`); else windows-1252.
enum StatisticalDetector {
    /// A legacy multi-byte candidate.
    enum Candidate: CaseIterable, Sendable {
        /// Shift_JIS/CP932, EUC-JP, GB18030 (GB2312/GBK), Big5, EUC-KR/CP949.
        case shiftJIS, eucJP, gb18030, big5, eucKR

        /// Canonical charset name of the candidate.
        var charset: String {
            switch self {
            case .shiftJIS: return "shift_jis"
            case .eucJP: return "euc-jp"
            case .gb18030: return "gb18030"
            case .big5: return "big5"
            case .eucKR: return "euc-kr"
            }
        }
    }

    /// What decoding the bytes as one candidate found.
    struct Evidence: Sendable, Equatable {
        /// Non-ASCII characters decoded.
        var chars = 0
        /// Decoded characters that are among the language's most frequent.
        var hits = 0
        /// Bytes that cannot start or continue a character under this candidate.
        var invalid = 0
        /// Valid but unlikely characters in running text (half-width kana, user-defined or extension areas).
        var suspicious = 0

        /// Frequent-character share minus penalties, per non-ASCII character: about 0.3–0.8 for the right
        /// candidate on real prose, near zero or negative for a wrong one.
        var score: Double {
            let total = chars + invalid
            guard total > 0 else { return 0 }
            let points = Double(hits) - invalidPenalty * Double(invalid) - suspiciousPenalty * Double(suspicious)
            return points / Double(total)
        }
    }

    // MARK: Weights and thresholds

    /// Score lost per invalid byte: real text in its own encoding has (almost) none.
    static let invalidPenalty = 2.0
    /// Score lost per suspicious character: legal, but rare in running news text.
    static let suspiciousPenalty = 0.5
    /// windows-1252 points per isolated high byte (a lone accented letter or smart quote between ASCII,
    /// the signature of Western text), per high byte. CJK text has almost no isolated high bytes.
    static let isolatedHighByteWeight = 0.5
    /// Below this many non-ASCII characters the evidence is thin: a CJK candidate must then lead
    /// windows-1252 by `shortTextMargin` to win.
    static let minEvidenceChars = 20
    /// How far a CJK candidate must lead windows-1252 on short evidence.
    static let shortTextMargin = 0.25
    /// Scores closer than this count as a tie, which windows-1252 wins.
    static let tieMargin = 0.02
    /// A CJK winner scoring below this loses to a single-byte charset the single-byte detector is sure
    /// of: real CJK prose scores 0.3–0.8, Cyrillic or Greek bytes read as CJK pairs far less.
    static let minCJKScoreOverSingleByte = 0.2
    /// Only this many leading bytes are analysed (bounded cost on huge pages).
    static let maxAnalysedBytes = 1 << 20
    /// A candidate stops reading after this many non-ASCII characters (plenty to decide; a 170 KB
    /// Japanese page has ~50 000, so this bounds the cost of five passes).
    static let maxEvidenceChars = 8192

    // MARK: Frequent-character sets

    /// A set of 16-bit byte pairs as a 64 Ki-bit bitmap.
    struct PairSet: Sendable {
        /// 1024 words of 64 bits, one bit per pair.
        let words: [UInt64]
        /// Builds the bitmap from a list of pairs.
        init(_ pairs: [UInt16]) {
            var w = [UInt64](repeating: 0, count: 1 << 10)
            for p in pairs { w[Int(p >> 6)] |= 1 << UInt64(p & 63) }
            words = w
        }
        /// True when `lead, trail` is in the set.
        @inline(__always) func contains(_ lead: UInt8, _ trail: UInt8) -> Bool {
            let p = Int(lead) << 8 | Int(trail)
            return words[p >> 6] & (1 << UInt64(p & 63)) != 0
        }
    }

    /// Frequent Japanese characters in Shift_JIS.
    static let shiftJISSet = PairSet(CharsetTables.shiftJIS)
    /// Frequent Japanese characters in EUC-JP.
    static let eucJPSet = PairSet(CharsetTables.eucJP)
    /// Frequent simplified Chinese characters in GB2312.
    static let gbSet = PairSet(CharsetTables.gb2312)
    /// Frequent traditional Chinese characters in Big5.
    static let big5Set = PairSet(CharsetTables.big5)
    /// Frequent Korean syllables in EUC-KR.
    static let eucKRSet = PairSet(CharsetTables.eucKR)

    // MARK: Decision

    /// Picks the most likely legacy charset for `bytes` (not valid UTF-8, nothing usable declared).
    /// Returns a `.statistical` decision for a CJK or single-byte charset, else windows-1252 as `.fallback`.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> CharsetDecision {
        let slice = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, maxAnalysedBytes)])
        let latin = latinScore(slice)
        var best: (candidate: Candidate, evidence: Evidence)?
        for candidate in Candidate.allCases {
            let e = evidence(slice, as: candidate)
            if best == nil || e.score > best!.evidence.score { best = (candidate, e) }
        }
        let single = SingleByteDetector.detect(slice).map {
            CharsetDecision(charset: $0.charset, source: .statistical, bomLength: 0)
        }
        let fallback = single ?? CharsetDecision(charset: CharsetNames.windows1252, source: .fallback, bomLength: 0)
        guard let winner = best else { return fallback }
        let margin = winner.evidence.chars < minEvidenceChars ? shortTextMargin : tieMargin
        if winner.evidence.score > latin + margin {
            if let single, winner.evidence.score < minCJKScoreOverSingleByte { return single }
            return CharsetDecision(charset: winner.candidate.charset, source: .statistical, bomLength: 0)
        }
        return fallback
    }

    /// windows-1252 score: isolated high bytes (runs of exactly one) per high byte, weighted.
    static func latinScore(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var high = 0
        var isolated = 0
        var run = 0
        for b in bytes {
            if high >= maxEvidenceChars * 2 { break }  // as many bytes as the CJK candidates read
            if b >= 0x80 {
                high += 1
                run += 1
            } else {
                if run == 1 { isolated += 1 }
                run = 0
            }
        }
        if run == 1 { isolated += 1 }
        return high == 0 ? 0 : isolatedHighByteWeight * Double(isolated) / Double(high)
    }

    /// Decodes the structure of `bytes` under `candidate` and counts characters, hits and errors.
    static func evidence(_ bytes: UnsafeBufferPointer<UInt8>, as candidate: Candidate) -> Evidence {
        guard let p = bytes.baseAddress else { return Evidence() }
        let n = bytes.count
        switch candidate {
        case .shiftJIS: return shiftJIS(p, n)
        case .eucJP: return eucJP(p, n)
        case .gb18030: return gb18030(p, n)
        case .big5: return big5(p, n)
        case .eucKR: return eucKR(p, n)
        }
    }

    /// Shift_JIS/CP932: singles 00–7F and A1–DF (half-width kana); leads 81–9F, E0–FC with trails 40–7E, 80–FC.
    private static func shiftJIS(_ p: UnsafePointer<UInt8>, _ n: Int) -> Evidence {
        var e = Evidence()
        var i = 0
        while i < n && e.chars + e.invalid < maxEvidenceChars {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xA1 && b <= 0xDF { e.chars += 1; e.suspicious += 1; i += 1; continue }
            if (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC), i + 1 < n {
                let t = p[i + 1]
                if (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFC) {
                    e.chars += 1
                    if shiftJISSet.contains(b, t) { e.hits += 1 }
                    else if b >= 0xF0 && b <= 0xF9 { e.suspicious += 1 }  // user-defined area
                    i += 2
                    continue
                }
            }
            e.invalid += 1
            i += 1
        }
        return e
    }

    /// EUC-JP: A1–FE pairs; 8E + A1–DF (half-width kana); 8F + two A1–FE bytes (JIS X 0212).
    private static func eucJP(_ p: UnsafePointer<UInt8>, _ n: Int) -> Evidence {
        var e = Evidence()
        var i = 0
        while i < n && e.chars + e.invalid < maxEvidenceChars {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xA1 && b <= 0xFE, i + 1 < n, p[i + 1] >= 0xA1 && p[i + 1] <= 0xFE {
                e.chars += 1
                if eucJPSet.contains(b, p[i + 1]) { e.hits += 1 }
                i += 2
                continue
            }
            if b == 0x8E, i + 1 < n, p[i + 1] >= 0xA1 && p[i + 1] <= 0xDF {
                e.chars += 1; e.suspicious += 1; i += 2
                continue
            }
            if b == 0x8F, i + 2 < n, p[i + 1] >= 0xA1 && p[i + 1] <= 0xFE, p[i + 2] >= 0xA1 && p[i + 2] <= 0xFE {
                e.chars += 1; e.suspicious += 1; i += 3
                continue
            }
            e.invalid += 1
            i += 1
        }
        return e
    }

    /// GB18030: leads 81–FE with trails 40–7E, 80–FE, or four bytes lead, 30–39, 81–FE, 30–39.
    /// Characters outside the GB2312 block (A1–FE pairs) are GBK/GB18030 extensions: suspicious.
    private static func gb18030(_ p: UnsafePointer<UInt8>, _ n: Int) -> Evidence {
        var e = Evidence()
        var i = 0
        while i < n && e.chars + e.invalid < maxEvidenceChars {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0x81 && b <= 0xFE, i + 1 < n {
                let t = p[i + 1]
                if (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE) {
                    e.chars += 1
                    if gbSet.contains(b, t) { e.hits += 1 } else if b < 0xA1 || t < 0xA1 { e.suspicious += 1 }
                    i += 2
                    continue
                }
                if t >= 0x30 && t <= 0x39, i + 3 < n, p[i + 2] >= 0x81 && p[i + 2] <= 0xFE, p[i + 3] >= 0x30 && p[i + 3] <= 0x39 {
                    e.chars += 1; e.suspicious += 1; i += 4
                    continue
                }
            }
            e.invalid += 1
            i += 1
        }
        return e
    }

    /// Big5: leads 81–FE with trails 40–7E, A1–FE; leads outside A1–F9 are HKSCS/user-defined: suspicious.
    private static func big5(_ p: UnsafePointer<UInt8>, _ n: Int) -> Evidence {
        var e = Evidence()
        var i = 0
        while i < n && e.chars + e.invalid < maxEvidenceChars {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0x81 && b <= 0xFE, i + 1 < n {
                let t = p[i + 1]
                if (t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE) {
                    e.chars += 1
                    if big5Set.contains(b, t) { e.hits += 1 } else if b < 0xA1 || b > 0xF9 { e.suspicious += 1 }
                    i += 2
                    continue
                }
            }
            e.invalid += 1
            i += 1
        }
        return e
    }

    /// EUC-KR/CP949: leads 81–FE with trails 41–5A, 61–7A, 81–FE. Outside the KS X 1001 block
    /// (A1–FE pairs) it is the CP949 extension; rows AD–AF and C9/FE are unassigned: both suspicious.
    private static func eucKR(_ p: UnsafePointer<UInt8>, _ n: Int) -> Evidence {
        var e = Evidence()
        var i = 0
        while i < n && e.chars + e.invalid < maxEvidenceChars {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0x81 && b <= 0xFE, i + 1 < n {
                let t = p[i + 1]
                if (t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE) {
                    e.chars += 1
                    if eucKRSet.contains(b, t) { e.hits += 1 }
                    else if b < 0xA1 || t < 0xA1 || (b >= 0xAD && b <= 0xAF) || b == 0xC9 || b == 0xFE { e.suspicious += 1 }
                    i += 2
                    continue
                }
            }
            e.invalid += 1
            i += 1
        }
        return e
    }
}
