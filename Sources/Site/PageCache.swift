import Execution
import Foundation
import Notebook

/// Rendered pages kept in the cache folder, so a rebuild renders (and highlights) only the
/// pages whose inputs changed. A page is decided by weave's version, the course settings (safe
/// mode included), its notebook's text (which decides the outputs too) and the mode it was read
/// in, and its neighbours' names and titles.
public struct PageCache: Sendable {
    /// The folder the pages live in (under `pages/`).
    public let folder: CacheFolder
    /// weave's build identity.
    public let weaveVersion: String

    /// A page cache in `folder` for the weave whose build identity is `weaveVersion`.
    public init(folder: CacheFolder, weaveVersion: String) {
        self.folder = folder
        self.weaveVersion = weaveVersion
    }

    /// The key of the page of `notebook` between `previous` and `next` under `configuration`.
    func key(_ notebook: Notebook, previous: Notebook?, next: Notebook?, configuration: CourseSettings,
             downloads: [String] = []) -> String {
        var digest = SHA256()
        digest.update("weave page\nversion \(weaveVersion)\nsettings \(configuration.identity)\n")
        digest.update("downloads \(downloads.joined(separator: " "))\n")
        for neighbour in [previous, next] {
            digest.update("neighbour \(neighbour?.name ?? "-")\n\(neighbour?.title ?? "-")\n")
        }
        let source = Array(notebook.source.utf8)
        digest.update("notebook \(notebook.name)\n\(notebook.safe ? "safe" : "raw HTML")\n\(source.count)\n")
        digest.update(source)
        return digest.hexDigest()
    }

    /// The page stored under `key`, if it is there and whole.
    func page(_ key: String) -> String? {
        guard case .found(let bytes) = folder.read("pages", key) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Keeps `page` under `key`; a failure only costs a later rebuild its shortcut.
    func store(_ page: String, _ key: String) {
        try? folder.write("pages", key, Array(page.utf8))
    }

    /// A file published beside the page `key` (its `.ipynb`, …), if stored and whole: it is
    /// made from what the page is made from, so the page's key is its key too.
    func companion(_ key: String, _ fileExtension: String) -> [UInt8]? {
        guard case .found(let bytes) = folder.read("pages", key + "." + fileExtension) else { return nil }
        return bytes
    }

    /// Keeps a companion file of the page `key`.
    func storeCompanion(_ bytes: [UInt8], _ key: String, _ fileExtension: String) {
        try? folder.write("pages", key + "." + fileExtension, bytes)
    }
}

extension CourseSettings {
    /// Every setting that reaches a page, as one line of text for cache keys (the folders
    /// do not: the same notebooks make the same site wherever they are read and written).
    var identity: String {
        [title, description ?? "-", author ?? "-", baseURL ?? "-", language, safe ? "safe" : "raw HTML"]
            .map { "\($0.utf8.count):\($0)" }.joined(separator: " ")
    }
}
