import ArgumentParser
import Execution
import Foundation
import Notebook
import Site

/// `weave serve [DIR]`: the site on a local address, rebuilt and reloaded as the files change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site locally; rebuild and reload the pages when a notebook changes.",
        discussion: """
        The site is built in memory (the site folder is not written) and served on 127.0.0.1. \
        Saving a notebook or weave.yml rebuilds it through the execution cache and live \
        sessions: an edit to one cell runs that cell and the ones after it. Open pages reload \
        by themselves; a build that fails shows its errors on every page until it is fixed.
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

    @Flag(help: ArgumentHelp(SafeMode.help))
    var safe = false

    @OptionGroup var caching: CacheOptions

    func run() throws {
        // The web server lives in its own program, so that building a site never loads it
        // (nor the networking libraries under it: about 5 MB of every process).
        guard let server = WeaveCommandLine.server else { return try WeaveCommandLine.handOverToServer() }
        let course = try Course.resolve(notebooks: notebooks, output: nil, config: config, safe: safe)
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
        if !loopback {
            Terminal.warning("serving on \(host): every machine that can reach this address can read the site")
        }
        let address = host == "localhost" ? "127.0.0.1" : host
        let settingsFile = config ?? (FileManager.default.fileExists(atPath: "weave.yml") ? "weave.yml" : nil)
        try server(ServeLaunch(
            settings: course.settings, assets: try Assets.locate(), cache: try caching.cache(for: course),
            notebooks: course.settings.notebooks, settingsFile: settingsFile, address: address, port: port, safe: safe,
            companions: Companion.published))
    }
}

/// What `weave serve` starts a server with, once its options are read.
public struct ServeLaunch {
    public let settings: CourseSettings
    public let assets: Assets
    public let cache: ExecutionCache?
    /// The folder of notebooks.
    public let notebooks: String
    /// `weave.yml`, when there is one.
    public let settingsFile: String?
    /// The address to listen on (`localhost` already made `127.0.0.1`).
    public let address: String
    /// The port tried first.
    public let port: UInt16
    public let safe: Bool
    /// The files published beside each page.
    public let companions: [Companion]

    /// `weave.yml` and the notebooks, as the line announcing the server names them.
    public var watched: String {
        ([notebooks + "/*.md"] + (settingsFile.map { [$0] } ?? [])).joined(separator: ", ")
    }

    /// The address as a URL shows it (an IPv6 one in brackets).
    public var shownAddress: String {
        address.contains(":") ? "[\(address)]" : address
    }
}
