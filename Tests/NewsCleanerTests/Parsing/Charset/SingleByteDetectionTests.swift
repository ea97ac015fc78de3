import Testing
@testable import NewsCleaner

/// Undeclared single-byte pages: Cyrillic, Greek and Central European charsets are told apart
/// from each other and from windows-1252, which Western pages keep.
@Suite struct SingleByteDetectionTests {
    /// Short name for the helpers.
    typealias S = CharsetTestSupport
    /// Minimum share of paragraphs detected correctly per sample (measured 20/20 each, see README).
    static let minAccuracy = 0.95

    /// Each sample's main paragraph, undeclared: detected from the bytes and decoded exactly.
    @Test(arguments: SingleByteCorpus.samples)
    func undeclaredParagraphIsDetectedAndDecodedExactly(_ sample: SingleByteCorpus.Sample) throws {
        let bytes = S.page(try #require(S.encode(sample.paragraph, sample.encodeWith)))
        let d = S.decide(bytes)
        #expect(d == CharsetDecision(charset: sample.charset, source: .statistical, bomLength: 0))
        #expect(S.decode(bytes, d).contains(sample.paragraph))
    }

    /// Twenty undeclared paragraphs of one to three sentences per sample.
    @Test(arguments: SingleByteCorpus.samples)
    func accuracyOverParagraphs(_ sample: SingleByteCorpus.Sample) throws {
        let paragraphs = CharsetCorpus.paragraphs(sample.sentences)
        var correct = 0
        var wrong: [String] = []
        for text in paragraphs {
            let encoded = try #require(S.encode(text, sample.encodeWith))
            let bytes = S.page(encoded)
            let d = S.decide(bytes)
            // Text without the letters where two charsets differ (Czech without š ž ť, Greek without Ά)
            // is the same bytes in both: a charset that encodes it identically is right too.
            let same = d.charset == sample.charset || S.encode(text, CharsetNames.iconvName(d.charset)) == encoded
            if same && S.decode(bytes, d).contains(text) {
                correct += 1
            } else {
                wrong.append("\(d.charset): \(text.prefix(24))")
            }
        }
        print("charset accuracy \(sample.id): \(correct)/\(paragraphs.count)")
        #expect(Double(correct) / Double(paragraphs.count) >= Self.minAccuracy, "\(sample.id): \(wrong)")
    }

    /// Every Western sentence alone (French, German, Spanish, Italian, Portuguese, English) stays windows-1252.
    @Test func westernSentencesStayWindows1252() throws {
        for text in CharsetCorpus.westernSentences + [CharsetCorpus.westernParagraph] {
            let bytes = S.page(try #require(S.encode(text, "CP1252")))
            let d = S.decide(bytes)
            #expect(d == CharsetDecision(charset: "windows-1252", source: .fallback, bomLength: 0), "\(text.prefix(30))")
        }
    }

    /// An English page whose only high bytes are signs and punctuation (£ ® © – ’ “ ” °, no-break
    /// spaces) stays windows-1252: in windows-1250 and ISO-8859-2 £ and ® would be the letters Ł and Ž.
    @Test func englishSignsStayWindows1252() throws {
        let text = "Shares fell 3\u{A0}% to £71.20 after the Acme® results. “It’s a blow,” said one analyst – "
            + "the firm’s © notice aside. Temperatures hit 40\u{B0}C and the deal was worth £38m."
        let bytes = S.page(try #require(S.encode(text, "CP1252")))
        #expect(S.decide(bytes).charset == "windows-1252")
    }

    /// Western names in an English page (Dével, Glücks, Sürec, Sérgio, Schüler) stay windows-1252.
    @Test func mixedWesternNamesStayWindows1252() throws {
        let text = "The Dével report, Glücksburg and the Sürec project were named by Sérgio Costa; the Schüler "
            + "prize went to Zoë Bréhier and Ana Núñez in São Paulo."
        let bytes = S.page(try #require(S.encode(text, "CP1252")))
        #expect(S.decide(bytes).charset == "windows-1252")
    }

    /// Cyrillic or Greek bytes never pass for CJK, and the CJK samples stay CJK.
    @Test func cjkAndSingleByteDoNotSteal() throws {
        for sample in SingleByteCorpus.samples {
            let bytes = S.page(try #require(S.encode(sample.paragraph, sample.encodeWith)))
            #expect(!["shift_jis", "euc-jp", "gb18030", "big5", "euc-kr"].contains(S.decide(bytes).charset), "\(sample.id)")
        }
        for lang in CharsetCorpus.languages where lang.charset != "windows-1252" {
            let bytes = S.page(try #require(S.encode(lang.paragraph, lang.encodeWith)))
            #expect(S.decide(bytes).charset == lang.charset)
            for text in CharsetCorpus.paragraphs(lang.sentences) {
                let para = S.page(try #require(S.encode(text, lang.encodeWith)))
                #expect(S.decide(para).charset == lang.charset, "\(lang.charset): \(text.prefix(12))")
            }
        }
    }

    /// A declaration still wins: KOI8-R bytes declared windows-1251 are decoded as declared.
    @Test func declarationWinsOverStatistics() throws {
        let bytes = S.page(try #require(S.encode(SingleByteCorpus.plain(SingleByteCorpus.russianParagraph), "KOI8-R")), head: "<meta charset=windows-1251>")
        #expect(S.decide(bytes) == CharsetDecision(charset: "windows-1251", source: .declared, bomLength: 0))
    }

    /// Too little evidence (two Cyrillic letters) keeps windows-1252.
    @Test func tooFewLettersKeepWindows1252() throws {
        let short = S.page([0x41, 0x20] + (try #require(S.encode("мы", "CP1251"))) + [0x20, 0x42])
        #expect(S.decide(short).charset == "windows-1252")
    }

    /// The scores are averages per high byte: the right charset leads the others on each sample.
    @Test(arguments: SingleByteCorpus.samples)
    func rightCharsetScoresHighest(_ sample: SingleByteCorpus.Sample) throws {
        let bytes = S.page(try #require(S.encode(sample.paragraph, sample.encodeWith)))
        let verdicts = bytes.withUnsafeBufferPointer { SingleByteDetector.score($0) }
        let best = try #require(verdicts.max { $0.score < $1.score })
        #expect(best.charset == sample.charset, "\(verdicts.map { "\($0.charset) \($0.language) \($0.score)" })")
    }
}
