import Notebook
import Outputs
import XCTest
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
