import Execution
import Foundation
import Notebook
import XCTest
@testable import Site

/// A page made from outputs restored from the execution cache is the page a cold build
/// makes, byte for byte, for every lesson of the course.
final class CachedPagesTests: XCTestCase {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Notebooks")

    func testEveryLessonsPageIsTheSameFromTheCache() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ExecutionCache(directory: directory, weaveVersion: "test")
        let paths = try Notebook.paths(in: Self.lessons.path)
        XCTAssertEqual(paths.count, 5)
        let cold = NotebookExecutor().execute(paths: paths, jobs: 2, cache: cache)
        let warm = NotebookExecutor().execute(paths: paths, jobs: 2, cache: cache)
        XCTAssertEqual(cold.map(\.cached), [false, false, false, false, false])
        XCTAssertEqual(warm.map(\.cached), [true, true, true, true, true])
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let coldPages = builder.pages(cold.compactMap(\.executed)).files
        let warmPages = builder.pages(warm.compactMap(\.executed)).files
        XCTAssertEqual(coldPages.map(\.path), warmPages.map(\.path))
        for (a, b) in zip(coldPages, warmPages) {
            XCTAssertTrue(a.contents == b.contents, "\(a.path) differs when its outputs come from the cache")
        }
    }
}
