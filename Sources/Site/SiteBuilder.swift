import Foundation
import Markup
import Execution
import Notebook

/// Builds a whole site from a folder of notebooks, as a list of named stages:
/// find → load → render → write. Nothing is written unless every notebook succeeded.
public struct SiteBuilder: Sendable {
    /// What a build produced, or why it stopped.
    public struct Outcome: Sendable {
        /// The pages and assets, in path order (empty when the build failed).
        public var files: [SiteFile]
        /// Every problem of every notebook, in path and line order.
        public var diagnostics: [Diagnostic]
        /// The notebooks that were published, in course order.
        public var published: [Notebook]
    }

    /// Site-wide settings.
    public var configuration: CourseSettings
    /// Where KaTeX comes from.
    public var assets: Assets
    /// Runs the cells.
    public var executor = NotebookExecutor()
    /// Where rendered pages are kept between builds, if anywhere.
    public var pageCache: PageCache?
    /// What the site was made from (`inputsKey`), written into its marker file.
    public var inputs: String?
    /// The files published beside each page and linked from it (by default the Markdown source).
    public var companions: [Companion] = [.markdownSource]

    /// A builder with the given settings.
    public init(configuration: CourseSettings = CourseSettings(), assets: Assets) {
        self.configuration = configuration
        self.assets = assets
    }

    /// A digest of everything a build of `paths` reads: weave's version, the settings, the
    /// assets' names and sizes, and every notebook's file name and bytes. Two builds with the same
    /// inputs make the same site, so a site whose marker holds this key is up to date.
    public func inputsKey(paths: [String], weaveVersion: String) -> String {
        var digest = SHA256()
        digest.update("weave site\nversion \(weaveVersion)\nsettings \(configuration.identity)\n")
        digest.update("assets \(assets.identity)\n")
        for path in paths {
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            let name = (path as NSString).lastPathComponent
            digest.update("notebook \(name.utf8.count):\(name) \(bytes.count)\n")
            digest.update(bytes)
        }
        return digest.hexDigest()
    }

    /// Loads and renders every notebook at `paths` (stage by stage), collecting every problem;
    /// the outcome's files are the whole site, assets included.
    public func build(paths: [String]) throws -> Outcome {
        var outcome = try buildPages(paths: paths)
        if outcome.diagnostics.isEmpty {
            outcome.files = (outcome.files + (try assets.files())).sorted { $0.path < $1.path }
        }
        return outcome
    }

    /// As `build`, without the asset files: the pages, the index and the site's own small files.
    /// The stages: load (in safe mode when the settings say so) and run every notebook, then
    /// render the published ones.
    public func buildPages(paths: [String]) throws -> Outcome {
        var executor = executor
        executor.safe = executor.safe || configuration.safe
        let runs = executor.execute(paths: paths, jobs: 1, cache: nil)
        let diagnostics = runs.flatMap(\.problems)
        guard diagnostics.isEmpty else { return Outcome(files: [], diagnostics: diagnostics, published: []) }
        return pages(runs.compactMap(\.executed))
    }

    /// The pages, the index and the site's own small files for notebooks that ran without a
    /// problem (drafts left out, the rest in course order); no asset files.
    public func pages(_ executed: [ExecutedNotebook]) -> Outcome {
        let published = Self.courseOrder(executed.filter { !$0.notebook.frontMatter.draft })
        return Outcome(files: render(published), diagnostics: [], published: published.map(\.notebook))
    }

    /// The whole site for notebooks that ran without a problem: `pages` and the asset files.
    public func site(_ executed: [ExecutedNotebook]) throws -> Outcome {
        var outcome = pages(executed)
        outcome.files = (outcome.files + (try assets.files())).sorted { $0.path < $1.path }
        return outcome
    }

    /// Notebooks sorted by their front matter's `order`, then by file name.
    public static func courseOrder(_ notebooks: [ExecutedNotebook]) -> [ExecutedNotebook] {
        notebooks.sorted { a, b in
            switch (a.notebook.frontMatter.order, b.notebook.frontMatter.order) {
            case let (x?, y?) where x != y: x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a.notebook.name < b.notebook.name
            }
        }
    }

    /// Runs a notebook's cells: the executed notebook and every problem found.
    public func execute(_ notebook: Notebook) -> (ExecutedNotebook, [Diagnostic]) {
        executor.execute(notebook)
    }

    /// The page for one executed notebook, standing alone (neighbours unknown), for `weave render`.
    public func renderPage(_ executed: ExecutedNotebook) -> SiteFile {
        let notebook = executed.notebook
        let template = PageTemplate(configuration: configuration, root: "", hasIndex: false)
        let main = NotebookPage(executed: executed, previous: nil, next: nil, downloads: []).main()
        return SiteFile(path: notebook.name + ".html",
                        text: template.document(title: notebook.title, description: notebook.frontMatter.description, main: main))
    }

    /// The asset files every page links to.
    public func assetFiles() throws -> [SiteFile] {
        try assets.files()
    }

    private func render(_ executed: [ExecutedNotebook]) -> [SiteFile] {
        let template = PageTemplate(configuration: configuration, root: "")
        let notebooks = executed.map(\.notebook)
        var files: [SiteFile] = []
        for (position, notebook) in notebooks.enumerated() {
            let previous = position > 0 ? notebooks[position - 1] : nil
            let next = position + 1 < notebooks.count ? notebooks[position + 1] : nil
            let downloads = companions.map { (notebook.name + "." + $0.fileExtension, $0.label) }
            let key = pageCache?.key(notebook, previous: previous, next: next, configuration: configuration,
                                     downloads: downloads.map(\.0))
            // The companions are kept beside the page in the page cache: making a notebook's
            // `.ipynb` renders all its figures again.
            for companion in companions {
                let bytes: [UInt8]
                if let key, let cached = pageCache?.companion(key, companion.fileExtension) {
                    bytes = cached
                } else {
                    bytes = companion.make(executed[position])
                    if let key { pageCache?.storeCompanion(bytes, key, companion.fileExtension) }
                }
                files.append(SiteFile(path: notebook.name + "." + companion.fileExtension, contents: bytes))
            }
            if let key, let cached = pageCache?.page(key) {
                files.append(SiteFile(path: notebook.name + ".html", text: cached))
                continue
            }
            let page = NotebookPage(executed: executed[position], previous: previous, next: next, downloads: downloads)
            let text = template.document(title: notebook.title, description: notebook.frontMatter.description, main: page.main())
            if let key { pageCache?.store(text, key) }
            files.append(SiteFile(path: notebook.name + ".html", text: text))
        }
        files.append(SiteFile(path: SearchIndex.path, text: SearchIndex(executed).script))
        let index = IndexPage(configuration: configuration, notebooks: executed)
        files.append(SiteFile(path: "index.html", text: template.document(title: configuration.title, description: configuration.description, main: index.main())))
        files.append(SiteFile(path: "404.html", text: notFoundPage()))
        if let sitemap = sitemap(notebooks) { files.append(SiteFile(path: "sitemap.xml", text: sitemap)) }
        files.append(SiteFile(path: "README.md", text: SiteWriter.readme))
        files.append(SiteFile(path: SiteWriter.markerName, text: SiteWriter.marker(inputs: inputs)))
        return files.sorted { $0.path < $1.path }
    }
}

extension SiteBuilder {
    /// The page a web server shows for a missing address. With a base URL its links are
    /// absolute, so it works at any depth of the site.
    func notFoundPage() -> String {
        let root = configuration.baseURL ?? ""
        let template = PageTemplate(configuration: configuration, root: root)
        let main = HTML.element("article", ["class": "not-found"], content:
            "\n" + HTML.element("h1", content: "Page not found") + "\n"
            + HTML.element("p", content: "There is no page at this address. "
                + HTML.element("a", ["href": root + "index.html"], content: "See every lesson of the course") + ".") + "\n")
        return template.document(title: "Page not found", description: nil, main: main)
    }

    /// `sitemap.xml` listing the index and every page, when the site has a base URL.
    func sitemap(_ notebooks: [Notebook]) -> String? {
        guard let base = configuration.baseURL else { return nil }
        var urls = [base]
        urls += notebooks.map { base + $0.name + ".html" }
        // `base-url` is checked to be http(s) when read; the rule for URLs holds here all the same.
        let entries = urls.filter { !SafeURL.isDangerous($0) }.map { "<url><loc>\(HTML.escape($0))</loc></url>" }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(entries)
        </urlset>

        """
    }
}
