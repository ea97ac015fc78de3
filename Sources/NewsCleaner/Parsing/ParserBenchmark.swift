/// Hooks for `newsclean-bench`: the libxml2 SAX floor and a fingerprint of a parse.
///
/// Not part of the stable API (import with `@_spi(Benchmark) import NewsCleaner`).
///
/// ```swift
/// ParserBenchmark.saxFloor(bytes)                       // libxml2 tokenizer, empty callbacks
/// let print = ParserBenchmark.fingerprint(try Cleaner().parse(html: bytes))
/// ```
package enum ParserBenchmark {
    /// Runs libxml2's HTML tokenizer with empty SAX callbacks over `bytes`: the physical floor
    /// of a libxml2-based cleaner (no charset work, no pre-pass, nothing built).
    package static func saxFloor(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { HTMLParser.tokenizeOnly($0) }
    }

    /// A 64-bit FNV-1a hash of everything a `Document` holds (nodes, text, attributes, JSON-LD,
    /// charset), so two builds of the parser can be checked to produce identical documents.
    package static func fingerprint(_ document: Document) -> UInt64 {
        var hasher = FingerprintHasher()
        for node in document.nodes {
            hasher.add(UInt64(node.tag.rawValue))
            hasher.add(UInt64(UInt32(bitPattern: node.parent)))
            hasher.add(UInt64(UInt32(bitPattern: node.firstChild)))
            hasher.add(UInt64(UInt32(bitPattern: node.nextSibling)))
            hasher.add(UInt64(UInt32(bitPattern: node.end)))
            hasher.add(UInt64(UInt32(bitPattern: node.start)))
            hasher.add(UInt64(UInt32(bitPattern: node.count)))
        }
        hasher.add(bytes: document.textBytes)
        for attribute in document.attributes {
            hasher.add(UInt64(attribute.name.rawValue))
            hasher.add(UInt64(UInt32(bitPattern: attribute.start)))
            hasher.add(UInt64(UInt32(bitPattern: attribute.length)))
        }
        hasher.add(bytes: document.attributeBytes)
        for block in document.jsonLD { hasher.add(bytes: Array(block.utf8)) }
        hasher.add(bytes: Array(document.charset.utf8))
        return hasher.value
    }
}

/// FNV-1a over 64-bit words and bytes.
private struct FingerprintHasher {
    /// FNV-1a 64-bit offset basis.
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64-bit prime.
    private static let prime: UInt64 = 0x100_0000_01b3

    private(set) var value = FingerprintHasher.offsetBasis

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* FingerprintHasher.prime
    }

    mutating func add(bytes: [UInt8]) {
        add(UInt64(bytes.count))
        for byte in bytes { value = (value ^ UInt64(byte)) &* FingerprintHasher.prime }
    }
}
