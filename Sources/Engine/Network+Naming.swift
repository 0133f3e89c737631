/// One weight seen as an edge of the network diagram.
public struct Connection: Sendable, Hashable {
    /// The weight's name, `w5`.
    public let name: String
    /// The layer the weight feeds (1 = first hidden layer).
    public let layer: Int
    /// The source unit, `y1` (or an input, `x1`).
    public let source: String
    /// The target unit, `y3` (or `y` for a single output).
    public let target: String
}

extension Network {
    /// Where a named parameter lives.
    enum Location {
        case weight(layer: Int, row: Int, column: Int)
        case bias(layer: Int, unit: Int)
    }

    /// Finds `w<n>` or `b<n>`; throws for any other name.
    func locate(_ name: String) throws -> Location {
        let digits = name.dropFirst()
        let known = "this network has w1…w\(weightCount)" + (hasBias ? " and b1…b\(biasCount)" : " and no biases")
        guard let kind = name.first, kind == "w" || kind == "b", !digits.isEmpty,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
              let number = Int(digits) else {
            throw EngineError.unknownName(name, known: known)
        }
        var remaining = number - 1
        var fanIn = inputCount
        for (index, layer) in layers.enumerated() {
            let size = kind == "w" ? fanIn * layer.units : (hasBias ? layer.units : 0)
            if remaining < size {
                return kind == "w"
                    ? .weight(layer: index, row: remaining / layer.units, column: remaining % layer.units)
                    : .bias(layer: index, unit: remaining)
            }
            remaining -= size
            fanIn = layer.units
        }
        throw EngineError.unknownName(name, known: known)
    }

    /// One weight or bias by name (`net["w5"]`), or nil when the network has none of that name.
    public subscript(name: String) -> Double? {
        try? parameter(name)
    }

    /// One weight or bias by name; throws for an unknown name.
    public func parameter(_ name: String) throws -> Double {
        switch try locate(name) {
        case let .weight(layer, row, column):
            return weightMatrices[layer].scalars[row * weightMatrices[layer].columns + column]
        case let .bias(layer, unit):
            return biasVectors[layer].scalars[unit]
        }
    }

    /// Sets one weight or bias by name (`net["w5"] = 0.3`); throws for an unknown name.
    public func setParameter(_ name: String, to value: Double) throws {
        switch try locate(name) {
        case let .weight(layer, row, column):
            weightMatrices[layer].scalars[row * weightMatrices[layer].columns + column] = value
        case let .bias(layer, unit):
            biasVectors[layer].scalars[unit] = value
        }
    }

    /// Sets every parameter from a list of (name, value); throws for an unknown name.
    public func setParameters(_ values: NamedValues) throws {
        for (name, value) in values { try setParameter(name, to: value) }
    }

    /// `x1 … xn`.
    public var inputNames: [String] { (1...inputCount).map { "x\($0)" } }

    /// The unit names of each layer: `[["y1", "y2"], ["y3", "y4"], ["y"]]`.
    public var unitNames: [[String]] {
        var next = 1
        return layers.enumerated().map { index, layer in
            if index == layers.count - 1, layer.units == 1 { return ["y"] }
            defer { next += layer.units }
            return (0..<layer.units).map { "y\(next + $0)" }
        }
    }

    /// Every weight as an edge source → target, in weight order.
    public var connections: [Connection] {
        var result: [Connection] = []
        let units = unitNames
        var sources = inputNames
        for (index, targets) in units.enumerated() {
            for source in sources {
                for target in targets {
                    result.append(Connection(name: "w\(result.count + 1)", layer: index + 1, source: source, target: target))
                }
            }
            sources = targets
        }
        return result
    }
}
