import Outputs
import Engine

/// Heatmap displays: a matrix, a data set's points, a classifier's decision regions.
enum Heatmaps {
    /// The bounds of the points, widened by a margin.
    static func bounds(_ points: Tensor) -> (ClosedRange<Double>, ClosedRange<Double>) {
        guard points.rows > 0, points.columns >= 2 else { return (0...1, 0...1) }
        let xs = (0..<points.rows).map { points.scalars[$0 * points.columns] }
        let ys = (0..<points.rows).map { points.scalars[$0 * points.columns + 1] }
        let pad = 0.1 * max((xs.max()! - xs.min()!), (ys.max()! - ys.min()!), 1e-9)
        return ((xs.min()! - pad)...(xs.max()! + pad), (ys.min()! - pad)...(ys.max()! + pad))
    }

    static func points(_ dataset: Dataset) -> [Display.Heatmap.Point] {
        let inputs = dataset.inputs
        guard inputs.columns >= 2 else { return [] }
        return dataset.labels.enumerated().map { index, label in
            Display.Heatmap.Point(x: inputs.scalars[index * inputs.columns], y: inputs.scalars[index * inputs.columns + 1], label: label)
        }
    }

    /// A data set's points alone (no cells): a scatter plot by class.
    static func scatter(_ dataset: Dataset) -> Display.Heatmap {
        let (x, y) = bounds(dataset.inputs)
        return Display.Heatmap(values: [], xRange: x, yRange: y, points: points(dataset), categorical: true, title: dataset.name)
    }

    /// The class a network predicts over a grid covering the data, with the data on top.
    static func decisionRegions(_ network: Network, _ dataset: Dataset, resolution: Int, _ runtime: Runtime) throws -> Display.Heatmap {
        guard network.inputCount == 2 else { throw Failure("heatmap: decision regions need a network with 2 inputs") }
        guard (2...400).contains(resolution) else { throw Failure("heatmap: resolution must be between 2 and 400, got \(resolution)") }
        let (x, y) = bounds(dataset.inputs)
        var grid: [Double] = []
        grid.reserveCapacity(resolution * resolution * 2)
        for row in 0..<resolution {
            let yValue = y.lowerBound + (y.upperBound - y.lowerBound) * (Double(row) + 0.5) / Double(resolution)
            for column in 0..<resolution {
                grid.append(x.lowerBound + (x.upperBound - x.lowerBound) * (Double(column) + 0.5) / Double(resolution))
                grid.append(yValue)
            }
        }
        try runtime.checkElements(product: [resolution, resolution, max(1, network.layers.map(\.units).max() ?? 1)], "heatmap")
        let predictions = try EngineConversions.engine {
            try network.predict(try Tensor(rows: resolution * resolution, columns: 2, scalars: grid))
        }
        let values = (0..<resolution).map { row in (0..<resolution).map { Double(predictions[row * resolution + $0]) } }
        return Display.Heatmap(values: values, xRange: x, yRange: y, points: points(dataset), categorical: true, title: "decision regions")
    }
}
