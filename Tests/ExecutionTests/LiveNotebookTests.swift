import Kernel
import Notebook
import Outputs
import XCTest
@testable import Execution

/// A notebook kept running between edits re-runs as little as it can and always gives what
/// a run from the start gives.
final class LiveNotebookTests: XCTestCase {
    private func notebook(_ cells: [String], prose: String = "Some prose.") throws -> Notebook {
        let source = "# Live\n\n\(prose)\n\n" + cells.map { "```swift\n\($0)\n```\n" }.joined(separator: "\nBetween.\n\n")
        return try Notebook.parse(source: source, path: "live.md")
    }

    /// Updates `live` to `cells` and checks the result against a fresh run of the same notebook.
    @discardableResult
    private func update(_ live: LiveNotebook, _ cells: [String], prose: String = "Some prose.",
                        file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let notebook = try notebook(cells, prose: prose)
        let (executed, problems, ran) = live.update(notebook)
        let (fresh, freshProblems) = NotebookExecutor().execute(notebook)
        XCTAssertEqual(executed.cells.map(\.executionCount), fresh.cells.map(\.executionCount), file: file, line: line)
        XCTAssertEqual(executed.cells.map(\.outputs), fresh.cells.map(\.outputs), file: file, line: line)
        XCTAssertEqual(executed.cells.map(\.error), fresh.cells.map(\.error), file: file, line: line)
        XCTAssertEqual(problems, freshProblems, file: file, line: line)
        return ran
    }

    private let lesson = [
        "let net = Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)\nnet.initialize(.constant(0.5))",
        "let run = net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.01, steps: 10)",
        "let x = Tensor.randn(50, 20, seed: 0)\nprint(x.mean())",
        "print(net[\"w9\"], net[\"w10\"])\nexpect(net[\"w9\"] == net[\"w10\"], \"tied\")",
    ]

    func testAnEditToTheLastCellRunsThatCellOnly() throws {
        let live = LiveNotebook()
        XCTAssertEqual(try update(live, lesson), 4)
        var edited = lesson
        edited[3] = "print(net[\"w9\"] + 1)"
        XCTAssertEqual(try update(live, edited), 1)
        XCTAssertEqual(try update(live, edited), 0, "nothing changed, nothing runs")
        XCTAssertEqual(try update(live, edited, prose: "Other prose,\nnow two lines."), 0, "prose runs nothing; lines follow")
    }

    func testAnEditAfterATrainingCellRunsFromTheEditWhenTheCheckpointStillHolds() throws {
        let live = LiveNotebook()
        try update(live, lesson)
        var edited = lesson
        edited[2] = "let x = Tensor.randn(50, 20, seed: 1)\nprint(x.mean())"
        XCTAssertEqual(try update(live, edited), 2, "cells 3 and 4: the network was last changed in cell 2")
    }

    func testAnEditToACellWhoseObjectALaterCellChangedRunsFromTheStart() throws {
        let live = LiveNotebook()
        try update(live, lesson)
        var edited = lesson
        edited[1] = "let run = net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.01, steps: 20)"
        // The checkpoint after cell 1 holds the network that the old cell 2 trained: it cannot
        // be restored, so the run starts again from the first cell.
        XCTAssertEqual(try update(live, edited), 4)
    }

    func testNamesDeclaredByRemovedCodeAreForgotten() throws {
        let live = LiveNotebook()
        try update(live, ["let a = 1", "let b = 2", "print(a)"])
        // Cell 3 now uses `b`, which its new neighbour no longer declares: as in a fresh run, an error.
        let ran = try update(live, ["let a = 1", "let c = 2", "print(b)"])
        XCTAssertEqual(ran, 2)
    }

    func testAClosureHoldingACallsVariablesIsNotTrusted() throws {
        let live = LiveNotebook()
        let cells = ["func counter() -> () -> Int {\n    var n = 0\n    return { n += 1; return n }\n}\nlet next = counter()",
                     "print(next())"]
        try update(live, cells)
        XCTAssertEqual(try update(live, [cells[0], "print(next(), 0)"]), 2, "the counter may have moved: from the start")
    }

    func testChangedLimitsStartAgain() throws {
        let live = LiveNotebook()
        try update(live, lesson)
        let limited = try Notebook.parse(source: "---\nlimits: {steps: 5000000}\n---\n" + "```swift\nprint(1)\n```\n", path: "live.md")
        XCTAssertEqual(live.update(limited).cellsRun, 1)
    }
}
