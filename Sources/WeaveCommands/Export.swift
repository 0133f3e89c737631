import ArgumentParser
import Execution
import Export
import Foundation
import Site

/// `weave export FILE --to ipynb [-o FILE]`: one notebook, run, as a Jupyter notebook with its outputs.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export one notebook, with its outputs, to another format.",
        discussion: "The only format is ipynb: a Jupyter notebook (nbformat 4.5).")

    @Argument(help: "The notebook to export.")
    var file: String

    @Option(help: ArgumentHelp("The format to export to: ipynb.", valueName: "format"))
    var to: String

    @Option(name: .shortAndLong, help: "The file to write (default: FILE with .ipynb).")
    var output: String?

    func run() throws {
        guard to == "ipynb" else {
            throw UsageError(message: "cannot export to '\(to)': the only format is 'ipynb'")
        }
        let single = try SingleNotebook(file: file, output: output, pathExtension: "ipynb", what: "export")
        let target = single.target
        let executed = try single.run(with: NotebookExecutor())
        do {
            try SiteWriter.writeFile(IpynbExport.notebook(executed), to: target)
        } catch {
            throw UsageError(message: "cannot write '\(target)': \(error.localizedDescription)")
        }
        Terminal.progress("wrote \(target)")
    }
}
