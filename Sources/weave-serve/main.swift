import Foundation
import Serve
import WeaveCommands

/// `weave serve`, run by `weave` with the arguments that followed `serve`: the one program
/// that holds the web server.
WeaveCommandLine.serve(Array(CommandLine.arguments.dropFirst())) { launch in
    let server = try LiveServer(
        settings: launch.settings, assets: launch.assets, cache: launch.cache,
        options: .init(notebooks: launch.notebooks, settingsFile: launch.settingsFile, host: launch.address,
                       port: launch.port, safe: launch.safe),
        companions: launch.companions, report: report)
    server.buildFirst {
        say("every notebook has a live session: an edit runs the changed cell and those after it")
    }
    let watching = server.watch()
    let shown = launch.shownAddress, watched = launch.watched
    try server.serve { chosen in
        say("serving http://\(shown):\(chosen)/ (watching \(watched) with \(watching); Ctrl-C stops)")
    }
}

/// Writes a line to standard output at once (a server's log is read as it happens).
@Sendable func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// One line per rebuild on standard output; a failed build's errors on standard error.
@Sendable func report(_ report: LiveBuilder.Report) {
    if !report.problems.isEmpty {
        let errors = report.problems.map { $0.detailed + "\n" }.joined()
        FileHandle.standardError.write(Data((errors + "weave: the build failed (\(report.problems.count) error\(report.problems.count == 1 ? "" : "s")); the pages show the errors until the files are fixed\n").utf8))
        return
    }
    let parts = report.changed.map { change in
        change.cellsRun.map { "\(change.name) (\($0) cell\($0 == 1 ? "" : "s") run)" } ?? "\(change.name) (cached)"
    }
    say("rebuilt in \(WeaveCommandLine.seconds(report.seconds)): "
        + (parts.isEmpty ? "the settings or the list of notebooks changed" : parts.joined(separator: ", ")))
}
