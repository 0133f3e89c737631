import Foundation
import XCTest

/// `weave serve` as a user starts it: it builds, says where it serves, and takes the next free
/// port when the one asked for is taken.
final class ServeCommandTests: CommandTestCase {
    override class var workspacePrefix: String { "weave-serve-cli" }

    /// Starts `weave serve` with `arguments`; returns the process and its first line of output.
    private func serve(_ arguments: [String]) throws -> (Process, String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = workspace
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("serving http"), Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return (process, text)
    }

    /// `weave serve` runs `weave-serve` from weave's own folder; without it, it says how to
    /// build it (exit 2), and no other command needs it.
    func testServeNeedsWeaveServeBesideWeave() throws {
        try write("Notebooks/01-a.md", "# A\n\nText.\n")
        let alone = workspace.appendingPathComponent("bin/weave")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.executable, to: alone)
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = alone
            process.arguments = arguments
            process.currentDirectoryURL = workspace
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let (status, message) = try run(["serve", "--port", "47999"])
        XCTAssertEqual(status, 2)
        XCTAssertEqual(message, "weave: error: 'weave serve' runs weave-serve, which is not beside weave (\(alone.deletingLastPathComponent().path)/weave-serve); build it with 'swift build --product weave-serve' (make site builds both)\n")
        XCTAssertEqual(try run(["build", "Notebooks", "-o", "site", "--quiet"]).0, 0)
    }

    func testServeSaysWhereAndMovesToTheNextFreePort() throws {
        try write("Notebooks/01-a.md", "# A\n\n```swift\nprint(1)\n```\n")
        let port = Int.random(in: 41000...50000)
        let (first, firstOutput) = try serve(["--port", String(port), "--no-cache"])
        defer { first.terminate(); first.waitUntilExit() }
        XCTAssertTrue(firstOutput.contains("rebuilt in "), firstOutput)
        XCTAssertTrue(firstOutput.contains("01-a (1 cell run)"), firstOutput)
        XCTAssertTrue(firstOutput.contains("serving http://127.0.0.1:\(port)/ (watching Notebooks/*.md with inotify"), firstOutput)
        let (second, secondOutput) = try serve(["--port", String(port), "--no-cache"])
        defer { second.terminate(); second.waitUntilExit() }
        XCTAssertTrue(secondOutput.contains("serving http://127.0.0.1:\(port + 1)/"), secondOutput)
        XCTAssertFalse(exists("output"), "serve writes no site folder")
    }
}
