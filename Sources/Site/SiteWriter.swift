import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Notebook

/// Writes a site so that readers only ever see a whole one: the files go into a staging
/// folder beside the target, which then takes the target's place. If anything fails, the
/// previous site is left exactly as it was.
public struct SiteWriter: Sendable {
    /// A file in every site, marking its folder as one weave may replace.
    public static let markerName = ".weave-site"
    static let markerText = "This folder is a site written by weave; `weave build` replaces it whole.\n"

    /// The marker's text, with the key of the inputs the site was built from when known.
    static func marker(inputs: String?) -> String {
        markerText + (inputs.map { "inputs \($0)\n" } ?? "")
    }

    /// Whether the site in the target folder was built from inputs with the key `inputs`.
    public func isUpToDate(inputs: String) -> Bool {
        let marker = target.appendingPathComponent(Self.markerName)
        return FileManager.default.contents(atPath: marker.path) == Data(Self.marker(inputs: inputs).utf8)
    }
    /// The README every site carries (also committed as output/README.md).
    public static let readme = """
    # output/

    `weave build` writes the site here: open `index.html` in a browser. Everything in this
    folder is generated and replaced whole on each successful build; edit the notebooks instead.

    """

    /// The site folder to write.
    public let target: URL

    /// A writer for the site folder at `path`.
    public init(path: String) {
        target = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// Refuses targets that are not safe to replace: a file, a folder holding the notebooks,
    /// or a non-empty folder that weave did not write.
    public func checkTarget(notebooks: String?) throws {
        let manager = FileManager.default
        if let notebooks {
            let source = URL(fileURLWithPath: notebooks).standardizedFileURL.path
            let targetPath = target.path
            if source == targetPath || source.hasPrefix(targetPath.hasSuffix("/") ? targetPath : targetPath + "/") {
                throw InputError(message: "the output folder '\(target.path)' holds the notebooks; choose another with -o")
            }
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw InputError(message: "'\(target.path)' is a file, not a site folder")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.isEmpty { return }
        if entries.contains(Self.markerName) {
            // The marker must be weave's, not any file of that name: replacing a folder deletes
            // everything in it.
            let marker = manager.contents(atPath: target.appendingPathComponent(Self.markerName).path).map { [UInt8]($0) } ?? []
            if marker.starts(with: Array(Self.markerText.utf8)) { return }
            throw InputError(message: "refusing to replace '\(target.path)': its \(Self.markerName) file is not one weave wrote; remove the folder or choose another with -o")
        }
        if entries == ["README.md"], manager.contents(atPath: target.appendingPathComponent("README.md").path) == Data(Self.readme.utf8) {
            return
        }
        throw InputError(message: "refusing to replace '\(target.path)': it is not a site weave wrote (no \(Self.markerName) file); remove it or choose another folder with -o")
    }

    /// Writes `files` as the whole new site.
    public func write(_ files: [SiteFile]) throws {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(name).weave-staging")
        let retired = parent.appendingPathComponent(".\(name).weave-previous")
        try? manager.removeItem(at: staging)
        // A build stopped between the two renames of a file system without an atomic
        // exchange left the old site aside and none in place: it comes back first.
        if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
            try? manager.moveItem(at: retired, to: target)
        }
        try? manager.removeItem(at: retired)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
            if manager.fileExists(atPath: target.path), Self.exchange(staging.path, target.path) {
                // One atomic step: the new site takes the old one's place, the old one is now
                // in the staging folder; no moment exists without a whole site.
                try? manager.removeItem(at: staging)
            } else if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: retired)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: retired, to: target)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Swaps two directories in one step (Linux's `renameat2` with `RENAME_EXCHANGE`); false
    /// where the system or the file system cannot, and the caller renames in two steps.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias Rename2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let rename2 = unsafeBitCast(symbol, to: Rename2.self)
        let atWorkingDirectory: Int32 = -100, exchange: UInt32 = 2
        return rename2(atWorkingDirectory, first, atWorkingDirectory, second, exchange) == 0
        #else
        return false
        #endif
    }

    /// Writes one file at `path` (for `weave render`), through a temporary file and a rename.
    public static func writeFile(_ contents: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents).write(to: url, options: .atomic)
    }
}
