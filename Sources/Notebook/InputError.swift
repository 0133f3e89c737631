import Foundation

/// Input that cannot be used at all: a folder that is not there, a file that cannot be read, a
/// site folder that is not safe to replace. Unlike a notebook's located problems it has no
/// line to point at; the command line reports it as bad usage.
public struct InputError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in one sentence.
    public var message: String
    /// An input error saying `message`.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension Notebook {
    /// The notebook files in `directory`: every `*.md` not hidden, sorted by name.
    /// - Throws: `InputError` when the folder is missing or cannot be read.
    public static func paths(in directory: String) throws(InputError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(message: "'\(directory)' is not a folder of notebooks")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(message: "cannot read the folder '\(directory)'")
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { prefix + $0 }
    }
}
