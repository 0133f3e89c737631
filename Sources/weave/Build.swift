import ArgumentParser
import Notebook
import Site

/// `weave build [DIR] [-o OUT]`: every notebook of a folder into a site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from a folder of notebooks.",
        discussion: "The site is written whole or not at all: if any notebook fails, every error is listed and the previous site stays as it was.")

    @Argument(help: "The folder of notebooks.")
    var notebooks = "Notebooks"

    @Option(name: .shortAndLong, help: "The site folder to write.")
    var output = "output"

    func run() throws {
        let paths = try SiteBuilder.notebookPaths(in: notebooks)
        let writer = SiteWriter(path: output)
        try writer.checkTarget(notebooks: notebooks)
        let builder = SiteBuilder(assets: try Assets.locate(), progress: { number, total, path in
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

/// `weave check [DIR]`: run every notebook and its expectations, writing nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every notebook of a folder and verify its expectations; write nothing.")

    @Argument(help: "The folder of notebooks.")
    var notebooks = "Notebooks"

    func run() throws {
        let paths = try SiteBuilder.notebookPaths(in: notebooks)
        let executor = NotebookExecutor()
        var diagnostics: [Diagnostic] = []
        for (number, path) in paths.enumerated() {
            Terminal.progress("[\(number + 1)/\(paths.count)] \(path)")
            do {
                diagnostics += executor.execute(try Notebook.load(path: path)).1
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw NotebooksFailed.report(diagnostics) }
        Terminal.progress("\(paths.count) notebook\(paths.count == 1 ? "" : "s") checked")
    }
}
