/// One compiled CSS selector from the supported subset, e.g. `div.story #body p`.
///
/// The subset (everything else is rejected with `RulesError.unsupportedSelector`):
///
/// | Form | Example | Matches |
/// |---|---|---|
/// | type | `div` | elements with that tag (case-insensitive; only tags the parser interns) |
/// | class | `.ranking` | elements whose `class` has that whitespace-separated token (case-sensitive) |
/// | id | `#main-text` | elements whose `id` equals the value (case-sensitive) |
/// | presence | `[itemprop]` | elements that have the attribute |
/// | equality | `[role=main]`, `[data-testid="ad slot"]` | attribute value equals (quotes optional) |
/// | compound | `div.a.b#x[role=main]` | all parts at once, type first |
/// | descendant | `#main .share` | the right part inside an element matching the left part |
/// | list | `.promo, aside .related` | any of the comma-separated selectors |
///
/// Attribute names are those the parser keeps (`AttributeName`: class, id, role, itemprop,
/// itemtype, itemscope, href, src, alt, lang, datetime, content, name, property, rel, hidden,
/// aria-hidden, style, type, title, data-src, srcset, colspan, aria-label, data-testid).
///
/// Rejected: `>` (child), `+` and `~` (siblings), pseudo-classes and pseudo-elements (`:not()`,
/// `::before`), the universal selector `*` (it adds nothing to a compound, and alone it would
/// match every element), attribute operators other than `=` (`~=`, `|=`, `^=`, `$=`, `*=`),
/// attribute flags (`[a=b i]`), backslash escapes, namespaces (`|`), element names the parser
/// does not intern (custom elements are all one `unknown` tag) and attributes it does not keep.
///
/// ```swift
/// let selectors = try Selector.parseList("article .share, #ranking")   // two selectors
/// ```
struct Selector: Sendable, Equatable {
    /// One attribute condition of a compound.
    struct AttributeTest: Sendable, Equatable {
        enum Mode: Sendable, Equatable {
            /// The attribute is present.
            case present
            /// The value equals the bytes.
            case equals
            /// The value has the bytes as one whitespace-separated token (`.class`).
            case hasToken
        }
        var name: AttributeName
        var mode: Mode
        var value: [UInt8]
    }

    /// A compound: an optional tag and attribute tests, all of which must hold.
    struct Compound: Sendable, Equatable {
        var tag: Tag?
        var tests: [AttributeTest] = []
    }

    /// The selector as written (trimmed), used in explanations (`RemovalReason.rule`).
    var text: String
    /// Compounds from the outermost ancestor to the matched element.
    var compounds: [Compound]

    /// Parses a comma-separated selector list.
    ///
    /// - Throws: `SelectorError` with the reason (the caller adds the JSON path).
    static func parseList(_ source: String) throws(SelectorError) -> [Selector] {
        var out: [Selector] = []
        for part in splitOutsideQuotes(source) {
            let text = part.trimmingASCIIWhitespace()
            if text.isEmpty { throw SelectorError(reason: "empty selector in the list") }
            out.append(try Selector(parsing: text))
        }
        return out
    }

    /// Splits a selector list at the commas that are not inside a quoted attribute value.
    static func splitOutsideQuotes(_ source: String) -> [Substring] {
        var parts: [Substring] = []
        var quote: Character? = nil
        var start = source.startIndex
        for i in source.indices {
            let c = source[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "," {
                parts.append(source[start..<i])
                start = source.index(after: i)
            }
        }
        parts.append(source[start...])
        return parts
    }

    /// Parses one selector without commas.
    init(parsing text: String) throws(SelectorError) {
        self.text = text
        var parser = SelectorParser(bytes: Array(text.utf8))
        compounds = try parser.parseComplex()
    }
}

/// Why a selector was rejected.
struct SelectorError: Error, Equatable {
    var reason: String
}

/// A hand-written scanner over the selector bytes.
private struct SelectorParser {
    let bytes: [UInt8]
    var index = 0

    static let dot = UInt8(ascii: "."), hash = UInt8(ascii: "#"), openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]"), equals = UInt8(ascii: "="), star = UInt8(ascii: "*")
    static let colon = UInt8(ascii: ":"), greater = UInt8(ascii: ">"), plus = UInt8(ascii: "+")
    static let tilde = UInt8(ascii: "~"), pipe = UInt8(ascii: "|"), caret = UInt8(ascii: "^")
    static let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
    static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
    /// Bytes at or above this start a UTF-8 multi-byte character, allowed in names.
    static let firstNonASCII: UInt8 = 0x80

    var atEnd: Bool { index >= bytes.count }

    /// CSS white space, which is HTML's (form feed included).
    static func isSpace(_ b: UInt8) -> Bool { Whitespace.isHTMLSpace(b) }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b >= firstNonASCII
    }

    mutating func skipSpaces() -> Bool {
        let start = index
        while !atEnd, SelectorParser.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    mutating func parseComplex() throws(SelectorError) -> [Selector.Compound] {
        var compounds: [Selector.Compound] = []
        _ = skipSpaces()
        while !atEnd {
            compounds.append(try parseCompound())
            _ = skipSpaces()
        }
        if compounds.isEmpty { throw SelectorError(reason: "empty selector") }
        return compounds
    }

    mutating func name(_ what: String) throws(SelectorError) -> [UInt8] {
        let start = index
        while !atEnd, SelectorParser.isNameByte(bytes[index]) { index += 1 }
        if index == start {
            let found = atEnd ? "the end" : "`\(String(decoding: [bytes[index]], as: UTF8.self))`"
            throw SelectorError(reason: "expected \(what), found \(found)")
        }
        return Array(bytes[start..<index])
    }

    mutating func parseCompound() throws(SelectorError) -> Selector.Compound {
        var compound = Selector.Compound()
        if SelectorParser.isNameByte(bytes[index]) {
            let raw = try name("an element name")
            let lower = String(decoding: raw, as: UTF8.self).lowercased()
            let tag = Tag(name: Array(lower.utf8))
            guard tag != .unknown, tag != .root, tag != .text, tag.name == lower else {
                throw SelectorError(reason: "element `\(lower)` is not one the parser knows, so it cannot be told apart from other unknown elements; use a class, id or attribute instead")
            }
            compound.tag = tag
        }
        while !atEnd {
            let b = bytes[index]
            if SelectorParser.isSpace(b) { break }
            switch b {
            case SelectorParser.dot:
                index += 1
                compound.tests.append(.init(name: .class, mode: .hasToken, value: try name("a class name after `.`")))
            case SelectorParser.hash:
                index += 1
                compound.tests.append(.init(name: .id, mode: .equals, value: try name("an id after `#`")))
            case SelectorParser.openBracket:
                index += 1
                compound.tests.append(try parseAttribute())
            default:
                throw SelectorError(reason: SelectorParser.rejection(for: b, atCompoundStart: compound.tag == nil && compound.tests.isEmpty))
            }
        }
        return compound
    }

    mutating func parseAttribute() throws(SelectorError) -> Selector.AttributeTest {
        _ = skipSpaces()
        let raw = try name("an attribute name after `[`")
        let attrName = String(decoding: raw, as: UTF8.self).lowercased()
        guard let attribute = AttributeName.allCases.first(where: { $0.htmlName.lowercased() == attrName }) else {
            let kept = AttributeName.allCases.map(\.htmlName).joined(separator: ", ")
            throw SelectorError(reason: "attribute `\(attrName)` is not kept by the parser (kept: \(kept))")
        }
        _ = skipSpaces()
        guard !atEnd else { throw SelectorError(reason: "missing `]`") }
        if bytes[index] == SelectorParser.closeBracket {
            index += 1
            return .init(name: attribute, mode: .present, value: [])
        }
        if bytes[index] != SelectorParser.equals {
            let op = String(decoding: bytes[index..<min(index + 2, bytes.count)], as: UTF8.self)
            throw SelectorError(reason: [SelectorParser.tilde, SelectorParser.pipe, SelectorParser.caret, SelectorParser.dollar, SelectorParser.star].contains(bytes[index])
                ? "attribute operator `\(op)` is not supported; only `[attr]` and `[attr=value]`"
                : "expected `=` or `]` in `[\(attrName)…]`")
        }
        index += 1
        _ = skipSpaces()
        guard !atEnd else { throw SelectorError(reason: "missing value and `]` after `[\(attrName)=`") }
        var value: [UInt8]
        let quote = bytes[index]
        if quote == SelectorParser.doubleQuote || quote == SelectorParser.singleQuote {
            index += 1
            let start = index
            while !atEnd, bytes[index] != quote {
                if bytes[index] == SelectorParser.backslash { throw SelectorError(reason: "backslash escapes are not supported") }
                index += 1
            }
            guard !atEnd else { throw SelectorError(reason: "unterminated quoted value in `[\(attrName)=…]`") }
            value = Array(bytes[start..<index])
            index += 1
        } else {
            value = try name("a value (or a quoted string) after `[\(attrName)=`")
        }
        _ = skipSpaces()
        guard !atEnd, bytes[index] == SelectorParser.closeBracket else {
            throw SelectorError(reason: atEnd ? "missing `]`" : "attribute flags and extra text before `]` are not supported")
        }
        index += 1
        return .init(name: attribute, mode: .equals, value: value)
    }

    static func rejection(for b: UInt8, atCompoundStart: Bool) -> String {
        switch b {
        case greater: return "the child combinator `>` is not supported; use the descendant combinator (a space)"
        case plus, tilde: return "sibling combinators (`+`, `~`) are not supported"
        case colon: return "pseudo-classes and pseudo-elements (`:…`, `::…`) are not supported"
        case star: return "the universal selector `*` is not supported; drop it from a compound (`.x`, not `*.x`)"
        case pipe: return "namespaces (`|`) are not supported"
        case backslash: return "backslash escapes are not supported"
        case closeBracket: return "unbalanced `]`"
        default:
            let shown = String(decoding: [b], as: UTF8.self)
            return atCompoundStart ? "unexpected `\(shown)`" : "unexpected `\(shown)` inside a compound"
        }
    }
}

extension Substring {
    /// The substring without leading and trailing ASCII whitespace, as a `String`.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
