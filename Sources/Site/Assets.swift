import Figures
import Foundation

/// The files every site carries: weave's stylesheet and script, and KaTeX with its fonts,
/// copied from Debian's `libjs-katex` and `fonts-katex` so pages typeset math offline.
public struct Assets: Sendable {
    static let stylesheet = "assets/weave.css"
    static let script = "assets/weave.js"
    static let katexStylesheet = "assets/katex/katex.min.css"
    static let katexScript = "assets/katex/katex.min.js"

    /// Where KaTeX is looked for when `WEAVE_KATEX_DIR` is not set.
    public static let defaultKaTeXDirectory = "/usr/share/javascript/katex"

    /// The KaTeX folder in use (holding `katex.min.css`, `katex.min.js` and `fonts/`).
    public let katexDirectory: String

    /// Finds KaTeX in `WEAVE_KATEX_DIR` or Debian's location.
    /// - Throws: `AssetError` naming the packages to install when it is missing.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Assets {
        let directory = environment["WEAVE_KATEX_DIR"] ?? defaultKaTeXDirectory
        let manager = FileManager.default
        for needed in ["katex.min.css", "katex.min.js", "fonts"] where !manager.fileExists(atPath: directory + "/" + needed) {
            throw AssetError(message: "KaTeX is missing (\(directory)/\(needed) not found): install Debian's libjs-katex and fonts-katex, or set WEAVE_KATEX_DIR")
        }
        return Assets(katexDirectory: directory)
    }

    /// The KaTeX folder and its files' names and sizes: what says that the assets changed.
    var identity: String {
        let manager = FileManager.default
        var names = ["katex.min.css", "katex.min.js"]
        names += ((try? manager.contentsOfDirectory(atPath: katexDirectory + "/fonts")) ?? []).sorted().map { "fonts/" + $0 }
        return katexDirectory + " " + names.map { name in
            let size = (try? manager.attributesOfItem(atPath: katexDirectory + "/" + name)[.size] as? NSNumber)?.intValue ?? -1
            return "\(name)=\(size)"
        }.joined(separator: " ")
    }

    /// Every asset file, in a stable order.
    func files() throws -> [SiteFile] {
        var files = [
            SiteFile(path: Self.stylesheet, text: Stylesheet.css + FigureRenderer.stylesheet),
            SiteFile(path: Self.script, text: PageScript.javascript),
        ]
        let manager = FileManager.default
        for name in ["katex.min.css", "katex.min.js"] {
            files.append(SiteFile(path: "assets/katex/" + name, contents: try read(katexDirectory + "/" + name)))
        }
        let fonts = katexDirectory + "/fonts"
        let fontNames = (try? manager.contentsOfDirectory(atPath: fonts)) ?? []
        for name in fontNames.sorted() where name.hasPrefix("KaTeX_") {
            files.append(SiteFile(path: "assets/katex/fonts/" + name, contents: try read(fonts + "/" + name)))
        }
        return files
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AssetError(message: "cannot read \(path)")
        }
        return Array(data)
    }
}

/// A missing or unreadable asset: the installation is incomplete, not the notebook.
public struct AssetError: Error, CustomStringConvertible, Sendable {
    /// What is missing and how to get it.
    public var message: String
    /// The message.
    public var description: String { message }
}
