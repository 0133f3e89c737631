import Execution
import Foundation
import Notebook
import Site

/// `weave serve` put together: builds the site in memory, serves it, watches the files and
/// rebuilds on each burst of changes, one rebuild at a time, telling open pages to reload.
public final class LiveServer: @unchecked Sendable {
    /// Where and how to serve.
    public struct Options: Sendable {
        /// The folder of notebooks.
        public var notebooks: String
        /// `weave.yml`, when there is one (watched, and read again on each rebuild).
        public var settingsFile: String?
        /// The address to listen on.
        public var host: String
        /// The port tried first.
        public var port: UInt16
        /// Safe mode from the command line, kept whatever `weave.yml` says on a rebuild.
        public var safe: Bool

        /// Options for serving `notebooks` on `host`:`port`.
        public init(notebooks: String, settingsFile: String?, host: String, port: UInt16, safe: Bool = false) {
            self.notebooks = notebooks
            self.settingsFile = settingsFile
            self.host = host
            self.port = port
            self.safe = safe
        }
    }

    /// The site being served.
    public let site = LiveSite()
    private let builder: LiveBuilder
    private let options: Options
    private let queue = DispatchQueue(label: "weave.serve.rebuild")
    private let report: @Sendable (LiveBuilder.Report) -> Void
    private let running = TaskBox()

    /// A server of the course `settings` with `assets`, through `cache`; `report` hears of
    /// every rebuild that changed something (on the rebuild thread).
    public init(settings: CourseSettings, assets: Assets, cache: ExecutionCache?, options: Options,
                companions: [Companion] = [.markdownSource],
                report: @escaping @Sendable (LiveBuilder.Report) -> Void) throws {
        builder = try LiveBuilder(settings: settings, assets: assets, cache: cache, companions: companions)
        self.options = options
        self.report = report
    }

    /// Builds now, then gives the notebooks that came from the cache their live sessions in
    /// the background, one at a time (an edit queued meanwhile waits for one notebook at most);
    /// `warmed` hears when every notebook has one.
    public func buildFirst(warmed: (@Sendable () -> Void)? = nil) {
        queue.sync { rebuild() }
        queue.async { self.warmNext(warmed) }
    }

    private func warmNext(_ warmed: (@Sendable () -> Void)?) {
        if builder.warm() {
            queue.async { self.warmNext(warmed) }
        } else {
            warmed?()
        }
    }

    /// Rebuilds on the rebuild thread, after whatever is queued there; `then` runs after it.
    public func requestRebuild(then: (@Sendable () -> Void)? = nil) {
        queue.async {
            self.rebuild()
            then?()
        }
    }

    private func rebuild() {
        let (notebooks, settingsFile, safe) = (options.notebooks, options.settingsFile, options.safe)
        let (files, outcome) = builder.rebuild { () throws(NotebookFailure) -> CourseSettings in
            var settings = CourseSettings()
            if let settingsFile { settings = try CourseSettings.load(path: settingsFile) }
            settings.notebooks = notebooks
            if safe { settings.safe = true }
            return settings
        }
        let errors = outcome.problems.map(\.detailed)
        // A failure is told once; the same failure again changes nothing.
        guard outcome.isNew || errors != site.current.errors else { return }
        report(outcome)
        site.publish(files: files, errors: errors)
    }

    /// Starts watching the notebooks (`*.md`) and the settings file; says with what.
    public func watch() -> String {
        var watches = [Watcher.Watch(folder: options.notebooks) { $0.hasSuffix(".md") && !$0.hasPrefix(".") }]
        if let settingsFile = options.settingsFile {
            let folder = (settingsFile as NSString).deletingLastPathComponent
            let name = (settingsFile as NSString).lastPathComponent
            watches.append(Watcher.Watch(folder: folder.isEmpty ? "." : folder) { $0 == name })
        }
        return Watcher(watches) { [weak self] in self?.requestRebuild() }.start()
    }

    /// Serves until the process ends: `ready` hears the port chosen (the first free one from
    /// the options' port) once the server listens.
    public func serve(ready: @escaping @Sendable (UInt16) -> Void) throws {
        guard let port = SiteServer.freePort(host: options.host, from: options.port) else {
            throw InputError(message: "no free port from \(options.port) to \(Int(options.port) + 49) on \(options.host)")
        }
        let done = DispatchSemaphore(value: 0)
        let failure = ErrorBox()
        let (site, host) = (site, options.host)
        running.task = Task {
            do {
                try await SiteServer(site: site).run(host: host, port: port) { ready(port) }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error, !(error is CancellationError), running.task?.isCancelled != true {
            throw InputError(message: "cannot serve on \(host):\(port): \(error.localizedDescription)")
        }
    }
}

extension LiveServer {
    /// Stops serving: `serve` returns.
    public func stop() {
        running.task?.cancel()
    }
}

/// The serving task, so that `stop` can end it.
private final class TaskBox: @unchecked Sendable {
    var task: Task<Void, Never>?
}

/// Carries the server's error out of its task.
private final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
