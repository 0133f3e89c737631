import Execution
import Figures
import Markup
import Notebook

/// Renders one executed notebook as the `<main>` content of its page.
struct NotebookPage {
    let executed: ExecutedNotebook
    let previous: Notebook?
    let next: Notebook?
    /// Files published beside the page: (file name, link text).
    var downloads: [(String, String)] = []

    var notebook: Notebook { executed.notebook }

    /// The article and the links to the neighbouring lessons. The contents follow the page's
    /// first `#` heading, or open the article when it has none.
    func main() -> String {
        let contents = tableOfContents()
        let titleHeading = notebook.parts.firstIndex { part in
            if case .heading(let index) = part { notebook.headings.indices.contains(index) && notebook.headings[index].level == 1 } else { false }
        }
        var article = titleHeading == nil ? contents : ""
        for (position, part) in notebook.parts.enumerated() {
            switch part {
            case .html(let html): article += html
            case .math(let math): article += Self.math(math)
            case .cell(let index):
                if executed.cells.indices.contains(index) { article += Self.cell(executed.cells[index], references: notebook.crossReferences) }
            case .heading(let index):
                guard notebook.headings.indices.contains(index) else { continue }
                article += Self.heading(notebook.headings[index])
                if position == titleHeading { article += contents }
            }
        }
        return HTML.element("article", ["class": "notebook"], content: "\n" + article) + "\n" + downloadLinks() + pager()
    }

    /// The links to the files published beside the page, if any.
    private func downloadLinks() -> String {
        guard !downloads.isEmpty else { return "" }
        let links = downloads.map { file, label in
            HTML.element("a", ["href": SafeURL.relativeLink(toFile: file), "download": ""], content: HTML.escape(label))
        }
        return HTML.element("p", ["class": "downloads"], content: "Download this lesson: " + links.joined(separator: " · ")) + "\n"
    }

    /// A heading with its id and the anchor that links to it.
    static func heading(_ heading: Notebook.Heading) -> String {
        let anchor = HTML.element("a", ["class": "anchor", "href": "#" + heading.id, "aria-label": "Link to this section"], content: "")
        return HTML.element("h\(heading.level)", ["id": heading.id], content: anchor + inline(heading.markup)) + "\n"
    }

    /// The `##` and `###` headings as a nested list of links; nothing for pages with fewer than two.
    func tableOfContents() -> String {
        let entries = notebook.headings.filter { (2...3).contains($0.level) }
        guard entries.count >= 2 else { return "" }
        var items = ""
        var openSublist = false
        for (position, heading) in entries.enumerated() {
            let link = HTML.element("a", ["href": "#" + heading.id], content: Self.inline(heading.content))
            if heading.level == 3 && position > 0 {
                if !openSublist { items += "<ol>"; openSublist = true }
                items += "<li>" + link + "</li>"
            } else {
                if openSublist { items += "</ol>"; openSublist = false }
                if position > 0 { items += "</li>\n" }
                items += "<li>" + link
            }
        }
        if openSublist { items += "</ol>" }
        items += "</li>\n"
        return HTML.element("nav", ["class": "toc", "aria-label": "Contents"],
                            content: HTML.element("h2", ["class": "toc-title"], content: "Contents")
                                + HTML.element("ol", content: "\n" + items)) + "\n"
    }

    /// Escaped text and formulas, inline.
    static func inline(_ parts: [Notebook.Part]) -> String {
        parts.map { part in
            switch part {
            case .html(let html): html
            case .math(let formula): math(formula)
            case .cell, .heading: ""
            }
        }.joined()
    }

    /// A formula as the element the page script hands to KaTeX; without script, the TeX shows.
    static func math(_ math: Math) -> String {
        if let label = math.label, let number = math.number {
            // A numbered equation: the page script hands KaTeX `\tag{number}` with it.
            return HTML.element("span", ["class": "math display", "id": label, "data-tag": String(number)], content: HTML.escape(math.tex))
        }
        return HTML.element("span", ["class": math.display ? "math display" : "math inline"], content: HTML.escape(math.tex))
    }

    /// A code cell as a notebook shows it: the source with its execution count, then the outputs.
    static func cell(_ executed: ExecutedNotebook.ExecutedCell, references: [String: CrossReference] = [:]) -> String {
        var cell = executed.cell
        // A figure or table that can be referenced says its number before its caption.
        if let label = cell.options.label, let target = references[label], target.kind == .figure || target.kind == .table {
            cell.options.caption = target.text + (cell.options.caption.map { ": " + $0 } ?? "")
        }
        var content = ""
        if cell.options.echo {
            let prompt = executed.executionCount.map { "In [\($0)]:" } ?? "In [ ]:"
            let code = HTML.element("code", ["class": "language-swift"], content: SwiftHighlighter.html(cell.source))
            let input = HTML.element("div", ["class": "cell-input"], content:
                HTML.element("span", ["class": "prompt"], content: HTML.escape(prompt))
                + HTML.element("pre", ["class": "cell-source"], content: code))
            content += cell.options.fold
                ? HTML.element("details", ["class": "cell-fold"], content: HTML.element("summary", content: "Show code") + input)
                : input
        }
        let bundles = OutputBundle.bundles(for: cell, outputs: executed.outputs, error: executed.error)
        if cell.options.output {
            let outputs = bundles.map(\.html).joined()
            if !outputs.isEmpty {
                content += HTML.element("div", ["class": "cell-output"], content: outputs)
            }
        }
        // A caption belongs to the cell's figure; a cell that shows none keeps it under its source.
        let showsDisplay = cell.options.output && bundles.contains(where: \.isDisplay)
        if let caption = cell.options.caption, !showsDisplay {
            content += HTML.element("p", ["class": "cell-caption"], content: HTML.escape(caption))
        }
        guard !content.isEmpty else { return "" }
        if let label = cell.options.label {
            return HTML.element("div", ["class": "cell", "id": label], content: content) + "\n"
        }
        return HTML.element("div", ["class": "cell"], content: content) + "\n"
    }

    private func pager() -> String {
        guard previous != nil || next != nil else { return "" }
        var links = ""
        if let previous {
            links += HTML.element("a", ["class": "previous", "rel": "prev", "href": SafeURL.relativeLink(toFile: previous.name + ".html")],
                                  content: "← " + HTML.escape(previous.title))
        }
        if let next {
            links += HTML.element("a", ["class": "next", "rel": "next", "href": SafeURL.relativeLink(toFile: next.name + ".html")],
                                  content: HTML.escape(next.title) + " →")
        }
        return HTML.element("nav", ["class": "pager", "aria-label": "Previous and next lessons"], content: links)
    }
}
