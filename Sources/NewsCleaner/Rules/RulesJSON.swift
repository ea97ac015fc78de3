import Foundation

/// Validation of the JSON rules format into `Rules.Entry` values; the first problem throws.
///
/// Keys are checked in sorted order so the reported problem does not depend on dictionary order.
///
/// ```swift
/// let (entry, hosts) = try RulesJSON.entry(["drop": [".x"]], path: "", allowHosts: true)
/// ```
enum RulesJSON {
    static let entryKeys = ["content", "drop", "keep", "settings", "vocabulary"]
    static let topLevelKeys = (entryKeys + ["hosts"]).sorted()
    static let vocabularyKeys = ["articleBody", "boilerplate", "content"]
    /// Bytes at or above this are parts of non-ASCII UTF-8 characters.
    static let firstNonASCII: UInt8 = 0x80

    /// The boilerplate concepts a rules file may extend, by name: the ones the engine removes
    /// (`Concept.removable`). Not `widget`: the engine does not act on it, so a token added there
    /// would do nothing; the file is refused instead, naming the keys that work.
    static let boilerplateConcepts: [String: Concept] = [
        "navigation": .navigation, "ads": .ads, "promo": .promo, "subscribe": .subscribe,
        "ranking": .ranking, "related": .related, "social": .social, "comments": .comments,
        "footer": .footer, "sidebar": .sidebar, "hidden": .hidden, "pager": .pager, "tags": .tags,
    ]

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func entry(_ object: [String: Any], path: String, allowHosts: Bool) throws -> (entry: Rules.Entry, hosts: [Rules.HostPattern: Rules.Entry]) {
        let allowed = allowHosts ? topLevelKeys : entryKeys
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw RulesError.unknownKey(path: join(path, key), allowed: allowed)
        }
        var entry = Rules.Entry()
        if let value = object["drop"] { entry.drop = try selectors(strings(value, path: join(path, "drop")), path: join(path, "drop")) }
        if let value = object["content"] { entry.content = try selectors(strings(value, path: join(path, "content")), path: join(path, "content")) }
        if let value = object["keep"] { entry.keep = try selectors(strings(value, path: join(path, "keep")), path: join(path, "keep")) }
        if let value = object["vocabulary"] { entry.vocabulary = try vocabulary(value, path: join(path, "vocabulary")) }
        if let value = object["settings"] { entry.settings = try settings(value, path: join(path, "settings")) }
        var hosts: [Rules.HostPattern: Rules.Entry] = [:]
        if let value = object["hosts"] {
            let hostsPath = join(path, "hosts")
            let table = try dictionary(value, path: hostsPath)
            for key in table.keys.sorted() {
                let hostPath = "\(hostsPath)[\"\(key)\"]"
                let pattern = try hostPattern(key, path: hostPath)
                let body = try dictionary(table[key]!, path: hostPath)
                let parsed = try self.entry(body, path: hostPath, allowHosts: false)
                hosts[pattern, default: Rules.Entry()].append(parsed.entry)
            }
        }
        return (entry, hosts)
    }

    static func dictionary(_ value: Any, path: String) throws -> [String: Any] {
        guard let d = value as? [String: Any] else { throw RulesError.wrongType(path: path, expected: "an object", found: describe(value)) }
        return d
    }

    static func strings(_ value: Any, path: String) throws -> [String] {
        guard let array = value as? [Any] else {
            throw RulesError.wrongType(path: path, expected: "an array of strings", found: describe(value))
        }
        return try array.enumerated().map { index, item in
            guard let s = item as? String else {
                throw RulesError.wrongType(path: "\(path)[\(index)]", expected: "a string", found: describe(item))
            }
            return s
        }
    }

    static func selectors(_ sources: [String], path: String) throws -> [Selector] {
        var out: [Selector] = []
        for (index, source) in sources.enumerated() {
            do {
                out += try Selector.parseList(source)
            } catch {
                throw RulesError.unsupportedSelector(path: "\(path)[\(index)]", selector: source, reason: error.reason)
            }
        }
        return out
    }

    static func vocabulary(_ value: Any, path: String) throws -> [Rules.VocabularyAddition] {
        let object = try dictionary(value, path: path)
        for key in object.keys.sorted() where !vocabularyKeys.contains(key) {
            throw RulesError.unknownKey(path: join(path, key), allowed: vocabularyKeys)
        }
        var out: [Rules.VocabularyAddition] = []
        if let boilerplate = object["boilerplate"] {
            let boilerplatePath = join(path, "boilerplate")
            let table = try dictionary(boilerplate, path: boilerplatePath)
            let names = boilerplateConcepts.keys.sorted()
            for name in table.keys.sorted() {
                guard let concept = boilerplateConcepts[name] else {
                    throw RulesError.unknownKey(path: join(boilerplatePath, name), allowed: names)
                }
                out.append(.init(concept: concept, tokens: try tokens(table[name]!, path: join(boilerplatePath, name))))
            }
        }
        if let content = object["content"] {
            out.append(.init(concept: .content, tokens: try tokens(content, path: join(path, "content"))))
        }
        if let body = object["articleBody"] {
            out.append(.init(concept: .articleBody, tokens: try tokens(body, path: join(path, "articleBody"))))
        }
        return out
    }

    /// Tokens: ASCII letters, digits, `-` and `_`, with at least one letter or digit (a token
    /// of word edges alone would match every class).
    static func tokens(_ value: Any, path: String) throws -> [String] {
        let list = try strings(value, path: path)
        for (index, token) in list.enumerated() {
            let isAllowed: (UInt8) -> Bool = { ConceptMatcher.symbol($0) != nil || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            if let bad = token.utf8.first(where: { !isAllowed($0) }) {
                let shown = bad < firstNonASCII ? "`\(String(decoding: [bad], as: UTF8.self))`" : "non-ASCII text"
                throw RulesError.invalidToken(path: "\(path)[\(index)]", token: token,
                                              reason: "\(shown) cannot match: tokens use ASCII letters, digits, `-` and `_` (a word edge)")
            }
            if !token.utf8.contains(where: { ConceptMatcher.symbol($0) != nil }) {
                throw RulesError.invalidToken(path: "\(path)[\(index)]", token: token,
                                              reason: "a token needs at least one letter or digit")
            }
        }
        return list
    }

    static func settings(_ value: Any, path: String) throws -> [Rules.SettingOverride] {
        let object = try dictionary(value, path: path)
        var out: [Rules.SettingOverride] = []
        for name in object.keys.sorted() {
            let settingPath = join(path, name)
            guard let field = ExtractionSettings.fieldsByName[name] else {
                throw RulesError.unknownSetting(path: settingPath, name: name,
                                                suggestions: RulesError.closeNames(to: name, in: Rules.settingNames))
            }
            let raw = object[name]!
            guard let number = raw as? NSNumber, !isBool(raw) else {
                throw RulesError.wrongType(path: settingPath, expected: "a \(field.expectedType)", found: describe(raw))
            }
            let value = number.doubleValue
            switch field {
            case .float:
                guard value.isFinite, abs(value) <= Double(Float.greatestFiniteMagnitude) else {
                    throw RulesError.wrongType(path: settingPath, expected: "a number in Float range", found: "\(value)")
                }
            case .int, .int32:
                guard value == value.rounded(), abs(value) <= Double(Int32.max) else {
                    throw RulesError.wrongType(path: settingPath, expected: "an integer", found: "\(number)")
                }
            }
            out.append(.init(name: name, value: value))
        }
        return out
    }

    static func hostPattern(_ key: String, path: String) throws -> Rules.HostPattern {
        var domain = Substring(key.lowercased())
        var wildcard = false
        if domain.hasPrefix("*.") {
            wildcard = true
            domain = domain.dropFirst(2)
        }
        while domain.hasSuffix(".") { domain = domain.dropLast() }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelByte: (UInt8) -> Bool = { ConceptMatcher.symbol($0) != nil || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        guard !domain.isEmpty else {
            throw RulesError.invalidHost(path: path, host: key, reason: "empty host; use the top level for rules on every page")
        }
        if domain.contains("*") {
            throw RulesError.invalidHost(path: path, host: key, reason: "`*` is only allowed as a leading `*.` label")
        }
        if domain.contains("/") || domain.contains(":") {
            throw RulesError.invalidHost(path: path, host: key, reason: "write the host alone, without scheme, port or path")
        }
        guard labels.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(labelByte) }) else {
            throw RulesError.invalidHost(path: path, host: key, reason: "labels are ASCII letters, digits and `-` separated by single dots (write IDNs in punycode)")
        }
        return Rules.HostPattern(domain: String(domain), wildcard: wildcard)
    }

    /// JSON booleans come back as NSNumber; tell them apart from 0 and 1.
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return type(of: number) == type(of: NSNumber(value: true))
    }

    static func describe(_ value: Any) -> String {
        if isBool(value) { return "a boolean" }
        switch value {
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "\(type(of: value))"
        }
    }

    /// Turns a JSONSerialization error into `.invalidJSON`, with the line and column computed
    /// from the byte offset when Foundation reports one ("… around character N.").
    static func syntaxError(_ error: Error, in data: Data) -> RulesError {
        let ns = error as NSError
        let detail = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        var offset: Int? = (ns.userInfo["NSJSONSerializationErrorIndex"] as? NSNumber)?.intValue
        if offset == nil, let marker = detail.range(of: "character ") {
            offset = Int(detail[marker.upperBound...].prefix(while: { $0.isNumber }))
        }
        guard let offset, offset >= 0, offset <= data.count else {
            return .invalidJSON(line: nil, column: nil, reason: detail)
        }
        let (line, column) = lineAndColumn(of: offset, in: data)
        return .invalidJSON(line: line, column: column, reason: detail)
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let newline = UInt8(ascii: "\n")
        for (index, byte) in data.prefix(offset).enumerated() where byte == newline {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
