/// A fixed block of doubles (rows × columns, row-major) owned by one node of a graph.
///
/// Graphs are built once and run many times; their values and gradients live in these
/// buffers so a training step allocates nothing.
final class Buffer {
    let rows: Int
    let columns: Int
    let count: Int
    let pointer: UnsafeMutablePointer<Double>

    /// A zeroed buffer of the given shape (already validated by the caller).
    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        count = rows * columns
        pointer = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(count, 1))
        pointer.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    /// A buffer holding a copy of `tensor`.
    convenience init(_ tensor: Tensor) {
        self.init(rows: tensor.rows, columns: tensor.columns)
        load(tensor)
    }

    deinit {
        pointer.deallocate()
    }

    var shape: Shape { Shape(rows, columns) }

    /// Copies a tensor of the same element count in.
    func load(_ tensor: Tensor) {
        tensor.scalars.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: Swift.min(count, source.count)) }
        }
    }

    /// A copy of the contents as a tensor.
    var tensor: Tensor {
        Tensor(unchecked: rows, columns, Array(UnsafeBufferPointer(start: pointer, count: count)))
    }

    /// Sets every element to zero.
    func zero() {
        pointer.update(repeating: 0, count: count)
    }
}

/// One differentiable operation: its forward value and its backward rule, side by side.
///
/// `backward` *adds* dLoss/dInput into each input's gradient buffer (nil when that input
/// needs none), given dLoss/dOutput, so a value used twice collects both contributions.
protocol Operation: AnyObject {
    /// The operation's name, for error messages.
    var name: String { get }
    /// Computes the output from the inputs.
    func forward(_ inputs: [Buffer], _ output: Buffer)
    /// Accumulates the input gradients from the output gradient.
    func backward(_ inputs: [Buffer], _ output: Buffer, _ outputGradient: Buffer, _ inputGradients: [Buffer?])
}
