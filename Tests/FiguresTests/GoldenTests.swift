import Outputs
import Foundation

import XCTest
@testable import Figures

/// Every figure kind drawn from a fixed value and compared byte for byte with
/// `Cases/<case>.html`. `WEAVE_UPDATE_GOLDEN=1 swift test --filter FiguresTests` rewrites
/// the files; review the diff.
final class GoldenTests: XCTestCase {
    /// One golden case: a name and the HTML it must produce.
    struct Case {
        var name: String
        var html: String
    }

    static func figure(_ display: Display, _ name: String, caption: String? = nil, alt: String? = nil) -> Case {
        Case(name: name, html: FigureRenderer.html(for: display, context: FigureContext(idPrefix: name, caption: caption, alt: alt)))
    }

    /// All cases, as one page would hold them (distinct id prefixes).
    static var cases: [Case] {
        let plots = (1...4).map { k -> Display in
            .linePlot(Display.LinePlot(series: [.init(name: "w1", points: (0...20).map {
                .init(x: Double($0), y: Double(k) * 0.1 * Double($0) / 20)
            })], title: "scale \(k)", xLabel: "step"))
        }
        return [
            figure(.linePlot(Fixtures.tiedWeights), "line-ties", caption: "The ten weights over 100 steps"),
            figure(.linePlot(Fixtures.basicPlot), "line-basic"),
            figure(.linePlot(Fixtures.gapsPlot), "line-gaps"),
            figure(.linePlot(Fixtures.logPlot), "line-log", alt: "The loss falls from 2 to below 0.0001."),
            figure(.linePlot(Fixtures.constantPlot), "line-constant"),
            figure(.linePlot(Fixtures.largePlot), "line-large"),
            figure(.linePlot(Display.LinePlot(series: [])), "line-empty"),
            figure(.histograms(Fixtures.histograms), "histograms"),
            figure(.heatmap(Fixtures.signedHeatmap), "heatmap-signed"),
            figure(.heatmap(Fixtures.positiveHeatmap), "heatmap-positive"),
            figure(.heatmap(Fixtures.decisionRegions), "heatmap-regions"),
            figure(.heatmap(Fixtures.largeMatrix), "heatmap-blocks"),
            figure(.heatmap(Display.Heatmap(values: [], xRange: -1...1, yRange: -1...1, points: Fixtures.decisionRegions.points,
                                            categorical: true, title: "spiral")), "heatmap-scatter"),
            figure(.network(Fixtures.toyNetwork { _ in 0.5 }), "network-tied"),
            figure(.network(Fixtures.toyNetwork { [0.41, 0.41, 0.62, 0.62, -0.3, -0.3, -0.3, -0.3, 0.9, 0.9][$0 - 1] }), "network-trained"),
            figure(.network(Fixtures.mediumNetwork), "network-medium"),
            figure(.network(Fixtures.largeNetwork), "network-large"),
            figure(.table(Fixtures.weightsTable), "table-weights"),
            figure(.table(Fixtures.mixedTable), "table-mixed"),
            figure(.table(Fixtures.longTable), "table-long"),
            figure(.math(Display.Math(lines: ["\\frac{\\partial y}{\\partial w_9} = y_3 = w_5 y_1 + w_7 y_2"])), "math-single"),
            figure(.math(Display.Math(lines: [
                "\\frac{\\partial y}{\\partial w_9} = y_3",
                "= w_5 y_1 + w_7 y_2",
                "= a(ax_1 + ax_2) + a(ax_1 + ax_2)",
            ])), "math-aligned"),
            figure(.text("[0.5, 0.5]\n<not markup> & more"), "text"),
            figure(.group(Display.Group(items: plots, title: "Four learning rates")), "group-shared"),
            Case(name: "expect-pass", html: FigureRenderer.html(for: Expectation(message: "w9 and w10 stay equal", passed: true, line: 12, column: 1))),
            Case(name: "expect-fail", html: FigureRenderer.html(for: Expectation(
                message: "w9 and w10 differ", passed: false, detail: "w9 = 0.41 but w10 = 0.41", line: 14, column: 1))),
        ]
    }

    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    func testGoldenFiles() throws {
        let update = ProcessInfo.processInfo.environment["WEAVE_UPDATE_GOLDEN"] == "1"
        let stylesheet = Case(name: "stylesheet", html: FigureRenderer.stylesheet)
        for item in Self.cases + [stylesheet] {
            let url = Self.casesDirectory.appendingPathComponent(item.name + (item.name == "stylesheet" ? ".css" : ".html"))
            let text = item.html + "\n"
            if update {
                try FileManager.default.createDirectory(at: Self.casesDirectory, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            XCTAssertNotNil(expected, "missing golden \(url.lastPathComponent); run with WEAVE_UPDATE_GOLDEN=1")
            if let expected, expected != text {
                XCTFail("\(url.lastPathComponent) differs from the golden file; run with WEAVE_UPDATE_GOLDEN=1 and review the diff")
            }
        }
    }

    func testSameValueSameBytes() {
        let first = Self.cases.map(\.html)
        let second = Self.cases.map(\.html)
        XCTAssertEqual(first, second)
    }

    func testStylesheetIsCompact() {
        XCTAssertLessThan(FigureRenderer.stylesheet.utf8.count, 8_000)
        XCTAssertTrue(FigureRenderer.stylesheet.contains("prefers-color-scheme: dark"))
    }

    func testPageSizes() {
        // The symmetry lesson's figures: a network diagram and the weight trajectories.
        let lesson = Self.cases.filter { ["line-ties", "network-tied", "network-trained", "table-weights"].contains($0.name) }
        XCTAssertLessThan(lesson.map(\.html.utf8.count).reduce(0, +), 60_000)
        // 10,000 points per series stay small.
        let large = Self.cases.first { $0.name == "line-large" }
        XCTAssertLessThan(large?.html.utf8.count ?? 0, 40_000)
    }
}
