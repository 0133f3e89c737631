import ArgumentParser
import Execution
import Notebook
import Site

/// `weave build [DIR] [-o OUT]`: every notebook of a folder into a site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from a folder of notebooks.",
        discussion: "The site is written whole or not at all: if any notebook fails, every error is listed and the previous site stays as it was.")

    @Argument(help: "The folder of notebooks (default: weave.yml's 'notebooks', else Notebooks).")
    var notebooks: String?

    @Option(name: .shortAndLong, help: "The site folder to write (default: weave.yml's 'output', else output).")
    var output: String?

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    @Flag(help: ArgumentHelp(SafeMode.help))
    var safe = false

    @OptionGroup var execution: ExecutionOptions

    @OptionGroup var caching: CacheOptions

    func run() throws {
        let stopwatch = Stopwatch()
        let course = try Course.resolve(notebooks: notebooks, output: output, config: config, safe: safe)
        let (notebooks, output) = (course.settings.notebooks, course.settings.output)
        let paths = try Notebook.paths(in: notebooks)
        let writer = SiteWriter(path: output)
        try writer.checkTarget(notebooks: notebooks)
        var builder = SiteBuilder(configuration: course.settings, assets: try Assets.locate())
        builder.companions = Companion.published
        let cache = try caching.cache(for: course)
        // The same inputs make the same site: with the cache in use, a site built from them is kept.
        let inputs = builder.inputsKey(paths: paths, weaveVersion: BuildIdentity.current)
        builder.inputs = inputs
        if let cache {
            if !caching.clearCache, writer.isUpToDate(inputs: inputs) {
                print("nothing changed in \(paths.count) notebook\(paths.count == 1 ? "" : "s") (\(ExecutionOptions.seconds(stopwatch.seconds))): \(output)/ is up to date")
                return
            }
            builder.pageCache = PageCache(folder: cache.folder, weaveVersion: cache.weaveVersion)
        }
        let runs = execution.run(paths, cache: cache, safe: course.settings.safe)
        let problems = runs.flatMap(\.problems)
        guard problems.isEmpty else {
            throw NotebooksFailed.report(problems, note: "; '\(output)' was left as it was")
        }
        let outcome = try builder.site(runs.compactMap(\.executed))
        do {
            try writer.write(outcome.files)
        } catch {
            throw UsageError(message: "cannot write the site to '\(output)': \(error.localizedDescription)")
        }
        print(ExecutionOptions.summary(runs, seconds: stopwatch.seconds, what: "built")
              + "; wrote \(outcome.published.count) page\(outcome.published.count == 1 ? "" : "s") and the index to \(output)/")
        if execution.timings { ExecutionOptions.slowest(runs).forEach { print($0) } }
    }
}

/// `weave clean`: empties the execution cache.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Empty the execution cache.")

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    @Option(help: "The execution cache folder (default: .weave-cache beside weave.yml, or in the current folder).")
    var cacheDir: String?

    func run() throws {
        let course = try Course.resolve(notebooks: nil, output: nil, config: config)
        let directory = course.cacheDirectory(cacheDir)
        try CacheFolder.clear(directory)
        print("emptied the cache \(directory.path)")
    }
}
