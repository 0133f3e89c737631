extension Network {
    /// Full-batch gradient descent, `w ← w − η·dLoss/dw` for every weight and bias, `steps` times.
    ///
    /// Updates the network and returns the history: the parameters before the first step and
    /// after each step (`recordWeights`), the loss at each of those points, and, on request,
    /// the gradient used at each step. `l2` adds the penalty ½λΣW² over the weights (not the biases).
    @discardableResult
    public func train(
        inputs: Tensor, loss: Loss, learningRate: Double, steps: Int, l2: Double = 0,
        recordWeights: Bool = true, recordGradients: Bool = false
    ) throws -> TrainingRun {
        try checkTraining(learningRate: learningRate, steps: steps, l2: l2)
        let trainer = try DenseTrainer(network: self, inputs: inputs, loss: loss, l2: l2)
        return try descend(
            trainer, learningRate: learningRate, steps: steps, recordWeights: recordWeights, recordGradients: recordGradients)
    }

    /// Full-batch gradient descent over inputs given as rows.
    @discardableResult
    public func train(
        inputs: [[Double]], loss: Loss, learningRate: Double, steps: Int, l2: Double = 0,
        recordWeights: Bool = true, recordGradients: Bool = false
    ) throws -> TrainingRun {
        try train(
            inputs: Tensor(inputs), loss: loss, learningRate: learningRate, steps: steps, l2: l2,
            recordWeights: recordWeights, recordGradients: recordGradients)
    }

    /// `train` computed through the network's autodiff graph instead of `DenseTrainer`:
    /// the reference the fast path is tested against.
    @discardableResult
    func trainOnGraph(
        inputs: Tensor, loss: Loss, learningRate: Double, steps: Int, l2: Double = 0,
        recordWeights: Bool = true, recordGradients: Bool = false
    ) throws -> TrainingRun {
        try checkTraining(learningRate: learningRate, steps: steps, l2: l2)
        let problem = try GraphTrainingProblem(compiled: compile(inputs: inputs, loss: loss, l2: l2))
        return try descend(
            problem, learningRate: learningRate, steps: steps, recordWeights: recordWeights, recordGradients: recordGradients)
    }

    private func checkTraining(learningRate: Double, steps: Int, l2: Double) throws {
        guard steps >= 0, steps <= Tensor.maximumElementCount else {
            throw EngineError.invalidArgument("steps must be between 0 and \(Tensor.maximumElementCount), got \(steps)")
        }
        guard learningRate.isFinite, l2.isFinite else {
            throw EngineError.invalidArgument("the learning rate and l2 must be finite, got \(learningRate) and \(l2)")
        }
    }

    /// The training loop both paths share: forward, record, backward, update, record.
    private func descend<Problem: GradientDescentProblem>(
        _ problem: Problem, learningRate: Double, steps: Int, recordWeights: Bool, recordGradients: Bool
    ) throws -> TrainingRun {
        try withExtendedLifetime(problem) {
            let parameters = problem.parameters
            let parameterCount = parameters.reduce(0) { $0 + $1.count }
            if recordWeights || recordGradients {
                _ = try checkedCount(steps + 1, parameterCount, "train: the recorded history (pass recordWeights: false)")
            }

            var history: [Double] = []
            var gradientHistory: [Double] = []
            var lossHistory: [Double] = []
            history.reserveCapacity(recordWeights ? (steps + 1) * parameterCount : parameterCount)
            if recordGradients { gradientHistory.reserveCapacity(steps * parameterCount) }
            lossHistory.reserveCapacity(steps + 1)
            for buffer in parameters { history.append(contentsOf: UnsafeBufferPointer(start: buffer.value, count: buffer.count)) }

            for _ in 0..<steps {
                lossHistory.append(problem.forward())
                try problem.backward()
                for parameter in parameters {
                    if recordGradients {
                        gradientHistory.append(contentsOf: UnsafeBufferPointer(start: parameter.gradient, count: parameter.count))
                    }
                    let w = parameter.value, g = parameter.gradient
                    var i = 0
                    while i < parameter.count {
                        w[i] -= learningRate * g[i]
                        i &+= 1
                    }
                    if recordWeights { history.append(contentsOf: UnsafeBufferPointer(start: w, count: parameter.count)) }
                }
            }
            lossHistory.append(problem.forward())
            if !recordWeights {
                history.removeAll(keepingCapacity: false)
                for buffer in parameters { history.append(contentsOf: UnsafeBufferPointer(start: buffer.value, count: buffer.count)) }
            }

            // Weight matrices first, then bias rows: the order of `problem.parameters`.
            for (index, buffer) in parameters.enumerated() {
                let values = Array(UnsafeBufferPointer(start: buffer.value, count: buffer.count))
                if index < weightMatrices.count {
                    let shape = weightMatrices[index].shape
                    weightMatrices[index] = Tensor(unchecked: shape.rows, shape.columns, values)
                } else if index - weightMatrices.count < biasVectors.count {
                    biasVectors[index - weightMatrices.count] = Tensor(unchecked: 1, values.count, values)
                }
            }
            return TrainingRun(
                names: parameterNames, weightCount: weightCount, layerSizes: weightMatrices.map(\.count), steps: steps,
                loss: lossHistory, history: history, recordsEveryStep: recordWeights, gradientHistory: gradientHistory)
        }
    }
}
