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
        Saving a notebook, weave.yml or an asset rebuilds it through the execution cache and \
        live sessions: an edit to one cell runs that cell and the ones after it. Open pages \
        reload by themselves; a build that fails shows its errors on every page until fixed.
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

    @OptionGroup var caching: CacheOptions

    func run() throws {
        let course = try Course.resolve(notebooks: notebooks, output: nil, config: config)
        if host != "127.0.0.1" && host != "::1" && host != "localhost" {
            Terminal.warning("serving on \(host): other machines that can reach it can read the site")
        }
        let address = host == "localhost" ? "127.0.0.1" : host
        let builder = try LiveBuilder(settings: course.settings, assets: try Assets.locate(), cache: try caching.cache(for: course))
        let site = LiveSite()
        let queue = DispatchQueue(label: "weave.serve.rebuild")
        let notebooksOption = notebooks, settingsPath = config ?? (FileManager.default.fileExists(atPath: "weave.yml") ? "weave.yml" : nil)
        let rebuild: @Sendable () -> Void = {
            let (files, report) = builder.rebuild { () throws(NotebookFailure) -> CourseSettings in
                var settings = try settingsPath.map { path throws(NotebookFailure) in try CourseSettings.load(path: path) } ?? CourseSettings()
                if let notebooksOption { settings.notebooks = notebooksOption }
                return settings
            }
            let errors = report.problems.map(\.detailed)
            // A failure is told once; the same failure again changes nothing.
            guard report.isNew || errors != site.current.errors else { return }
            Self.print(report)
            site.publish(files: files, errors: errors)
        }
        queue.sync(execute: rebuild)
        // Notebooks restored from the cache get their live sessions in the background, one at
        // a time, so that edits queued meanwhile wait for one notebook at most.
        @Sendable func warmNext() { if builder.warm() { queue.async(execute: warmNext) } }
        queue.async(execute: warmNext)

        var watches = [Watcher.Watch(folder: course.settings.notebooks) { $0.hasSuffix(".md") && !$0.hasPrefix(".") }]
        let settingsFile = config ?? "weave.yml"
        if FileManager.default.fileExists(atPath: settingsFile) {
            let name = (settingsFile as NSString).lastPathComponent
            watches.append(Watcher.Watch(folder: course.folder.isEmpty ? "." : course.folder) { $0 == name })
        }
        let watching = Watcher(watches) { queue.async(execute: rebuild) }.start()
        let watched = ([course.settings.notebooks + "/*.md"] + (watches.count > 1 ? [settingsFile] : [])).joined(separator: ", ")

        guard let chosen = SiteServer.freePort(host: address, from: port) else {
            throw UsageError(message: "no free port from \(port) to \(Int(port) + 49) on \(address)")
        }
        let shown = address.contains(":") ? "[\(address)]" : address
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await SiteServer(site: site).run(host: address, port: chosen) {
                    Terminal.say("serving http://\(shown):\(chosen)/ — watching \(watched) with \(watching); Ctrl-C stops")
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            throw UsageError(message: "cannot serve on \(shown):\(chosen): \(error.localizedDescription)")
        }
    }

    /// One line per rebuild on standard output; a failed build's errors on standard error.
    static func print(_ report: LiveBuilder.Report) {
        if !report.problems.isEmpty {
            for problem in report.problems { Terminal.write(problem.detailed + "\n") }
            Terminal.write("weave: the build failed (\(report.problems.count) error\(report.problems.count == 1 ? "" : "s")); the pages show the errors until the files are fixed\n")
            return
        }
        guard report.isNew else { return }
        let parts = report.changed.map { change in
            change.cellsRun.map { "\(change.name) (\($0) cell\($0 == 1 ? "" : "s") run)" } ?? "\(change.name) (cached)"
        }
        Terminal.say("rebuilt in \(ExecutionOptions.seconds(report.seconds)): " + (parts.isEmpty ? "the settings or the list of notebooks changed" : parts.joined(separator: ", ")))
    }
}

/// Carries the server's error out of its task.
private final class FailureBox: @unchecked Sendable {
    var error: Error?
}
