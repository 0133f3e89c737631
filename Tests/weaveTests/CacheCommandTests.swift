import Foundation
import XCTest

/// `weave build` through the execution cache, in parallel, and what it prints.
final class CacheCommandTests: CommandTestCase {
    override class var workspacePrefix: String { "weave-cache-cli" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        for index in 1...4 {
            try write("Notebooks/0\(index)-n.md", """
            ---
            title: Notebook \(index)
            order: \(index)
            ---
            # Notebook \(index)

            Some prose about $x_\(index)$.

            ```swift
            let t = Tensor.randn(120, 80, seed: \(index))
            let s = t.matmul(t.T)
            print(s.sum(), s.mean())
            expect(s.rows == 120, "square")
            ```

            ```swift
            let net = Network(inputs: 2, layers: [2, 2, 1], activation: .identity, bias: false)
            net.initialize(.normal(std: 0.5), seed: \(index))
            let run = net.train(inputs: [[1.0, 2.0]], loss: .output, learningRate: 0.01, steps: 20)
            plot(run, weights: ["w9", "w10"])
            ```
            """)
        }
    }

    func testSummaryOnStandardOutputAndCachedRebuildsAreIdentical() throws {
        let cold = try weave("build", "Notebooks", "-o", "site1")
        XCTAssertEqual(cold.status, 0, cold.stderr)
        XCTAssertEqual(cold.stderr, "")
        XCTAssertTrue(cold.stdout.hasPrefix("built 4 notebooks in "), cold.stdout)
        XCTAssertTrue(cold.stdout.hasSuffix(": 0 from the cache, 8 cells run, 4 claims held; wrote 4 pages and the index to site1/\n"), cold.stdout)
        XCTAssertTrue(exists(".weave-cache/CACHEDIR.TAG"))
        let warm = try weave("build", "Notebooks", "-o", "site2")
        XCTAssertTrue(warm.stdout.hasSuffix(": 4 from the cache, 0 cells run, 4 claims held; wrote 4 pages and the index to site2/\n"), warm.stdout)
        XCTAssertEqual(try snapshot("site1"), try snapshot("site2"))
        // A prose edit re-runs nothing; a code edit re-runs that notebook only.
        try write("Notebooks/02-n.md", String(decoding: contents("Notebooks/02-n.md") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "Some prose", with: "Other prose"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site3").stdout.contains(": 4 from the cache, 0 cells run"))
        try write("Notebooks/03-n.md", String(decoding: contents("Notebooks/03-n.md") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "steps: 20", with: "steps: 21"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site3").stdout.contains(": 3 from the cache, 2 cells run"))
    }

    func testASiteBuiltFromTheSameInputsIsKeptAsItIs() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site").status, 0)
        let before = try snapshot("site")
        let again = try weave("build", "Notebooks", "-o", "site")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("nothing changed in 4 notebooks ("), again.stdout)
        XCTAssertTrue(again.stdout.hasSuffix("): site/ is up to date\n"), again.stdout)
        XCTAssertEqual(try snapshot("site"), before)
        // Any change to an input builds again: a notebook's bytes, the settings, a new notebook.
        try write("Notebooks/01-n.md", String(decoding: contents("Notebooks/01-n.md") ?? Data(), as: UTF8.self) + "\nMore prose.\n")
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site").stdout.hasPrefix("built 4 notebooks"))
        try write("weave.yml", "title: Another title\n")
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site").stdout.hasPrefix("built 4 notebooks"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site").stdout.hasPrefix("nothing changed"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site", "--clear-cache").stdout.hasPrefix("built 4 notebooks"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site", "--no-cache").stdout.hasPrefix("built 4 notebooks"))
        // A site without the marker's key (written by hand, damaged) is built again.
        try write("site/.weave-site", "This folder is a site written by weave; `weave build` replaces it whole.\n")
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site").stdout.hasPrefix("built 4 notebooks"))
    }

    func testJobsDoNotChangeTheSite() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "one", "--no-cache", "--jobs", "1").status, 0)
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "four", "--no-cache", "--jobs", "4").status, 0)
        XCTAssertFalse(exists(".weave-cache"), "--no-cache writes no cache")
        let one = try snapshot("one"), four = try snapshot("four")
        XCTAssertEqual(one.count, four.count)
        XCTAssertEqual(one, four)
        let bad = try weave("build", "Notebooks", "-o", "zero", "--jobs", "0")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--jobs takes a number of at least 1, not 0"), bad.stderr)
    }

    func testADamagedEntryIsAWarningAndTheBuildRunsTheNotebook() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site1").status, 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent(".weave-cache/notebooks").path)
        XCTAssertEqual(entries.count, 4)
        for entry in entries {
            try write(".weave-cache/notebooks/" + entry, "weave-cache 1 0000\n{}")
        }
        let run = try weave("build", "Notebooks", "-o", "site2")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "weave: warning: ignoring a damaged cache entry: ").count, 5, run.stderr)
        XCTAssertTrue(run.stderr.contains("checksum mismatch"), run.stderr)
        XCTAssertTrue(run.stdout.contains(": 0 from the cache, 8 cells run"), run.stdout)
        XCTAssertEqual(try snapshot("site1"), try snapshot("site2"))
        XCTAssertTrue(try weave("build", "Notebooks", "-o", "site3").stdout.contains(": 4 from the cache"), "the entries were rewritten")
    }

    func testTwoBuildsAtOnceShareTheCacheSafely() throws {
        let runs = (1...2).map { index -> Process in
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = ["build", "Notebooks", "-o", "site\(index)", "--jobs", "2"]
            process.currentDirectoryURL = workspace
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in runs { try process.run() }
        for process in runs { process.waitUntilExit() }
        XCTAssertEqual(runs.map(\.terminationStatus), [0, 0])
        XCTAssertEqual(try snapshot("site1"), try snapshot("site2"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent(".weave-cache/notebooks").path)
        XCTAssertEqual(entries.count, 4, "one whole entry per notebook, no temporary file left: \(entries)")
        let warm = try weave("build", "Notebooks", "-o", "site3")
        XCTAssertEqual(warm.stderr, "", "no entry is damaged")
        XCTAssertTrue(warm.stdout.contains(": 4 from the cache"), warm.stdout)
    }

    func testCleanAndClearCacheEmptyOnlyACache() throws {
        XCTAssertEqual(try weave("build", "Notebooks", "-o", "site", "--cache-dir", "cache").status, 0)
        XCTAssertTrue(exists("cache/CACHEDIR.TAG"))
        XCTAssertFalse(exists(".weave-cache"))
        let cleared = try weave("build", "Notebooks", "-o", "site", "--cache-dir", "cache", "--clear-cache")
        XCTAssertTrue(cleared.stdout.contains(": 0 from the cache"), cleared.stdout)
        let clean = try weave("clean", "--cache-dir", "cache")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertFalse(exists("cache"))
        try write("precious/notes.txt", "keep")
        let refused = try weave("clean", "--cache-dir", "precious")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix("weave: error: refusing to empty '"), refused.stderr)
        XCTAssertTrue(refused.stderr.hasSuffix("/precious': it is not a weave cache (no CACHEDIR.TAG file)\n"), refused.stderr)
        XCTAssertTrue(exists("precious/notes.txt"))
    }

    func testTheCacheLivesBesideWeaveYml() throws {
        try write("course/weave.yml", "title: Course\nnotebooks: lessons\noutput: site\n")
        try write("course/lessons/a.md", "```swift\nprint(1)\n```\n")
        let run = try weave("build", "--config", "course/weave.yml")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(exists("course/.weave-cache/CACHEDIR.TAG"))
        XCTAssertFalse(exists(".weave-cache"))
    }
}
