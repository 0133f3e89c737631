import Foundation
import Kernel
import Notebook
import Outputs

/// Executed notebooks kept on disk under a content key, so that a build runs only the
/// notebooks whose code changed.
///
/// The key covers what decides a notebook's outputs and nothing else: weave's own version,
/// the limits the session runs under, and every cell in order with its source, whether it
/// runs (`eval`), whether it expects an error (`error`) and its column offset. Prose,
/// headings, math, captions, labels and line numbers are not in it: editing them reuses the
/// outputs, whose file lines are stored relative to their cell and placed again on restore.
///
/// Only notebooks that ran without a problem are stored. An entry is a header line
/// (`weave-cache 1 <sha256 of the rest>`) and a JSON payload; one that fails the check or
/// does not fit the notebook is reported as a warning and never used. Entries are written
/// to a temporary file and renamed, so readers and concurrent builds see whole files only.
public struct ExecutionCache: Sendable {
    /// The cache folder (`.weave-cache/` beside `weave.yml` unless told otherwise).
    public let directory: URL
    /// weave's build identity: outputs of another weave are never reused.
    public let weaveVersion: String

    /// The first line's start; the format number changes when the payload's shape does.
    static let magic = "weave-cache 1 "
    /// The standard cache-directory tag, marking the folder as one that may be emptied.
    static let tagName = "CACHEDIR.TAG"
    static let tagText = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is weave's execution cache; `weave clean` empties it.\n"

    /// A cache in `directory` for the weave whose build identity is `weaveVersion`.
    public init(directory: URL, weaveVersion: String) {
        self.directory = directory
        self.weaveVersion = weaveVersion
    }

    /// What a lookup found.
    public enum Lookup: Sendable {
        /// The notebook as its last good run left it.
        case hit(ExecutedNotebook)
        /// Nothing stored under this key.
        case miss
        /// An entry was there but cannot be trusted (why, in a sentence); it was ignored.
        case damaged(String)
    }

    /// The content key of `notebook` run under `limits`: 64 hexadecimal digits.
    public func key(for notebook: Notebook, limits: Limits) -> String {
        var digest = SHA256()
        digest.update("weave execution cache\nversion \(weaveVersion)\n")
        digest.update("limits \(limits.steps) \(limits.callDepth) \(limits.tensorElements)\n")
        for cell in notebook.cells {
            let source = Array(cell.source.utf8)
            digest.update("cell eval=\(cell.options.eval) error=\(cell.options.error) offset=\(cell.columnOffset) bytes=\(source.count)\n")
            digest.update(source)
            digest.update("\n")
        }
        return digest.hexDigest()
    }

    /// The file an entry lives in.
    func file(for key: String) -> URL {
        directory.appendingPathComponent("notebooks").appendingPathComponent(key)
    }

    /// The executed notebook stored for `notebook` under `key`, rebuilt around the notebook as
    /// loaded now (its cells, lines and excerpts), or why there is none.
    public func lookup(_ notebook: Notebook, key: String) -> Lookup {
        let url = file(for: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 10) else { return .damaged("\(url.path): no header line") }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        guard header.hasPrefix(Self.magic) else {
            return .damaged("\(url.path): not an entry of this weave's cache format")
        }
        let payload = bytes[(newline + 1)...]
        guard String(header.dropFirst(Self.magic.count)) == SHA256.hex(payload) else {
            return .damaged("\(url.path): checksum mismatch (truncated or altered)")
        }
        let entry: Entry
        do {
            entry = try JSONDecoder.cache.decode(Entry.self, from: Data(payload))
        } catch {
            return .damaged("\(url.path): unreadable payload")
        }
        guard entry.key == key, entry.cells.count == notebook.cells.count else {
            return .damaged("\(url.path): does not belong to this notebook")
        }
        let text = SourceText(notebook.source)
        let cells = zip(notebook.cells, entry.cells).map { cell, stored in
            stored.restored(for: cell, text: text)
        }
        return .hit(ExecutedNotebook(notebook: notebook, cells: cells))
    }

    /// Stores `executed` under `key`, atomically. Failing to write is not an error of the
    /// build: the cache is only ever a shortcut.
    public func store(_ executed: ExecutedNotebook, key: String) throws {
        let entry = Entry(key: key, cells: executed.cells.map(StoredCell.init))
        let payload = try JSONEncoder.cache.encode(entry)
        var bytes = Array((Self.magic + SHA256.hex(payload) + "\n").utf8)
        bytes += payload
        let manager = FileManager.default
        let folder = directory.appendingPathComponent("notebooks")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let tag = directory.appendingPathComponent(Self.tagName)
        if !manager.fileExists(atPath: tag.path) {
            try? Data(Self.tagText.utf8).write(to: tag, options: .atomic)
        }
        // A name no other writer uses, then one rename: readers see the old entry or the new.
        let temporary = folder.appendingPathComponent(".\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        try Data(bytes).write(to: temporary)
        if rename(temporary.path, file(for: key).path) != 0 {
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

    // MARK: The stored form

    /// One notebook's stored outputs.
    struct Entry: Codable {
        var key: String
        var cells: [StoredCell]
    }

    /// A cell's outputs with file lines made relative to the cell's first line.
    struct StoredCell: Codable {
        var executionCount: Int?
        var outputs: [Output]
        var error: StoredError?

        init(_ executed: ExecutedNotebook.ExecutedCell) {
            let base = executed.cell.firstLine
            executionCount = executed.executionCount
            outputs = executed.outputs.map { $0.shiftingLines(by: -base) }
            error = executed.error.map { StoredError(line: $0.line - base, column: $0.column, message: $0.message) }
        }

        func restored(for cell: Cell, text: SourceText) -> ExecutedNotebook.ExecutedCell {
            let base = cell.firstLine
            let cellError = error.map { stored in
                let location = SourceLocation(line: stored.line + base, column: stored.column)
                return CellError(line: location.line, column: location.column, message: stored.message,
                                 excerpt: text.excerpt(at: location))
            }
            return ExecutedNotebook.ExecutedCell(cell: cell, executionCount: executionCount,
                                                 outputs: outputs.map { $0.shiftingLines(by: base) }, error: cellError)
        }
    }

    /// A cell error without its excerpt, which is made again from the file.
    struct StoredError: Codable {
        var line: Int
        var column: Int
        var message: String
    }
}

extension Output {
    /// The output with its file lines moved by `offset` (only expectations carry lines).
    func shiftingLines(by offset: Int) -> Output {
        guard case .expectation(var expectation) = self else { return self }
        expectation.line += offset
        return .expectation(expectation)
    }
}

extension JSONEncoder {
    /// Sorted keys and non-finite numbers written as strings: the same outputs give the same bytes.
    static var cache: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}

extension JSONDecoder {
    /// Reads what `JSONEncoder.cache` writes.
    static var cache: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
