extension Display {
    /// A network drawn as layers of named units joined by named, weighted edges.
    public struct NetworkDiagram: Sendable, Equatable, Codable, CustomStringConvertible {
        /// One weight as an edge.
        public struct Edge: Sendable, Equatable, Codable {
            /// The source unit, e.g. `x1` or `y1`.
            public var source: String
            /// The target unit, e.g. `y3` or `y`.
            public var target: String
            /// The weight's name, e.g. `w5`.
            public var weight: String
            /// The weight's value.
            public var value: Double

            /// An edge source → target carrying a named weight.
            public init(source: String, target: String, weight: String, value: Double) {
                self.source = source
                self.target = target
                self.weight = weight
                self.value = value
            }
        }

        /// The unit names per layer, inputs first: `[["x1", "x2"], ["y1", "y2"], ["y"]]`.
        public var layers: [[String]]
        /// Every weight as an edge (empty when the network is too big to draw: see `summary`).
        public var edges: [Edge]
        /// The activation of each non-input layer, e.g. `["relu", "identity"]`.
        public var activations: [String]
        /// Whether the units have biases.
        public var hasBias: Bool
        /// For a network too big to draw unit by unit, a summary such as "2 → 500 × 10 → 1".
        public var summary: String?
        /// A training run to step through: the edges hold its last state.
        public var frames: Frames?

        /// The states of a training run, one per step shown.
        public struct Frames: Sendable, Equatable, Codable {
            /// The step of each frame (0 is the start).
            public var steps: [Int]
            /// Each frame's weights, in the order of `edges`.
            public var weights: [[Double]]
            /// The gradient each frame's weights received (in edge order), when recorded; the
            /// last step of a run has none, and shows NaN.
            public var gradients: [[Double]]?
            /// The loss at each frame.
            public var loss: [Double]
            /// The id (`tbl-…`) of a table on the page whose column or row for the step shown is
            /// highlighted as the steps change.
            public var table: String?

            /// Frames of a run.
            public init(steps: [Int], weights: [[Double]], gradients: [[Double]]?, loss: [Double]) {
                self.steps = steps
                self.weights = weights
                self.gradients = gradients
                self.loss = loss
            }
        }

        /// A diagram from its layers and edges.
        public init(layers: [[String]], edges: [Edge], activations: [String], hasBias: Bool, summary: String? = nil) {
            self.layers = layers
            self.edges = edges
            self.activations = activations
            self.hasBias = hasBias
            self.summary = summary
        }

        /// "network: 2 → 2 → 2 → 1, 10 weights".
        public var description: String {
            let sizes = layers.map { String($0.count) }.joined(separator: " → ")
            let weights = edges.isEmpty ? "" : ", \(edges.count) weights"
            return "network: " + (summary ?? sizes) + weights
        }

        /// The description, then one line per edge.
        public var plainText: String {
            ([description] + edges.map { "\($0.weight): \($0.source) → \($0.target) = \(String(describing: $0.value))" })
                .joined(separator: "\n")
        }
    }
}
