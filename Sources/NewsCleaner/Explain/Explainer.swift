import Foundation

/// Renders the engine's decisions as an HTML copy of the page: every element the engine removed
/// is outlined red with its reason, the chosen container green with its score, every kept block
/// green and every dropped block red with the reason ("link density 0.82 > 0.50", "class 'ranking'").
///
/// Scripts, styles and other text-less parts are already gone (the prepass cut them), so the copy
/// shows the page as the engine saw it.
///
/// ```swift
/// let html = try Cleaner().explain(html: bytes, url: nil)
/// try html.write(toFile: "explain.html", atomically: true, encoding: .utf8)
/// ```
struct Explainer {
    let options: CleanerOptions
    /// The page's work budget (the trace is best effort once it is spent).
    var meter = WorkMeter.unlimited()

    /// Outline colours and the legend, in one place.
    private enum Style {
        static let kept = "outline:2px solid #1a9c3c;"
        static let container = "outline:4px solid #0b6b24;"
        static let removed = "outline:2px dashed #d0021b;background:rgba(208,2,27,0.06);"
        static let dropped = "outline:2px solid #d0021b;background:rgba(208,2,27,0.10);"
        static let label = "display:block;font:11px/1.3 monospace;color:#fff;padding:1px 4px;margin:2px 0;"
        static let keptLabel = label + "background:#1a9c3c;"
        static let removedLabel = label + "background:#d0021b;"
    }

    func render(_ document: Document, url: String?) -> String {
        var extractor = ArticleExtractor(options: options, url: url)
        extractor.meter = meter
        let trace = ArticleExtractor.trace(Cleaner.pageRun(extractor, document, url: nil).run, document)
        // Container roots can be many siblings: a set, not a search per decision.
        let roots = Set(trace.roots)
        var notes: [Int: (style: String, label: String, kept: Bool)] = [:]
        for (id, reason) in trace.removed.enumerated() {
            if let reason { notes[id] = (Style.removed, "removed: " + describe(reason, id, document), false) }
        }
        for root in trace.roots {
            let score = trace.scores[root]
            notes[root] = (Style.container, String(format: "container: score %.1f", score), true)
        }
        for decision in trace.decisions where notes[decision.owner] == nil || !roots.contains(decision.owner) {
            if let reason = decision.reason {
                notes[decision.owner] = (Style.dropped, "dropped: " + describe(reason), false)
            } else if notes[decision.owner] == nil {
                notes[decision.owner] = (Style.kept, "kept " + decision.block.kind.rawValue, true)
            }
        }
        var out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>newsclean --explain</title></head><body>\n"
        out += "<div style=\"\(Style.label)background:#333;font-size:13px\">newsclean --explain"
        if let url { out += " — " + escape(url) }
        out += ": green = kept (thick: chosen container), red dashed = removed before scoring, red = dropped block</div>\n"
        if let verdict = trace.verdict {
            out += "<div style=\"\(Style.label)background:#333\">container chosen by the \(verdict.winner.rawValue) view: \(escape(verdict.reason))</div>\n"
        }
        var stack: [(id: Int, end: Int)] = []
        var id = 1
        while id < document.count {
            while let top = stack.last, top.end <= id {
                stack.removeLast()
                out += "</\(tagName(document, top.id))>"
            }
            let tag = document.tag(id)
            if tag == .text {
                out += escape(document.rawText(id))
                id += 1
                continue
            }
            if tag == .head || tag == .title || tag == .meta || tag == .link {
                id = document.subtreeEnd(id)
                continue
            }
            let name = tagName(document, id)
            out += "<" + name
            for attribute in [AttributeName.class, .id, .role, .href, .src, .alt] {
                if let value = document.attribute(attribute, of: id) { out += " \(attribute.htmlName)=\"\(escape(value))\"" }
            }
            if let note = notes[id] {
                out += " style=\"\(note.style)\" title=\"\(escape(note.label))\""
            }
            out += ">"
            if let note = notes[id], !tag.traits.contains(.void) {
                out += "<span style=\"\(note.kept ? Style.keptLabel : Style.removedLabel)\">\(escape(note.label))</span>"
            }
            if tag.traits.contains(.void) {
                id += 1
                continue
            }
            stack.append((id, document.subtreeEnd(id)))
            id += 1
        }
        while let top = stack.popLast() { out += "</\(tagName(document, top.id))>" }
        out += "\n</body></html>\n"
        return out
    }

    private func tagName(_ document: Document, _ id: Int) -> String {
        let tag = document.tag(id)
        switch tag {
        case .unknown, .root, .html, .body: return "div"
        default: return tag.name
        }
    }

    private func describe(_ reason: RemovalReason, _ id: Int, _ document: Document) -> String {
        switch reason {
        case .invisible: return "not rendered (hidden, aria-hidden, display:none, or a form/media element)"
        case .landmark(let tag): return "<\(tag.name)> landmark"
        case .rule(let selector): return "user rule: drop '\(selector)'"
        case .vocabulary(let concept):
            let names = (document.attribute(.class, of: id) ?? "") + " " + (document.attribute(.id, of: id) ?? "")
            return "class/id '\(names.trimmingCharacters(in: .whitespaces))' names \(ConceptNames.describe(concept))"
        }
    }

    private func describe(_ reason: DropReason) -> String {
        let settings = options.settings
        switch reason {
        case .removed(let r): return "removed: \(r)"
        case .caption: return "caption"
        case .linkDensity(let d): return String(format: "link density %.2f > %.2f", d, settings.blockMaxLinkDensity)
        case .phrase: return "boilerplate phrase"
        case .byline: return "byline"
        case .title: return "repeats the title"
        case .trailingHeading: return "heading with no text after it"
        case .table: return "table (tables off)"
        case .dateline: return "date line"
        }
    }

    /// Text and attribute values escaped as the HTML renderer does.
    private func escape(_ text: String) -> String {
        HTMLRenderer.escapeAttribute(text)
    }
}

/// Human names of vocabulary concepts, for explanations.
enum ConceptNames {
    static let names: [(Concept, String)] = [
        (.navigation, "navigation"), (.ads, "ads"), (.promo, "promo"), (.subscribe, "subscribe"),
        (.ranking, "ranking"), (.related, "related"), (.social, "social"), (.comments, "comments"),
        (.footer, "footer"), (.sidebar, "sidebar"), (.hidden, "hidden"), (.pager, "pager"), (.tags, "tags"),
        (.byline, "byline"), (.author, "author"), (.caption, "caption"), (.header, "header"), (.content, "content"),
        (.articleBody, "articleBody"), (.meta, "meta"), (.widget, "widget"),
    ]

    static func describe(_ concept: Concept) -> String {
        names.filter { concept.contains($0.0) }.map(\.1).joined(separator: "+")
    }
}
