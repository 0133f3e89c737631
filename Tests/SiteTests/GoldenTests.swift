import Outputs
import Foundation
import XCTest
import Notebook
@testable import Site

/// Each folder in `Cases/` holds `Notebooks/` and the site weave must make of them in
/// `expected/` (pages only; assets are Debian's files), built with the folder's `weave.yml`
/// when it has one (`hostile/` is built in safe mode). `WEAVE_UPDATE_GOLDEN=1 swift test`
/// rewrites `expected/`; review the diff before committing it.
final class GoldenTests: XCTestCase {
    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    func testCases() throws {
        let manager = FileManager.default
        let cases = try manager.contentsOfDirectory(atPath: Self.casesDirectory.path).sorted()
        XCTAssertFalse(cases.isEmpty)
        let update = ProcessInfo.processInfo.environment["WEAVE_UPDATE_GOLDEN"] == "1"
        for name in cases {
            let folder = Self.casesDirectory.appendingPathComponent(name)
            let settingsFile = folder.appendingPathComponent("weave.yml").path
            let settings = manager.fileExists(atPath: settingsFile) ? try CourseSettings.load(path: settingsFile) : CourseSettings()
            let builder = SiteBuilder(configuration: settings, assets: Assets(katexDirectory: "/nonexistent"))
            let paths = try Notebook.paths(in: folder.appendingPathComponent("Notebooks").path)
            let outcome = try builder.buildPages(paths: paths)
            XCTAssertEqual(outcome.diagnostics, [], name)
            let expected = folder.appendingPathComponent("expected")
            if update {
                try? manager.removeItem(at: expected)
                for file in outcome.files {
                    let url = expected.appendingPathComponent(file.path)
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.contents).write(to: url)
                }
                continue
            }
            // Every file under `expected`, sub-folders included, by its path inside it.
            let expectedNames = (manager.enumerator(atPath: expected.path)?.allObjects as? [String] ?? [])
                .filter { path in
                    var isFolder: ObjCBool = false
                    return manager.fileExists(atPath: expected.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
                }.sorted()
            XCTAssertEqual(outcome.files.map(\.path), expectedNames, "\(name): the set of files")
            for file in outcome.files {
                let golden = manager.contents(atPath: expected.appendingPathComponent(file.path).path).map { Array($0) }
                XCTAssertEqual(String(decoding: file.contents, as: UTF8.self), golden.map { String(decoding: $0, as: UTF8.self) },
                               "\(name)/\(file.path) differs from the golden copy (WEAVE_UPDATE_GOLDEN=1 refreshes it)")
            }
        }
    }
}
