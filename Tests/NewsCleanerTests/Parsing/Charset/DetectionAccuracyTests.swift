import Testing
@testable import NewsCleaner

/// Accuracy of statistical detection over 20 undeclared paragraphs per charset (one to three sentences each).
@Suite struct DetectionAccuracyTests {
    /// Short name for the helpers.
    typealias S = CharsetTestSupport
    /// Minimum share of paragraphs detected correctly per charset (measured: see the report in the commit).
    static let minAccuracy = 0.95

    /// Twenty undeclared paragraphs per charset, one to three sentences each.
    @Test(arguments: CharsetCorpus.languages.map(\.charset))
    func undeclaredParagraphs(_ charset: String) throws {
        let lang = try #require(CharsetCorpus.languages.first { $0.charset == charset })
        var correct = 0
        var wrong: [String] = []
        let paragraphs = CharsetCorpus.paragraphs(lang.sentences)
        for text in paragraphs {
            let bytes = S.page(try #require(S.encode(text, lang.encodeWith)))
            let d = S.decide(bytes)
            if d.charset == lang.charset && S.decode(bytes, d).contains(text) {
                correct += 1
            } else {
                wrong.append("\(d.charset): \(text.prefix(20))")
            }
        }
        let accuracy = Double(correct) / Double(paragraphs.count)
        print("charset accuracy \(charset): \(correct)/\(paragraphs.count)")
        #expect(accuracy >= Self.minAccuracy, "\(charset): \(wrong)")
    }
}
