import Execution
import Outputs
import Markup
import Notebook

/// The site's front page: the lessons in course order, each with its title, description and
/// what it holds.
struct IndexPage {
    let configuration: CourseSettings
    let notebooks: [ExecutedNotebook]

    /// The `<main>` content of the index.
    func main() -> String {
        var items = ""
        for executed in notebooks {
            let notebook = executed.notebook
            var item = HTML.element("a", ["href": SafeURL.relativeLink(toFile: notebook.name + ".html")], content: HTML.escape(notebook.title))
            if let description = notebook.frontMatter.description {
                item += HTML.element("p", ["class": "description"], content: HTML.escape(description))
            }
            item += HTML.element("p", ["class": "contents-summary"], content: HTML.escape(Self.summary(executed)))
            items += HTML.element("li", content: item) + "\n"
        }
        var body = HTML.element("h1", content: HTML.escape(configuration.title)) + "\n"
        if let description = configuration.description {
            body += HTML.element("p", ["class": "course-description"], content: HTML.escape(description)) + "\n"
        }
        body += HTML.element("ol", ["class": "lessons"], content: "\n" + items) + "\n"
        return HTML.element("article", ["class": "index"], content: "\n" + body)
    }

    /// "5 cells · 2 figures · 1 table · 12 formulas": what a reader will find on the page.
    static func summary(_ executed: ExecutedNotebook) -> String {
        var figures = 0, tables = 0
        for cell in executed.cells where cell.cell.options.output {
            for case .display(let display) in cell.outputs {
                switch display {
                case .table: tables += 1
                case .text, .math: break
                default: figures += 1
                }
            }
        }
        let counts = [(executed.notebook.cells.count, "cell"), (figures, "figure"), (tables, "table"),
                      (executed.notebook.math.count, "formula")]
        let parts = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        return parts.isEmpty ? "prose only" : parts.joined(separator: " · ")
    }
}
