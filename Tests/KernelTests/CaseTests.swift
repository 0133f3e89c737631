import Outputs
import Foundation
import XCTest
@testable import Kernel

/// Runs every `Cases/*.swift` file the Crafting-Interpreters way: the file is a notebook of
/// cells (split at `// cell` lines), and its `// expect: …` and `// expect error L:C: …`
/// comments list, in order, every line the cells print or display and every error.
final class CaseTests: XCTestCase {
    static let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    func testEveryCase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.casesDirectory.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertGreaterThan(files.count, 10)
        var checked = 0
        for file in files {
            let source = try String(contentsOf: Self.casesDirectory.appendingPathComponent(file), encoding: .utf8)
            checked += check(file: file, source: source)
        }
        print("KernelTests: \(files.count) case files, \(checked) expectations")
    }

    /// Runs one case file and reports each mismatch at its line; returns the number of expectations.
    func check(file: String, source: String) -> Int {
        let lines = source.components(separatedBy: "\n")
        var expected: [(line: Int, text: String)] = []
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: "// expect: ") {
                expected.append((index + 1, String(line[range.upperBound...])))
            } else if let range = line.range(of: "// expect error ") {
                expected.append((index + 1, "error " + String(line[range.upperBound...])))
            }
        }
        let session = Session()
        var actual: [String] = []
        for cell in Self.cells(lines) {
            let run = session.run(cell)
            actual += run.outputs.flatMap(Self.lines)
            if let error = run.error { actual.append("error \(error.line):\(error.column): \(error.message)") }
        }
        // PRINT_CASE=name.swift prints what a case file produces, for writing its expectations.
        if ProcessInfo.processInfo.environment["PRINT_CASE"] == file { print(actual.joined(separator: "\n")) }
        for (index, item) in expected.enumerated() {
            guard index < actual.count else {
                XCTFail("Cases/\(file):\(item.line): expected '\(item.text)' but the cells produced nothing more")
                return expected.count
            }
            if actual[index] != item.text {
                XCTFail("Cases/\(file):\(item.line): expected '\(item.text)' but got '\(actual[index])'")
                return expected.count
            }
        }
        if actual.count > expected.count {
            XCTFail("Cases/\(file): unexpected output '\(actual[expected.count])' (and \(actual.count - expected.count - 1) more)")
        }
        return expected.count
    }

    static func cells(_ lines: [String]) -> [CellCode] {
        var cells: [CellCode] = []
        var start = 0
        let marked = lines.enumerated().map { ($0.offset, $0.element) } + [(lines.count, "// cell")]
        for (index, line) in marked where line.trimmingCharacters(in: .whitespaces) == "// cell" {
            cells.append(CellCode(source: lines[start..<index].joined(separator: "\n"), firstLine: start + 1, columnOffset: 0))
            start = index + 1
        }
        return cells
    }

    static func lines(_ output: Output) -> [String] {
        switch output {
        case let .text(text):
            var lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        case let .display(display):
            return display.plainText.components(separatedBy: "\n")
        case let .expectation(expectation):
            return [(expectation.passed ? "✓ " : "✗ ") + expectation.message + (expectation.detail.map { " — \($0)" } ?? "")]
        }
    }
}
