import Foundation
import XCTest

/// `weave build --timings`: the slowest cells, where they are, how long they took and how
/// much memory they added.
final class TimingsCommandTests: CommandTestCase {
    override class var workspacePrefix: String { "weave-timings" }

    func testTheSlowestCellsComeFirstWithTheirPlaceTimeAndMemory() throws {
        try write("Notebooks/a.md", """
        # Timed

        ```swift
        print("quick")
        ```

        ```swift
        var total = 0.0
        for i in 0..<400000 { total += Double(i % 7) }
        print(total)
        ```

        ```swift
        let big = Tensor.randn(4000, 2000, seed: 0)
        print(big.count)
        ```
        """)
        let run = try weave("build", "Notebooks", "-o", "site", "--no-cache", "--timings")
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, run.stdout)
        XCTAssertEqual(lines[1], "slowest cells (3 of the 3 that ran; memory: growth of the process's peak):")
        XCTAssertEqual(Set(lines[2...].map { String($0.split(separator: " ")[0]) }),
                       ["Notebooks/a.md:3", "Notebooks/a.md:7", "Notebooks/a.md:13"], run.stdout)
        let seconds = lines[2...].compactMap { line in Double(line.split(separator: " ")[1]) }
        XCTAssertEqual(seconds, seconds.sorted(by: >), "the slowest first: \(run.stdout)")
        XCTAssertTrue(lines[4].hasPrefix("  Notebooks/a.md:3 "), "print is the quickest: \(run.stdout)")
        let tensorLine = try XCTUnwrap(lines.first { $0.hasPrefix("  Notebooks/a.md:13 ") })
        let megabytes = try XCTUnwrap(Double(tensorLine.split(separator: " ").dropLast().last ?? ""))
        XCTAssertGreaterThan(megabytes, 30, "4000 × 2000 doubles are 64 MB: \(tensorLine)")
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site2").status, 0)
        let cached = try weave("build", "Notebooks", "-o", "site3", "--timings")
        XCTAssertTrue(cached.stdout.contains("timings: no cell ran in this build"), cached.stdout)
    }
}
