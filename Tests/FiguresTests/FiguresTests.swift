import Outputs

import XCTest
@testable import Figures

/// Ticks, number formatting, tie grouping and decimation, checked against exact values.
final class FiguresTests: XCTestCase {
    func labels(_ axis: Axis) -> [String] { axis.ticks.map(\.label) }

    func testLinearTicksUseOneTwoFiveSteps() {
        XCTAssertEqual(labels(Ticks.linear(0, 1)), ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(labels(Ticks.linear(0, 100, target: 6)), ["0", "20", "40", "60", "80", "100"])
        XCTAssertEqual(labels(Ticks.linear(-1, 1)), ["−1.0", "−0.5", "0", "0.5", "1.0"])
        XCTAssertEqual(labels(Ticks.linear(0.1, 0.7, target: 6)), ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        XCTAssertEqual(labels(Ticks.linear(0, 0.30000000000000004, target: 3)), ["0", "0.1", "0.2", "0.3"])
        XCTAssertEqual(labels(Ticks.linear(3, 97)), ["0", "20", "40", "60", "80", "100"])
    }

    func testLinearDomainIsWidenedToWholeSteps() {
        let axis = Ticks.linear(0.13, 0.87)
        XCTAssertEqual(axis.lower, 0, accuracy: 1e-12)
        XCTAssertEqual(axis.upper, 1, accuracy: 1e-12)
        XCTAssertEqual(labels(axis), ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testTicksForConstantTinyAndHugeRanges() {
        XCTAssertEqual(labels(Ticks.linear(5, 5)), ["4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"])
        XCTAssertEqual(labels(Ticks.linear(0, 0)), ["−1.0", "−0.5", "0", "0.5", "1.0"])
        XCTAssertEqual(labels(Ticks.linear(0, 3e-7, target: 3)), ["0", "1e−7", "2e−7", "3e−7"])
        XCTAssertEqual(labels(Ticks.linear(0, 4e6, target: 4)), ["0", "1e6", "2e6", "3e6", "4e6"])
        XCTAssertEqual(labels(Ticks.linear(.nan, 1)), ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertFalse(Ticks.linear(-1e308, 1e308).ticks.isEmpty)
    }

    func testLogTicks() {
        XCTAssertEqual(labels(Ticks.logarithmic(0.001, 10)), ["0.001", "0.01", "0.1", "1", "10"])
        XCTAssertEqual(labels(Ticks.logarithmic(1, 50)), ["1", "2", "5", "10", "20", "50", "100"])
        XCTAssertEqual(labels(Ticks.logarithmic(1e-8, 1)), ["10⁻⁸", "10⁻⁶", "10⁻⁴", "0.01", "1"])
        XCTAssertEqual(labels(Ticks.logarithmic(3, 3)), ["1", "2", "5", "10"])
        XCTAssertEqual(labels(Ticks.logarithmic(-1, 0)), ["1", "2", "5", "10"])
    }

    func testShortNumbers() {
        XCTAssertEqual(NumberFormat.short(0.1 + 0.2), "0.3")
        XCTAssertEqual(NumberFormat.short(1.0 / 3.0), "0.333")
        XCTAssertEqual(NumberFormat.short(0.5), "0.5")
        XCTAssertEqual(NumberFormat.short(-1.25), "-1.25")
        XCTAssertEqual(NumberFormat.short(123_456_789), "1.23e8")
        XCTAssertEqual(NumberFormat.short(-0.00001234), "-1.23e-5")
        XCTAssertEqual(NumberFormat.short(0.0009996), "0.001")
        XCTAssertEqual(NumberFormat.short(999.95), "1000")
        XCTAssertEqual(NumberFormat.short(0), "0")
        XCTAssertEqual(NumberFormat.short(-0.0), "0")
        XCTAssertEqual(NumberFormat.short(.nan), "NaN")
        XCTAssertEqual(NumberFormat.short(-.infinity), "-∞")
        XCTAssertEqual(NumberFormat.short(Double.leastNonzeroMagnitude), "5e-324")
    }

    func testColumnsShareDecimals() {
        XCTAssertEqual(NumberFormat.column([0.5, 0.25, 0.125]), ["0.500", "0.250", "0.125"])
        XCTAssertEqual(NumberFormat.column([0.49850000001, 0.5]), ["0.4985", "0.5000"])
        XCTAssertEqual(NumberFormat.column([1, 2, 3]), ["1", "2", "3"])
        XCTAssertEqual(NumberFormat.column([123.456, -2.5]), ["123.5", "-2.5"])
        XCTAssertEqual(NumberFormat.column([1e-7, 1]), ["1e-7", "1e0"])
        XCTAssertEqual(NumberFormat.column([0.0, .nan, .infinity]), ["0", "NaN", "∞"])
        XCTAssertEqual(NumberFormat.column([]), [])
    }

    func testCoordinates() {
        XCTAssertEqual(NumberFormat.coordinate(12.345), "12.3")
        XCTAssertEqual(NumberFormat.coordinate(12.35, decimals: 2), "12.35")
        XCTAssertEqual(NumberFormat.coordinate(-0.04), "0")
        XCTAssertEqual(NumberFormat.coordinate(300), "300")
        XCTAssertEqual(NumberFormat.coordinate(.nan), "0")
        XCTAssertEqual(NumberFormat.coordinate(1e300), "1000000")
    }

    func testExactDecimalRounding() {
        XCTAssertEqual(ExactDecimal(0.125)?.fixed(decimals: 2), "0.13")
        XCTAssertEqual(ExactDecimal(9.995)?.fixed(decimals: 2), "10.00")
        XCTAssertEqual(ExactDecimal(-0.004)?.fixed(decimals: 2), "0.00")
        XCTAssertEqual(ExactDecimal(1e22)?.fixedTrimmed, "10000000000000000000000")
        XCTAssertEqual(ExactDecimal(1.5e-7)?.scientific(significant: 3), "1.5e-7")
        XCTAssertNil(ExactDecimal(.infinity))
    }

    func testTieGroups() {
        let plot = Fixtures.tiedWeights
        XCTAssertEqual(TieGroups.groups(plot.series), [[0, 1], [2, 3], [4, 5, 6, 7], [8, 9]])
        let noisy = Display.LinePlot.Series(name: "w11", points: plot.series[0].points.map { .init(x: $0.x, y: $0.y * (1 + 1e-13)) })
        XCTAssertEqual(TieGroups.groups([plot.series[0], noisy]), [[0, 1]])
        let apart = Display.LinePlot.Series(name: "w12", points: plot.series[0].points.map { .init(x: $0.x, y: $0.y + 1e-6) })
        XCTAssertEqual(TieGroups.groups([plot.series[0], apart]), [[0], [1]])
        let gaps = Display.LinePlot.Series(name: "n", points: [.init(x: 0, y: .nan)])
        XCTAssertEqual(TieGroups.groups([gaps, gaps]), [[0, 1]])
        XCTAssertEqual(TieGroups.groups([]), [])
    }

    func testDecimationBoundsPointsAndKeepsExtremes() {
        var stream = Fixtures.Stream(state: 1)
        let points = (0..<10_000).map { index in
            Decimation.Point(x: Double(index) * 420 / 10_000, y: stream.next() * 200)
        }
        let reduced = Decimation.reduce(points, columnWidth: 1)
        XCTAssertLessThanOrEqual(reduced.count, 4 * 420)
        XCTAssertEqual(reduced.map(\.y).min(), points.map(\.y).min())
        XCTAssertEqual(reduced.map(\.y).max(), points.map(\.y).max())
        XCTAssertEqual(reduced.first, points.first)
        XCTAssertEqual(reduced.last, points.last)
        XCTAssertEqual(reduced, reduced.sorted { $0.x < $1.x })
        XCTAssertEqual(Decimation.reduce(Array(points.prefix(3))), Array(points.prefix(3)))
    }

    func testLargeSeriesDrawCompactly() {
        let html = FigureRenderer.html(for: .linePlot(Fixtures.largePlot), context: FigureContext(idPrefix: "big"))
        XCTAssertLessThan(html.utf8.count, 40_000)
    }

    func testSubscriptsAndGrouping() {
        XCTAssertEqual(NetworkRenderer.subscripted("w10"), "w₁₀")
        XCTAssertEqual(NetworkRenderer.subscripted("y"), "y")
        XCTAssertEqual(NetworkRenderer.subscripted("12"), "12")
        XCTAssertEqual(NetworkRenderer.grouped(250_000), "250,000")
    }

    func testColorMixing() {
        XCTAssertEqual(FigureStylesheet.mix("#000000", "#ffffff", 0.5), "#808080")
        XCTAssertEqual(FigureStylesheet.mix("#2a62ad", "#2a62ad", 0.3), "#2a62ad")
    }
}
