extension Display {
    /// Histograms side by side, one panel per layer.
    public struct HistogramGrid: Sendable, Equatable, Codable, CustomStringConvertible {
        /// One histogram with its summary statistics.
        public struct Panel: Sendable, Equatable, Codable {
            /// The panel title, e.g. "layer 1".
            public var title: String
            /// The bin edges, one more than the counts.
            public var edges: [Double]
            /// The number of values in each bin.
            public var counts: [Int]
            /// The mean of the values.
            public var mean: Double
            /// The standard deviation of the values.
            public var std: Double

            /// A panel from its title, bins and statistics.
            public init(title: String, edges: [Double], counts: [Int], mean: Double, std: Double) {
                self.title = title
                self.edges = edges
                self.counts = counts
                self.mean = mean
                self.std = std
            }
        }

        /// The panels, in order.
        public var panels: [Panel]
        /// The title of the whole grid, if any.
        public var title: String?

        /// A grid from its panels.
        public init(panels: [Panel], title: String? = nil) {
            self.panels = panels
            self.title = title
        }

        /// "histograms: 10 panels × 30 bins".
        public var description: String {
            let bins = panels.first?.counts.count ?? 0
            return "histograms: \(panels.count) panel\(panels.count == 1 ? "" : "s") × \(bins) bins"
        }
    }
}
