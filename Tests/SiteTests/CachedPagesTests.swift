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
            if a.contents != b.contents, let at = a.contents.indices.first(where: { $0 >= b.contents.count || a.contents[$0] != b.contents[$0] }) {
                let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 200)..<min(bytes.count, at + 200)], as: UTF8.self) }
                XCTFail("\(a.path) differs when its outputs come from the cache, at byte \(at):\n\(context(a.contents))\n---\n\(context(b.contents))")
            }
        }
        // The course's search index stays small (it loads when the search box is first used).
        let index = try XCTUnwrap(coldPages.first { $0.path == SearchIndex.path })
        XCTAssertLessThan(index.contents.count, 50 * 1024)
        XCTAssertGreaterThan(index.contents.count, 5 * 1024)
    }
}
