extension Display {
    /// Named series of (x, y) points over shared axes.
    public struct LinePlot: Sendable, Equatable, Codable, CustomStringConvertible {
        /// One named line.
        public struct Series: Sendable, Equatable, Codable {
            /// The legend name, e.g. `w9`.
            public var name: String
            /// The points, in x order.
            public var points: [Point]

            /// A series from its name and points.
            public init(name: String, points: [Point]) {
                self.name = name
                self.points = points
            }
        }

        /// One (x, y) point.
        public struct Point: Sendable, Equatable, Codable {
            /// The x coordinate.
            public var x: Double
            /// The y coordinate.
            public var y: Double

            /// A point at (x, y).
            public init(x: Double, y: Double) {
                self.x = x
                self.y = y
            }
        }

        /// The series, in legend order.
        public var series: [Series]
        /// The title, if any.
        public var title: String?
        /// The x-axis label, if any.
        public var xLabel: String?
        /// The y-axis label, if any.
        public var yLabel: String?
        /// Whether the y axis is logarithmic.
        public var logY: Bool

        /// A plot from its series, labels and scale.
        public init(series: [Series], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, logY: Bool = false) {
            self.series = series
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.logY = logY
        }

        /// "line plot: 10 series × 101 points".
        public var description: String {
            let points = series.map(\.points.count).max() ?? 0
            let count = series.count == 1 ? "1 series" : "\(series.count) series"
            return "line plot: \(count) × \(points) points" + (title.map { " (\($0))" } ?? "")
        }
    }
}
