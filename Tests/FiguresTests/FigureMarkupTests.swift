import Outputs
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

import XCTest
@testable import Figures

/// Every produced fragment is well-formed XML; every SVG has a title, a description and a
/// viewBox but no fixed size; ids are unique across a page of figures; colors come only
/// from the stylesheet.
final class FigureMarkupTests: XCTestCase {
    /// What a parse of one fragment found.
    final class Collector: NSObject, XMLParserDelegate {
        var ids: [String] = []
        var svgs: [[String: String]] = []
        var svgChildren: [[String]] = []
        var stack: [String] = []
        var styles = 0
        var fills = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if let id = attributes["id"] { ids.append(id) }
            if attributes["style"] != nil { styles += 1 }
            if attributes["fill"] != nil || attributes["stroke"] != nil || attributes["color"] != nil { fills += 1 }
            if name == "svg" {
                svgs.append(attributes)
                svgChildren.append([])
            } else if stack.last == "svg" {
                svgChildren[svgChildren.count - 1].append(name)
            }
            stack.append(name)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }

    /// Parses a fragment inside a root element; fails the test when it is not well-formed.
    static func parse(_ fragment: String, name: String) -> Collector? {
        let parser = XMLParser(data: Data(("<root>" + fragment + "</root>").utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            XCTFail("\(name): not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
            return nil
        }
        return collector
    }

    func testEveryFragmentIsWellFormedWithTitlesAndUniqueIDs() {
        var pageIDs: [String] = []
        for item in GoldenTests.cases + Self.edgeCases {
            guard let found = Self.parse(item.html, name: item.name) else { continue }
            pageIDs += found.ids
            XCTAssertEqual(found.styles, 0, "\(item.name): inline style")
            XCTAssertEqual(found.fills, 0, "\(item.name): a color written on an element")
            for (attributes, children) in zip(found.svgs, found.svgChildren) {
                XCTAssertNotNil(attributes["viewBox"], "\(item.name): svg without viewBox")
                XCTAssertNil(attributes["width"], "\(item.name): svg with a fixed width")
                XCTAssertNil(attributes["height"], "\(item.name): svg with a fixed height")
                XCTAssertEqual(Array(children.prefix(2)), ["title", "desc"], "\(item.name): svg must open with title and desc")
                XCTAssertEqual(attributes["role"], "img")
            }
        }
        XCTAssertEqual(pageIDs.count, Set(pageIDs).count, "duplicate ids: \(pageIDs.filter { id in pageIDs.filter { $0 == id }.count > 1 })")
    }

    func testGeneratedDescriptions() {
        let html = FigureRenderer.html(for: .linePlot(Fixtures.tiedWeights), context: FigureContext(idPrefix: "p"))
        XCTAssertTrue(html.contains("<desc id=\"p-desc\">10 weights over 100 steps; 4 distinct trajectories (w1 = w2, w3 = w4, w5 = w6 = w7 = w8, w9 = w10)"), html)
        XCTAssertTrue(html.contains("w5 = w6 = w7 = w8</text>"))
        let alt = FigureRenderer.html(for: .linePlot(Fixtures.tiedWeights), context: FigureContext(idPrefix: "p", caption: "c", alt: "Four lines."))
        XCTAssertTrue(alt.contains("<desc id=\"p-desc\">Four lines.</desc>"))
        XCTAssertTrue(alt.contains("<figcaption>c</figcaption>"))
    }

    func testMathIsEscapedDisplayMath() {
        let html = FigureRenderer.html(for: .math(Display.Math(lines: ["a < b", "= c & d"])), context: FigureContext(idPrefix: "m"))
        XCTAssertEqual(html, "<span class=\"math display\">\\begin{aligned}\n&amp; a &lt; b \\\\\n&amp;= c &amp; d\n\\end{aligned}</span>")
        XCTAssertEqual(FigureRenderer.html(for: .math(Display.Math(lines: [])), context: FigureContext(idPrefix: "m")), "")
    }

    func testIDPrefixIsCleaned() {
        XCTAssertEqual(FigureIDs(prefix: "cell-3-out-1").prefix, "cell-3-out-1")
        XCTAssertEqual(FigureIDs(prefix: "3 a\"b").prefix, "fig-3-a-b")
        XCTAssertEqual(FigureIDs(prefix: "").prefix, "fig")
    }

    /// Values at the edges: nothing may trap, and the markup stays valid.
    static var edgeCases: [GoldenTests.Case] {
        let nan = Double.nan, inf = Double.infinity
        let displays: [Display] = [
            .linePlot(Display.LinePlot(series: [.init(name: "", points: [])])),
            .linePlot(Display.LinePlot(series: [.init(name: "a", points: [.init(x: nan, y: nan), .init(x: inf, y: 1)])], logY: true)),
            .linePlot(Display.LinePlot(series: [.init(name: "a", points: [.init(x: 0, y: -1), .init(x: 1, y: 0)])], logY: true)),
            .linePlot(Display.LinePlot(series: [.init(name: "huge", points: [.init(x: -1e308, y: -1e308), .init(x: 1e308, y: 1e308)])])),
            .linePlot(Display.LinePlot(series: [.init(name: "tiny", points: [.init(x: 0, y: Double.leastNonzeroMagnitude), .init(x: 1e-300, y: Double.leastNormalMagnitude / 64)])], logY: true)),
            .linePlot(Display.LinePlot(series: (0..<40).map { .init(name: "s\($0)", points: [.init(x: 0, y: Double($0)), .init(x: 1, y: 0)]) })),
            .histograms(Display.HistogramGrid(panels: [])),
            .histograms(Display.HistogramGrid(panels: [.init(title: "x", edges: [], counts: [3, 4], mean: nan, std: inf)])),
            .histograms(Display.HistogramGrid(panels: [.init(title: "x", edges: [0, nan, 2, 3], counts: [1, -2, 3, 9], mean: 0, std: 0)])),
            .heatmap(Display.Heatmap(values: [], xRange: 0...0, yRange: 0...0)),
            .heatmap(Display.Heatmap(values: [[], [1]], xRange: -inf...inf, yRange: 0...1)),
            .heatmap(Display.Heatmap(values: [[nan, inf], [-inf, 2]], xRange: 0...1, yRange: 0...1, points: [.init(x: nan, y: 0, label: -7)])),
            .heatmap(Display.Heatmap(values: [[1e300, -1e300]], xRange: 0...1, yRange: 0...1, categorical: true)),
            .network(Display.NetworkDiagram(layers: [], edges: [], activations: [], hasBias: false)),
            .network(Display.NetworkDiagram(layers: [["x"]], edges: [.init(source: "x", target: "nowhere", weight: "w1", value: nan)], activations: [], hasBias: false)),
            .network(Display.NetworkDiagram(layers: [["a", "a"], ["b"]], edges: [.init(source: "a", target: "b", weight: "w", value: 0)], activations: [], hasBias: false)),
            .table(Display.Table(columns: [], rows: [])),
            .table(Display.Table(columns: ["a"], rows: [[.number(1e-300), .number(-0.0)], [.number(inf)]])),
            .group(Display.Group(items: [])),
            .group(Display.Group(items: [.group(Display.Group(items: [.linePlot(Fixtures.basicPlot)])), .table(Fixtures.mixedTable)])),
            .math(Display.Math(lines: ["", "  "])),
        ]
        return displays.enumerated().map { index, display in
            GoldenTests.Case(name: "edge\(index)", html: FigureRenderer.html(for: display, context: FigureContext(idPrefix: "edge\(index)")))
        }
    }

    func testEdgeCasesDoNotTrap() {
        XCTAssertEqual(Self.edgeCases.count, 21)
    }
}

final class GroupAltTests: XCTestCase {
    /// A cell's alt text describes a group of panels as a whole, for screen readers.
    func testGroupCarriesTheCellsAltText() {
        let group = Display.group(Display.Group(items: [.linePlot(Fixtures.basicPlot), .linePlot(Fixtures.basicPlot)]))
        let html = FigureRenderer.html(for: group, context: FigureContext(idPrefix: "c4-out1", caption: "Two runs", alt: "Both runs fall & flatten"))
        XCTAssertTrue(html.hasPrefix(#"<figure class="fig fig-group" aria-describedby="c4-out1-alt">"#), html)
        XCTAssertTrue(html.hasSuffix(#"<p class="fig-sr" id="c4-out1-alt">Both runs fall &amp; flatten</p><figcaption>Two runs</figcaption></figure>"#), html)
        let plain = FigureRenderer.html(for: group, context: FigureContext(idPrefix: "c4-out1"))
        XCTAssertFalse(plain.contains("aria-describedby"))
    }
}
