import Outputs


/// The display values the golden tests draw: one or more per figure kind, built from plain
/// arithmetic (no libm, no randomness) so that the goldens are the same on every machine.
enum Fixtures {
    /// A deterministic stream of numbers in [0, 1) (a linear congruential generator).
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
    }

    typealias Point = Display.LinePlot.Point
    typealias Series = Display.LinePlot.Series

    /// The toy network's ten weights over 100 steps from a constant start: four trajectories.
    static var tiedWeights: Display.LinePlot {
        func line(_ rate: Double) -> [Point] {
            (0...100).map { step in Point(x: Double(step), y: 0.5 - rate * Double(step) / (1 + Double(step) / 40)) }
        }
        let first = line(0.004), second = line(0.009), middle = line(0.006), last = line(0.011)
        let series = [
            Series(name: "w1", points: first), Series(name: "w2", points: first),
            Series(name: "w3", points: second), Series(name: "w4", points: second),
            Series(name: "w5", points: middle), Series(name: "w6", points: middle),
            Series(name: "w7", points: middle), Series(name: "w8", points: middle),
            Series(name: "w9", points: last), Series(name: "w10", points: last),
        ]
        return Display.LinePlot(series: series, title: "Weights during training", xLabel: "step", yLabel: "weight")
    }

    /// Three distinct series with a title and axis labels.
    static var basicPlot: Display.LinePlot {
        let series = (0..<3).map { k in
            Series(name: "w\(k + 1)", points: (0...50).map { step in
                let t = Double(step) / 10
                return Point(x: t, y: Double(k + 1) * 0.1 * t - 0.05 * t * t)
            })
        }
        return Display.LinePlot(series: series, title: "Three weights", xLabel: "time", yLabel: "value")
    }

    /// NaN and infinity in the middle of a series, a negative infinity at the end.
    static var gapsPlot: Display.LinePlot {
        var points = (0..<40).map { Point(x: Double($0), y: Double($0 % 7) * 0.3) }
        points[10].y = .nan
        points[11].y = .nan
        points[25].y = .infinity
        points[39].y = -.infinity
        return Display.LinePlot(series: [Series(name: "loss", points: points)], title: "Loss with gaps", xLabel: "step")
    }

    /// A loss falling over four decades, with a zero the log axis cannot show.
    static var logPlot: Display.LinePlot {
        var points = (0...60).map { step -> Point in
            var value = 2.0
            for _ in 0..<step { value *= 0.86 }
            return Point(x: Double(step), y: value)
        }
        points[30].y = 0
        return Display.LinePlot(series: [Series(name: "loss", points: points)], title: "Loss", xLabel: "step", yLabel: "loss", logY: true)
    }

    /// A constant series and a single point.
    static var constantPlot: Display.LinePlot {
        Display.LinePlot(series: [
            Series(name: "w1", points: (0...20).map { Point(x: Double($0), y: 0.5) }),
            Series(name: "bias", points: [Point(x: 10, y: 0.5)]),
        ], xLabel: "step")
    }

    /// 10,000 noisy points in each of two series.
    static var largePlot: Display.LinePlot {
        var stream = Stream(state: 7)
        let series = (0..<2).map { k in
            Series(name: k == 0 ? "signal" : "noise", points: (0..<10_000).map { index in
                let t = Double(index) / 10_000
                let wave = k == 0 ? 4 * t * (1 - t) : 0.2
                return Point(x: Double(index), y: wave + (stream.next() - 0.5) * 0.3)
            })
        }
        return Display.LinePlot(series: series, title: "10,000 points per series", xLabel: "sample")
    }

    /// The activation-statistics figure: ten layers whose distribution narrows.
    static var histograms: Display.HistogramGrid {
        let bins = 30
        let edges = (0...bins).map { -1 + 2 * Double($0) / Double(bins) }
        let panels = (0..<10).map { layer -> Display.HistogramGrid.Panel in
            let spread = 0.6 / (1 + Double(layer) * 0.7)
            let counts = (0..<bins).map { bin -> Int in
                let center = (edges[bin] + edges[bin + 1]) / 2
                let z: Double = center / spread
                let weight: Double = 1 + z * z * z * z
                return Int(5000 * spread / weight)
            }
            return .init(title: "layer \(layer + 1)", edges: edges, counts: counts, mean: 0.0001 * Double(layer) - 0.0003, std: spread * 0.7)
        }
        return Display.HistogramGrid(panels: panels, title: "Activations by layer (tanh)")
    }

    /// A signed matrix: the diverging scale.
    static var signedHeatmap: Display.Heatmap {
        let values: [[Double]] = (0..<20).map { row in (0..<24).map { column -> Double in
            let x: Double = Double(column) - 11.5
            let y: Double = Double(row) - 9.5
            return x * y / 100
        } }
        return Display.Heatmap(values: values, xRange: 0...24, yRange: 0...20, title: "Weight matrix")
    }

    /// A positive matrix: the sequential scale.
    static var positiveHeatmap: Display.Heatmap {
        let values = (0..<12).map { row in (0..<12).map { column in Double(row * column) } }
        return Display.Heatmap(values: values, xRange: -1...1, yRange: -1...1)
    }

    /// A 500 × 200 matrix of uniform noise: drawn in averaged blocks.
    static var largeMatrix: Display.Heatmap {
        var stream = Stream(state: 5)
        let values = (0..<500).map { _ in (0..<200).map { _ in stream.next() * 2 - 1 } }
        return Display.Heatmap(values: values, xRange: 0...200, yRange: 0...500, title: "500 × 200 weights")
    }

    /// Three classes: regions over a grid and labelled points on top.
    static var decisionRegions: Display.Heatmap {
        let size = 40
        func label(_ x: Double, _ y: Double) -> Int { x + y > 0.3 ? 0 : (x - y > 0 ? 1 : 2) }
        let values = (0..<size).map { row in (0..<size).map { column -> Double in
            let x = -1 + 2 * (Double(column) + 0.5) / Double(size)
            let y = -1 + 2 * (Double(row) + 0.5) / Double(size)
            return Double(label(x, y))
        } }
        var stream = Stream(state: 3)
        let points = (0..<90).map { _ -> Display.Heatmap.Point in
            let x = stream.next() * 2 - 1, y = stream.next() * 2 - 1
            return .init(x: x, y: y, label: label(x, y))
        }
        return Display.Heatmap(values: values, xRange: -1...1, yRange: -1...1, points: points, categorical: true, title: "Decision regions")
    }

    /// The 2-2-2-1 toy network with the classic numbering.
    static func toyNetwork(_ value: (Int) -> Double) -> Display.NetworkDiagram {
        let pairs = [("x1", "y1"), ("x1", "y2"), ("x2", "y1"), ("x2", "y2"), ("y1", "y3"), ("y1", "y4"),
                     ("y2", "y3"), ("y2", "y4"), ("y3", "y"), ("y4", "y")]
        let edges = pairs.enumerated().map { index, pair in
            Display.NetworkDiagram.Edge(source: pair.0, target: pair.1, weight: "w\(index + 1)", value: value(index + 1))
        }
        return Display.NetworkDiagram(layers: [["x1", "x2"], ["y1", "y2"], ["y3", "y4"], ["y"]], edges: edges,
                                      activations: ["identity", "identity", "identity"], hasBias: false)
    }

    /// 2 → 500 × 10 → 1 as a summary, without edges.
    static var largeNetwork: Display.NetworkDiagram {
        var layers = [["x1", "x2"]]
        var unit = 0
        for _ in 0..<10 {
            layers.append((0..<500).map { _ in unit += 1; return "y\(unit)" })
        }
        layers.append(["y"])
        return Display.NetworkDiagram(layers: layers, edges: [], activations: Array(repeating: "tanh", count: 10) + ["identity"],
                                      hasBias: true, summary: "2 → 500 × 10 → 1")
    }

    /// 2 → 6 → 6 → 1: drawn unit by unit, without labels.
    static var mediumNetwork: Display.NetworkDiagram {
        let layers = [["x1", "x2"], (1...6).map { "y\($0)" }, (7...12).map { "y\($0)" }, ["y"]]
        var edges: [Display.NetworkDiagram.Edge] = []
        var stream = Stream(state: 11)
        for (index, layer) in layers.enumerated().dropLast() {
            for source in layer {
                for target in layers[index + 1] {
                    edges.append(.init(source: source, target: target, weight: "w\(edges.count + 1)", value: stream.next() * 2 - 1))
                }
            }
        }
        return Display.NetworkDiagram(layers: layers, edges: edges, activations: ["relu", "relu", "identity"], hasBias: true)
    }

    /// Weights by step, as `run.table(steps:)` shows them.
    static var weightsTable: Display.Table {
        let steps = [0, 1, 2, 5, 10, 50, 100]
        let columns = ["step"] + (1...10).map { "w\($0)" }
        let rows = steps.map { step -> [Display.Table.Cell] in
            [.integer(step)] + (1...10).map { k in .number(0.5 - Double(step) * 0.001 * Double((k + 1) / 2)) }
        }
        return Display.Table(columns: columns, rows: rows, caption: "Weights by step")
    }

    /// Text, integers, numbers of every size, NaN and a ragged row.
    static var mixedTable: Display.Table {
        Display.Table(columns: ["name", "count", "value", "gradient"], rows: [
            [.text("w1"), .integer(3), .number(0.1 + 0.2), .number(-0.000012)],
            [.text("w2 <b>"), .integer(-12), .number(12.5), .number(.nan)],
            [.text("w3 & w4"), .integer(1000), .number(-3), .number(.infinity)],
            [.text("short row")],
        ])
    }

    /// 200 rows: shortened with a note.
    static var longTable: Display.Table {
        Display.Table(columns: ["step", "loss"], rows: (0..<200).map { [.integer($0), .number(1 / Double($0 + 1))] })
    }
}
