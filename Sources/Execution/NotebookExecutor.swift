import Engine
import Foundation
import Kernel
import Notebook
import Outputs

/// Runs a notebook's cells in order in one session, like one Jupyter kernel per notebook.
///
/// A cell that fails without `error: true` stops the notebook (later cells would only fail
/// for lack of its results); a failed `expect` is reported but the notebook goes on, so every
/// broken claim of a lesson shows up in one build.
public struct NotebookExecutor: Sendable {
    /// The limits every cell gets unless the notebook's front matter changes them.
    public var defaultLimits: Limits
    /// Whether notebooks are read in safe mode (raw HTML omitted); their outputs are the same.
    public var safe: Bool

    /// An executor with the cell language's default limits.
    public init(defaultLimits: Limits = Limits(), safe: Bool = false) {
        self.defaultLimits = defaultLimits
        self.safe = safe
    }

    /// The executed notebook and every problem found while running it.
    ///
    /// After each cell, the values of top-level names that no later cell can reach are let
    /// go of: a later cell reaches a name when one of its words is that name, or when it can
    /// call code (a function, a closure) declared by a cell whose words include the name.
    /// Outputs do not change; a notebook's memory holds only what is still to be used.
    public func execute(_ notebook: Notebook) -> (ExecutedNotebook, [Diagnostic]) {
        let session = Session(limits: limits(for: notebook))
        let text = SourceText(notebook.source)
        let words = notebook.cells.map { Session.words(in: $0.source) }
        var declaredBy: [String: [Int]] = [:]
        var progress = RunProgress()
        var cells: [ExecutedNotebook.ExecutedCell] = []
        for (index, cell) in notebook.cells.enumerated() {
            var declared: Set<String> = []
            cells.append(Self.step(cell, session: session, progress: &progress, text: text, declared: &declared))
            for name in declared { declaredBy[name, default: []].append(index) }
            var needed = Set(words[(index + 1)...].joined())
            var pending = Array(needed)
            while let name = pending.popLast() {
                guard session.holdsCode(name) else { continue }
                for definer in declaredBy[name] ?? [] {
                    for word in words[definer] where needed.insert(word).inserted { pending.append(word) }
                }
            }
            session.release(keeping: needed)
        }
        let executed = ExecutedNotebook(notebook: notebook, cells: cells)
        return (executed, Self.problems(executed))
    }

    /// How far a run through a notebook's cells has come.
    struct RunProgress {
        /// How many cells ran so far (the next one's `In [n]` is one more).
        var count = 0
        /// Whether a cell failed without `error: true`, so the rest do not run.
        var stopped = false
    }

    /// Runs one cell in `session` (unless it is not to run, or the notebook stopped).
    static func step(_ cell: Cell, session: Session, progress: inout RunProgress, text: SourceText) -> ExecutedNotebook.ExecutedCell {
        var declared: Set<String> = []
        return step(cell, session: session, progress: &progress, text: text, declared: &declared)
    }

    /// As `step`, also telling the top-level names the cell declared.
    static func step(_ cell: Cell, session: Session, progress: inout RunProgress, text: SourceText,
                     declared: inout Set<String>) -> ExecutedNotebook.ExecutedCell {
        guard cell.options.eval, !progress.stopped else {
            return .init(cell: cell, executionCount: nil, outputs: [], error: nil)
        }
        progress.count += 1
        let stopwatch = Stopwatch(), peakBefore = Self.peakMemory()
        let run = session.run(CellCode(source: cell.source, firstLine: cell.firstLine, columnOffset: cell.columnOffset))
        let cost = CellCost(seconds: stopwatch.seconds, peakGrowth: max(0, Self.peakMemory() - peakBefore))
        declared = run.declared
        let error = run.error.map { error in
            CellError(line: error.line, column: error.column, message: error.message,
                      excerpt: text.excerpt(at: SourceLocation(line: error.line, column: error.column)))
        }
        if error != nil, !cell.options.error { progress.stopped = true }
        return .init(cell: cell, executionCount: progress.count, outputs: run.outputs, error: error, cost: cost)
    }

    /// The process's peak resident memory so far, in bytes: the `VmHWM` line of
    /// /proc/self/status. (getrusage's `ru_maxrss` is no use here: Linux carries the peak of
    /// the process that started weave across `exec`.)
    static func peakMemory() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }

    /// Every problem of an executed notebook, cell by cell: an error the cell did not expect,
    /// an expected error that did not come, a claim that did not hold.
    public static func problems(_ executed: ExecutedNotebook) -> [Diagnostic] {
        let notebook = executed.notebook
        let text = SourceText(notebook.source)
        var problems: [Diagnostic] = []
        for ran in executed.cells where ran.executionCount != nil {
            let cell = ran.cell
            if let error = ran.error {
                if !cell.options.error {
                    problems.append(Diagnostic(path: notebook.path, location: SourceLocation(line: error.line, column: error.column),
                                               message: error.message, excerpt: error.excerpt))
                }
            } else if cell.options.error {
                problems.append(Diagnostic(path: notebook.path, location: cell.fence,
                                           message: "this cell is marked 'error: true' but ran without an error",
                                           excerpt: text.excerpt(at: cell.fence)))
            }
            // A step-through linked to a table the page does not have.
            for output in ran.outputs {
                guard case .display(let display) = output else { continue }
                for table in Self.linkedTables(display) where notebook.crossReferences[table]?.kind != .table {
                    problems.append(Diagnostic(path: notebook.path, location: cell.fence,
                                               message: "stepThrough: no table on this page is labelled '\(table)'",
                                               excerpt: text.excerpt(at: cell.fence)))
                }
            }
            for output in ran.outputs {
                guard case .expectation(let expectation) = output, !expectation.passed else { continue }
                let location = SourceLocation(line: expectation.line, column: expectation.column)
                var message = "expectation failed: \(expectation.message)"
                if let detail = expectation.detail { message += " (\(detail))" }
                problems.append(Diagnostic(path: notebook.path, location: location, message: message,
                                           excerpt: text.excerpt(at: location)))
            }
        }
        return problems
    }

    /// The tables step-through figures in `display` (groups included) highlight.
    static func linkedTables(_ display: Display) -> [String] {
        switch display {
        case .network(let diagram): diagram.frames?.table.map { [$0] } ?? []
        case .group(let group): group.items.flatMap(linkedTables)
        default: []
        }
    }

    /// Loads and runs the notebooks at `paths`, `jobs` at a time, each in its own session,
    /// restoring from `cache` what it holds and storing what ran cleanly. The runs come back in
    /// path order whatever the order they finished in; `finished` hears each as it finishes
    /// (one call at a time: the number finished so far, the total, the run).
    ///
    /// While notebooks run side by side, each gets its share of the processors for the engine's
    /// large products (`EngineThreads`), which changes no bit of any result.
    public func execute(paths: [String], jobs: Int, cache: ExecutionCache?,
                        finished: (@Sendable (Int, Int, NotebookRun) -> Void)? = nil) -> [NotebookRun] {
        let workers = max(1, min(jobs, paths.count))
        let board = RunBoard(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = board.take() {
                let run = self.run(path: paths[index], cache: cache)
                board.finish(index, run) { count in finished?(count, paths.count, run) }
            }
        }
        return board.runs
    }

    /// Loads and runs one notebook, through the cache when there is one.
    public func run(path: String, cache: ExecutionCache?) -> NotebookRun {
        let stopwatch = Stopwatch()
        func seconds() -> Double { stopwatch.seconds }
        let notebook: Notebook
        do {
            notebook = try Notebook.load(path: path, safe: safe)
        } catch {
            return NotebookRun(path: path, executed: nil, problems: error.diagnostics, seconds: seconds(), cached: false, warnings: [])
        }
        var warnings: [String] = []
        var key: String?
        if let cache {
            let contentKey = cacheKey(for: notebook, in: cache)
            key = contentKey
            switch cache.lookup(notebook, key: contentKey) {
            case .hit(let executed):
                return NotebookRun(path: path, executed: executed, problems: [], seconds: seconds(), cached: true, warnings: [])
            case .miss:
                break
            case .damaged(let reason):
                warnings.append("ignoring a damaged cache entry: \(reason)")
            }
        }
        let (executed, problems) = execute(notebook)
        if let cache, let key, problems.isEmpty {
            do {
                try cache.store(executed, key: key)
            } catch {
                warnings.append("could not write the cache in '\(cache.directory.path)': \(error.localizedDescription)")
            }
        }
        return NotebookRun(path: path, executed: executed, problems: problems, seconds: seconds(), cached: false, warnings: warnings)
    }

    /// The key of `notebook`'s outputs in `cache`, under the limits its cells run under.
    public func cacheKey(for notebook: Notebook, in cache: ExecutionCache) -> String {
        cache.key(for: notebook, limits: limits(for: notebook))
    }

    /// The limits `notebook`'s cells run under: the defaults, changed by its front matter.
    public func limits(for notebook: Notebook) -> Limits {
        var limits = defaultLimits
        let settings = notebook.frontMatter.limits
        if let steps = settings.steps { limits.steps = steps }
        if let depth = settings.callDepth { limits.callDepth = depth }
        if let elements = settings.tensorElements { limits.tensorElements = elements }
        return limits
    }
}

/// What loading and running one notebook gave.
public struct NotebookRun: Sendable {
    /// The notebook's path as given.
    public var path: String
    /// The executed notebook; nil when it could not be loaded.
    public var executed: ExecutedNotebook?
    /// Every problem found, located.
    public var problems: [Diagnostic]
    /// Wall-clock seconds spent on it.
    public var seconds: Double
    /// Whether the outputs came from the cache (no cell ran).
    public var cached: Bool
    /// Things worth telling that are not problems (a damaged cache entry ignored).
    public var warnings: [String]

    /// How many cells ran (none when restored from the cache).
    public var cellsRun: Int {
        cached ? 0 : (executed?.cells.filter { $0.executionCount != nil }.count ?? 0)
    }

    /// How many `expect` claims held.
    public var claimsHeld: Int {
        executed?.cells.reduce(0) { total, cell in
            total + cell.outputs.filter { if case .expectation(let claim) = $0 { claim.passed } else { false } }.count
        } ?? 0
    }
}

/// The shared state of parallel runs: which notebook is next and what finished.
private final class RunBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finishedCount = 0
    private var running = 0
    private var results: [NotebookRun?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// The index of the next notebook to run, nil when none is left.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < results.count else { return nil }
        next += 1
        running += 1
        shareProcessors()
        return next - 1
    }

    /// Gives each running notebook its share of the processors for the engine's large
    /// products (the bits do not depend on it): two notebooks side by side on two cores run
    /// one thread each instead of four threads fighting over two cores.
    private func shareProcessors() {
        EngineThreads.limit(to: EngineThreads.processors / Swift.max(running, 1))
    }

    /// Records a finished run and tells `report` how many have finished, under the lock.
    func finish(_ index: Int, _ run: NotebookRun, report: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = run
        finishedCount += 1
        running -= 1
        shareProcessors()
        report(finishedCount)
    }

    /// The runs in path order.
    var runs: [NotebookRun] {
        lock.lock()
        defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}
