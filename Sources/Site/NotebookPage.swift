import Figures
import Kernel
import Markup
import Notebook

/// Renders one executed notebook as the `<main>` content of its page.
struct NotebookPage {
    let executed: ExecutedNotebook
    let previous: Notebook?
    let next: Notebook?

    var notebook: Notebook { executed.notebook }

    /// The article and the links to the neighbouring lessons.
    func main() -> String {
        var article = ""
        for part in notebook.parts {
            switch part {
            case .html(let html): article += html
            case .math(let math): article += Self.math(math)
            case .cell(let index):
                if executed.cells.indices.contains(index) { article += Self.cell(executed.cells[index]) }
            }
        }
        // The contents follow the page's title, or open the article when it has none.
        let contents = tableOfContents()
        if let titleEnd = article.range(of: "</h1>\n") {
            article.insert(contentsOf: contents, at: titleEnd.upperBound)
        } else {
            article = contents + article
        }
        return HTML.element("article", ["class": "notebook"], content: "\n" + article) + "\n" + pager()
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
            case .cell: ""
            }
        }.joined()
    }

    /// A formula as the element the page script hands to KaTeX; without script, the TeX shows.
    static func math(_ math: Math) -> String {
        HTML.element("span", ["class": math.display ? "math display" : "math inline"], content: HTML.escape(math.tex))
    }

    /// A code cell as a notebook shows it: the source with its execution count, then the outputs.
    static func cell(_ executed: ExecutedNotebook.ExecutedCell) -> String {
        let cell = executed.cell
        var content = ""
        if cell.options.echo {
            let prompt = executed.executionCount.map { "In [\($0)]:" } ?? "In [ ]:"
            let code = HTML.element("code", ["class": "language-swift"], content: SwiftHighlighter.html(cell.source))
            content += HTML.element("div", ["class": "cell-input"], content:
                HTML.element("span", ["class": "prompt"], content: HTML.escape(prompt))
                + HTML.element("pre", ["class": "cell-source"], content: code))
        }
        if cell.options.output {
            let outputs = Self.outputs(executed)
            if !outputs.isEmpty {
                content += HTML.element("div", ["class": "cell-output"], content: outputs)
            }
        }
        // A caption belongs to the cell's figure; a cell that shows none keeps it under its source.
        let showsDisplay = cell.options.output && executed.outputs.contains { if case .display = $0 { true } else { false } }
        if let caption = cell.options.caption, !showsDisplay {
            content += HTML.element("p", ["class": "cell-caption"], content: HTML.escape(caption))
        }
        guard !content.isEmpty else { return "" }
        if let label = cell.options.label {
            return HTML.element("div", ["class": "cell", "id": label], content: content) + "\n"
        }
        return HTML.element("div", ["class": "cell"], content: content) + "\n"
    }

    private static func outputs(_ executed: ExecutedNotebook.ExecutedCell) -> String {
        let cell = executed.cell
        let prefix = cell.options.label ?? "cell\(cell.index + 1)"
        var html = ""
        for (number, output) in executed.outputs.enumerated() {
            switch output {
            case .text(let text):
                html += HTML.element("pre", ["class": "output-stream"], content: HTML.escape(text))
            case .display(let display):
                let context = FigureContext(idPrefix: "\(prefix)-out\(number + 1)", caption: cell.options.caption, alt: cell.options.alt)
                html += FigureRenderer.html(for: display, context: context)
            case .expectation(let expectation):
                html += FigureRenderer.html(for: expectation)
            }
        }
        if let error = executed.error {
            var text = "error at line \(error.location.line), column \(error.location.column): \(error.message)"
            if let excerpt = error.excerpt { text += "\n" + excerpt }
            html += HTML.element("pre", ["class": "output-error", "role": "note"], content: HTML.escape(text))
        }
        return html
    }

    private func pager() -> String {
        guard previous != nil || next != nil else { return "" }
        var links = ""
        if let previous {
            links += HTML.element("a", ["class": "previous", "rel": "prev", "href": previous.name + ".html"],
                                  content: "← " + HTML.escape(previous.title))
        }
        if let next {
            links += HTML.element("a", ["class": "next", "rel": "next", "href": next.name + ".html"],
                                  content: HTML.escape(next.title) + " →")
        }
        return HTML.element("nav", ["class": "pager", "aria-label": "Previous and next lessons"], content: links)
    }
}
