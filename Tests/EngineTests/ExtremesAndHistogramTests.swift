import Engine
import XCTest

/// `Tensor.min(axis:)`/`max(axis:)` and `Histogram`, value by value.
final class ExtremesAndHistogramTests: XCTestCase {
    func testExtremesAlongEachAxis() throws {
        let m = try Tensor([[1, 5, -2], [3, 4, 8]])
        XCTAssertEqual(try m.max(axis: 0), try Tensor(rows: 1, columns: 3, scalars: [3, 5, 8]))
        XCTAssertEqual(try m.min(axis: 0), try Tensor(rows: 1, columns: 3, scalars: [1, 4, -2]))
        XCTAssertEqual(try m.max(axis: 1), try Tensor(rows: 2, columns: 1, scalars: [5, 8]))
        XCTAssertEqual(try m.min(axis: 1), try Tensor(rows: 2, columns: 1, scalars: [-2, 3]))
        XCTAssertEqual(try Tensor.zeros(0, 3).min(axis: 1).shape, Shape(0, 1))
    }

    func testNaNWinsAsInNumpy() throws {
        let m = try Tensor([[1, .nan], [0, 2]])
        let columns = try m.max(axis: 0).scalars
        XCTAssertEqual(columns[0], 1)
        XCTAssertTrue(columns[1].isNaN)
        let rows = try m.min(axis: 1).scalars
        XCTAssertTrue(rows[0].isNaN)
        XCTAssertEqual(rows[1], 0)
    }

    func testExtremesRejectABadAxisOrNothingAlongIt() throws {
        let m = try Tensor([[1, 2]])
        XCTAssertThrowsError(try m.max(axis: 2)) { error in
            XCTAssertEqual("\(error)", "max(axis:): axis must be 0 (down the rows) or 1 (across the columns), got 2")
        }
        XCTAssertThrowsError(try Tensor.zeros(0, 3).min(axis: 0)) { error in
            XCTAssertEqual("\(error)", "min(axis: 0): the tensor of shape (0, 3) has nothing along that axis")
        }
    }

    func testHistogramOverTheDataRangeClosesTheLastBin() throws {
        let histogram = try Histogram([0, 1, 2, 3, 4, .nan, .infinity], bins: 4)
        XCTAssertEqual(histogram.edges, [0, 1, 2, 3, 4])
        XCTAssertEqual(histogram.counts, [1, 1, 1, 2])
        XCTAssertEqual(histogram.mean, 2)
        XCTAssertEqual(histogram.std, 2.0.squareRoot())
    }

    func testHistogramOverAGivenRangeSkipsValuesOutsideIt() throws {
        let histogram = try Histogram([-1, 0, 0.5, 1, 2], bins: 2, range: (0, 1))
        XCTAssertEqual(histogram.edges, [0, 0.5, 1])
        XCTAssertEqual(histogram.counts, [1, 2])
        XCTAssertEqual(histogram.mean, 0.5)
        XCTAssertEqual(histogram.std, 1)
    }

    func testHistogramOfEqualOrNoValues() throws {
        let equal = try Histogram([3, 3], bins: 2)
        XCTAssertEqual(equal.edges, [2.5, 3, 3.5])
        XCTAssertEqual(equal.counts, [0, 2])
        XCTAssertEqual(equal.mean, 3)
        XCTAssertEqual(equal.std, 0)
        let empty = try Histogram([.nan], bins: 1)
        XCTAssertEqual(empty.edges, [0, 1])
        XCTAssertEqual(empty.counts, [0])
        XCTAssertTrue(empty.mean.isNaN)
        XCTAssertTrue(empty.std.isNaN)
    }

    func testHistogramWhoseRangeOverflowsCountsWithoutTrapping() throws {
        let histogram = try Histogram([-1e308, 1e308], bins: 2)
        XCTAssertEqual(histogram.counts, [1, 1])
    }

    func testHistogramRejectsNoBinsAndAnEmptyRange() throws {
        XCTAssertThrowsError(try Histogram([1], bins: 0)) { error in
            XCTAssertEqual("\(error)", "histogram: bins must be at least 1, got 0")
        }
        XCTAssertThrowsError(try Histogram([1], bins: 1, range: (1, 1))) { error in
            XCTAssertEqual("\(error)", "histogram: range must be finite with low < high")
        }
    }

    /// The binning as first written (a filtered copy, then one pass per figure), which the
    /// copy-free binning must match bit for bit: the edges, counts, mean and std of the figures.
    private func referenceHistogram(_ data: [Double], bins: Int, range: (Double, Double)?) -> ([UInt64], [Int], UInt64, UInt64) {
        let finite = data.filter(\.isFinite)
        var low = range?.0 ?? finite.min() ?? 0, high = range?.1 ?? finite.max() ?? 1
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        let edges = (0...bins).map { $0 == bins ? high : low + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for value in finite where value >= low && value <= high {
            var position = (value - low) / width
            if !position.isFinite { position = (value / 2 - low / 2) / ((high / 2 - low / 2) / Double(bins)) }
            counts[min(bins - 1, max(0, Int(position.isFinite ? position : 0)))] += 1
        }
        let mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        let variance = finite.isEmpty ? .nan : finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count)
        return (edges.map(\.bitPattern), counts, mean.bitPattern, variance.squareRoot().bitPattern)
    }

    func testBinningWithoutACopyGivesTheSameFigures() throws {
        var random = try RandomState(seed: 5)
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e308, -1e308, .leastNonzeroMagnitude]
        for trial in 0..<300 {
            let count = Int(random.interval(40))
            let data = (0..<count).map { _ in
                random.rand() < 0.2 ? specials[Int(random.interval(UInt64(specials.count - 1)))] : random.randn() * 3
            }
            let bins = Int(random.interval(9)) + 1
            let range: (Double, Double)? = trial % 2 == 0 ? nil : (-2, 2.5)
            let histogram = try Histogram(data, bins: bins, range: range)
            let (edges, counts, mean, std) = referenceHistogram(data, bins: bins, range: range)
            XCTAssertEqual(histogram.edges.map(\.bitPattern), edges, "\(data)")
            XCTAssertEqual(histogram.counts, counts, "\(data)")
            XCTAssertEqual(histogram.mean.bitPattern, mean, "\(data)")
            XCTAssertEqual(histogram.std.bitPattern, std, "\(data)")
        }
    }
}
