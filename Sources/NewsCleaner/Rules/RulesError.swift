/// Why a rules file (or a `--drop`/`--content` selector) was refused. Nothing of a refused
/// rules value is ever applied: `Rules` initialisers either succeed completely or throw.
///
/// Paths name the place in the JSON: `drop[2]`, `hosts["a.com"].dorp`,
/// `vocabulary.boilerplate.ranking[0]`, `settings.blockMaxLinkDensity`.
///
/// ```swift
/// do { _ = try Rules(json: #"{"dorp": []}"#) } catch { print(error) }
/// // unknown key `dorp` (allowed here: content, drop, hosts, keep, settings, vocabulary; did you mean `drop`?)
/// ```
public enum RulesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rules file could not be read.
    case unreadable(path: String, reason: String)
    /// The text is not JSON; `line`/`column` (1-based) when Foundation tells the byte offset.
    case invalidJSON(line: Int?, column: Int?, reason: String)
    /// A key that the format does not have at `path`; `allowed` lists the keys that are.
    case unknownKey(path: String, allowed: [String])
    /// A value of the wrong JSON type at `path`.
    case wrongType(path: String, expected: String, found: String)
    /// A selector outside the supported subset (see `Rules`), with the reason.
    case unsupportedSelector(path: String, selector: String, reason: String)
    /// A `settings` name that is not a field of `ExtractionSettings`; `suggestions` are close names.
    case unknownSetting(path: String, name: String, suggestions: [String])
    /// A `hosts` key that is neither a host name nor `*.` followed by one.
    case invalidHost(path: String, host: String, reason: String)
    /// A vocabulary token the matcher cannot use.
    case invalidToken(path: String, token: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read rules file \(path): \(reason)"
        case let .invalidJSON(line, column, reason):
            let place = line.map { l in column.map { "line \(l), column \($0)" } ?? "line \(l)" }
            return "rules are not valid JSON" + (place.map { " at \($0)" } ?? "") + ": \(reason)"
        case let .unknownKey(path, allowed):
            let key = String(path.split(separator: ".").last ?? Substring(path))
            let close = RulesError.closeNames(to: key, in: allowed)
            return "unknown key `\(path)` (allowed here: \(allowed.joined(separator: ", "))"
                + (close.isEmpty ? ")" : "; did you mean `\(close.joined(separator: "`, `"))`?)")
        case let .wrongType(path, expected, found):
            return "`\(path)` must be \(expected), found \(found)"
        case let .unsupportedSelector(path, selector, reason):
            return "unsupported selector `\(selector)` at `\(path)`: \(reason)"
        case let .unknownSetting(path, name, suggestions):
            return "unknown setting `\(name)` at `\(path)`"
                + (suggestions.isEmpty ? " (see ExtractionSettings for the names)" : "; close names: \(suggestions.joined(separator: ", "))")
        case let .invalidHost(path, host, reason):
            return "invalid host pattern `\(host)` at `\(path)`: \(reason)"
        case let .invalidToken(path, token, reason):
            return "invalid vocabulary token `\(token)` at `\(path)`: \(reason)"
        }
    }

    /// How many edits away a name may be to be suggested.
    static let maxSuggestionDistance = 3
    /// At most this many suggestions are listed.
    static let maxSuggestions = 3

    /// Names within a few edits of `name` (case-insensitive), closest first; also names that
    /// contain it or that it contains.
    static func closeNames(to name: String, in candidates: [String]) -> [String] {
        let lower = name.lowercased()
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let c = candidate.lowercased()
            let distance = editDistance(lower, c)
            if distance <= maxSuggestionDistance { return (candidate, distance) }
            if !lower.isEmpty && (c.contains(lower) || lower.contains(c)) { return (candidate, maxSuggestionDistance + 1) }
            return nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(maxSuggestions).map(\.0)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
