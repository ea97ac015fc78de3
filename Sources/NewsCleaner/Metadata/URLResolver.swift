import Foundation

/// Resolves page links against the page URL and reads host names, tolerating unescaped
/// non-ASCII characters and spaces in the links.
///
/// ```swift
/// URLResolver.resolve("../img/a.jpg", against: "https://example.com/news/2024/x.html")
/// // "https://example.com/news/img/a.jpg"
/// URLResolver.hostname("https://www.example.co.jp/a") // "www.example.co.jp"
/// ```
package enum URLResolver {
    /// Schemes kept in output; anything else (`javascript:`, `data:` …) resolves to `nil`.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "ftp"]

    /// Characters left as they are when escaping a link: URL syntax plus `%` of existing escapes.
    static let keptCharacters = CharacterSet.urlQueryAllowed.union(.urlPathAllowed)
        .union(CharacterSet(charactersIn: "#%?/:@!$&'()*+,;=[]"))

    /// `href` made absolute against `base` (when `href` is relative and `base` is known).
    /// Returns `nil` for empty links, fragments-only links and disallowed schemes.
    package static func resolve(_ href: String, against base: String?) -> String? {
        let trimmed = TextTrim.trimming(HTMLEntities.decode(href), .whitespacesAndNewlines, .whitespace)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        guard let relative = url(trimmed) else { return nil }
        if let scheme = relative.scheme?.lowercased() {
            return allowedSchemes.contains(scheme) ? relative.absoluteString : nil
        }
        guard let base, let baseURL = url(base), baseURL.scheme != nil,
              let resolved = URL(string: relative.relativeString, relativeTo: baseURL)?.absoluteURL else {
            return trimmed.hasPrefix("//") ? nil : relative.absoluteString
        }
        return resolved.absoluteString
    }

    /// The lowercased host of an absolute URL, or `nil`.
    package static func hostname(_ urlString: String?) -> String? {
        guard let urlString, let host = url(urlString)?.host, !host.isEmpty else { return nil }
        return host.lowercased()
    }

    /// True when `s` is an absolute http(s) URL.
    static func isAbsoluteWeb(_ s: String?) -> Bool {
        guard let scheme = s.flatMap(url)?.scheme?.lowercased() else { return false }
        return scheme == "http" || scheme == "https"
    }

    /// `URL(string:)`, escaping characters it refuses first (spaces, non-ASCII).
    static func url(_ s: String) -> URL? {
        if s.unicodeScalars.allSatisfy({ $0.isASCII && $0 != " " }), let u = URL(string: s) { return u }
        guard let escaped = s.addingPercentEncoding(withAllowedCharacters: keptCharacters) else { return nil }
        return URL(string: escaped)
    }
}
