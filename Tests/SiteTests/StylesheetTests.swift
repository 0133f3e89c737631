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

    func testPagesShareTheStylesheetAndCarryNoInlineStyles() throws {
        let builder = SiteBuilder(assets: Assets(katexDirectory: "/nonexistent"))
        let notebook = try Notebook.parse(source: "# T\n\n```swift\nlet xs = [1.0, 2.0]\nxs\n```\n", path: "t.md")
        let page = String(decoding: builder.renderPage(builder.execute(notebook).0).contents, as: UTF8.self)
        XCTAssertTrue(page.contains(#"<link rel="stylesheet" href="assets/weave.css">"#))
        XCTAssertFalse(page.contains("<style"))
        XCTAssertFalse(page.contains(" style=\""))
    }
}
