import Markup
import Notebook

/// Renders one notebook as the `<main>` content of its page.
struct NotebookPage {
    let notebook: Notebook
    let previous: Notebook?
    let next: Notebook?

    /// The article and the links to the neighbouring lessons.
    func main() -> String {
        var article = ""
        for part in notebook.parts {
            switch part {
            case .html(let html): article += html
            case .math(let math): article += Self.math(math)
            case .cell(let index):
                if notebook.cells.indices.contains(index) { article += Self.cell(notebook.cells[index]) }
            }
        }
        return HTML.element("article", ["class": "notebook"], content: "\n" + article) + "\n" + pager()
    }

    /// A formula as the element the page script hands to KaTeX; without script, the TeX shows.
    static func math(_ math: Math) -> String {
        HTML.element("span", ["class": math.display ? "math display" : "math inline"], content: HTML.escape(math.tex))
    }

    /// A code cell: its source, unless `echo: false`.
    static func cell(_ cell: Cell) -> String {
        var content = ""
        if cell.options.echo {
            let code = HTML.element("code", ["class": "language-swift"], content: HTML.escape(cell.source))
            content += HTML.element("pre", ["class": "cell-source"], content: code)
        }
        if let caption = cell.options.caption {
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
