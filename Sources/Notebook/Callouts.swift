import CMarkGFM
import Markup

/// GitHub's alerts as callouts: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` becomes a titled box with an icon, so a lesson
/// reads the same on GitHub and on the site. A `-` or `+` right after the marker makes it
/// collapsible (`<details>`, closed or open), and text after the marker replaces the title:
/// `> [!TIP]- Solution`. Anything else stays a block quote.
enum Callouts {
    /// The kinds, in GitHub's order.
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// What a block quote's first line asks for.
    struct Marker: Equatable {
        var kind: String
        /// nil: a plain callout; false: collapsible, closed at first; true: collapsible, open.
        var open: Bool?
        var title: String?
    }

    /// The marker on a first line, or nil when the line is not one.
    static func marker(_ line: String) -> Marker? {
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return nil }
        let kind = line[line.index(line.startIndex, offsetBy: 2)..<close].lowercased()
        guard kinds.contains(kind) else { return nil }
        var rest = line[line.index(after: close)...]
        var open: Bool?
        if let first = rest.first, first == "-" || first == "+" {
            open = first == "+"
            rest = rest.dropFirst()
        }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let title = String(rest.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        // GitHub takes the marker alone on its line; a title needs the collapsible form's room.
        if !title.isEmpty && open == nil { return nil }
        return Marker(kind: kind, open: open, title: title.isEmpty ? nil : title)
    }

    /// The opening markup of a callout.
    static func opening(_ marker: Marker) -> String {
        let title = HTML.escape(marker.title ?? marker.kind.prefix(1).uppercased() + String(marker.kind.dropFirst()))
        let heading = icon(marker.kind) + title
        if let open = marker.open {
            let attributes = open ? " open" : ""
            return "<details class=\"callout callout-\(marker.kind)\"\(attributes)>\n"
                + "<summary class=\"callout-title\">\(heading)</summary>\n"
        }
        return "<div class=\"callout callout-\(marker.kind)\" role=\"note\">\n<p class=\"callout-title\">\(heading)</p>\n"
    }

    /// The closing markup of a callout.
    static func closing(_ marker: Marker) -> String {
        marker.open == nil ? "</div>\n" : "</details>\n"
    }

    /// A 16 × 16 line icon, hidden from screen readers (the title says the same).
    static func icon(_ kind: String) -> String {
        let shape: String
        switch kind {
        case "note": shape = "<circle cx=\"8\" cy=\"8\" r=\"6.5\"/><path d=\"M8 7v4.5M8 4.5v.5\"/>"
        case "tip": shape = "<path d=\"M5.5 10.5a4.5 4.5 0 1 1 5 0V12h-5zM6 14h4\"/>"
        case "important": shape = "<path d=\"M2 2.5h12v8.5H7l-3 2.5V11H2zM8 4.5v3.5M8 9.5v.5\"/>"
        case "warning": shape = "<path d=\"M8 1.5l6.5 12h-13zM8 6v4M8 11.5v.5\"/>"
        default: shape = "<path d=\"M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3zM8 4.5v4.5M8 10.8v.5\"/>"
        }
        return "<svg class=\"callout-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">\(shape)</svg>"
    }

    /// Turns every block quote of `document` that starts with a marker into its callout:
    /// the marker line goes, the quote's other blocks move out between two blocks of weave's markup.
    static func apply(to document: OpaquePointer) {
        var quotes: [(OpaquePointer, Marker)] = []
        CMarkDocument.forEachNode(document) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE,
                  let paragraph = cmark_node_first_child(node),
                  cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let marker = marker(firstLine(of: paragraph)) else { return }
            quotes.append((node, marker))
        }
        // Innermost first, so a quote moved out of another is already done.
        for (quote, marker) in quotes.reversed() {
            guard let paragraph = cmark_node_first_child(quote) else { continue }
            removeFirstLine(of: paragraph)
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            guard let opening = CMarkDocument.customBlock(Self.opening(marker)) else { continue }
            guard cmark_node_insert_before(quote, opening) == 1 else { cmark_node_free(opening); continue }
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                guard cmark_node_insert_before(quote, child) == 1 else { cmark_node_free(child); continue }
            }
            if let closing = CMarkDocument.customBlock(Self.closing(marker)), cmark_node_insert_before(quote, closing) != 1 {
                cmark_node_free(closing)
            }
            cmark_node_unlink(quote)
            cmark_node_free(quote)
        }
    }

    /// The text of a paragraph's first line: its leading text nodes up to the first line break
    /// (cmark keeps `[`, `!NOTE` and `]` apart); empty when anything else comes first.
    private static func firstLine(of paragraph: OpaquePointer) -> String {
        var line = ""
        var node = cmark_node_first_child(paragraph)
        while let current = node {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { break }
            guard type == CMARK_NODE_TEXT else { return "" }
            line += CMarkDocument.string(cmark_node_get_literal(current)) ?? ""
            node = cmark_node_next(current)
        }
        return line
    }

    /// Removes a paragraph's first line and the line break after it.
    private static func removeFirstLine(of paragraph: OpaquePointer) {
        while let node = cmark_node_first_child(paragraph) {
            let type = cmark_node_get_type(node)
            cmark_node_unlink(node)
            cmark_node_free(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { break }
        }
    }
}
