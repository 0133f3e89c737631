import ArgumentParser
import Foundation
import Site

/// `weave render FILE [-o FILE]`: one notebook into one page, with the assets beside it.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one notebook to one HTML page.",
        discussion: "The page's assets (stylesheet, script, KaTeX) are written to an 'assets' folder beside it.")

    @Argument(help: "The notebook to render.")
    var file: String

    @Option(name: .shortAndLong, help: "The page to write (default: FILE with .html).")
    var output: String?

    @Option(help: "The course settings (default: weave.yml in the current folder, if any).")
    var config: String?

    @Flag(help: ArgumentHelp(SafeMode.help))
    var safe = false

    func run() throws {
        let single = try SingleNotebook(file: file, output: output, pathExtension: "html", what: "page")
        let target = single.target
        let settings = try Course.resolve(notebooks: nil, output: nil, config: config, safe: safe).settings
        var builder = SiteBuilder(configuration: settings, assets: try Assets.locate())
        builder.executor.safe = settings.safe
        let executed = try single.run(with: builder.executor)
        let page = builder.renderPage(executed)
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
        do {
            for asset in try builder.assetFiles() {
                try SiteWriter.writeFile(asset.contents, to: folder.appendingPathComponent(asset.path).path)
            }
            try SiteWriter.writeFile(page.contents, to: target)
        } catch let error as AssetError {
            throw error
        } catch {
            throw UsageError(message: "cannot write '\(target)': \(error.localizedDescription)")
        }
        Terminal.progress("wrote \(target)")
    }
}
