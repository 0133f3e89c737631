import Kernel
import Outputs
import Notebook

/// Runs a notebook's cells in order in one session, like one Jupyter kernel per notebook.
///
/// A cell that fails without `error: true` stops the notebook (later cells would only fail
/// for lack of its results); a failed `expect` is reported but the notebook goes on, so every
/// broken claim of a lesson shows up in one build.
public struct NotebookExecutor: Sendable {
    /// The limits every cell gets unless the notebook's front matter changes them.
    public var defaultLimits: Limits

    /// An executor with the cell language's default limits.
    public init(defaultLimits: Limits = Limits()) {
        self.defaultLimits = defaultLimits
    }

    /// The executed notebook and every problem found while running it.
    public func execute(_ notebook: Notebook) -> (ExecutedNotebook, [Diagnostic]) {
        let session = Session(limits: limits(for: notebook))
        let text = SourceText(notebook.source)
        var executed: [ExecutedNotebook.ExecutedCell] = []
        var problems: [Diagnostic] = []
        var count = 0
        var stopped = false
        for cell in notebook.cells {
            guard cell.options.eval, !stopped else {
                executed.append(.init(cell: cell, executionCount: nil, outputs: [], error: nil))
                continue
            }
            count += 1
            let run = session.run(CellCode(source: cell.source, firstLine: cell.firstLine, columnOffset: cell.columnOffset))
            var cellError: CellError?
            if let error = run.error {
                let location = SourceLocation(line: error.line, column: error.column)
                let diagnostic = Diagnostic(path: notebook.path, location: location, message: error.message,
                                            excerpt: text.excerpt(at: location))
                cellError = CellError(line: error.line, column: error.column, message: error.message, excerpt: diagnostic.excerpt)
                if !cell.options.error {
                    problems.append(diagnostic)
                    stopped = true
                }
            } else if cell.options.error {
                problems.append(Diagnostic(path: notebook.path, location: cell.fence,
                                           message: "this cell is marked 'error: true' but ran without an error",
                                           excerpt: text.excerpt(at: cell.fence)))
            }
            for output in run.outputs {
                guard case .expectation(let expectation) = output, !expectation.passed else { continue }
                let location = SourceLocation(line: expectation.line, column: expectation.column)
                var message = "expectation failed: \(expectation.message)"
                if let detail = expectation.detail { message += " (\(detail))" }
                problems.append(Diagnostic(path: notebook.path, location: location, message: message,
                                           excerpt: text.excerpt(at: location)))
            }
            executed.append(.init(cell: cell, executionCount: count, outputs: run.outputs, error: cellError))
        }
        return (ExecutedNotebook(notebook: notebook, cells: executed), problems)
    }

    /// Loads each notebook at `paths` and runs it: the executed notebooks and every problem of
    /// every notebook, in path order. `progress` hears (number, total, path) before each one.
    public func execute(paths: [String], progress: ((Int, Int, String) -> Void)? = nil) -> ([ExecutedNotebook], [Diagnostic]) {
        var executed: [ExecutedNotebook] = []
        var diagnostics: [Diagnostic] = []
        for (number, path) in paths.enumerated() {
            progress?(number + 1, paths.count, path)
            do {
                let (result, problems) = execute(try Notebook.load(path: path))
                executed.append(result)
                diagnostics += problems
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return (executed, diagnostics)
    }

    private func limits(for notebook: Notebook) -> Limits {
        var limits = defaultLimits
        let settings = notebook.frontMatter.limits
        if let steps = settings.steps { limits.steps = steps }
        if let depth = settings.callDepth { limits.callDepth = depth }
        if let elements = settings.tensorElements { limits.tensorElements = elements }
        return limits
    }
}
