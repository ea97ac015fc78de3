import CLibXML2

/// Step 4: libxml2's HTML tokenizer in SAX mode builds our compact `Document`.
///
/// libxml2 does what it is best at (tokenizing broken HTML, implied and auto-closed elements);
/// we never let it build its own tree. Options: recover, no network, no error output, ignore
/// the page's encoding declaration (the bytes are already UTF-8). The thread's libxml2 error
/// handlers are silenced during a parse and restored after it.
///
/// ```swift
/// let document = HTMLParser.parse(utf8: Array("<p>Hello</p>".utf8), jsonLD: [], charset: "utf-8")
/// ```
enum HTMLParser {
    /// Initialises libxml2 once per process (thread-safe, idempotent).
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses UTF-8 bytes (already valid UTF-8, no NUL) into a `Document`.
    ///
    /// - Parameter errorWorkLimit: the work units the page's parser errors may cost. libxml2
    ///   scans its whole open-element stack for every end tag that matches no open element, so
    ///   a deeply nested page followed by many stray end tags costs depth × tags; each error is
    ///   charged the depth, and once the limit is spent the parser stops and the document is
    ///   what was read (`Document.parseStoppedEarly`).
    ///
    /// - Parameter tokens: when `bytes` come from `Prepass.run(_:tokenize: true)`, its input
    ///   and token table, from which the values written as tokens are taken.
    static func parse(utf8 bytes: [UInt8], jsonLD: [String], charset: String,
                      errorWorkLimit: Int = Int.max,
                      tokens: (source: UnsafeBufferPointer<UInt8>, ranges: UnsafeBufferPointer<Int32>)? = nil) -> Document {
        _ = initialized
        let savedHandlers = newscleaner_silenceErrors()
        defer { newscleaner_restoreErrors(savedHandlers) }
        let builder = UnsafeMutablePointer<DocumentBuilder>.allocate(capacity: 1)
        builder.initialize(to: DocumentBuilder(expectedBytes: bytes.count))
        builder.pointee.parserErrorLimit = errorWorkLimit
        if let tokens, tokens.ranges.count > 0 {
            builder.pointee.tokenSource = tokens.source.baseAddress
            builder.pointee.tokenRanges = tokens.ranges
        }
        defer { builder.deallocate() }
        if !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { buf in
                buf.withMemoryRebound(to: CChar.self) { chars in
                    guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(clamping: chars.count)) else { return }
                    defer { htmlFreeParserCtxt(ctxt) }
                    var sax = htmlSAXHandler()
                    sax.startElement = saxStartElement
                    sax.endElement = saxEndElement
                    sax.characters = saxCharacters
                    sax.ignorableWhitespace = saxCharacters
                    sax.initialized = XML_SAX2_MAGIC
                    sax.serror = saxError
                    if let handler = ctxt.pointee.sax {
                        handler.pointee = sax
                    }
                    htmlCtxtUseOptions(ctxt, parseOptions)
                    // The bytes are UTF-8 already; without this libxml2 guesses Latin-1.
                    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                    ctxt.pointee.userData = UnsafeMutableRawPointer(builder)
                    builder.pointee.parser = ctxt
                    _ = htmlParseDocument(ctxt)
                }
            }
        }
        var built = builder.move()
        return built.finish(jsonLD: jsonLD, charset: charset)
    }

    /// The SAX floor: libxml2's tokenizer with empty callbacks, for the benchmark's baseline.
    static func tokenizeOnly(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = initialized
        let savedHandlers = newscleaner_silenceErrors()
        defer { newscleaner_restoreErrors(savedHandlers) }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(clamping: chars.count)) else { return }
            defer { htmlFreeParserCtxt(ctxt) }
            var sax = htmlSAXHandler()
            sax.startElement = { _, _, _ in }
            sax.endElement = { _, _ in }
            sax.characters = { _, _, _ in }
            sax.ignorableWhitespace = { _, _, _ in }
            sax.initialized = XML_SAX2_MAGIC
            sax.serror = newscleaner_structuredErrorSink()
            if let handler = ctxt.pointee.sax { handler.pointee = sax }
            htmlCtxtUseOptions(ctxt, parseOptions)
            xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
            _ = htmlParseDocument(ctxt)
        }
    }
}

/// The parse's `DocumentBuilder`, from libxml2's user data.
@inline(__always)
private func builder(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<DocumentBuilder> {
    ctx!.assumingMemoryBound(to: DocumentBuilder.self)
}

private let saxStartElement: startElementSAXFunc = { ctx, name, atts in
    guard let name else { return }
    builder(ctx).pointee.start(name: name, attributes: atts)
}

private let saxEndElement: endElementSAXFunc = { ctx, name in
    guard let name else { return }
    builder(ctx).pointee.end(name: name)
}

/// Every parser error is charged to the page (libxml2 passes the parser's user data, our
/// builder); once the charge passes the page's limit, the parser is stopped.
private let saxError: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx else { return }
    let builder = builder(ctx)
    if !builder.pointee.chargeParserError(), !builder.pointee.stoppedEarly,
       let parser = error?.pointee.ctxt {
        builder.pointee.stoppedEarly = true
        xmlStopParser(parser.assumingMemoryBound(to: xmlParserCtxt.self))
    }
}

private let saxCharacters: charactersSAXFunc = { ctx, chars, length in
    guard let chars, length > 0 else { return }
    builder(ctx).pointee.characters(UnsafeBufferPointer(start: chars, count: Int(length)))
}
