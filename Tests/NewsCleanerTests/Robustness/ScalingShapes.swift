import Foundation
@testable import NewsCleaner

/// Hostile page shapes whose cost must grow linearly with their size (issue 13).
///
/// Each shape builds a page from `units` repetitions of one piece (a nesting level, a row, a
/// link …); `ScalingTests` builds each at 1×, 4× and 16× units and compares the times.
struct ScalingShape: Sendable, CustomStringConvertible {
    let name: String
    /// Repetitions at 1× (chosen so 1× costs clearly more than the fixed costs of a page).
    let baseUnits: Int
    let build: @Sendable (Int) -> [UInt8]

    var description: String { name }

    /// A short prose line with commas and a sentence end, so every level scores as text.
    static let words = "The council met on Tuesday, and the vote was close."

    /// `<open>text … <open>text …` nested `units` deep, closed at the end.
    static func nested(_ name: String, _ baseUnits: Int = 400, open: String, close: String,
                       text: String = words, head: String = "") -> ScalingShape {
        ScalingShape(name: name, baseUnits: baseUnits) { units in
            var body = ""
            body.reserveCapacity(units * (open.utf8.count + close.utf8.count + text.utf8.count + 2))
            for i in 0..<units { body += open + text + " \(i) " }
            for _ in 0..<units { body += close }
            return Hostile.page(body: body, head: "<meta charset=\"utf-8\">" + head)
        }
    }

    /// `piece` repeated `units` times inside `prefix … suffix` in the article.
    static func repeated(_ name: String, _ baseUnits: Int = 600, prefix: String = "", suffix: String = "",
                         head: String = "", piece: @escaping @Sendable (Int) -> String) -> ScalingShape {
        ScalingShape(name: name, baseUnits: baseUnits) { units in
            var body = prefix
            for i in 0..<units { body += piece(i) }
            body += suffix
            return Hostile.page(body: "<p>\(Hostile.sentence)</p>" + body + "<p>\(Hostile.sentence)</p>",
                                head: "<meta charset=\"utf-8\">" + head)
        }
    }

    /// `piece` repeated `units` times in `<head>`.
    static func inHead(_ name: String, _ baseUnits: Int = 600, piece: @escaping @Sendable (Int) -> String) -> ScalingShape {
        ScalingShape(name: name, baseUnits: baseUnits) { units in
            var head = "<meta charset=\"utf-8\">"
            for i in 0..<units { head += piece(i) }
            return Hostile.page(body: "<p>\(Hostile.sentence)</p>", head: head)
        }
    }

    /// Every shape of the test: nesting of each element the engine treats specially, and long
    /// runs of the pieces it looks at one by one.
    static let all: [ScalingShape] = [
        // The three shapes of issue 13.
        nested("nested itemprop=author", 80, open: "<div itemprop=\"author\">By Ann Lee, ", close: "</div>"),
        repeated("long table", 800, prefix: "<table>", suffix: "</table>") { i in
            "<tr><td>Row \(i)</td><td>\(i * 7)</td><td>value</td></tr>"
        },
        nested("nested headings h2>div>h2", 300, open: "<h2>Heading <div>", close: "</div></h2>"),
        // Nesting of every element the engine treats specially.
        nested("nested h1", open: "<h1>Title ", close: "</h1>"),
        nested("nested h3 in section", open: "<section><h3>Part ", close: "</h3></section>"),
        nested("nested lists", open: "<ul><li>", close: "</li></ul>"),
        nested("nested tables", 200, open: "<table><tr><td>", close: "</td></tr></table>"),
        nested("nested blockquote", open: "<blockquote>", close: "</blockquote>"),
        nested("nested figure/figcaption", open: "<figure><img src=a.png><figcaption>", close: "</figcaption></figure>"),
        nested("nested class=byline", open: "<div class=\"byline\">By Ann Lee ", close: "</div>"),
        nested("nested rel=author links", open: "<span><a rel=\"author\" href=\"/a\">Ann Lee</a> ", close: "</span>"),
        nested("nested itemprop=headline", open: "<div itemprop=\"headline\">", close: "</div>"),
        nested("nested itemscope author/name", open: "<div itemprop=\"author\" itemscope><span itemprop=\"name\">Ann</span>", close: "</div>"),
        nested("nested date lines", open: "<div class=\"date\">Posted Nov 18, 2024 8:19 PM<div>", close: "</div></div>"),
        nested("nested links", open: "<a href=\"/x\">", close: "</a>"),
        nested("nested author page links", open: "<a href=\"/authors/ann-lee\">Ann Lee ", close: "</a>"),
        nested("nested divs", open: "<div>", close: "</div>"),
        nested("nested divs with paragraphs", open: "<div><p>\(words) \(words)</p>", close: "</div>"),
        nested("nested spans", open: "<span>", close: "</span>"),
        nested("nested spans with double br", open: "<span><br><br>", close: "</span>"),
        nested("nested inline formatting", open: "<b><i><em>", close: "</em></i></b>"),
        nested("nested article", open: "<article><p>", close: "</p></article>"),
        nested("table deep rows", 300, open: "<div>", close: "</div>",
               text: "<table><tr><td>cell</td></tr></table>"),
        // Long runs.
        repeated("long list", prefix: "<ul>", suffix: "</ul>") { "<li>Item \($0): \(words)</li>" },
        repeated("many links in one paragraph", 1500, prefix: "<p>", suffix: "</p>") { "<a href=\"/l\($0)\">link \($0)</a> " },
        repeated("many bylines") { "<p class=\"byline\">By Ann Lee \($0)</p>" },
        repeated("many author page links", 1500) { "<a href=\"/blog/authors/ann-lee-\($0)/\">Ann Lee</a> " },
        repeated("many date lines") { "<p>Updated Nov \($0 % 28 + 1), 2024 9:41 AM</p>" },
        repeated("many posted-by lines") { "<p>Posted by Ann \($0) at 21:45</p>" },
        repeated("many time elements") { "<time datetime=\"2024-11-\($0 % 28 + 10)T10:00:00Z\">Nov</time> " },
        repeated("alternating trailing headings") { "<h3>Minor \($0)</h3><h2>Major \($0)</h2>" },
        repeated("long attributes", 200) { i in "<p class=\"\(String(repeating: "story-body content ", count: 20))\">\(words) \(i)</p>" },
        repeated("many JSON-LD blocks", 300) {
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\($0)\",\"author\":{\"name\":\"Ann \($0)\"}}</script>"
        },
        // Found by the hostile run after the first fixes (prepass rescans, a title searched per h1).
        repeated("many unclosed comments") { "<!--x\($0)> \(words) " },
        repeated("many unclosed svg") { "<svg>\($0) \(words) " },
        ScalingShape(name: "long title and many h1", baseUnits: 300) { units in
            var body = ""
            for i in 0..<units { body += "<h1>\(words) \(i)</h1>" }
            return Hostile.page(body: body, title: String(repeating: words + " ", count: units))
        },
        // libxml2 scans its whole open-element stack for an end tag that matches no open element:
        // deep nesting followed by stray end tags is depth × tags inside the parser, bounded by
        // charging each parser error the depth against the page's work budget.
        ScalingShape(name: "deep nesting then stray end tags", baseUnits: 400) { units in
            var body = ""
            for i in 0..<units { body += "<span>\(i) " }
            for _ in 0..<units { body += "</i>" }
            return Hostile.page(body: "<p>\(Hostile.sentence)</p>" + body, head: "<meta charset=\"utf-8\">")
        },
        inHead("many meta tags") { "<meta name=\"author\" content=\"Ann Lee \($0)\"><meta property=\"article:tag\" content=\"tag\($0)\">" },
    ]
}

/// Thread CPU time, which other processes on the machine do not inflate.
enum ThreadClock {
    /// Seconds of CPU time used by the calling thread.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
