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
/// Only notebooks that ran without a problem are stored, as JSON entries of the cache folder
/// (`CacheFolder`: checksummed, renamed into place); an entry that fails its check or does
/// not fit the notebook is reported as a warning and never used.
public struct ExecutionCache: Sendable {
    /// The folder the entries live in.
    public let folder: CacheFolder
    /// weave's build identity: outputs of another weave are never reused.
    public let weaveVersion: String

    /// The cache folder's path.
    public var directory: URL { folder.directory }

    /// A cache in `directory` for the weave whose build identity is `weaveVersion`.
    public init(directory: URL, weaveVersion: String) {
        self.folder = CacheFolder(directory: directory)
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
        folder.file("notebooks", key)
    }

    /// The executed notebook stored for `notebook` under `key`, rebuilt around the notebook as
    /// loaded now (its cells, lines and excerpts), or why there is none.
    public func lookup(_ notebook: Notebook, key: String) -> Lookup {
        let payload: [UInt8]
        switch folder.read("notebooks", key) {
        case .missing: return .miss
        case .damaged(let reason): return .damaged(reason)
        case .found(let bytes): payload = bytes
        }
        let path = file(for: key).path
        let entry: Entry
        do {
            entry = try JSONDecoder.cache.decode(Entry.self, from: Data(payload))
        } catch {
            return .damaged("\(path): unreadable payload")
        }
        guard entry.key == key, entry.cells.count == notebook.cells.count else {
            return .damaged("\(path): does not belong to this notebook")
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
        try folder.write("notebooks", key, [UInt8](try JSONEncoder.cache.encode(entry)))
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
