import ArgumentParser
import Foundation
import Notebook
import Site

/// The `weave` command: build a site from notebooks, render one page, or check notebooks.
struct Weave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Turn Markdown lessons with Swift cells into a static site.",
        discussion: "Exit codes: 0 success, 1 a notebook failed, 2 bad usage or unreadable input.",
        subcommands: [Build.self, ServeCommand.self, Render.self, Check.self, Export.self, Clean.self])

    /// Runs the command and maps every outcome to weave's exit codes (0, 1, 2).
    static func run(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
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
        Foundation.exit(0)
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

/// The command line of both programs: `weave`, and `weave-serve`, which holds the web server
/// of `weave serve` so that no other command loads it.
public enum WeaveCommandLine {
    /// How `serve` serves: set by `weave-serve`; nil in `weave`, which hands `serve` over.
    nonisolated(unsafe) static var server: ((ServeLaunch) throws -> Void)?

    /// Seconds as a person reads them: `0.42 s`, `2.1 s`, `12 s`.
    public static func seconds(_ value: Double) -> String { ExecutionOptions.seconds(value) }

    /// The program beside this one that serves.
    static let serverProgram = "weave-serve"

    /// Runs `weave` with its command line.
    public static func main() -> Never {
        Weave.run(Array(CommandLine.arguments.dropFirst()))
    }

    /// Runs `weave serve` with `arguments` (those after `serve`), serving through `server`.
    public static func serve(_ arguments: [String], server: @escaping (ServeLaunch) throws -> Void) -> Never {
        self.server = server
        Weave.run(["serve"] + arguments)
    }

    /// Replaces this process with `weave-serve`, found beside it, given the arguments that
    /// followed `serve`.
    static func handOverToServer() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let following = arguments.firstIndex(of: "serve").map { Array(arguments[($0 + 1)...]) } ?? []
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let program = own.deletingLastPathComponent().appendingPathComponent(serverProgram).path
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw UsageError(message: "'weave serve' runs \(serverProgram), which is not beside weave (\(program)); build it with 'swift build --product \(serverProgram)' (make site builds both)")
        }
        let argv = ([program] + following).map { strdup($0) } + [nil]
        execv(program, argv)
        throw UsageError(message: "cannot start \(program): \(String(cString: strerror(errno)))")
    }
}
