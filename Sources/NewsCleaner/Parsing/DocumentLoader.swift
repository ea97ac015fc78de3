/// Steps 1–4 of the pipeline: bytes to `Document`.
///
/// ```swift
/// let doc = try DocumentLoader(options: CleanerOptions()).load(bytes, encodingHint: nil)
/// ```
struct DocumentLoader {
    let options: CleanerOptions

    func load(_ bytes: [UInt8], encodingHint: String?) throws -> Document {
        try InputSniffer.check(bytes, maxBytes: options.maxBytes)
        let (utf8, charset) = bytes.withUnsafeBufferPointer { buf -> ([UInt8], String) in
            let decision = CharsetDetector.decide(buf, hint: encodingHint)
            if Transcoder.passesAsIs(buf, decision: decision) { return (bytes, decision.charset) }
            return (Transcoder.toUTF8(buf, decision: decision), decision.charset)
        }
        let stripped = Prepass.run(utf8, tokenize: true)
        // The parser's errors may spend the page's whole work budget, no more.
        let errorWorkLimit = WorkMeter.forPage(bytes: bytes.count, options: options).limit
        return utf8.withUnsafeBufferPointer { source in
            stripped.tokens.withUnsafeBufferPointer { ranges in
                HTMLParser.parse(utf8: stripped.bytes, jsonLD: stripped.jsonLD, charset: charset,
                                 errorWorkLimit: errorWorkLimit, tokens: (source, ranges))
            }
        }
    }
}
