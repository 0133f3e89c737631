import ArgumentParser
import Execution
import Foundation
import Notebook
import Serve
import Site

/// `weave serve [DIR]`: the site on a local address, rebuilt and reloaded as the files change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site locally; rebuild and reload the pages when a notebook changes.",
        discussion: """
        The site is built in memory (the site folder is not written) and served on 127.0.0.1. \
        Saving a notebook or weave.yml rebuilds it through the execution cache and live \
        sessions: an edit to one cell runs that cell and the ones after it. Open pages reload \
        by themselves; a build that fails shows its errors on every page until it is fixed.
        """)

    /// The port tried first.
    static let defaultPort: UInt16 = 8765

    @Argument(help: "The folder of notebooks (default: weave.yml's 'notebooks', else Notebooks).")
    var notebooks: String?

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    @Option(help: "The port to serve on; the next free one is used if it is taken.")
    var port: UInt16 = ServeCommand.defaultPort

    @Option(help: "The address to listen on (default 127.0.0.1: this machine only).")
    var host = "127.0.0.1"

    @Flag(help: ArgumentHelp(SafeMode.help))
    var safe = false

    @OptionGroup var caching: CacheOptions

    func run() throws {
        let course = try Course.resolve(notebooks: notebooks, output: nil, config: config, safe: safe)
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
        if !loopback {
            Terminal.warning("serving on \(host): every machine that can reach this address can read the site")
        }
        let address = host == "localhost" ? "127.0.0.1" : host
        let settingsFile = config ?? (FileManager.default.fileExists(atPath: "weave.yml") ? "weave.yml" : nil)
        let server = try LiveServer(
            settings: course.settings, assets: try Assets.locate(), cache: try caching.cache(for: course),
            options: .init(notebooks: course.settings.notebooks, settingsFile: settingsFile, host: address, port: port, safe: safe),
            companions: Companion.published, report: Self.print)
        server.buildFirst {
            Terminal.say("every notebook has a live session: an edit runs the changed cell and those after it")
        }
        let watching = server.watch()
        let shown = address.contains(":") ? "[\(address)]" : address
        let watched = ([course.settings.notebooks + "/*.md"] + (settingsFile.map { [$0] } ?? [])).joined(separator: ", ")
        try server.serve { chosen in
            Terminal.say("serving http://\(shown):\(chosen)/ (watching \(watched) with \(watching); Ctrl-C stops)")
        }
    }

    /// One line per rebuild on standard output; a failed build's errors on standard error.
    @Sendable static func print(_ report: LiveBuilder.Report) {
        if !report.problems.isEmpty {
            for problem in report.problems { Terminal.write(problem.detailed + "\n") }
            Terminal.write("weave: the build failed (\(report.problems.count) error\(report.problems.count == 1 ? "" : "s")); the pages show the errors until the files are fixed\n")
            return
        }
        let parts = report.changed.map { change in
            change.cellsRun.map { "\(change.name) (\($0) cell\($0 == 1 ? "" : "s") run)" } ?? "\(change.name) (cached)"
        }
        Terminal.say("rebuilt in \(ExecutionOptions.seconds(report.seconds)): "
                     + (parts.isEmpty ? "the settings or the list of notebooks changed" : parts.joined(separator: ", ")))
    }
}
