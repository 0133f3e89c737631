import Notebook
import Markup

/// The frame every page shares: head with assets, site header, main content, footer.
struct PageTemplate {
    let configuration: CourseSettings
    /// The path from the page to the site root (`""`, `"../"`).
    let root: String
    /// Whether the site has an index to link home to (a page rendered alone has none).
    var hasIndex = true

    /// A whole HTML document around `main`, which is already markup.
    func document(title: String, description: String?, main: String) -> String {
        let fullTitle = title == configuration.title ? title : "\(title) · \(configuration.title)"
        var head = HTML.void("meta", ["charset": "utf-8"]) + "\n"
        head += HTML.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]) + "\n"
        head += HTML.element("title", content: HTML.escape(fullTitle)) + "\n"
        if let description, !description.isEmpty {
            head += HTML.void("meta", ["name": "description", "content": description]) + "\n"
        }
        if let author = configuration.author {
            head += HTML.void("meta", ["name": "author", "content": author]) + "\n"
        }
        head += HTML.void("link", ["rel": "stylesheet", "href": root + Assets.katexStylesheet]) + "\n"
        head += HTML.void("link", ["rel": "stylesheet", "href": root + Assets.stylesheet]) + "\n"
        head += HTML.element("script", ["defer": "", "src": root + Assets.katexScript], content: "") + "\n"
        head += HTML.element("script", ["defer": "", "src": root + Assets.script], content: "") + "\n"
        let title = hasIndex
            ? HTML.element("a", ["class": "site-title", "href": root + "index.html"], content: HTML.escape(configuration.title))
            : HTML.element("span", ["class": "site-title"], content: HTML.escape(configuration.title))
        // A site (not a page rendered alone) has a search index; the page script adds the box
        // and loads the index from this address, so it obeys the rule for URLs too.
        let header = hasIndex
            ? HTML.element("header", ["class": "site-header", "data-search": SafeURL.filtered(root + SearchIndex.path)], content: title)
            : HTML.element("header", ["class": "site-header"], content: title)
        return """
        <!DOCTYPE html>
        <html lang="\(HTML.escape(configuration.language))">
        <head>
        \(head)</head>
        <body>
        <a class="skip-link" href="#content">Skip to the content</a>
        \(header)
        <main id="content">
        \(main)
        </main>
        </body>
        </html>

        """
    }
}
