import Execution
import Foundation
import Notebook
import XCTest
@testable import Serve
@testable import Site

/// `weave serve --safe` and `safe:` in `weave.yml` while serving: every rebuild renders in the
/// mode asked for, and a change of mode renders every page again.
final class SafeModeServeTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-safe-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
        try Data("# Raw\n\nText <img src=x onerror=\"document.title='pwned'\">.\n".utf8)
            .write(to: folder.appendingPathComponent("Notebooks/01-raw.md"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var notebooks: String { folder.appendingPathComponent("Notebooks").path }

    private func paragraph(_ files: [String: [UInt8]]?) -> String? {
        guard let bytes = files?["01-raw.html"] else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("<p>Text") }.map(String.init)
    }

    func testAChangeOfModeRendersTheUnchangedNotebookAgain() throws {
        let builder = try LiveBuilder(settings: CourseSettings(notebooks: notebooks),
                                      assets: Assets(katexDirectory: Assets.defaultKaTeXDirectory), cache: nil)
        let notebooks = self.notebooks
        func settings(safe: Bool) -> () throws(NotebookFailure) -> CourseSettings {
            { () throws(NotebookFailure) -> CourseSettings in CourseSettings(notebooks: notebooks, safe: safe) }
        }
        XCTAssertEqual(paragraph(builder.rebuild(settings: settings(safe: false)).files),
                       #"<p>Text <img src=x onerror="document.title='pwned'">.</p>"#)
        XCTAssertEqual(paragraph(builder.rebuild(settings: settings(safe: true)).files), "<p>Text <!-- raw HTML omitted -->.</p>")
        XCTAssertEqual(paragraph(builder.rebuild(settings: settings(safe: false)).files),
                       #"<p>Text <img src=x onerror="document.title='pwned'">.</p>"#)
    }

    func testSafeFromTheCommandLineHoldsWhateverWeaveYmlSays() throws {
        let settingsFile = folder.appendingPathComponent("weave.yml")
        try Data("title: Served\nsafe: false\n".utf8).write(to: settingsFile)
        let server = try LiveServer(settings: CourseSettings(notebooks: notebooks, safe: true),
                                    assets: Assets(katexDirectory: Assets.defaultKaTeXDirectory), cache: nil,
                                    options: .init(notebooks: notebooks, settingsFile: settingsFile.path, host: "127.0.0.1",
                                                   port: 0, safe: true),
                                    report: { _ in })
        server.buildFirst()
        XCTAssertEqual(paragraph(server.site.current.files), "<p>Text <!-- raw HTML omitted -->.</p>")
    }
}
