extension Display {
    /// Values over a rectangle of the plane, with optional labelled points drawn on top
    /// (a classifier's decision regions and its data).
    public struct Heatmap: Sendable, Equatable, Codable, CustomStringConvertible {
        /// One data point with its class.
        public struct Point: Sendable, Equatable, Codable {
            /// The x coordinate.
            public var x: Double
            /// The y coordinate.
            public var y: Double
            /// The class label (0, 1, …).
            public var label: Int

            /// A point of class `label` at (x, y).
            public init(x: Double, y: Double, label: Int) {
                self.x = x
                self.y = y
                self.label = label
            }
        }

        /// The matrix, `values[row][column]`; row 0 is the bottom (smallest y).
        public var values: [[Double]]
        /// The x range the columns span.
        public var xRange: ClosedRange<Double>
        /// The y range the rows span.
        public var yRange: ClosedRange<Double>
        /// Labelled points to draw on top (empty for a plain heatmap).
        public var points: [Point]
        /// Whether the values are class labels (draw categorical colors) rather than a scale.
        public var categorical: Bool
        /// The title, if any.
        public var title: String?

        /// A heatmap from its matrix, ranges and points.
        public init(
            values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
            points: [Point] = [], categorical: Bool = false, title: String? = nil
        ) {
            self.values = values
            self.xRange = xRange
            self.yRange = yRange
            self.points = points
            self.categorical = categorical
            self.title = title
        }

        /// "heatmap: 50 × 50, 300 points".
        public var description: String {
            "heatmap: \(values.count) × \(values.first?.count ?? 0)" + (points.isEmpty ? "" : ", \(points.count) points")
        }
    }
}
