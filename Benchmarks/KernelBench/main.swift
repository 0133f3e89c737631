// Times the cell interpreter on a loop of arithmetic and an array append, the loop that
// Benchmarks/peers/loop.py runs in CPython. Prints iterations per second (release build).
import Kernel

#if canImport(Glibc)
import Glibc
#endif

// `KernelBench budget` instead times how long `while true {}` takes to hit the default step budget.
if CommandLine.arguments.dropFirst().first == "budget" {
    let clock = ContinuousClock()
    var message = ""
    let elapsed = clock.measure {
        message = Session().run(CellCode(source: "while true {}", firstLine: 1, columnOffset: 0)).error?.description ?? "no error"
    }
    print("\(elapsed): \(message)")
    exit(0)
}

let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
let source = """
    var xs: [Int] = []
    var total = 0
    for i in 0..<\(iterations) {
        total = (total + i * 3) % 1000003
        xs.append(total)
    }
    """

let session = Session(limits: Limits(steps: 100_000_000))
let clock = ContinuousClock()
var best = Duration.seconds(1_000_000)
for _ in 0..<5 {
    let elapsed = clock.measure {
        let run = session.run(CellCode(source: source, firstLine: 1, columnOffset: 0))
        if let error = run.error { fatalError("KernelBench: \(error)") }
    }
    best = min(best, elapsed)
}
let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
print(Int((Double(iterations) / seconds).rounded()))
