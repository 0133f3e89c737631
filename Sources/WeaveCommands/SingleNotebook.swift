import Foundation
import Execution
import Notebook

/// What `weave render` and `weave export` share: one notebook named on the command line,
/// the file written beside it, and running it with every problem reported.
struct SingleNotebook {
    /// The notebook's path as given.
    let file: String
    /// The file to write.
    let target: String

    /// Checks that `file` is a readable notebook and picks the target: `output`, else `file`
    /// with `pathExtension` in place of `.md`; `what` names the target in messages.
    /// - Throws: `UsageError` (exit 2) for an unreadable file or a target that is the notebook.
    init(file: String, output: String?, pathExtension: String, what: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: file) else {
            throw UsageError(message: "cannot read the notebook '\(file)'")
        }
        let target = output ?? (file.hasSuffix(".md") ? String(file.dropLast(3)) : file) + "." + pathExtension
        guard URL(fileURLWithPath: target).standardizedFileURL != URL(fileURLWithPath: file).standardizedFileURL else {
            throw UsageError(message: "the \(what) would overwrite the notebook '\(file)'; choose another file with -o")
        }
        // Checked before anything runs, and said plainly (the system's own error is a number).
        var targetIsFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &targetIsFolder), targetIsFolder.boolValue {
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "." + pathExtension
            throw UsageError(message: "'\(target)' is a folder; -o names the \(what) file to write, e.g. -o \(target.hasSuffix("/") ? target : target + "/")\(name)")
        }
        self.file = file
        self.target = target
    }

    /// Loads the notebook (in safe mode when `executor` reads in it) and runs it.
    /// - Throws: `NotebooksFailed` (exit 1) after reporting every problem; nothing is written then.
    func run(with executor: NotebookExecutor) throws -> ExecutedNotebook {
        let notebook: Notebook
        do {
            notebook = try Notebook.load(path: file, safe: executor.safe)
        } catch {
            throw NotebooksFailed.report(error.diagnostics, note: "; nothing was written")
        }
        let (executed, problems) = executor.execute(notebook)
        guard problems.isEmpty else { throw NotebooksFailed.report(problems, note: "; nothing was written") }
        return executed
    }
}
