import Markup
import Notebook

/// The site's front page: the notebooks in course order, each with its title and description.
struct IndexPage {
    let configuration: SiteConfiguration
    let notebooks: [Notebook]

    /// The `<main>` content of the index.
    func main() -> String {
        var items = ""
        for notebook in notebooks {
            var item = HTML.element("a", ["href": notebook.name + ".html"], content: HTML.escape(notebook.title))
            if let description = notebook.frontMatter.description {
                item += HTML.element("p", ["class": "description"], content: HTML.escape(description))
            }
            items += HTML.element("li", content: item) + "\n"
        }
        let heading = HTML.element("h1", content: HTML.escape(configuration.title))
        let list = HTML.element("ol", ["class": "lessons"], content: "\n" + items)
        return HTML.element("article", ["class": "index"], content: "\n" + heading + "\n" + list + "\n")
    }
}
