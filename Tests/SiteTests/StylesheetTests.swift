import Execution
import Foundation
import Outputs
import Figures
import Notebook
import XCTest
@testable import Site

final class StylesheetTests: XCTestCase {
    /// The one stylesheet every page shares stays small: figures and highlighting use classes
    /// and CSS variables, not styles repeated on every element.
    func testTheSiteStylesheetStaysUnder20KB() throws {
        let files = try Assets(katexDirectory: Assets.defaultKaTeXDirectory).files()
        let stylesheet = try XCTUnwrap(files.first { $0.path == "assets/weave.css" })
        XCTAssertEqual(String(decoding: stylesheet.contents, as: UTF8.self), Stylesheet.css + FigureRenderer.stylesheet)
        XCTAssertLessThan(stylesheet.contents.count, 20 * 1024)
    }

    /// The site's own script (KaTeX's aside) stays small too.
    func testTheSiteScriptStaysUnder30KB() throws {
        let files = try Assets(katexDirectory: Assets.defaultKaTeXDirectory).files()
        let script = try XCTUnwrap(files.first { $0.path == "assets/weave.js" })
        XCTAssertEqual(String(decoding: script.contents, as: UTF8.self), PageScript.javascript)
        XCTAssertLessThan(script.contents.count, 30 * 1024)
    }

    func testPagesShareTheStylesheetAndCarryNoInlineStyles() throws {
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let notebook = try Notebook.parse(source: "# T\n\n```swift\nlet xs = [1.0, 2.0]\nxs\n```\n", path: "t.md")
        let page = String(decoding: builder.renderPage(builder.execute(notebook).0).contents, as: UTF8.self)
        XCTAssertTrue(page.contains(#"<link rel="stylesheet" href="assets/weave.css">"#))
        XCTAssertFalse(page.contains("<style"))
        XCTAssertFalse(page.contains(" style=\""))
    }

    /// Every page links the files published beside it, and they are the notebook's own.
    func testCompanionFilesArePublishedAndLinked() throws {
        var builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        builder.companions = [.markdownSource, Companion(fileExtension: "txt", label: "Cells <run>") { executed in
            Array("\(executed.cells.count) cells".utf8)
        }]
        let source = "# T\n\n```swift\nprint(1)\n```\n"
        let notebook = try Notebook.parse(source: source, path: "lesson.md")
        let files = builder.pages([builder.execute(notebook).0]).files
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
        XCTAssertEqual(byPath["lesson.md"], Array(source.utf8))
        XCTAssertEqual(byPath["lesson.txt"], Array("1 cells".utf8))
        let page = String(decoding: try XCTUnwrap(byPath["lesson.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains(#"<p class="downloads">Download this lesson: <a href="lesson.md" download="">Markdown source</a> · <a href="lesson.txt" download="">Cells &lt;run&gt;</a></p>"#), page)
        // A page rendered alone (`weave render`) has nothing beside it, so links nothing.
        XCTAssertFalse(String(decoding: builder.renderPage(builder.execute(notebook).0).contents, as: UTF8.self).contains("downloads"))
    }
}

/// Pages and the files beside them come out of the page cache as they went in.
final class PageCacheCompanionTests: XCTestCase {
    func testCompanionsFromThePageCacheAreTheFreshOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-page-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let made = Counter()
        builder.companions = [.markdownSource, Companion(fileExtension: "txt", label: "Count") { executed in
            made.add()
            return Array("\(executed.cells.count) cells".utf8)
        }]
        builder.pageCache = PageCache(folder: CacheFolder(directory: directory), weaveVersion: "test")
        let notebook = try Notebook.parse(source: "# T\n\n```swift\nprint(1)\n```\n", path: "lesson.md")
        let executed = builder.execute(notebook).0
        let first = builder.pages([executed]).files
        let second = builder.pages([executed]).files
        XCTAssertEqual(first, second)
        XCTAssertEqual(made.value, 1, "the second build takes the companion from the cache")
        XCTAssertEqual(second.first { $0.path == "lesson.txt" }?.contents, Array("1 cells".utf8))
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
