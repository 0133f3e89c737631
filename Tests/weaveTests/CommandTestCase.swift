import Foundation
import XCTest

/// Runs the `weave` executable in a fresh temporary folder, as a user runs it, and reads
/// what it leaves there. Test cases of the command line inherit from it.
class CommandTestCase: XCTestCase {
    /// The temporary folder the command runs in.
    var workspace: URL!

    /// A name for the temporary folder.
    class var workspacePrefix: String { "weave-cli" }

    override func setUpWithError() throws {
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("\(Self.workspacePrefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workspace)
    }

    /// What one run of the command did.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `weave` executable that `swift test` built beside the tests.
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("weave")
    }

    /// Runs `weave` with `arguments` in the workspace.
    @discardableResult
    func weave(_ arguments: String...) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = workspace
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = workspace.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: workspace.appendingPathComponent(path).path)
    }

    func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: workspace.appendingPathComponent(path).path)
    }

    /// Every file under `path` with its bytes: a picture of a folder to compare before and after.
    func snapshot(_ path: String) throws -> [String: Data] {
        let root = workspace.appendingPathComponent(path)
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}
