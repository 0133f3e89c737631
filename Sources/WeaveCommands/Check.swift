import ArgumentParser
import Execution
import Notebook

/// `weave check [DIR]`: run every notebook and its expectations, writing nothing (not even
/// the execution cache, which it neither reads: every claim is checked afresh).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every notebook of a folder and verify its expectations; write nothing.")

    @Argument(help: "The folder of notebooks (default: weave.yml's 'notebooks', else Notebooks).")
    var notebooks: String?

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    @OptionGroup var execution: ExecutionOptions

    func run() throws {
        let stopwatch = Stopwatch()
        let course = try Course.resolve(notebooks: notebooks, output: nil, config: config)
        let paths = try Notebook.paths(in: course.settings.notebooks)
        let runs = execution.run(paths, cache: nil)
        let problems = runs.flatMap(\.problems)
        guard problems.isEmpty else { throw NotebooksFailed.report(problems) }
        print(ExecutionOptions.summary(runs, seconds: stopwatch.seconds, what: "checked"))
        if execution.timings { ExecutionOptions.slowest(runs).forEach { print($0) } }
    }
}
