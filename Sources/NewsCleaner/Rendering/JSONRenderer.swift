/// Renders an `Article` as one JSON object on one line (so a stream of them is JSON Lines).
///
/// Keys, in this order: `"title"` (string or null), `"text"` (the `TextRenderer` text),
/// `"blocks"` (array of `{"kind","text","level"}`, plus `"cells"` for table rows that have
/// them), then `"source"` and `"url"` when given. The escaping is written by hand: `"`, `\`
/// and every control character below U+0020 are escaped (`\n`, `\t`, … or `\u00XX`), as are
/// U+2028/U+2029 so the output is also safe to embed in JavaScript. Swift strings hold only
/// valid Unicode scalars, so the output is always valid UTF-8 and valid JSON.
///
/// ```swift
/// let json = JSONRenderer().render(article, url: "https://example.com/a")
/// ```
public struct JSONRenderer: Sendable {
    public init() {}

    /// - Parameters:
    ///   - url: the page URL, written as `"url"` when not nil.
    ///   - source: where the page came from (input path, `-` for stdin), written as `"source"` when not nil.
    public func render(_ article: Article, url: String?, source: String? = nil) -> String {
        var out = [UInt8]()
        out.reserveCapacity(256 + article.blocks.reduce(0) { $0 + 2 * $1.text.utf8.count + 40 })
        out.append(contentsOf: #"{"title":"#.utf8)
        if let title = article.title { Self.appendString(title, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","text":"#.utf8)
        Self.appendString(TextRenderer().render(article), to: &out)
        out.append(contentsOf: #","blocks":["#.utf8)
        for (index, block) in article.blocks.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"kind":"#.utf8)
            Self.appendString(block.kind.rawValue, to: &out)
            out.append(contentsOf: #","text":"#.utf8)
            Self.appendString(block.text, to: &out)
            out.append(contentsOf: #","level":"#.utf8)
            out.append(contentsOf: String(block.level).utf8)
            if block.kind == .tableRow && !block.cells.isEmpty {
                out.append(contentsOf: #","cells":["#.utf8)
                for (cellIndex, cell) in block.cells.enumerated() {
                    if cellIndex > 0 { out.append(UInt8(ascii: ",")) }
                    Self.appendString(cell, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let source {
            out.append(contentsOf: #","source":"#.utf8)
            Self.appendString(source, to: &out)
        }
        if let url {
            out.append(contentsOf: #","url":"#.utf8)
            Self.appendString(url, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `string` as a JSON string literal, quotes included.
    public static func quote(_ string: String) -> String {
        var out = [UInt8]()
        appendString(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` quoted and escaped. Works on UTF-8 bytes: the bytes to escape are ASCII,
    /// which never occur inside a multi-byte sequence, so everything else is copied as is.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = string.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            case 0xE2:
                // U+2028 LINE SEPARATOR (E2 80 A8) and U+2029 PARAGRAPH SEPARATOR (E2 80 A9).
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                        out.append(contentsOf: "\\u202".utf8)
                        out.append(utf8[third] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                        index = utf8.index(after: third)
                        continue
                    }
                }
                out.append(byte)
            default:
                out.append(byte)
            }
            index = utf8.index(after: index)
        }
        out.append(UInt8(ascii: "\""))
    }
}
