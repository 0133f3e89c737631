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
