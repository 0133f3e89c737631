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
        guard steps >= 0, steps <= Tensor.maximumElementCount else {
            throw EngineError.invalidArgument("steps must be between 0 and \(Tensor.maximumElementCount), got \(steps)")
        }
        guard learningRate.isFinite, l2.isFinite else {
            throw EngineError.invalidArgument("the learning rate and l2 must be finite, got \(learningRate) and \(l2)")
        }
        let compiled = try compile(inputs: inputs, loss: loss, l2: l2)
        let graph = compiled.graph
        guard let lossNode = compiled.loss else { throw EngineError.invalidArgument("training needs a loss") }
        let entries = try (compiled.weights + compiled.biases).map(graph.entry)
        let values = entries.map(\.value)
        let gradients = entries.compactMap(\.gradient)
        let lossValue = try graph.entry(lossNode).value
        let parameterCount = values.reduce(0) { $0 + $1.count }
        if recordWeights || recordGradients {
            _ = try checkedCount(steps + 1, parameterCount, "train: the recorded history (pass recordWeights: false)")
        }

        var history: [Double] = []
        var gradientHistory: [Double] = []
        var lossHistory: [Double] = []
        history.reserveCapacity(recordWeights ? (steps + 1) * parameterCount : parameterCount)
        if recordGradients { gradientHistory.reserveCapacity(steps * parameterCount) }
        lossHistory.reserveCapacity(steps + 1)
        for buffer in values { history.append(contentsOf: UnsafeBufferPointer(start: buffer.pointer, count: buffer.count)) }

        for _ in 0..<steps {
            graph.forward()
            lossHistory.append(lossValue.pointer[0])
            try graph.backward(from: lossNode)
            for (value, gradient) in zip(values, gradients) {
                if recordGradients {
                    gradientHistory.append(contentsOf: UnsafeBufferPointer(start: gradient.pointer, count: gradient.count))
                }
                let w = value.pointer, g = gradient.pointer
                var i = 0
                while i < value.count {
                    w[i] -= learningRate * g[i]
                    i &+= 1
                }
                if recordWeights { history.append(contentsOf: UnsafeBufferPointer(start: w, count: value.count)) }
            }
        }
        graph.forward()
        lossHistory.append(lossValue.pointer[0])
        if !recordWeights {
            history.removeAll(keepingCapacity: false)
            for buffer in values { history.append(contentsOf: UnsafeBufferPointer(start: buffer.pointer, count: buffer.count)) }
        }

        for (index, node) in compiled.weights.enumerated() { weightMatrices[index] = try graph.value(of: node) }
        for (index, node) in compiled.biases.enumerated() { biasVectors[index] = try graph.value(of: node) }
        return TrainingRun(
            names: parameterNames, weightCount: weightCount, layerSizes: weightMatrices.map(\.count), steps: steps, loss: lossHistory,
            history: history, recordsEveryStep: recordWeights, gradientHistory: gradientHistory)
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
}
