import ArgumentParser
import Notebook
import Site

/// `weave build [DIR] [-o OUT]`: every notebook of a folder into a site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from a folder of notebooks.",
        discussion: "The site is written whole or not at all: if any notebook fails, every error is listed and the previous site stays as it was.")

    @Argument(help: "The folder of notebooks (default: weave.yml's 'notebooks', else Notebooks).")
    var notebooks: String?

    @Option(name: .shortAndLong, help: "The site folder to write (default: weave.yml's 'output', else output).")
    var output: String?

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    func run() throws {
        let settings = try Course.settings(notebooks: notebooks, output: output, config: config)
        let (notebooks, output) = (settings.notebooks, settings.output)
        let paths = try Notebook.paths(in: notebooks)
        let writer = SiteWriter(path: output)
        try writer.checkTarget(notebooks: notebooks)
        let builder = SiteBuilder(configuration: settings, assets: try Assets.locate(), progress: { number, total, path in
            Terminal.progress("[\(number)/\(total)] \(path)")
        })
        let outcome = try builder.build(paths: paths)
        guard outcome.diagnostics.isEmpty else {
            throw NotebooksFailed.report(outcome.diagnostics, note: "; '\(output)' was left as it was")
        }
        do {
            try writer.write(outcome.files)
        } catch {
            throw UsageError(message: "cannot write the site to '\(output)': \(error.localizedDescription)")
        }
        Terminal.progress("wrote \(outcome.published.count) page\(outcome.published.count == 1 ? "" : "s") and the index to \(output)/")
    }
}
