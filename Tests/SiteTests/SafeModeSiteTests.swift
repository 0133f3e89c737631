import Execution
import Foundation
import Notebook
import XCTest
@testable import Site

/// Safe mode in the site: caches keyed on it, pages built in it, and page links that a
/// notebook's file name cannot turn into a script.
final class SafeModeSiteTests: XCTestCase {
    private let source = "# Lesson\n\nText <img src=x onerror=\"document.title='pwned'\">.\n"

    func testPageKeysDifferByMode() throws {
        let cache = PageCache(folder: CacheFolder(directory: URL(fileURLWithPath: "/nonexistent")), weaveVersion: "test")
        let plain = try Notebook.parse(source: source, path: "lesson.md")
        let safe = try Notebook.parse(source: source, path: "lesson.md", safe: true)
        let keys = [
            cache.key(plain, previous: nil, next: nil, configuration: CourseSettings()),
            cache.key(safe, previous: nil, next: nil, configuration: CourseSettings(safe: true)),
            // Either one alone changes the key too: the settings and the notebook's own mode.
            cache.key(safe, previous: nil, next: nil, configuration: CourseSettings()),
            cache.key(plain, previous: nil, next: nil, configuration: CourseSettings(safe: true)),
        ]
        XCTAssertEqual(Set(keys).count, 4, "\(keys)")
        XCTAssertEqual(keys[0], cache.key(plain, previous: nil, next: nil, configuration: CourseSettings()))
        XCTAssertNotEqual(CourseSettings().identity, CourseSettings(safe: true).identity)
    }

    func testTheSitesInputsDifferByMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-safe-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lesson.md").path
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
        let assets = Assets(katexDirectory: "/nonexistent")
        let plain = SiteBuilder(configuration: CourseSettings(), assets: assets).inputsKey(paths: [path], weaveVersion: "test")
        let safe = SiteBuilder(configuration: CourseSettings(safe: true), assets: assets).inputsKey(paths: [path], weaveVersion: "test")
        XCTAssertNotEqual(plain, safe)
    }

    func testACachedPageOfOneModeIsNeverTheOther() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-safe-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(source.utf8).write(to: folder.appendingPathComponent("Notebooks/lesson.md"))
        let paths = try Notebook.paths(in: folder.appendingPathComponent("Notebooks").path)
        let pageCache = PageCache(folder: CacheFolder(directory: folder.appendingPathComponent("cache")), weaveVersion: "test")
        func page(safe: Bool) throws -> String {
            var builder = SiteBuilder(configuration: CourseSettings(safe: safe), assets: Assets(katexDirectory: "/nonexistent"))
            builder.pageCache = pageCache
            let files = try builder.buildPages(paths: paths).files
            return String(decoding: try XCTUnwrap(files.first { $0.path == "lesson.html" }).contents, as: UTF8.self)
        }
        let raw = #"<p>Text <img src=x onerror="document.title='pwned'">.</p>"#
        let omitted = "<p>Text <!-- raw HTML omitted -->.</p>"
        for _ in 0..<2 {
            XCTAssertTrue(try page(safe: false).contains(raw))
            let safePage = try page(safe: true)
            XCTAssertTrue(safePage.contains(omitted))
            XCTAssertFalse(safePage.contains("onerror"))
        }
    }

    func testAFileNameThatReadsAsASchemeLinksAsAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-safe-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, order) in [("a.md", 1), ("javascript:document.title='pwned'.md", 2), ("c.md", 3)] {
            try Data("---\norder: \(order)\n---\n# \(name)\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        let builder = SiteBuilder(configuration: CourseSettings(safe: true), assets: Assets(katexDirectory: "/nonexistent"))
        let files = try builder.buildPages(paths: Notebook.paths(in: folder.path)).files
        func text(_ path: String) throws -> String {
            String(decoding: try XCTUnwrap(files.first { $0.path == path }, path).contents, as: UTF8.self)
        }
        let link = "./javascript:document.title=&#39;pwned&#39;.html"
        XCTAssertTrue(try text("index.html").contains("<a href=\"\(link)\">"))
        XCTAssertTrue(try text("a.html").contains("<a class=\"next\" rel=\"next\" href=\"\(link)\">"))
        XCTAssertTrue(try text("c.html").contains("<a class=\"previous\" rel=\"prev\" href=\"\(link)\">"))
        XCTAssertTrue(try text("javascript:document.title='pwned'.html")
            .contains("<a href=\"./javascript:document.title=&#39;pwned&#39;.md\" download=\"\">Markdown source</a>"))
        XCTAssertTrue(try text(SearchIndex.path).contains("\"./javascript:document.title='pwned'.html\""))
    }
}
