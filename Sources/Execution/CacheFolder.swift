import Foundation
import Notebook

/// The folder weave keeps its caches in (`.weave-cache/` beside `weave.yml` unless told
/// otherwise): entries of several kinds, each a file named by its content key.
///
/// An entry is a header line (`weave-cache 1 <sha256 of the rest>`) and its payload. One that
/// fails the check is reported, never used. Entries are written to a temporary file and
/// renamed, so readers and concurrent builds only ever see whole files. The folder carries
/// the standard cache-directory tag, which `clear` requires before it deletes anything.
public struct CacheFolder: Sendable {
    /// The folder.
    public let directory: URL

    /// The first line's start; the number changes when an entry's layout does.
    static let magic = "weave-cache 1 "
    /// The standard cache-directory tag, marking the folder as one that may be emptied.
    static let tagName = "CACHEDIR.TAG"
    static let tagText = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is weave's cache; `weave clean` empties it.\n"

    /// The cache folder at `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// What reading an entry found.
    public enum Read: Sendable {
        /// The entry's payload, checked.
        case found([UInt8])
        /// No entry under this key.
        case missing
        /// An entry that cannot be trusted, and why.
        case damaged(String)
    }

    /// The file of the entry `key` of `kind` (`notebooks`, `pages`).
    func file(_ kind: String, _ key: String) -> URL {
        directory.appendingPathComponent(kind).appendingPathComponent(key)
    }

    /// The payload stored as `kind`/`key`, checked against its checksum.
    public func read(_ kind: String, _ key: String) -> Read {
        let url = file(kind, key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 10) else { return .damaged("\(url.path): no header line") }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        guard header.hasPrefix(Self.magic) else {
            return .damaged("\(url.path): not an entry of this weave's cache format")
        }
        let payload = Array(bytes[(newline + 1)...])
        guard String(header.dropFirst(Self.magic.count)) == SHA256.hex(payload) else {
            return .damaged("\(url.path): checksum mismatch (truncated or altered)")
        }
        return .found(payload)
    }

    /// Stores `payload` as `kind`/`key`, atomically.
    public func write(_ kind: String, _ key: String, _ payload: [UInt8]) throws {
        let manager = FileManager.default
        let folder = directory.appendingPathComponent(kind)
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let tag = directory.appendingPathComponent(Self.tagName)
        if !manager.fileExists(atPath: tag.path) {
            try? Data(Self.tagText.utf8).write(to: tag, options: .atomic)
        }
        // A name no other writer uses, then one rename: readers see the old entry or the new.
        let temporary = folder.appendingPathComponent(".\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        try Data(Array((Self.magic + SHA256.hex(payload) + "\n").utf8) + payload).write(to: temporary)
        if rename(temporary.path, file(kind, key).path) != 0 {
            try? manager.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Empties the cache folder. Refuses a folder that is not a weave cache (no tag file).
    public static func clear(_ directory: URL) throws(InputError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue, manager.fileExists(atPath: directory.appendingPathComponent(tagName).path) else {
            throw InputError(message: "refusing to empty '\(directory.path)': it is not a weave cache (no \(tagName) file)")
        }
        do {
            try manager.removeItem(at: directory)
        } catch {
            throw InputError(message: "cannot empty the cache '\(directory.path)'")
        }
    }
}
