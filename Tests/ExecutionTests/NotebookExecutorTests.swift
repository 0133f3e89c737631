import Notebook
import Outputs
import XCTest
import Kernel
@testable import Execution

/// The execution stage alone: a notebook and a session give the executed notebook and every
/// problem, with no page involved.
final class NotebookExecutorTests: XCTestCase {
    private func execute(_ source: String) throws -> (ExecutedNotebook, [String]) {
        let notebook = try Notebook.parse(source: source, path: "lesson.md")
        let (executed, problems) = NotebookExecutor().execute(notebook)
        return (executed, problems.map(\.description))
    }

    func testCellsRunInOrderInOneSessionAndCountOnlyTheCellsThatRan() throws {
        let (executed, problems) = try execute("""
        ```swift
        let a = 2
        print("a is", a)
        ```

        ```swift
        //| eval: false
        let never = 1
        ```

        ```swift
        a * 21
        ```
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(executed.cells.map(\.executionCount), [1, nil, 2])
        XCTAssertEqual(executed.cells[0].outputs, [.text("a is 2\n")])
        XCTAssertEqual(executed.cells[1].outputs, [])
        XCTAssertEqual(executed.cells[2].outputs, [.display(.text("42"))])
    }

    func testAnUnexpectedErrorIsLocatedInTheFileAndStopsTheNotebook() throws {
        let (executed, problems) = try execute("""
        # Lesson

        ```swift
        print(nett)
        ```

        ```swift
        print(1)
        ```
        """)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasPrefix("lesson.md:4:7: error: cannot find 'nett' in scope"), problems[0])
        XCTAssertEqual(executed.cells[0].error?.line, 4)
        XCTAssertEqual(executed.cells[0].error?.column, 7)
        XCTAssertEqual(executed.cells[0].error?.message, "cannot find 'nett' in scope")
        XCTAssertEqual(executed.cells[1].executionCount, nil, "a cell after an unexpected error does not run")
    }

    func testAnExpectedErrorIsKeptAndTheNotebookGoesOn() throws {
        let (executed, problems) = try execute("""
        ```swift
        //| error: true
        let x = [1, 2][5]
        ```

        ```swift
        print("after")
        ```
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(executed.cells[0].error?.line, 3)
        XCTAssertEqual(executed.cells[1].outputs, [.text("after\n")])
    }

    func testAStepThroughLinkedToAMissingTableIsALocatedError() throws {
        let (_, problems) = try execute("""
        # T

        ```swift
        //| label: tbl-run
        let net = Network(inputs: 1, layers: [1], bias: false)
        let run = net.train(inputs: [[1.0]], loss: .output, learningRate: 0.1, steps: 2)
        table(run, steps: [0, 1, 2])
        ```

        ```swift
        stepThrough(net, run, table: "tbl-run")
        stepThrough(net, run, table: "tbl-other")
        ```
        """)
        XCTAssertEqual(problems, ["lesson.md:10:1: error: stepThrough: no table on this page is labelled 'tbl-other'"])
    }

    func testFrontMatterLimitsReachTheSession() throws {
        let (_, problems) = try execute("""
        ---
        limits: {steps: 1000}
        ---
        ```swift
        var n = 0
        while true { n += 1 }
        ```
        """)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].contains("budget of 1000 steps"), problems[0])
    }
}

/// Values no later cell can reach are let go of, and nothing a later cell needs is.
final class ReleaseTests: XCTestCase {
    func testFunctionsAndClosuresKeepWhatTheyUse() throws {
        let notebook = try Notebook.parse(source: """
        ```swift
        let base = 10
        let unused = Tensor.randn(300, 300, seed: 0)
        let scale = 3
        ```

        ```swift
        func add(_ x: Int) -> Int { x + base }
        let makers = [{ scale * 2 }]
        ```

        ```swift
        print(add(1), makers[0]())
        ```

        ```swift
        let total = add(2) + scale
        print(total)
        ```
        """, path: "release.md")
        let (executed, problems) = NotebookExecutor().execute(notebook)
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertEqual(executed.cells[2].outputs, [.text("11 6\n")])
        XCTAssertEqual(executed.cells[3].outputs, [.text("15\n")])
    }

    func testNamesThatOnlyLookAliveAreKept() throws {
        // A word in a comment or a string counts as a use: releasing is never a guess.
        let notebook = try Notebook.parse(source: """
        ```swift
        var log = [1, 2]
        ```

        ```swift
        // log is printed below
        print("log")
        ```

        ```swift
        log.append(3)
        print(log)
        ```
        """, path: "release.md")
        let (executed, problems) = NotebookExecutor().execute(notebook)
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertEqual(executed.cells[2].outputs, [.text("[1, 2, 3]\n")])
    }

    func testWordsAreASupersetOfNames() {
        XCTAssertEqual(Session.words(in: "let café_2 = $0 + x1 // ünïcode"), ["let", "café_2", "$0", "x1", "ünïcode"])
        XCTAssertTrue(Session.words(in: "let 🐶 = 1").contains("🐶"))
    }

    func testMembersAreNotUsesOfTopLevelNames() {
        // `.xavier` is a member: lesson 03 kept its 40 MB `xavier` activations alive through a
        // later `layers(.relu, .xavier)` until this rule. A range's bound after `...` is a use.
        XCTAssertEqual(Session.words(in: "layers(.relu, .xavier) + net.w5 + a?.b + (0...n) + (1..<m) + \\.key"),
                       ["layers", "net", "a", "0", "n", "1", "m"])
        XCTAssertEqual(Session.words(in: "net\n    .train(steps)"), ["net", "steps"])
    }

    func testAValueNamedLikeALaterMemberIsReleasedAndNothingBreaks() throws {
        let notebook = try Notebook.parse(source: """
        ```swift
        let xavier = Tensor.randn(200, 200, seed: 0)
        let n = 3
        print(xavier.shape)
        ```

        ```swift
        let net = Network(inputs: 2, layers: [2, 1])
        net.initialize(.xavier, seed: 0)
        print((0...n).count, net.parameters.count)
        ```
        """, path: "members.md")
        let (executed, problems) = NotebookExecutor().execute(notebook)
        XCTAssertEqual(problems.map(\.description), [])
        XCTAssertEqual(executed.cells[1].outputs, [.text("4 9\n")])
    }
}
