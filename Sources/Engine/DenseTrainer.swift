/// Full-batch gradient descent for a `Network`, written out over preallocated flat buffers.
///
/// It computes what the network's autodiff graph computes (`Network.compile`, then
/// `Graph.forward` and `Graph.backward`), node for node, in the same order and through the
/// same kernels (`MatrixProduct.gemm`, `Activation`, the loss and penalty functions), so its
/// results are bit-identical. It exists for speed: on a small network, the graph's run loop
/// spent most of a step on reference counting (one class per node, arrays of buffers per
/// call). Here every value and gradient lives in one block of memory, a layer is a struct of
/// pointers, and a step neither allocates nor touches a reference count.
/// `TrainingPathTests` checks the two paths against each other.
final class DenseTrainer {
    /// One layer's buffers. The graph has a node for the product, one for the sum with the
    /// bias and one for the activation; here they share one buffer, overwritten in place
    /// (product, then sum, then output), and so do their gradients: nothing the backward pass
    /// reads is lost, since ReLU's derivative can read its output's sign (positive exactly
    /// where the sum is) and tanh's and the sigmoid's read the output. Only leaky ReLU keeps
    /// its sum apart (a negative slope flips the sign).
    struct Layer {
        let rows: Int, fanIn: Int, fanOut: Int
        let activation: Activation
        /// rows × fanIn: the inputs, or the previous layer's output.
        let input: UnsafeMutablePointer<Double>
        /// dLoss/dinput; nil for the first layer (the inputs are constants).
        let inputGradient: UnsafeMutablePointer<Double>?
        let weights: UnsafeMutablePointer<Double>, weightGradient: UnsafeMutablePointer<Double>
        let bias: UnsafeMutablePointer<Double>?, biasGradient: UnsafeMutablePointer<Double>?
        /// rows × fanOut: input · weights, then + bias, then the activation's output (but for leaky ReLU).
        let sum: UnsafeMutablePointer<Double>
        /// rows × fanOut: the activation's output (`sum`'s buffer, but for leaky ReLU).
        let output: UnsafeMutablePointer<Double>
        /// rows × fanOut: dLoss/doutput, turned in place into dLoss/dsum = dLoss/dproduct.
        let gradient: UnsafeMutablePointer<Double>
    }

    /// The loss with its data copied into the trainer's memory.
    enum Objective {
        case output(factor: Double)
        case meanSquaredError(targets: UnsafeMutablePointer<Double>)
        case crossEntropy(labels: UnsafeMutablePointer<Int>, probabilities: UnsafeMutablePointer<Double>)
        case binaryCrossEntropy(labels: UnsafeMutablePointer<Double>)
    }

    let layers: [Layer]
    let objective: Objective
    /// The factor ½λ of the L2 penalty; nil without one (λ = 0), as the graph then has no penalty nodes.
    let penalty: Double?
    /// Every weight matrix, then every bias row, with its gradient: the order of `Network.parameters`.
    let parameters: [ParameterBuffer]

    private let storage: UnsafeMutablePointer<Double>
    private let storageCount: Int
    /// The class labels of a cross-entropy loss (one slot when there are none).
    private let labels: UnsafeMutablePointer<Int>
    private let labelCount: Int

    /// Lays out `network` for training on `inputs` (one sample per row) with `loss` and ½λΣW².
    init(network: Network, inputs: Tensor, loss: Loss, l2: Double) throws {
        try network.checkInputs(inputs)
        let rows = inputs.rows
        // Every buffer's size, checked as the graph checks each of its nodes.
        var valueCounts: [Int] = [inputs.count], gradientCounts: [Int] = []
        var fanIn = network.inputCount
        for (index, layer) in network.layers.enumerated() {
            let weights = network.weightMatrices[index].count
            let outputs = try checkedCount(rows, layer.units, "Network")
            valueCounts += [weights, outputs]
            gradientCounts += [weights, outputs]
            if network.hasBias {
                valueCounts.append(layer.units)
                gradientCounts.append(layer.units)
            }
            if case .leakyReLU = layer.activation { valueCounts.append(outputs) }
            fanIn = layer.units
        }
        let outputShape = Shape(rows, fanIn)
        var lossCount = 0
        var labelValues: [Int] = []
        switch loss.kind {
        case .output: break
        case let .meanSquaredError(targetRows):
            let targets = try Loss.targets(targetRows)
            try MeanSquaredErrorOperation.check(outputs: outputShape, targets: targets.shape)
            lossCount = targets.count
        case let .crossEntropy(labels):
            try SoftmaxCrossEntropyOperation.check(labels: labels, outputs: outputShape)
            lossCount = outputShape.rows * outputShape.columns
            labelValues = labels
        case let .binaryCrossEntropy(labels):
            try BinaryCrossEntropyOperation.check(labels: labels, outputs: outputShape)
            lossCount = labels.count
        }
        valueCounts.append(lossCount)
        let valueTotal = try Self.total(valueCounts), gradientTotal = try Self.total(gradientCounts)
        let (count, overflow) = valueTotal.addingReportingOverflow(gradientTotal)
        guard !overflow else { throw EngineError.invalidArgument("the network is too large to train") }

        storageCount = Swift.max(count, 1)
        storage = .allocate(capacity: storageCount)
        storage.initialize(repeating: 0, count: storageCount)
        // The gradients sit together at the end of the block.
        let gradients = storage + valueTotal
        labelCount = Swift.max(labelValues.count, 1)
        labels = .allocate(capacity: labelCount)
        labels.initialize(repeating: 0, count: labelCount)
        labels.update(from: labelValues, count: labelValues.count)

        // Hand out the block in order: values first, gradients after.
        var nextValue = storage, nextGradient = gradients
        func value(_ count: Int) -> UnsafeMutablePointer<Double> {
            defer { nextValue += count }
            return nextValue
        }
        func gradient(_ count: Int) -> UnsafeMutablePointer<Double> {
            defer { nextGradient += count }
            return nextGradient
        }
        var input = value(inputs.count)
        Self.copy(inputs, to: input)
        var inputGradient: UnsafeMutablePointer<Double>?
        var built: [Layer] = []
        var weightBuffers: [ParameterBuffer] = [], biasBuffers: [ParameterBuffer] = []
        fanIn = network.inputCount
        for (index, dense) in network.layers.enumerated() {
            let units = dense.units, outputs = rows * units
            let weights = value(fanIn * units), weightGradient = gradient(fanIn * units)
            Self.copy(network.weightMatrices[index], to: weights)
            weightBuffers.append(ParameterBuffer(value: weights, gradient: weightGradient, count: fanIn * units))
            let sum = value(outputs), layerGradient = gradient(outputs)
            var bias: UnsafeMutablePointer<Double>?, biasGradient: UnsafeMutablePointer<Double>?
            if network.hasBias {
                let row = value(units), rowGradient = gradient(units)
                Self.copy(network.biasVectors[index], to: row)
                biasBuffers.append(ParameterBuffer(value: row, gradient: rowGradient, count: units))
                (bias, biasGradient) = (row, rowGradient)
            }
            var output = sum
            if case .leakyReLU = dense.activation { output = value(outputs) }
            built.append(Layer(
                rows: rows, fanIn: fanIn, fanOut: units, activation: dense.activation,
                input: input, inputGradient: inputGradient, weights: weights, weightGradient: weightGradient,
                bias: bias, biasGradient: biasGradient, sum: sum, output: output, gradient: layerGradient))
            (input, inputGradient) = (output, layerGradient)
            fanIn = units
        }
        let lossData = value(lossCount)
        switch loss.kind {
        case .output:
            objective = .output(factor: 1 / Double(Swift.max(rows, 1)))
        case let .meanSquaredError(targetRows):
            Self.copy(try Loss.targets(targetRows), to: lossData)
            objective = .meanSquaredError(targets: lossData)
        case .crossEntropy:
            objective = .crossEntropy(labels: labels, probabilities: lossData)
        case let .binaryCrossEntropy(labels):
            for (i, label) in labels.enumerated() { lossData[i] = Double(label) }
            objective = .binaryCrossEntropy(labels: lossData)
        }
        layers = built
        penalty = l2 != 0 ? 0.5 * l2 : nil
        parameters = weightBuffers + biasBuffers
    }

    deinit {
        storage.deinitialize(count: storageCount)
        storage.deallocate()
        labels.deinitialize(count: labelCount)
        labels.deallocate()
    }

    private static func total(_ counts: [Int]) throws -> Int {
        var total = 0
        for count in counts {
            let (sum, overflow) = total.addingReportingOverflow(count)
            guard !overflow else { throw EngineError.invalidArgument("the network is too large to train") }
            total = sum
        }
        return total
    }

    private static func copy(_ tensor: Tensor, to pointer: UnsafeMutablePointer<Double>) {
        tensor.scalars.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: source.count) }
        }
    }

    /// Computes every layer and returns the loss (with the penalty), as `Graph.forward` does.
    func forward() -> Double {
        layers.withUnsafeBufferPointer { layers in
            for layer in layers {
                // The bias and the activation run on each band of rows as soon as the product
                // has computed it, on the same thread (element by element, so the bits do not
                // depend on the bands).
                if MatrixProduct.splitsRows(m: layer.rows, n: layer.fanOut, k: layer.fanIn) {
                    MatrixProduct.gemm(
                        transposeA: false, transposeB: false, m: layer.rows, n: layer.fanOut, k: layer.fanIn, alpha: 1,
                        a: layer.input, lda: layer.fanIn, b: layer.weights, ldb: layer.fanOut, beta: 0,
                        c: layer.sum, ldc: layer.fanOut) { start, end in Self.finish(layer, rows: start, end) }
                } else {
                    MatrixProduct.gemm(
                        transposeA: false, transposeB: false, m: layer.rows, n: layer.fanOut, k: layer.fanIn, alpha: 1,
                        a: layer.input, lda: layer.fanIn, b: layer.weights, ldb: layer.fanOut, beta: 0,
                        c: layer.sum, ldc: layer.fanOut)
                    Self.finish(layer, rows: 0, layer.rows)
                }
            }
            guard let last = layers.last else { return .nan }
            let count = last.rows &* last.fanOut
            var loss: Double
            switch objective {
            case let .output(factor):
                loss = SumOperation.value(last.output, count: count, factor: factor)
            case let .meanSquaredError(targets):
                loss = MeanSquaredErrorOperation.value(last.output, targets: targets, count: count)
            case let .crossEntropy(labels, probabilities):
                loss = SoftmaxCrossEntropyOperation.value(
                    last.output, rows: last.rows, columns: last.fanOut,
                    labels: UnsafeBufferPointer(start: labels, count: last.rows), probabilities: probabilities)
            case let .binaryCrossEntropy(labels):
                loss = BinaryCrossEntropyOperation.value(last.output, labels: UnsafeBufferPointer(start: labels, count: count), count: count)
            }
            if let penalty {
                for layer in layers {
                    loss = loss + SumOfSquaresOperation.value(layer.weights, count: layer.fanIn &* layer.fanOut, factor: penalty)
                }
            }
            return loss
        }
    }

    /// Adds the bias row to every row of `sum` in place, and with `relu` applies ReLU in the
    /// same pass: the add node and the ReLU node of the graph, element for element.
    private static func addBias(
        _ bias: UnsafePointer<Double>, to sum: UnsafeMutablePointer<Double>, rows: Int, columns: Int, relu: Bool
    ) {
        if columns == 1 {
            // One output: a flat loop, not one loop per row.
            let b = bias[0]
            var i = 0
            if relu {
                while i < rows { let value = sum[i] + b; sum[i] = value > 0 ? value : 0; i &+= 1 }
            } else {
                while i < rows { sum[i] = sum[i] + b; i &+= 1 }
            }
            return
        }
        var row = 0
        while row < rows {
            let z = sum + row &* columns
            var j = 0
            if relu {
                while j < columns { let value = z[j] + bias[j]; z[j] = value > 0 ? value : 0; j &+= 1 }
            } else {
                while j < columns { z[j] = z[j] + bias[j]; j &+= 1 }
            }
            row &+= 1
        }
    }

    /// bias[j] += g[0, j] + g[1, j] + …, row after row, as the graph's add node accumulates;
    /// four columns at a time in registers, so a narrow layer (one output) is not one long
    /// chain of additions through memory.
    private static func addColumnSums(
        of gradient: UnsafePointer<Double>, rows: Int, columns: Int, to bias: UnsafeMutablePointer<Double>
    ) {
        if columns >= 16 {
            // Wide: row after row into the bias row (in the first level of cache), two lanes at
            // a time; each column still takes its rows in order.
            typealias Pair = SIMD2<Double>
            let b = UnsafeMutableRawPointer(bias)
            var row = 0
            while row < rows {
                let g = UnsafeRawPointer(gradient + row &* columns)
                var j = 0
                while j &+ 2 <= columns {
                    let byte = j &* 8
                    b.storeBytes(of: b.loadUnaligned(fromByteOffset: byte, as: Pair.self) + g.loadUnaligned(fromByteOffset: byte, as: Pair.self),
                                 toByteOffset: byte, as: Pair.self)
                    j &+= 2
                }
                while j < columns { bias[j] += gradient[row &* columns &+ j]; j &+= 1 }
                row &+= 1
            }
            return
        }
        var j = 0
        while j &+ 4 <= columns {
            var s0 = bias[j], s1 = bias[j &+ 1], s2 = bias[j &+ 2], s3 = bias[j &+ 3]
            var g = gradient + j
            var row = 0
            while row < rows {
                s0 += g[0]; s1 += g[1]; s2 += g[2]; s3 += g[3]
                g += columns
                row &+= 1
            }
            (bias[j], bias[j &+ 1], bias[j &+ 2], bias[j &+ 3]) = (s0, s1, s2, s3)
            j &+= 4
        }
        while j < columns {
            var sum = bias[j], g = gradient + j, row = 0
            while row < rows { sum += g[0]; g += columns; row &+= 1 }
            bias[j] = sum
            j &+= 1
        }
    }

    /// ReLU's gradient and the bias's in one pass over a wide layer: g ← 0 + (output > 0 ? g : 0)
    /// in place (the output is positive exactly where the sum is), and each row of g added to
    /// the bias gradient, row after row. Two lanes at a time with a select instead of a branch
    /// (the units' signs make one unpredictable); each lane does the scalar operations, so the
    /// bits are the same.
    private static func reluAndBiasGradient(
        output: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>,
        bias: UnsafeMutablePointer<Double>, rows: Int, columns: Int
    ) {
        typealias Pair = SIMD2<Double>
        let zero = Pair(repeating: 0)
        var row = 0
        while row < rows {
            let offset = row &* columns
            let y = UnsafeRawPointer(output + offset), g = UnsafeMutableRawPointer(gradient + offset)
            let b = UnsafeMutableRawPointer(bias)
            var j = 0
            while j &+ 2 <= columns {
                let byte = j &* 8
                let mask = y.loadUnaligned(fromByteOffset: byte, as: Pair.self) .> zero
                let value = zero + zero.replacing(with: g.loadUnaligned(fromByteOffset: byte, as: Pair.self), where: mask)
                g.storeBytes(of: value, toByteOffset: byte, as: Pair.self)
                b.storeBytes(of: b.loadUnaligned(fromByteOffset: byte, as: Pair.self) + value, toByteOffset: byte, as: Pair.self)
                j &+= 2
            }
            while j < columns {
                let value = 0.0 + (output[offset &+ j] > 0 ? gradient[offset &+ j] : 0)
                gradient[offset &+ j] = value
                bias[j] += value
                j &+= 1
            }
            row &+= 1
        }
    }

    /// Rows `start ..< end` of a layer after its product: the bias added, then the activation,
    /// in place (ReLU in the same pass as the bias).
    @inline(__always)
    private static func finish(_ layer: Layer, rows start: Int, _ end: Int) {
        let offset = start &* layer.fanOut, count = (end &- start) &* layer.fanOut
        if let bias = layer.bias {
            addBias(bias, to: layer.sum + offset, rows: end &- start, columns: layer.fanOut, relu: layer.activation == .relu)
            if layer.activation == .relu { return }
        }
        if layer.activation != .identity {
            layer.activation.apply(layer.sum + offset, to: layer.output + offset, count: count)
        }
    }

    /// Rows `start ..< end` of a layer's gradient turned from dLoss/doutput into dLoss/dsum,
    /// in place: the derivative at each element reads only that element (ReLU's reads the
    /// output's sign, positive exactly where the sum is).
    @inline(__always)
    private static func derivative(_ layer: Layer, rows start: Int, _ end: Int) {
        guard layer.activation != .identity else { return }
        let offset = start &* layer.fanOut, count = (end &- start) &* layer.fanOut
        layer.activation.storeGradient(
            input: (layer.activation == .relu ? layer.output : layer.sum) + offset, output: layer.output + offset,
            upstream: layer.gradient + offset, into: layer.gradient + offset, count: count)
    }

    /// Computes the gradient of the last `forward`'s loss with respect to every parameter, in
    /// the graph's order (reverse build order) and to the graph's bits.
    ///
    /// The graph zeroes every gradient and accumulates into it. Here only the biases' gradients
    /// and the loss's are zeroed; every other buffer is written whole by its first
    /// contribution: a product with β = 0, or `0 + x`, which is what adding x to a zeroed
    /// buffer leaves, −0 included.
    func backward() {
        layers.withUnsafeBufferPointer { layers in
            guard let last = layers.last else { return }
            let count = last.rows &* last.fanOut
            last.gradient.update(repeating: 0, count: count)
            for layer in layers {
                layer.biasGradient?.update(repeating: 0, count: layer.fanOut)
            }
            // The penalty nodes come last in the graph, so their gradients arrive first: they
            // write the weight gradients whole (0 + 2·½λ·w); without them the product does.
            if let penalty {
                for layer in layers.reversed() {
                    // SumOfSquaresOperation's gradient, 2·factor·upstream·w, stored.
                    let g = 2 * penalty * 1, w = layer.weights, dw = layer.weightGradient, weights = layer.fanIn &* layer.fanOut
                    var i = 0
                    while i < weights { dw[i] = 0.0 + g * w[i]; i &+= 1 }
                }
            }
            switch objective {
            case let .output(factor):
                SumOperation.accumulateGradient(into: last.gradient, count: count, factor: factor, upstream: 1)
            case let .meanSquaredError(targets):
                MeanSquaredErrorOperation.accumulateGradient(
                    last.output, targets: targets, count: count, upstream: 1, into: last.gradient)
            case let .crossEntropy(labels, probabilities):
                SoftmaxCrossEntropyOperation.accumulateGradient(
                    rows: last.rows, columns: last.fanOut, labels: UnsafeBufferPointer(start: labels, count: last.rows),
                    probabilities: probabilities, upstream: 1, into: last.gradient)
            case let .binaryCrossEntropy(labels):
                BinaryCrossEntropyOperation.accumulateGradient(
                    last.output, labels: UnsafeBufferPointer(start: labels, count: count), count: count, upstream: 1,
                    into: last.gradient)
            }
            // Whether the layer's activation derivative already ran: on the bands of the product
            // that computed its gradient (the next layer's input gradient), when that product
            // was split into bands of rows.
            var derived = false
            for index in layers.indices.reversed() {
                let layer = layers[index]
                if derived {
                    if let biasGradient = layer.biasGradient {
                        Self.addColumnSums(of: layer.gradient, rows: layer.rows, columns: layer.fanOut, to: biasGradient)
                    }
                } else if let biasGradient = layer.biasGradient, layer.activation == .relu, layer.fanOut >= 16 {
                    Self.reluAndBiasGradient(
                        output: layer.output, gradient: layer.gradient, bias: biasGradient, rows: layer.rows, columns: layer.fanOut)
                } else {
                    Self.derivative(layer, rows: 0, layer.rows)
                    // The bias collects every row of the sum's gradient.
                    if let biasGradient = layer.biasGradient {
                        Self.addColumnSums(of: layer.gradient, rows: layer.rows, columns: layer.fanOut, to: biasGradient)
                    }
                }
                derived = false
                if let inputGradient = layer.inputGradient, index > 0 {
                    let previous = layers[index &- 1]
                    if previous.activation != .identity, MatrixProduct.splitsRows(m: layer.rows, n: layer.fanIn, k: layer.fanOut) {
                        MatrixProduct.gemm(
                            transposeA: false, transposeB: true, m: layer.rows, n: layer.fanIn, k: layer.fanOut, alpha: 1,
                            a: layer.gradient, lda: layer.fanOut, b: layer.weights, ldb: layer.fanOut, beta: 0,
                            c: inputGradient, ldc: layer.fanIn) { start, end in Self.derivative(previous, rows: start, end) }
                        derived = true
                    } else {
                        MatrixProduct.gemm(
                            transposeA: false, transposeB: true, m: layer.rows, n: layer.fanIn, k: layer.fanOut, alpha: 1,
                            a: layer.gradient, lda: layer.fanOut, b: layer.weights, ldb: layer.fanOut, beta: 0,
                            c: inputGradient, ldc: layer.fanIn)
                    }
                }
                MatrixProduct.gemm(
                    transposeA: true, transposeB: false, m: layer.fanIn, n: layer.fanOut, k: layer.rows, alpha: 1,
                    a: layer.input, lda: layer.fanIn, b: layer.gradient, ldb: layer.fanOut, beta: penalty == nil ? 0 : 1,
                    c: layer.weightGradient, ldc: layer.fanOut)
            }
        }
    }
}
