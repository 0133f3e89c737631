import CMarkGFM
import Markup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only door to cmark-gfm: parses Markdown with the GitHub extensions, reports block
/// structure, and renders HTML with cells and heading ids marked by placeholders.
/// Every C object is created and freed inside one function.
///
/// Before rendering, every link's and image's URL goes through `SafeURL` (a dangerous one
/// becomes empty), in both modes. By default raw HTML passes through (disarmed by tagfilter,
/// and with dangerous URLs taken out of its attributes); in safe mode cmark-gfm renders it as
/// `<!-- raw HTML omitted -->`. What weave itself puts into the document (cells, heading
/// marks, callouts) goes in as custom nodes, which cmark-gfm renders in both modes.
enum CMarkDocument {
    /// A fenced `swift` code block as cmark-gfm found it.
    struct RawCell {
        var info: String
        var literal: String
        /// Line and column of the opening fence.
        var fenceLine: Int
        var fenceColumn: Int
        /// The block's last line: the closing fence, or the last code line of an unclosed block.
        var endLine: Int
    }

    /// A heading as cmark-gfm found it; its text still holds math placeholders.
    struct RawHeading {
        var level: Int
        var text: String
        var line: Int = 0
    }

    /// The rendered document.
    struct Rendered {
        var html: String
        var cells: [RawCell]
        var headings: [RawHeading]
    }

    /// The GitHub extensions weave's Markdown has.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Footnotes are on, and table cells are aligned with `style` rather than the `align`
    /// attribute HTML5 made obsolete; raw HTML passes through (disarmed by tagfilter) unless `safe`.
    static func options(safe: Bool) -> Int32 {
        let common = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        return safe ? common : common | CMARK_OPT_UNSAFE
    }

    /// The options of the default mode.
    static let options = options(safe: false)

    /// The lines (1-based) inside code blocks and HTML blocks: Markdown that math must not touch.
    static func codeAndHTMLLines(in markdown: String) -> Set<Int> {
        var lines = Set<Int>()
        withDocument(markdown) { document, _ in
            forEachNode(document) { node in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK {
                    let start = Int(cmark_node_get_start_line(node))
                    let end = Int(cmark_node_get_end_line(node))
                    if start > 0, end >= start { lines.formUnion(start...end) }
                }
            }
        }
        return lines
    }

    /// Renders `markdown` to HTML; `swift` fences become cell placeholders and every heading
    /// starts with a heading placeholder, both numbered in document order. `safe`: raw HTML is
    /// omitted. `verbatim` gives raw HTML back the text it had before math and references were
    /// masked (raw HTML is the author's as written; nothing is read inside it).
    static func render(_ markdown: String, safe: Bool = false, verbatim: (String) -> String = { $0 }) -> Rendered {
        var result = Rendered(html: "", cells: [], headings: [])
        withDocument(markdown) { document, extensions in
            var cellNodes: [OpaquePointer] = []
            var headingNodes: [OpaquePointer] = []
            var linkNodes: [OpaquePointer] = []
            var htmlNodes: [OpaquePointer] = []
            forEachNode(document) { node in
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    linkNodes.append(node)
                } else if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK {
                    htmlNodes.append(node)
                } else if type == CMARK_NODE_CODE_BLOCK, let info = string(cmark_node_get_fence_info(node)),
                   info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "swift" {
                    cellNodes.append(node)
                    result.cells.append(RawCell(
                        info: info, literal: string(cmark_node_get_literal(node)) ?? "",
                        fenceLine: Int(cmark_node_get_start_line(node)),
                        fenceColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node))))
                } else if type == CMARK_NODE_HEADING {
                    headingNodes.append(node)
                    result.headings.append(RawHeading(level: Int(cmark_node_get_heading_level(node)), text: plainText(node),
                                                      line: Int(cmark_node_get_start_line(node))))
                }
            }
            for node in linkNodes {
                let url = string(cmark_node_get_url(node)) ?? ""
                if SafeURL.isDangerous(url, asImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
                    cmark_node_set_url(node, "")
                }
            }
            // Safe mode omits raw HTML whatever it holds.
            if !safe {
                for node in htmlNodes {
                    let literal = string(cmark_node_get_literal(node)) ?? ""
                    let disarmed = SafeURL.disarmingURLs(inRawHTML: verbatim(literal))
                    if disarmed != literal { cmark_node_set_literal(node, disarmed) }
                }
            }
            for (number, node) in cellNodes.enumerated() {
                guard let marker = customBlock(Placeholder.marker(.cell, number) + "\n") else { continue }
                if cmark_node_replace(node, marker) == 1 {
                    cmark_node_free(node)
                } else {
                    cmark_node_free(marker)
                }
            }
            for (number, node) in headingNodes.enumerated() {
                guard let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(marker, Placeholder.marker(.heading, number))
                if cmark_node_prepend_child(node, marker) != 1 { cmark_node_free(marker) }
            }
            Callouts.apply(to: document)
            result.html = html(document, extensions, options: options(safe: safe))
        }
        return result
    }

    /// A block of weave's own markup, written as it is in both modes (cmark-gfm writes a
    /// custom block's `on_enter` between line breaks, as it writes an HTML block).
    static func customBlock(_ markup: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(node, markup)
        return node
    }

    /// Plain HTML of `markdown` as cmark-gfm alone renders it (for conformance checks).
    static func plainHTML(_ markdown: String) -> String {
        var output = ""
        withDocument(markdown) { document, extensions in
            output = html(document, extensions)
        }
        return output
    }

    // MARK: C plumbing

    /// The HTML of a parsed document; the C string is freed here.
    private static func html(_ document: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?,
                             options: Int32 = options) -> String {
        guard let html = cmark_render_html(document, options, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Parses `markdown` and hands the document and the attached extensions to `body`, then frees both.
    private static func withDocument(_ markdown: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Void) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(document) }
        body(document, cmark_parser_get_syntax_extensions(parser))
    }

    /// Calls `visit` for every node on entering it, in document order.
    static func forEachNode(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// The text of a node's inline content, as a table of contents shows it.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        forEachNode(node) { child in
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += string(cmark_node_get_literal(child)) ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
