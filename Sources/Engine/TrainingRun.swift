/// The history of one `train` call: parameters, losses and (on request) gradients per step.
///
/// Step 0 is the state before training; step k is the state after k updates. `loss[k]` is
/// the loss at the parameters of step k, so there are `steps + 1` losses.
public struct TrainingRun: Sendable {
    /// Every parameter name, weights first, in the order of `Network.parameterNames`.
    public let names: [String]
    /// How many of `names` are weights (the rest are biases).
    let weightCount: Int
    /// How many weights each layer has, in order.
    let layerSizes: [Int]
    /// The number of updates made.
    public let steps: Int
    /// The loss at step 0 … steps.
    public let loss: [Double]
    /// Parameters, row-major: one row per recorded step.
    let history: [Double]
    /// Whether every step was recorded (otherwise only step 0 and the last).
    let recordsEveryStep: Bool
    /// The gradient used at step 0 … steps − 1, when asked for.
    let gradientHistory: [Double]

    /// The weight names, `w1 … wN`.
    public var weightNames: [String] { Array(names.prefix(weightCount)) }

    /// The last loss.
    public var finalLoss: Double { loss.last ?? .nan }

    private func row(_ step: Int) throws -> ArraySlice<Double> {
        guard step >= 0, step <= steps else {
            throw EngineError.indexOutOfRange("step \(step) is outside this run of \(steps) steps (0…\(steps))")
        }
        let index: Int
        if recordsEveryStep {
            index = step
        } else if step == steps {
            index = 0
        } else {
            throw EngineError.invalidArgument("this run kept only its final parameters (recordWeights: false); step \(step) was not kept")
        }
        return history[(index * names.count)..<((index + 1) * names.count)]
    }

    /// Every weight and bias after `step` updates (0 = the initial values).
    public func parameters(at step: Int) throws -> NamedValues {
        NamedValues(names: names, values: Array(try row(step)))
    }

    /// Every weight after `step` updates (0 = the initial values).
    public func weights(at step: Int) throws -> NamedValues {
        NamedValues(names: weightNames, values: Array(try row(step).prefix(weightCount)))
    }

    /// Whether the run kept the gradient of every step (`recordGradients: true`).
    public var hasGradients: Bool { !gradientHistory.isEmpty }

    /// Whether the run kept the parameters of every step (`recordWeights: true`, the default).
    public var keepsEveryStep: Bool { recordsEveryStep }

    /// The gradient used by update `step` (0 … steps − 1); needs `recordGradients: true`.
    public func gradients(at step: Int) throws -> NamedValues {
        guard !gradientHistory.isEmpty else {
            throw EngineError.invalidArgument("this run did not keep gradients; train with recordGradients: true")
        }
        guard step >= 0, step < steps else {
            throw EngineError.indexOutOfRange("gradient step \(step) is outside 0…\(steps - 1)")
        }
        return NamedValues(names: names, values: Array(gradientHistory[(step * names.count)..<((step + 1) * names.count)]))
    }

    /// One parameter's value at every step 0 … steps (a weight trajectory to plot).
    public func trajectory(of name: String) throws -> [Double] {
        guard let column = names.firstIndex(of: name) else {
            throw EngineError.unknownName(name, known: "known: \(NamedValues.summary(of: names))")
        }
        guard recordsEveryStep else {
            throw EngineError.invalidArgument("this run kept only its final parameters (recordWeights: false)")
        }
        return (0...steps).map { history[$0 * names.count + column] }
    }

    /// A table with one row per requested step and one column per weight.
    public func table(steps requested: [Int]) throws -> WeightTable {
        try table(steps: requested, names: weightNames)
    }

    /// A table with one row per requested step and one column per named parameter.
    public func table(steps requested: [Int], names selected: [String]) throws -> WeightTable {
        let rows = try requested.map { step in try parameters(at: step).selecting(selected).values }
        return WeightTable(steps: requested, columns: selected, rows: rows)
    }
}

/// Parameters at chosen steps, as plain data: rows are steps, columns are parameters.
public struct WeightTable: Sendable, Equatable {
    /// The step of each row.
    public let steps: [Int]
    /// The parameter name of each column.
    public let columns: [String]
    /// The values: `rows[i][j]` is parameter `columns[j]` after `steps[i]` updates.
    public let rows: [[Double]]
}
