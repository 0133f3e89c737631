import Outputs
import XCTest
@testable import Kernel

/// Budgets, depth, output order and shared state, checked directly on `Session`.
final class SessionTests: XCTestCase {
    func run(_ source: String, in session: Session = Session(), firstLine: Int = 1, columnOffset: Int = 0) -> CellRun {
        session.run(CellCode(source: source, firstLine: firstLine, columnOffset: columnOffset))
    }

    func testEndlessLoopStopsWithALocatedBudgetErrorQuickly() {
        let clock = ContinuousClock()
        var result: CellRun?
        let elapsed = clock.measure {
            result = run("var n = 0\nwhile true {}\n", firstLine: 10, columnOffset: 4)
        }
        XCTAssertEqual(result?.error?.line, 11)
        XCTAssertEqual(result?.error?.column, 5)
        XCTAssertTrue(result?.error?.message.contains("budget of 20000000 steps") ?? false)
        // A debug build is far slower than release; even so the default budget ends in seconds.
        XCTAssertLessThan(elapsed, .seconds(20))
    }

    func testSmallerBudgetsAreHonoured() {
        let session = Session(limits: Limits(steps: 1000))
        let result = run("for i in 0..<10_000 { _ = i }", in: session)
        XCTAssertEqual(result.error?.message, "the cell ran out of its budget of 1000 steps (an endless loop?)")
    }

    func testEndlessRecursionStopsWithALocatedDepthErrorWithoutCrashing() {
        let result = run("func f(_ n: Int) -> Int { f(n + 1) }\nf(0)")
        XCTAssertEqual(result.error?.line, 1)
        XCTAssertEqual(result.error?.column, 27)
        XCTAssertEqual(result.error?.message, "calls nested deeper than the limit of 1000 (endless recursion in 'f'?)")
    }

    /// The ceiling of `call-depth` fits the interpreter's stack, even when every level goes
    /// through builtins that call closures (the deepest native frames per level).
    func testTheCallDepthCeilingFitsTheStack() {
        let session = Session(limits: Limits(steps: 100_000_000, callDepth: 1_000_000))
        XCTAssertEqual(session.runtime.limits.callDepth, Limits.ceiling.callDepth)
        let source = """
        func down(_ n: Int) -> Int {
            if n == 0 { return 0 }
            let through = [n].map { x in [x].sorted { a, b in a < b }.reduce(0) { _, y in down(y - 1) + 1 } }
            return through[0]
        }
        print(down(3_000))
        print(down(100_000))
        """
        let result = run(source, in: session)
        XCTAssertEqual(result.outputs, [.text("3000\n")])
        XCTAssertEqual(result.error?.message, "calls nested deeper than the limit of 10000 (endless recursion in 'closure'?)")
    }

    /// Prints are joined in place: 300,000 lines come out whole (joining each print to all
    /// the text before it took quadratic time: 200,000 lines in 20.8 s).
    func testManyPrintsComeOutWhole() {
        let result = run("for i in 0..<300_000 { print(i) }")
        XCTAssertNil(result.error)
        guard case let .text(text)? = result.outputs.first else { return XCTFail("no text") }
        XCTAssertEqual(result.outputs.count, 1)
        XCTAssertEqual(text.utf8.count, 1_988_890)
        XCTAssertTrue(text.hasSuffix("299998\n299999\n"))
    }

    func testPrintedTextHasABudget() {
        let result = run("let line = String(repeating: \"x\", count: 1_000_000)\nfor _ in 0..<20 { print(line) }")
        XCTAssertEqual(result.error?.message, "the cell printed more than the limit of 16777216 bytes (16 MiB)")
        guard case let .text(text)? = result.outputs.first else { return XCTFail("no text") }
        XCTAssertEqual(text.utf8.count, 16 * 1_000_001)
    }

    /// Large values are made only while the process stays within three quarters of the
    /// machine's memory (checked here against small ceilings, as the machine's is large).
    func testLargeValuesRespectTheMachinesMemory() throws {
        let resident = Memory.residentBytes()
        XCTAssertGreaterThan(resident, 1 << 20)
        XCTAssertGreaterThan(Memory.ceiling, resident)
        XCTAssertNoThrow(try Memory.check(adding: 1 << 30, "a test", ceiling: Int.max))
        XCTAssertNoThrow(try Memory.check(adding: 1 << 19, "a small value", ceiling: 1))
        XCTAssertThrowsError(try Memory.check(adding: 0, "a 1000×1000 tensor", large: true, ceiling: 1 << 20)) { error in
            let message = (error as? Failure)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("a 1000×1000 tensor would take weave's memory to "), message)
            XCTAssertTrue(message.hasSuffix("MB, past three quarters of this machine's memory (1 MB)"), message)
        }
    }

    func testDeepButFiniteRecursionWorks() {
        let result = run("func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }\nprint(depth(900))")
        XCTAssertNil(result.error)
        XCTAssertEqual(result.outputs, [.text("900\n")])
    }

    func testRecursionIsSafeFromASecondaryThreadWithASmallStack() {
        let done = expectation(description: "ran")
        let thread = Thread {
            let result = Session().run(CellCode(source: "func f(_ n: Int) -> Int { f(n + 1) }\nf(0)", firstLine: 1, columnOffset: 0))
            XCTAssertNotNil(result.error)
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 60)
    }

    func testOutputsKeepTheirOrderAndPrintsMerge() {
        let result = run("""
            print("a")
            print("b", terminator: "")
            display(1)
            expect(1 < 2, "ordered")
            print("c")
            [1, 2]
            """)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.outputs, [
            .text("a\nb"), .display(.text("1")),
            .expectation(Expectation(message: "ordered", passed: true, line: 4, column: 1)),
            .text("c\n"), .display(.text("[1, 2]")),
        ])
    }

    func testOutputsBeforeAnErrorAreKept() {
        let result = run("print(\"kept\")\nlet x = 1 / 0")
        XCTAssertEqual(result.outputs, [.text("kept\n")])
        XCTAssertEqual(result.error, KernelError(line: 2, column: 11, message: "division by zero"))
    }

    func testCellsShareVariablesAndFunctions() {
        let session = Session()
        XCTAssertNil(run("var count = 1\nfunc bump() { count += 1 }", in: session).error)
        XCTAssertNil(run("bump()\nbump()", in: session).error)
        XCTAssertEqual(run("count", in: session).outputs, [.display(.text("3"))])
        // Declaring a name again in a later cell replaces it, as re-running a notebook cell does.
        XCTAssertNil(run("let count = 10", in: session).error)
        XCTAssertEqual(run("bump()\ncount", in: session).outputs, [.display(.text("11"))])
    }

    func testACellThatFailsToCompileDeclaresNothing() {
        let session = Session()
        XCTAssertNotNil(run("let a = 1\nlet b = nope", in: session).error)
        XCTAssertEqual(run("print(a)", in: session).error?.message, "cannot find 'a' in scope")
    }

    func testErrorsAreAtTheNotebookLocation() {
        let result = run("let x = 1\nprint(nett)", firstLine: 20, columnOffset: 2)
        XCTAssertEqual(result.error, KernelError(line: 21, column: 9, message: "cannot find 'nett' in scope"))
    }

    func testExpectationDetailShowsBothValues() {
        let result = run("let net = Network(inputs: 2, layers: [2, 1], bias: false)\nnet.initialize(.constant(0.5))\nnet[\"w5\"] = 0.25\nexpect(net[\"w5\"] == net[\"w6\"], \"tied\")")
        XCTAssertNil(result.error)
        XCTAssertEqual(result.outputs, [.expectation(Expectation(
            message: "tied", passed: false, detail: "w5 = 0.25 but w6 = 0.5", line: 4, column: 1))])
    }

    func testFigureDescriptions() {
        let plot = Display.LinePlot(series: Array(repeating: .init(name: "w", points: Array(repeating: .init(x: 0, y: 0), count: 101)), count: 10))
        XCTAssertEqual(Display.linePlot(plot).description, "line plot: 10 series × 101 points")
        XCTAssertEqual(Display.Math(lines: ["a = b", "= c"]).latex, "\\begin{aligned}\na &= b \\\\\n&= c\n\\end{aligned}")
    }
}
