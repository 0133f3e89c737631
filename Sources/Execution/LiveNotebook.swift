import Kernel
import Notebook
import Outputs

/// A notebook kept running between edits, as `weave serve` keeps it: one session, and after
/// each cell its results and a checkpoint of the session.
///
/// When the notebook changes, the cells before the first changed cell keep their results
/// (their lines moved with the prose), and running starts again from the latest cell before
/// it whose checkpoint can still be restored exactly. A checkpoint cannot be restored once
/// something it reaches was changed by a later cell (a network trained or a weight set after
/// it), or when it reaches a closure holding a call's variables; running then starts from an
/// earlier checkpoint, at worst from the first cell in a new session. So an edit to cell k
/// re-runs k…n when the cells after the last untouched checkpoint left it alone, and never
/// gives a result a run from the start would not give. docs/site.md states the rule.
public final class LiveNotebook {
    private let executor: NotebookExecutor
    private var session: Session?
    private var limits: Limits?
    private var ran: [RanCell] = []

    /// What is kept of one cell after it ran.
    private struct RanCell {
        var key: CellKey
        var stored: ExecutionCache.StoredCell
        /// The session after this cell; nil when it was restored from elsewhere (no session).
        var checkpoint: SessionCheckpoint?
        /// The run's progress after this cell.
        var count: Int
        var stopped: Bool
    }

    /// What decides a cell's results, given the cells before it.
    private struct CellKey: Equatable {
        var source: String
        var eval: Bool
        var error: Bool
        var columnOffset: Int

        init(_ cell: Cell) {
            source = cell.source
            eval = cell.options.eval
            error = cell.options.error
            columnOffset = cell.columnOffset
        }
    }

    /// A live notebook that runs cells as `executor` does; nothing has run yet.
    public init(executor: NotebookExecutor = NotebookExecutor()) {
        self.executor = executor
    }

    /// Brings the notebook up to date with `notebook` as loaded now: the executed notebook,
    /// its problems, and how many cells ran for it (0 when no cell's code changed).
    public func update(_ notebook: Notebook) -> (executed: ExecutedNotebook, problems: [Diagnostic], cellsRun: Int) {
        let text = SourceText(notebook.source)
        let keys = notebook.cells.map(CellKey.init)
        let notebookLimits = executor.limits(for: notebook)
        if notebookLimits != limits {
            limits = notebookLimits
            session = nil
            ran = []
        }
        let firstChange = zip(keys, ran).enumerated().first { $0.element.0 != $0.element.1.key }?.offset ?? min(keys.count, ran.count)
        var kept = 0
        if firstChange == keys.count, keys.count == ran.count {
            kept = keys.count
        } else if let session {
            // The latest checkpoint before the change that still holds.
            var restart = firstChange
            while restart > 0 {
                if let checkpoint = ran[restart - 1].checkpoint, session.canRestore(checkpoint) {
                    session.restore(checkpoint)
                    break
                }
                restart -= 1
            }
            kept = restart
        }
        if kept == 0 && !(keys.count == ran.count && firstChange == keys.count) {
            session = Session(limits: notebookLimits)
        }
        var cells = zip(notebook.cells.prefix(kept), ran.prefix(kept)).map { cell, old in old.stored.restored(for: cell, text: text) }
        ran.removeSubrange(kept...)
        var progress = NotebookExecutor.RunProgress()
        if let last = ran.last {
            progress.count = last.count
            progress.stopped = last.stopped
        }
        var cellsRun = 0
        if kept < keys.count, let session {
            for cell in notebook.cells[kept...] {
                let before = progress.count
                let result = NotebookExecutor.step(cell, session: session, progress: &progress, text: text)
                if progress.count > before { cellsRun += 1 }
                cells.append(result)
                ran.append(RanCell(key: CellKey(cell), stored: .init(result), checkpoint: session.checkpoint(),
                                   count: progress.count, stopped: progress.stopped))
            }
        }
        let executed = ExecutedNotebook(notebook: notebook, cells: cells)
        return (executed, NotebookExecutor.problems(executed), cellsRun)
    }
}
