import Outputs
import Foundation
import Execution
import Notebook
import Site
import XCTest
@testable import Figures

/// Runs every lesson in `Notebooks/` and the figure gallery, draws every output as a page
/// would, and checks the markup: well-formed XML, titled and described SVGs, unique ids, and
/// no more than 200 KB of figures on a page.
final class LessonFiguresTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var pages: [String] {
        let lessons = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Notebooks").path)) ?? []
        return lessons.filter { $0.hasSuffix(".md") }.sorted().map { "Notebooks/" + $0 }
            + ["Tests/FiguresTests/Gallery/gallery.md"]
    }

    func testEveryFigureOfEveryLessonIsValid() throws {
        XCTAssertGreaterThan(Self.pages.count, 1)
        for page in Self.pages {
            let notebook = try Notebook.load(path: Self.root.appendingPathComponent(page).path)
            let (executed, problems) = NotebookExecutor().execute(notebook)
            XCTAssertEqual(problems.map(\.message), [], page)
            var html = ""
            var figures = 0
            for cell in executed.cells {
                let prefix = cell.cell.options.label ?? "cell\(cell.cell.index + 1)"
                for (number, output) in cell.outputs.enumerated() {
                    switch output {
                    case .display(let display):
                        figures += 1
                        html += FigureRenderer.html(for: display, context: FigureContext(
                            idPrefix: "\(prefix)-out\(number + 1)", caption: cell.cell.options.caption, alt: cell.cell.options.alt))
                    case .expectation(let expectation):
                        html += FigureRenderer.html(for: expectation)
                    case .text:
                        break
                    }
                }
            }
            guard let found = FigureMarkupTests.parse(html, name: page) else { continue }
            XCTAssertEqual(found.ids.count, Set(found.ids).count, "\(page): duplicate ids")
            for (attributes, children) in zip(found.svgs, found.svgChildren) {
                XCTAssertNotNil(attributes["viewBox"], page)
                XCTAssertEqual(Array(children.prefix(2)), ["title", "desc"], page)
            }
            XCTAssertEqual(found.styles, 0, page)
            if page.hasPrefix("Notebooks/") {
                XCTAssertLessThan(html.utf8.count, 200_000, "\(page): \(figures) outputs take \(html.utf8.count) bytes")
            }
        }
    }
}
