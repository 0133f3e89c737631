import ArgumentParser
import Foundation
import Notebook
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: file) else {
            throw UsageError(message: "cannot read the notebook '\(file)'")
        }
        let target = output ?? (file.hasSuffix(".md") ? String(file.dropLast(3)) : file) + ".ipynb"
        guard URL(fileURLWithPath: target).standardizedFileURL != URL(fileURLWithPath: file).standardizedFileURL else {
            throw UsageError(message: "the export would overwrite the notebook '\(file)'; choose another file with -o")
        }
        let notebook: Notebook
        do {
            notebook = try Notebook.load(path: file)
        } catch {
            throw NotebooksFailed.report(error.diagnostics, note: "; nothing was written")
        }
        let (executed, problems) = NotebookExecutor().execute(notebook)
        guard problems.isEmpty else { throw NotebooksFailed.report(problems, note: "; nothing was written") }
        do {
            try SiteWriter.writeFile(IpynbExport.notebook(executed), to: target)
        } catch {
            throw UsageError(message: "cannot write '\(target)': \(error.localizedDescription)")
        }
        Terminal.progress("wrote \(target)")
    }
}
