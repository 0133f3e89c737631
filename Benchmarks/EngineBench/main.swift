// The engine's side of `Benchmarks/run`: each subcommand prints one number (and, for
// `gemm`, the BLAS in use on a second line), so the script can set it beside its peer.
import Engine

/// Seconds taken by `body`, the best of `repeats` runs.
func bestTime(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        best = min(best, seconds)
    }
    return best
}

/// Training steps per second of the toy network (2-2-2-1, identity, loss .output, η = 1e-4).
func toyNetwork() throws -> Double {
    let steps = 10_000
    let seconds = try bestTime(repeats: 5) {
        let net = try Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)
        try net.initialize(.constant(0.5))
        try net.train(inputs: [[1, 2]], loss: .output, learningRate: 1e-4, steps: steps)
    }
    return Double(steps) / seconds
}

/// Seconds per forward pass of 10 × tanh(H·W), H 1000×500, W 500×500 (Xavier), as numpy writes it.
func activationForward() throws -> Double {
    let input = try Tensor.randn(1000, 500, seed: 0)
    var stream = try RandomState(seed: 1)
    let weights = try (0..<10).map { _ in try Tensor.randn(500, 500, using: &stream) * (1 / 500.0.squareRoot()) }
    var last = input
    let seconds = try bestTime(repeats: 7) {
        var h = input
        for w in weights { h = try h.matmul(w).applying(.tanh) }
        last = h
    }
    // Read outside the timed region (the numpy peer times the pass alone), so the pass is not optimised away.
    if last.std().isNaN { print("unexpected NaN") }
    return seconds
}

/// GFLOP/s of one 1000×500 · 500×500 product through BLAS.
func matrixProduct() throws -> Double {
    let a = try Tensor.randn(1000, 500, seed: 0), b = try Tensor.randn(500, 500, seed: 1)
    let repeats = 20
    let seconds = try bestTime(repeats: 3) {
        for _ in 0..<repeats { _ = try a.matmul(b) }
    }
    return 2.0 * 1000 * 500 * 500 * Double(repeats) / seconds / 1e9
}

/// Millions of standard normal draws per second (numpy's legacy stream, in blocks of 500,000).
func normalDraws() throws -> Double {
    var checksum = 0.0
    let seconds = try bestTime(repeats: 5) {
        var stream = try RandomState(seed: 0)
        for _ in 0..<10 { checksum += stream.randn(500_000)[499_999] }
    }
    if checksum.isNaN { print("unexpected NaN") }
    return 5.0 / seconds
}

do {
    switch CommandLine.arguments.dropFirst().first {
    case "randn": print(try normalDraws())
    case "toy": print(try toyNetwork())
    case "activations": print(try activationForward())
    case "gemm":
        print(try matrixProduct())
        print(Tensor.blas)
    case "floor":
        // The products a course build recorded (WEAVE_RECORD_PRODUCTS), replayed alone.
        let (count, flops, seconds) = try ProductLog.replay(CommandLine.arguments.dropFirst(2).first ?? "")
        print(seconds, count, flops)
    default:
        print("usage: EngineBench toy | activations | gemm | randn | floor FILE")
    }
} catch {
    print("error: \(error)")
}
