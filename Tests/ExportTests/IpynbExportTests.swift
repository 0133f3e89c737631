import Outputs
import Foundation
import XCTest

import Notebook
import Execution
@testable import Export

/// A lesson exported to nbformat 4.5: prose as written, cells with their options and outputs.
final class IpynbExportTests: XCTestCase {
    static let lesson = """
    ---
    title: Exported
    description: One of everything
    author: Ada
    ---

    # Exported

    Prose with math $w_9 = w_{10}$, a hard break  
    and a list:

    - one
    - two

    ```swift
    let net = Network(inputs: 2, layers: [1], activation: .identity, bias: false)
    print("hello")
    print("again")
    ```

    ```swift
    //| label: weights
    //| echo: false
    //| output: false
    //| caption: "A table"
    table([[1, "one"], [2, "two"]], columns: ["n", "name"])
    ```

    ```swift
    net.symbolic()
    ```

    ```swift
    expect(1 + 1 == 2, "one and one make two")
    ```

    ```swift
    //| error: true
    let broken = nope
    ```

    ```swift
    //| eval: false
    print("never")
    ```

    The end.

    """

    private func export(_ source: String, path: String = "lesson.md") throws -> (bytes: [UInt8], json: [String: Any]) {
        let notebook = try Notebook.parse(source: source, path: path)
        let (executed, problems) = NotebookExecutor().execute(notebook)
        XCTAssertEqual(problems.map(\.description), [])
        let bytes = IpynbExport.notebook(executed)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        return (bytes, json)
    }

    private func cells(_ json: [String: Any]) throws -> [[String: Any]] {
        try XCTUnwrap(json["cells"] as? [[String: Any]])
    }

    private func text(_ value: Any?) -> String? {
        (value as? [String])?.joined()
    }

    func testDocumentIsNbformat45WithKernelAndFrontMatter() throws {
        let (_, json) = try export(Self.lesson)
        XCTAssertEqual(json["nbformat"] as? Int, 4)
        XCTAssertEqual(json["nbformat_minor"] as? Int, 5)
        XCTAssertEqual(Set(json.keys), ["cells", "metadata", "nbformat", "nbformat_minor"])
        let metadata = try XCTUnwrap(json["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["kernelspec"] as? [String: String],
                       ["name": "weave-swift", "display_name": "Swift (weave)", "language": "swift"])
        XCTAssertEqual(metadata["language_info"] as? [String: String], ["name": "swift", "file_extension": ".swift"])
        XCTAssertEqual(metadata["title"] as? String, "Exported")
        XCTAssertEqual(metadata["authors"] as? [[String: String]], [["name": "Ada"]])
        XCTAssertEqual(metadata["weave"] as? [String: String], ["description": "One of everything"])
        let ids = try cells(json).compactMap { $0["id"] as? String }
        XCTAssertEqual(ids, (1...8).map { "cell-\($0)" }, "every cell has a unique id, as 4.5 requires")
    }

    func testProseIsTheFileBetweenCellsWithoutFrontMatter() throws {
        let cells = try cells(try export(Self.lesson).json)
        XCTAssertEqual(cells.map { $0["cell_type"] as? String },
                       ["markdown", "code", "code", "code", "code", "code", "code", "markdown"])
        XCTAssertEqual(cells[0]["source"] as? [String], [
            "# Exported\n", "\n", "Prose with math $w_9 = w_{10}$, a hard break  \n", "and a list:\n", "\n", "- one\n", "- two",
        ])
        XCTAssertEqual(cells[0]["metadata"] as? [String: String], [:])
        XCTAssertEqual(cells[7]["source"] as? [String], ["The end."])
        XCTAssertNil(cells[0]["outputs"])
        XCTAssertNil(cells[0]["execution_count"])
    }

    func testCodeCellsHoldTheirSourceOptionsAndCounts() throws {
        let cells = try cells(try export(Self.lesson).json)
        XCTAssertEqual(cells[1]["source"] as? [String], [
            "let net = Network(inputs: 2, layers: [1], activation: .identity, bias: false)\n",
            "print(\"hello\")\n", "print(\"again\")",
        ])
        XCTAssertEqual(cells[1]["metadata"] as? [String: String], [:])
        XCTAssertEqual(cells.dropFirst().dropLast().map { $0["execution_count"] as? Int }, [1, 2, 3, 4, 5, nil])
        XCTAssertTrue(cells[6]["execution_count"] is NSNull)

        let options = cells[2]
        XCTAssertEqual(options["source"] as? [String], ["table([[1, \"one\"], [2, \"two\"]], columns: [\"n\", \"name\"])"])
        let metadata = try XCTUnwrap(options["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["jupyter"] as? [String: Bool], ["source_hidden": true, "outputs_hidden": true])
        let weave = try XCTUnwrap(metadata["weave"] as? [String: Any])
        XCTAssertEqual(weave["label"] as? String, "weights")
        XCTAssertEqual(weave["caption"] as? String, "A table")
        XCTAssertEqual(weave["echo"] as? Bool, false)
        XCTAssertEqual(weave["output"] as? Bool, false)

        XCTAssertEqual((cells[5]["metadata"] as? [String: Any])?["tags"] as? [String], ["raises-exception"])
        XCTAssertEqual((cells[6]["metadata"] as? [String: Any])?["tags"] as? [String], ["skip-execution"])
        XCTAssertEqual((cells[6]["outputs"] as? [Any])?.count, 0)
    }

    func testOutputsAreStreamsDisplaysExpectationsAndErrors() throws {
        let cells = try cells(try export(Self.lesson).json)
        func outputs(_ index: Int) throws -> [[String: Any]] { try XCTUnwrap(cells[index]["outputs"] as? [[String: Any]]) }

        let prints = try outputs(1)
        XCTAssertEqual(prints.count, 1, "consecutive prints are one stream")
        XCTAssertEqual(prints[0]["output_type"] as? String, "stream")
        XCTAssertEqual(prints[0]["name"] as? String, "stdout")
        XCTAssertEqual(prints[0]["text"] as? [String], ["hello\n", "again\n"])

        let table = try outputs(2)
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(table[0]["output_type"] as? String, "display_data")
        let tableData = try XCTUnwrap(table[0]["data"] as? [String: Any])
        XCTAssertEqual(text(tableData["text/plain"]), "n | name\n1 | one\n2 | two")
        let html = try XCTUnwrap(text(tableData["text/html"]))
        XCTAssertTrue(html.hasPrefix("<style>\n:root{--fig-fg:"), "the figures' stylesheet comes with the cell")
        XCTAssertTrue(html.contains("<table"), html)
        XCTAssertTrue(html.contains("A table"), "the caption reaches the figure")
        XCTAssertFalse(html.contains("prefers-color-scheme"), "the theme follows Jupyter's, not the system's")
        XCTAssertTrue(html.contains("body[data-jp-theme-light=\"false\"],body.vscode-dark{--fig-fg:"), html)

        let math = try XCTUnwrap(try outputs(3).first?["data"] as? [String: Any])
        XCTAssertEqual(Set(math.keys), ["text/plain", "text/latex"])
        XCTAssertEqual(text(math["text/latex"]), "$$y = w_1x_1 + w_2x_2$$")
        XCTAssertEqual(text(math["text/plain"]), "y = w_1x_1 + w_2x_2")

        let expectation = try outputs(4)
        XCTAssertEqual(expectation.count, 1)
        XCTAssertEqual(expectation[0]["output_type"] as? String, "display_data")
        let expectationData = try XCTUnwrap(expectation[0]["data"] as? [String: Any])
        XCTAssertEqual(text(expectationData["text/plain"]), "✓ one and one make two")
        XCTAssertTrue(text(expectationData["text/html"])?.contains("fig-pass") == true)

        let error = try outputs(5)
        XCTAssertEqual(error.count, 1)
        XCTAssertEqual(error[0]["output_type"] as? String, "error")
        XCTAssertEqual(error[0]["ename"] as? String, "Error")
        XCTAssertEqual(error[0]["evalue"] as? String, "cannot find 'nope' in scope")
        XCTAssertEqual(error[0]["traceback"] as? [String], [
            "error at line 39, column 14: cannot find 'nope' in scope",
            "39 | let broken = nope",
            "   |              ^",
        ])
    }

    func testPlainValuesFiguresAndFailedExpectations() throws {
        let notebook = try Notebook.parse(source: "```swift\n//| label: fig\n1\n```\n", path: "made.md")
        let cell = try XCTUnwrap(notebook.cells.first)
        let plot = Display.linePlot(Display.LinePlot(series: [.init(name: "a", points: [.init(x: 0, y: 1), .init(x: 1, y: 2)])]))
        let outputs: [Output] = [
            .display(.text("[1, 2]")),
            .display(plot),
            .expectation(Expectation(message: "it holds", passed: false, detail: "a = 1 but b = 2", line: 3, column: 1)),
        ]
        let executed = ExecutedNotebook(notebook: notebook, cells: [.init(cell: cell, executionCount: 1, outputs: outputs, error: nil)])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(IpynbExport.notebook(executed))) as? [String: Any])
        let exported = try XCTUnwrap(try cells(json).first?["outputs"] as? [[String: Any]])
        let data = exported.compactMap { $0["data"] as? [String: Any] }
        XCTAssertEqual(data.count, 3)
        XCTAssertEqual(data[0].keys.sorted(), ["text/plain"], "a plain value is shown as Jupyter shows any value")
        XCTAssertEqual(text(data[0]["text/plain"]), "[1, 2]")
        let svg = try XCTUnwrap(text(data[1]["text/html"]))
        XCTAssertTrue(svg.hasPrefix("<style>"), "the first figure of a cell brings the stylesheet")
        XCTAssertTrue(svg.contains("<svg") && svg.contains("fig-out2"), "ids as on the page")
        XCTAssertEqual(text(data[1]["text/plain"]), plot.plainText)
        XCTAssertEqual(text(data[2]["text/plain"]), "✗ it holds\na = 1 but b = 2")
        let failed = try XCTUnwrap(text(data[2]["text/html"]))
        XCTAssertFalse(failed.contains("<style>"), "one stylesheet a cell")
        XCTAssertTrue(failed.contains("fig-fail"), failed)
    }

    func testCellsInsideBlocksAndUnclosedFencesKeepTheProseAround() throws {
        let source = """
        > quoted
        > ```swift
        > print(1)
        > ```
        > after

        - item
          ~~~~swift
          //| label: in-list
          print(2)
          ~~~~
        - next

        ```swift
        //| echo: true
        ```

        ```swift

        ```
        between
        ```swift
        print(3)
        """
        let cells = try cells(try export(source).json)
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, [
            "markdown", "code", "markdown", "code", "markdown", "code", "code", "markdown", "code",
        ])
        XCTAssertEqual(cells.map { text($0["source"]) }, [
            "> quoted", "print(1)", "> after\n\n- item", "print(2)", "- next", "", "", "between", "print(3)",
        ])
    }

    func testJSONIsWrittenAsJupyterWritesIt() throws {
        let (bytes, _) = try export("---\ntitle: \"Quotes \\\" and \\\\ and \\t tab\"\n---\n\nText ✓ é\n\n```swift\nprint(\"x\")\n```\n")
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text, """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "cell-1",
           "metadata": {},
           "source": [
            "Text ✓ é"
           ]
          },
          {
           "cell_type": "code",
           "execution_count": 1,
           "id": "cell-2",
           "metadata": {},
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": [
              "x\\n"
             ]
            }
           ],
           "source": [
            "print(\\"x\\")"
           ]
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": "Swift (weave)",
           "language": "swift",
           "name": "weave-swift"
          },
          "language_info": {
           "file_extension": ".swift",
           "name": "swift"
          },
          "title": "Quotes \\" and \\\\ and \\t tab"
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """)
        XCTAssertEqual(IpynbExport.JSON.string("\u{1}\u{8}\u{c}\r\u{7f}").serialized(), "\"\\u0001\\b\\f\\r\u{7f}\"")
    }

    func testTwoExportsAreByteIdentical() throws {
        let first = try export(Self.lesson).bytes
        let second = try export(Self.lesson).bytes
        XCTAssertEqual(first, second)
        XCTAssertFalse(String(decoding: first, as: UTF8.self).contains("/tmp"), "no absolute paths")
    }
}
