import ArgumentParser
import Execution
import Notebook

/// `weave check [DIR]`: run every notebook and its expectations, writing nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every notebook of a folder and verify its expectations; write nothing.")

    @Argument(help: "The folder of notebooks (default: weave.yml's 'notebooks', else Notebooks).")
    var notebooks: String?

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    func run() throws {
        let settings = try Course.settings(notebooks: notebooks, output: nil, config: config)
        let paths = try Notebook.paths(in: settings.notebooks)
        let (_, diagnostics) = NotebookExecutor().execute(paths: paths) { number, total, path in
            Terminal.progress("[\(number)/\(total)] \(path)")
        }
        guard diagnostics.isEmpty else { throw NotebooksFailed.report(diagnostics) }
        Terminal.progress("\(paths.count) notebook\(paths.count == 1 ? "" : "s") checked")
    }
}
