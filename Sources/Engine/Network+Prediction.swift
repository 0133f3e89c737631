extension Network {
    /// The predicted class of each input row: the largest output, or for a single output,
    /// 1 when it is at least 0.5 (a sigmoid probability) and 0 otherwise.
    public func predict(_ inputs: Tensor) throws -> [Int] {
        let outputs = try forward(inputs)
        if outputs.columns == 1 { return outputs.scalars.map { $0 >= 0.5 ? 1 : 0 } }
        return outputs.argmaxPerRow()
    }

    /// The fraction of a data set's points whose predicted class is their label.
    public func accuracy(on dataset: Dataset) throws -> Double {
        try dataset.accuracy(of: predict(dataset.inputs))
    }

    /// The fraction of inputs whose predicted class equals the label; throws when the counts differ.
    public func accuracy(inputs: Tensor, labels: [Int]) throws -> Double {
        let predictions = try predict(inputs)
        guard predictions.count == labels.count else {
            throw EngineError.shapeMismatch(operation: "accuracy: inputs and labels", left: inputs.shape, right: Shape(labels.count, 1))
        }
        guard !labels.isEmpty else { return .nan }
        return Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Trains on a data set with softmax cross-entropy (or binary cross-entropy for one output).
    @discardableResult
    public func train(
        on dataset: Dataset, learningRate: Double, steps: Int, l2: Double = 0, recordWeights: Bool = false
    ) throws -> TrainingRun {
        let loss: Loss = outputCount == 1 ? .binaryCrossEntropy(labels: dataset.labels) : .crossEntropy(labels: dataset.labels)
        return try train(inputs: dataset.inputs, loss: loss, learningRate: learningRate, steps: steps, l2: l2, recordWeights: recordWeights)
    }
}
