import ArgumentParser
import Execution
import Foundation
import Notebook

/// Where `build` keeps executed notebooks between runs.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Run every cell; neither read nor write the execution cache.")
    var noCache = false

    @Option(help: "The execution cache folder (default: .weave-cache beside weave.yml, or in the current folder).")
    var cacheDir: String?

    @Flag(help: "Empty the execution cache first.")
    var clearCache = false

    /// The cache these options ask for (emptied first with --clear-cache), nil with --no-cache.
    func cache(for course: Course) throws -> ExecutionCache? {
        let directory = course.cacheDirectory(cacheDir)
        if clearCache { try CacheFolder.clear(directory) }
        return noCache ? nil : ExecutionCache(directory: directory, weaveVersion: BuildIdentity.current)
    }
}

/// How `build` and `check` run notebooks (in parallel) and what they print.
struct ExecutionOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "How many notebooks run at once (default: the processor count).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print only the summary and errors, even on a terminal.")
    var quiet = false

    @Flag(help: "After the run, list the slowest cells with their time and peak memory growth (notebooks then run one at a time unless --jobs says otherwise).")
    var timings = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of at least 1, not \(jobs)") }
    }

    /// The slowest cells that ran, at most `limit`, as lines for standard output.
    static func slowest(_ runs: [NotebookRun], limit: Int = 10) -> [String] {
        let timed = runs.flatMap { run in
            (run.executed?.cells ?? []).compactMap { cell in cell.cost.map { (run.path, cell.cell, $0) } }
        }
        guard !timed.isEmpty else {
            return ["timings: no cell ran in this build (every notebook came from the cache; --no-cache runs them all)"]
        }
        let ranked = timed.sorted { $0.2.seconds > $1.2.seconds }.prefix(limit)
        let places = ranked.map { "\($0.0):\($0.1.fence.line)" }
        let width = places.map(\.count).max() ?? 0
        var lines = ["slowest cells (\(ranked.count) of the \(timed.count) that ran; memory: growth of the process's peak):"]
        for (place, entry) in zip(places, ranked) {
            let megabytes = Double(entry.2.peakGrowth) / 1_048_576
            lines.append("  " + place.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "  " + String(format: "%7.3f s  %+8.1f MB", entry.2.seconds, megabytes))
        }
        return lines
    }

    /// Runs every notebook at `paths` as these options say, through `cache` when there is one,
    /// printing a line per notebook as it finishes (on a terminal, unless quiet) and every warning;
    /// `safe`: the notebooks are read in safe mode (their raw HTML omitted).
    func run(_ paths: [String], cache: ExecutionCache?, safe: Bool = false) -> [NotebookRun] {
        let jobs = self.jobs ?? (timings ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let showProgress = Terminal.isInteractive && !quiet
        let width = paths.map { ($0 as NSString).lastPathComponent.count - 3 }.max() ?? 0
        let runs = NotebookExecutor(safe: safe).execute(paths: paths, jobs: jobs, cache: cache) { number, total, run in
            if showProgress { Terminal.write(Self.line(number, total, run, width: width) + "\n") }
        }
        for warning in runs.flatMap(\.warnings) { Terminal.warning(warning) }
        return runs
    }

    /// `[3/5] 03-activation-statistics  2.1 s  11 cells  6 ✓  (cached)`.
    static func line(_ number: Int, _ total: Int, _ run: NotebookRun, width: Int) -> String {
        let name = ((run.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let padded = name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0)
        let counter = "[\(number)/\(total)]"
        guard let executed = run.executed, run.problems.isEmpty else {
            return "\(counter) \(padded)  \(seconds(run.seconds))  \(run.problems.count) error\(run.problems.count == 1 ? "" : "s")"
        }
        let cells = executed.cells.count
        var line = "\(counter) \(padded)  \(seconds(run.seconds))  \(cells) cell\(cells == 1 ? "" : "s")  \(run.claimsHeld) ✓"
        if run.cached { line += "  (cached)" }
        return line
    }

    /// Seconds as a person reads them: `0.42 s`, `2.1 s`, `12 s`.
    static func seconds(_ value: Double) -> String {
        if value < 1 { return String(format: "%.2f s", value) }
        if value < 10 { return String(format: "%.1f s", value) }
        return String(format: "%.0f s", value)
    }

    /// The closing line: how many notebooks, how many from the cache, cells run, claims held, time.
    static func summary(_ runs: [NotebookRun], seconds: Double, what: String) -> String {
        let cached = runs.filter(\.cached).count
        let cells = runs.reduce(0) { $0 + $1.cellsRun }
        let claims = runs.reduce(0) { $0 + $1.claimsHeld }
        let notebooks = "\(runs.count) notebook\(runs.count == 1 ? "" : "s")"
        return "\(what) \(notebooks) in \(self.seconds(seconds)): \(cached) from the cache, \(cells) cell\(cells == 1 ? "" : "s") run, \(claims) claim\(claims == 1 ? "" : "s") held"
    }
}
