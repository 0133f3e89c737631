/// The weights of each layer grouped by equal value: the symmetry that constant
/// initialization creates and gradient descent never breaks.
public struct Symmetry: Sendable, Equatable, CustomStringConvertible {
    /// Per layer (first hidden layer first), the groups of weight names with equal values,
    /// each group in weight order, groups ordered by their first weight. Every weight is in
    /// exactly one group; a weight equal to no other forms a group of one.
    public let layers: [[[String]]]

    /// The groups of two or more weights, over all layers.
    public var tiedGroups: [[String]] {
        layers.flatMap { $0.filter { $0.count > 1 } }
    }

    /// Whether the two weights are in one group.
    public func areTied(_ first: String, _ second: String) -> Bool {
        layers.contains { $0.contains { $0.contains(first) && $0.contains(second) } }
    }

    /// `layer 1: w1 = w2 = w3 = w4 | layer 2: …`.
    public var description: String {
        layers.enumerated().map { index, groups in
            "layer \(index + 1): " + groups.map { $0.joined(separator: " = ") }.joined(separator: ", ")
        }.joined(separator: " | ")
    }

    /// Groups named values layer by layer; a value joins the first group whose first
    /// member is within `tolerance` of it (0 means exactly equal; NaN equals nothing).
    static func grouping(_ values: NamedValues, layerSizes: [Int], tolerance: Double) -> Symmetry {
        var layers: [[[String]]] = []
        var start = 0
        for size in layerSizes {
            var groups: [[String]] = []
            var representatives: [Double] = []
            for index in start..<(start + size) {
                let value = values.values[index], name = values.names[index]
                if let group = representatives.firstIndex(where: { abs($0 - value) <= tolerance }) {
                    groups[group].append(name)
                } else {
                    groups.append([name])
                    representatives.append(value)
                }
            }
            layers.append(groups)
            start += size
        }
        return Symmetry(layers: layers)
    }
}

extension Network {
    /// The groups of weights, per layer, whose values are exactly equal.
    public var symmetry: Symmetry {
        Symmetry.grouping(weights, layerSizes: weightMatrices.map(\.count), tolerance: 0)
    }

    /// The groups of weights, per layer, whose values agree within `tolerance`.
    public func symmetry(tolerance: Double) -> Symmetry {
        Symmetry.grouping(weights, layerSizes: weightMatrices.map(\.count), tolerance: Swift.max(0, tolerance))
    }
}

extension TrainingRun {
    /// The symmetry of the weights after `step` updates.
    public func symmetry(at step: Int, tolerance: Double = 0) throws -> Symmetry {
        Symmetry.grouping(try weights(at: step), layerSizes: layerSizes, tolerance: Swift.max(0, tolerance))
    }
}
