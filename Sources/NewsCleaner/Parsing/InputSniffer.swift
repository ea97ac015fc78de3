/// Step 1: cheap checks that refuse input which cannot be a page, before any decoding.
///
/// ```swift
/// try InputSniffer.check(Array("%PDF-1.7".utf8), maxBytes: 1 << 20)  // throws .notHTML
/// ```
enum InputSniffer {
    /// How many leading bytes are inspected for binary signatures and control bytes.
    static let sniffLength = 1024
    /// Share of control bytes (other than tab/CR/LF/FF) in the sniffed prefix above which input is binary.
    static let maxControlByteShare = 0.05

    /// Known binary file signatures and their names.
    private static let signatures: [(bytes: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF8".utf8), "GIF image"),
        (Array("%PDF".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x1F, 0x8B], "gzip data (decompress first)"),
        (Array("RIFF".utf8), "RIFF media"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF binary"),
        ([0x00, 0x00, 0x01, 0x00], "icon"),
        (Array("wOFF".utf8), "web font"),
    ]

    static func check(_ bytes: [UInt8], maxBytes: Int) throws {
        if bytes.count > maxBytes { throw CleanerError.tooLarge(bytes: bytes.count, limit: maxBytes) }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C }) else {
            throw CleanerError.empty
        }
        for signature in signatures where bytes.starts(with: signature.bytes) {
            throw CleanerError.notHTML(signature.name)
        }
        let prefix = bytes.prefix(sniffLength)
        // UTF-16 pages have NULs in every other byte; they are text, the BOM or the decoder says so.
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !isUTF16 {
            let controls = prefix.reduce(0) { n, b in
                n + ((b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) ? 1 : 0)
            }
            if Double(controls) > Double(prefix.count) * maxControlByteShare {
                throw CleanerError.notHTML("binary data (\(controls) control bytes in the first \(prefix.count))")
            }
        }
    }
}
