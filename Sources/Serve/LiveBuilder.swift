import Execution
import Foundation
import Notebook
import Site

/// Builds the site in memory for `weave serve`, again and again: a notebook whose bytes did not
/// change is not looked at; one whose code did is brought up to date by its live session (only
/// the cells from the first changed one run, see `LiveNotebook`); a notebook seen for the first
/// time comes from the execution cache when it can, and gets its live session later (`warm`).
public final class LiveBuilder: @unchecked Sendable {
    /// What one rebuild did.
    public struct Report: Sendable {
        /// Wall-clock seconds.
        public var seconds: Double
        /// The notebooks that changed, by file name, with how many of their cells ran (nil: restored from the cache).
        public var changed: [(name: String, cellsRun: Int?)]
        /// Every problem, located; the site is not replaced while there is one.
        public var problems: [Diagnostic]
        /// Whether anything differs from the last build.
        public var isNew: Bool
    }

    private struct Entry {
        var bytes: [UInt8]
        /// Whether the notebook was read in safe mode.
        var safe = false
        var notebook: Notebook?
        var live: LiveNotebook?
        var executed: ExecutedNotebook?
        var problems: [Diagnostic]
    }

    private var settings: CourseSettings
    private var builder: SiteBuilder
    private let cache: ExecutionCache?
    private let assets: [SiteFile]
    private var entries: [String: Entry] = [:]
    private var paths: [String] = []
    private var built = false

    /// A builder of the course `settings` with `assets`, keeping outputs in `cache` when given.
    public init(settings: CourseSettings, assets: Assets, cache: ExecutionCache?, companions: [Companion] = [.markdownSource]) throws {
        self.settings = settings
        var builder = SiteBuilder(configuration: settings, assets: assets)
        builder.companions = companions
        if let cache { builder.pageCache = PageCache(folder: cache.folder, weaveVersion: cache.weaveVersion) }
        self.builder = builder
        self.cache = cache
        self.assets = try builder.assetFiles()
    }

    /// Rebuilds: the site's files when the build succeeded (nil when it failed or nothing
    /// changed), and what happened. `settings` reads the course settings again (weave.yml may
    /// have changed); its located problems fail the build like a notebook's.
    public func rebuild(settings load: () throws(NotebookFailure) -> CourseSettings) -> (files: [String: [UInt8]]?, report: Report) {
        let stopwatch = Stopwatch()
        var changed: [(name: String, cellsRun: Int?)] = []
        var problems: [Diagnostic] = []
        var settingsChanged = false
        do {
            let loaded = try load()
            if loaded != settings {
                settings = loaded
                builder.configuration = loaded
                settingsChanged = true
            }
        } catch {
            problems += error.diagnostics
        }
        let current: [String]
        do {
            current = try Notebook.paths(in: settings.notebooks)
        } catch {
            current = []
            problems.append(Diagnostic(path: settings.notebooks, location: SourceLocation(line: 1, column: 1), message: error.message))
        }
        var isNew = current != paths || !built || settingsChanged
        paths = current
        entries = entries.filter { current.contains($0.key) }
        for path in current {
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            if let entry = entries[path], entry.bytes == bytes, entry.safe == settings.safe {
                problems += entry.problems
                continue
            }
            isNew = true
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            var entry = entries[path] ?? Entry(bytes: bytes, problems: [])
            entry.bytes = bytes
            entry.safe = settings.safe
            do {
                let notebook = try Notebook.parse(bytes: bytes, path: path, safe: settings.safe)
                entry.notebook = notebook
                let key = cache.map { NotebookExecutor().cacheKey(for: notebook, in: $0) }
                if entry.live == nil, let cache, let key, case .hit(let executed) = cache.lookup(notebook, key: key) {
                    (entry.executed, entry.problems) = (executed, [])
                    changed.append((name, nil))
                } else {
                    let live = entry.live ?? LiveNotebook()
                    let (executed, found, ran) = live.update(notebook)
                    (entry.live, entry.executed, entry.problems) = (live, executed, found)
                    changed.append((name, ran))
                    // What ran is kept for later builds (a prose edit runs nothing and changes no entry).
                    if ran > 0, found.isEmpty, let cache, let key { try? cache.store(executed, key: key) }
                }
            } catch {
                (entry.notebook, entry.executed, entry.problems) = (nil, nil, error.diagnostics)
                changed.append((name, 0))
            }
            entries[path] = entry
            problems += entry.problems
        }
        built = true
        let seconds = stopwatch.seconds
        guard problems.isEmpty, isNew else {
            return (nil, Report(seconds: seconds, changed: changed, problems: problems, isNew: isNew))
        }
        var files: [String: [UInt8]] = [:]
        for file in builder.pages(current.compactMap { entries[$0]?.executed }).files + assets {
            files[file.path] = file.contents
        }
        return (files, Report(seconds: stopwatch.seconds, changed: changed, problems: [], isNew: true))
    }

    /// Gives one notebook restored from the cache its live session (running it whole, which
    /// gives the same outputs); false when every notebook has one.
    public func warm() -> Bool {
        guard let path = paths.first(where: { entries[$0]?.live == nil && entries[$0]?.notebook != nil }),
              var entry = entries[path], let notebook = entry.notebook else { return false }
        let live = LiveNotebook()
        _ = live.update(notebook)
        entry.live = live
        entries[path] = entry
        return true
    }
}
