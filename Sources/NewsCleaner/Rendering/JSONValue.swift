/// A JSON value with ordered object keys, written without Foundation so output is byte-stable.
///
/// ```swift
/// let value: JSONValue = .object([("title", .string("Hi")), ("tags", .array([.string("a")]))])
/// value.serialized() // {"title":"Hi","tags":["a"]}
/// ```
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given (duplicates are written as given; avoid them).
    case object([(String, JSONValue)])

    /// Spaces per indentation level in pretty output.
    static let indentWidth = 2

    /// A string value, or `null` for `nil`.
    ///
    /// ```swift
    /// JSONValue.optional(nil as String?) == .null
    /// ```
    package static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// The JSON text: compact on one line (JSON Lines), or indented with `pretty`.
    ///
    /// ```swift
    /// JSONValue.array([.int(1), .null]).serialized(pretty: true)
    /// ```
    package func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                JSONValue.newline(&out, pretty: pretty, depth: depth + 1)
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            JSONValue.newline(&out, pretty: pretty, depth: depth)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                JSONValue.newline(&out, pretty: pretty, depth: depth + 1)
                JSONValue.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            JSONValue.newline(&out, pretty: pretty, depth: depth)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, pretty: Bool, depth: Int) {
        guard pretty else { return }
        out += "\n" + String(repeating: " ", count: depth * indentWidth)
    }

    /// Last control character (below space) that must be escaped.
    static let lastControl: UInt32 = 0x1F
    static let lineSeparator: UInt32 = 0x2028
    static let paragraphSeparator: UInt32 = 0x2029
    static let hexDigits = 4
    static let hexRadix = 16

    /// Writes `s` as a JSON string literal; control characters and U+2028/2029 are `\u`-escaped.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value <= lastControl || scalar.value == lineSeparator || scalar.value == paragraphSeparator {
                    let hex = String(scalar.value, radix: hexRadix)
                    out += "\\u" + String(repeating: "0", count: hexDigits - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }
}
