import Foundation
import Outputs
import TestSupport
import XCTest
@testable import Kernel

/// Valid but hostile cells, made by a seeded generator: extreme literals, every kind of
/// built-in called with empty, NaN, ±∞, 0, negative, Int.min and Int.max arguments, deep
/// nesting, collections changed by the closures their own methods run, and huge ranges.
/// Each must end in a result or a located error (a crash ends the whole test run), quickly.
final class HostileCellsTests: XCTestCase {
    /// The fixed-seed sample every run checks.
    static let sampleSize = 2_400

    func testAFixedSampleOfHostileCellsEndsWithoutACrashOrAHang() {
        var generator = HostileCells(seed: 2_026)
        var errors = 0, results = 0, slowest: (seconds: Double, source: String) = (0, "")
        let clock = ContinuousClock()
        // HOSTILE_CELLS=DIR writes the sample there instead (one file per cell), to replay
        // with the FuzzCells product.
        if let folder = ProcessInfo.processInfo.environment["HOSTILE_CELLS"] {
            for index in 0..<Self.sampleSize {
                try? generator.cell().write(toFile: "\(folder)/cell-\(index).swift", atomically: false, encoding: .utf8)
            }
            return
        }
        for _ in 0..<Self.sampleSize {
            let source = generator.cell()
            // Small budgets keep the sample fast; the ceilings that matter (bytes, nesting,
            // element counts) are the ones every cell has.
            let session = Session(limits: Limits(steps: 2_000_000, callDepth: 300, tensorElements: 2_000_000))
            var run: CellRun?
            let elapsed = clock.measure { run = session.run(CellCode(source: source, firstLine: 1, columnOffset: 0)) }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if seconds > slowest.seconds { slowest = (seconds, source) }
            XCTAssertLessThan(seconds, 10, "a hostile cell ran for \(seconds) s:\n\(source)")
            if let error = run?.error {
                errors += 1
                XCTAssertGreaterThanOrEqual(error.line, 1, source)
                XCTAssertGreaterThanOrEqual(error.column, 1, source)
                XCTAssertFalse(error.message.isEmpty, source)
            } else {
                results += 1
            }
        }
        // Both outcomes are common: the sample is not all errors (so it reaches the built-ins)
        // nor all results (so it reaches the limits).
        XCTAssertGreaterThan(errors, Self.sampleSize / 10)
        XCTAssertGreaterThan(results, Self.sampleSize / 10)
        print("HostileCellsTests: \(Self.sampleSize) cells, \(results) results, \(errors) located errors; slowest \(String(format: "%.2f", slowest.seconds)) s")
    }

    func testTheGeneratorIsDeterministic() {
        var first = HostileCells(seed: 5), second = HostileCells(seed: 5)
        for _ in 0..<50 { XCTAssertEqual(first.cell(), second.cell()) }
    }
}

/// The generator: a seeded SplitMix64 stream choosing among templates and extreme values.
struct HostileCells {
    private var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let ints = ["0", "1", "-1", "2", "7", "-7", "Int.max", "Int.min", "Int.max - 1", "(Int.min + 1)", "1_000_000", "-1_000_000", "4096", "65536"]
    static let doubles = ["0.0", "-0.0", "1.0", "-1.0", "1e308", "-1e308", "5e-324", "Double.nan", "Double.infinity", "-Double.infinity", "0.5", "1e-300", "Double.pi"]
    static let strings = ["\"\"", "\"a\"", "\"é😀\"", "\"\\n\\t\\\"\"", "String(repeating: \"ab\", count: 1000)", "\"%d %s %.3f\""]

    mutating func int() -> String { pick(Self.ints) }
    mutating func double() -> String { pick(Self.doubles) }
    mutating func number() -> String { next() % 2 == 0 ? int() : double() }

    mutating func array() -> String {
        switch next() % 6 {
        case 0: return "[]"
        case 1: return "[\(number()), \(number()), \(number())]"
        case 2: return "[\(double()), \(double())]"
        case 3: return "Array(0..<\(pick(["0", "1", "10", "1000"])))"
        case 4: return "[[\(number())], [\(number()), \(number())]]"
        default: return "[\(pick(Self.strings)), \(pick(Self.strings))]"
        }
    }

    mutating func range() -> String {
        let op = pick(["..<", "..."])
        return "(\(int())\(op)\(int()))"
    }

    mutating func closure() -> String {
        pick(["{ $0 }", "{ $0 + 1 }", "{ x in x * x }", "{ _ in 0 }", "{ $0 > 0 }", "{ [$0] }", "{ \"\\($0)\" }", "{ $0 / 0 }"])
    }

    /// One hostile cell.
    mutating func cell() -> String {
        switch next() % 16 {
        case 0: // arithmetic on extremes
            let op = pick(["+", "-", "*", "/", "%", "&+", "&-", "&*", "<", "==", "..<", "..."])
            return "let a = \(number()) \(op) \(number())\nprint(a)"
        case 1: // conversions
            return "print(\(pick(["Int", "Double", "String", "Bool"]))(\(next() % 2 == 0 ? number() : pick(Self.strings))))"
        case 2: // math built-ins
            let function = pick(["abs", "sqrt", "exp", "log", "sin", "cos", "floor", "ceil", "round", "min", "max", "pow", "atan2"])
            let arguments = ["min", "max", "pow", "atan2"].contains(function) ? "\(number()), \(number())" : number()
            return "print(\(function)(\(arguments)))"
        case 3: // sequence methods on arrays and ranges
            let method = pick(["map \(closure())", "filter { _ in true }", "reduce(0, +)", "sorted()", "reversed()", "enumerated().map { $0.offset }",
                               "count", "first", "last", "min()", "max()", "contains(\(int()))", "prefix(\(int()))", "dropFirst(\(int()))",
                               "suffix(\(int()))", "joined()", "allSatisfy { $0 == $0 }", "firstIndex(of: \(int()))"])
            let receiver = next() % 2 == 0 ? array() : range()
            return "let r = \(receiver).\(method)\nprint(r)"
        case 4: // subscripts and slices
            return "let xs = \(array())\nprint(xs[\(int())])\nprint(xs[\(range())])"
        case 5: // mutation under a running method (aliasing)
            let name = pick(["a", "b"])
            let change = pick(["\(name) = []", "\(name).append(\(int()))", "\(name).removeAll()", "\(name) = \(name) + \(name)", "\(name).sort()"])
            let method = pick(["sort { x, y in \(change); return x < y }", "removeAll { _ in \(change); return \(pick(["true", "false"])) }",
                               "sort(by: { _, _ in \(change); return false })"])
            return "var \(name) = Array(0..<\(pick(["0", "3", "50"])))\n\(name).\(method)\nprint(\(name).count)"
        case 6: // growth past the budgets
            let growth = pick(["s += s", "s = s + s", "s = \"\\(s)\\(s)\"", "a.append(contentsOf: a)", "a = a + a", "a = [a, a]", "a = [a]"])
            let start = growth.contains("s") ? "var s = \"abcd\"" : "var a: [Any] = [1]"
            return "\(start)\nfor _ in 0..<\(pick(["10", "30", "64", "100000"])) { \(growth) }\nprint(\(growth.contains("s") ? "s.count" : "a.count"))"
        case 7: // strings
            return "print(String(repeating: \(pick(Self.strings)), count: \(int())))\nprint(String(format: \(pick(["\"%d\"", "\"%.999f\"", "\"%999d\"", "\"%.1000f\"", "\"%s%s\"", "\"%\""])), \(number())))"
        case 8: // histograms and tables
            return pick([
                "histogram(\(array()))", "histogram([\(double()), \(double())], bins: \(int()))",
                "histogram([\(double()), \(double())], bins: 3, range: (\(double()), \(double())))",
                "table([[\(number()), \(number())]], columns: [\"a\", \"b\"])", "table([], columns: [])",
            ])
        case 9: // plots and heatmaps
            return pick([
                "plot(\(array()))", "plot([\"a\": [\(double()), \(double())]])", "plot(x: \(array()), y: \(array()))",
                "heatmap(Tensor([[\(double()), \(double())], [\(double()), \(double())]]))",
            ])
        case 10: // tensors
            let shape = "\(pick(["0", "1", "3", "-1", "Int.max", "100000"])), \(pick(["0", "1", "3", "-2", "Int.max"]))"
            let op = pick([".sum()", ".mean()", ".std()", ".transposed()", ".matmul(Tensor.zeros(2, 2))", ".map { $0 * 2 }", ".row(\(int()))", ".column(\(int()))", "[\(int()), \(int())]"])
            return "let t = Tensor.\(pick(["zeros", "ones", "randn"]))(\(shape)\(next() % 2 == 0 ? ", seed: \(int())" : ""))\nprint(t\(op))"
        case 11: // networks with odd shapes and steps
            let layers = pick(["[2, 1]", "[]", "[0]", "[-1]", "[Int.max]", "[3, 3, 1]", "[100000, 100000]"])
            return "let net = Network(inputs: \(pick(["2", "0", "-1", "Int.max"])), layers: \(layers), activation: .\(pick(["relu", "tanh", "sigmoid"])))\nnet.initialize(.\(pick(["xavier", "he", "constant(0.5)", "normal(std: 1e308)"])), seed: \(int()))\nprint(net.predict([[\(double()), \(double())]]))"
        case 12: // training
            return "let net = Network(inputs: 2, layers: [2, 1], activation: .tanh)\nlet run = net.train(inputs: [[\(double()), \(double())]], loss: .mse(targets: [\(double())]), learningRate: \(double()), steps: \(pick(["0", "1", "-1", "100", "Int.max"])))\nprint(run)"
        case 13: // nesting and recursion
            let depth = Int(next() % 14)
            let nested = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
            return pick([
                "let n = \(nested)\nprint(n)",
                "func f(_ n: Int) -> Int { n <= 0 ? 0 : 1 + f(n - 1) }\nprint(f(\(int())))",
                "func g(_ n: Int = g()) -> Int { n }\nprint(g())",
                "let c = { { { { $0 } } } }\nprint(c)",
                "var d: [String: Any] = [:]\nfor i in 0..<\(pick(["10", "1000"])) { d = [\"k\": d] }\nprint(d.count)",
            ])
        case 14: // dictionaries with odd keys
            return "var d: [Double: Int] = [:]\nd[\(double())] = 1\nd[\(double())] = 2\nd[Double.nan] = 3\nprint(d.count, d[\(double())] ?? -1)"
        default: // closures with anonymous arguments and odd arity
            return "let f = { $\(pick(["0", "1", "255", "256", "9999"])) }\nprint(f)"
        }
    }
}
