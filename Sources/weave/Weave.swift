import ArgumentParser
import Foundation
import Notebook
import Site

/// The `weave` command: build a site from notebooks, render one page, or check notebooks.
@main
struct Weave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Turn Markdown lessons with Swift cells into a static site.",
        discussion: "Exit codes: 0 success, 1 a notebook failed, 2 bad usage or unreadable input.",
        subcommands: [Build.self, ServeCommand.self, Render.self, Check.self, Export.self, Clean.self])

    /// Runs the command and maps every outcome to weave's exit codes (0, 1, 2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as NotebooksFailed {
            Terminal.error("\(failure.count) error\(failure.count == 1 ? "" : "s") in \(failure.notebooks) notebook\(failure.notebooks == 1 ? "" : "s")\(failure.note)")
            Foundation.exit(1)
        } catch let error as UsageError {
            Terminal.error(error.message)
            Foundation.exit(2)
        } catch let error as InputError {
            Terminal.error(error.message)
            Foundation.exit(2)
        } catch let error as AssetError {
            Terminal.error(error.message)
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.write(message + "\n") }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Notebooks failed; their diagnostics have been printed already.
struct NotebooksFailed: Error {
    var count: Int
    var notebooks: Int
    var note: String = ""

    /// Prints every diagnostic with its excerpt, then returns the failure to throw.
    static func report(_ diagnostics: [Diagnostic], note: String = "") -> NotebooksFailed {
        for diagnostic in diagnostics {
            Terminal.write(diagnostic.detailed + "\n")
        }
        return NotebooksFailed(count: diagnostics.count, notebooks: Set(diagnostics.map(\.path)).count, note: note)
    }
}
