import Foundation
import Kernel
import Notebook
import Outputs
import XCTest
@testable import Execution

/// The execution cache: what its key covers, what it ignores, and that nothing it holds is
/// trusted unless it checks out.
final class ExecutionCacheTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-cache-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private let lesson = """
    ---
    title: Cached
    ---
    # A lesson

    Some prose.

    ```swift
    let a = 2
    print("a is", a)
    expect(a == 2, "a is two")
    ```

    ```swift
    //| error: true
    let x = [1, 2][5]
    ```

    ```swift
    a * 21
    ```
    """

    private func notebook(_ source: String) throws -> Notebook {
        try Notebook.parse(source: source, path: "lesson.md")
    }

    private func cache(version: String = "v1") -> ExecutionCache {
        ExecutionCache(directory: directory, weaveVersion: version)
    }

    /// Runs `source` through the cache, as a build does.
    private func run(_ source: String, cache: ExecutionCache, limits: Limits = Limits()) throws -> (ExecutedNotebook, cached: Bool) {
        let notebook = try notebook(source)
        let key = cache.key(for: notebook, limits: limits)
        if case .hit(let executed) = cache.lookup(notebook, key: key) { return (executed, true) }
        let (executed, problems) = NotebookExecutor(defaultLimits: limits).execute(notebook)
        XCTAssertEqual(problems.map(\.description), [])
        try cache.store(executed, key: key)
        return (executed, false)
    }

    private func assertSame(_ a: ExecutedNotebook, _ b: ExecutedNotebook, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.cells.map(\.executionCount), b.cells.map(\.executionCount), file: file, line: line)
        XCTAssertEqual(a.cells.map(\.outputs), b.cells.map(\.outputs), file: file, line: line)
        XCTAssertEqual(a.cells.map(\.error), b.cells.map(\.error), file: file, line: line)
    }

    func testAHitRestoresExactlyWhatRan() throws {
        let cache = cache()
        let (first, firstCached) = try run(lesson, cache: cache)
        let (second, secondCached) = try run(lesson, cache: cache)
        XCTAssertFalse(firstCached)
        XCTAssertTrue(secondCached)
        assertSame(first, second)
        XCTAssertEqual(second.cells[1].error?.line, 16)
        XCTAssertEqual(second.cells[1].error?.excerpt, first.cells[1].error?.excerpt)
    }

    func testProseHeadingsAndCaptionsAreNotInTheKeyAndLinesMoveWithTheCells() throws {
        let cache = cache()
        _ = try run(lesson, cache: cache)
        let edited = lesson.replacingOccurrences(of: "Some prose.", with: "Some prose,\nnow on\nthree lines. $x^2$")
            .replacingOccurrences(of: "# A lesson", with: "# A better lesson")
            .replacingOccurrences(of: "//| error: true", with: "//| error: true\n//| caption: an error")
        let (restored, cached) = try run(edited, cache: cache)
        XCTAssertTrue(cached, "prose, a heading and a caption do not re-run cells")
        let (fresh, _) = try run(edited, cache: ExecutionCache(directory: directory.appendingPathComponent("other"), weaveVersion: "v1"))
        assertSame(restored, fresh)
        guard case .expectation(let claim) = restored.cells[0].outputs[1] else { return XCTFail("\(restored.cells[0].outputs)") }
        XCTAssertEqual(claim.line, 13, "the claim's line follows the two added lines")
        XCTAssertEqual(restored.cells[1].error?.line, 19)
    }

    func testEveryPartOfTheKeyInvalidates() throws {
        let base = try notebook(lesson)
        let key = cache().key(for: base, limits: Limits())
        let changes: [(String, String)] = [
            ("cell source", cache().key(for: try notebook(lesson.replacingOccurrences(of: "a * 21", with: "a * 22")), limits: Limits())),
            ("eval option", cache().key(for: try notebook(lesson.replacingOccurrences(of: "```swift\na * 21", with: "```swift\n//| eval: false\na * 21")), limits: Limits())),
            ("error option", cache().key(for: try notebook(lesson.replacingOccurrences(of: "//| error: true", with: "//| error: false")), limits: Limits())),
            ("execute default", cache().key(for: try notebook(lesson.replacingOccurrences(of: "title: Cached", with: "title: Cached\nexecute: {eval: false}")), limits: Limits())),
            ("limits", cache().key(for: base, limits: Limits(steps: 1000))),
            ("weave version", cache(version: "v2").key(for: base, limits: Limits())),
        ]
        for (part, changed) in changes {
            XCTAssertNotEqual(changed, key, "a change of \(part) must change the key")
        }
        XCTAssertEqual(cache().key(for: try notebook(lesson.replacingOccurrences(of: "//| error: true", with: "//| error: true\n//| label: err")), limits: Limits()),
                       key, "a label does not change what runs")
        XCTAssertEqual(key.count, 64)
    }

    func testFrontMatterLimitsReachTheKey() throws {
        let cache = cache()
        _ = try run(lesson, cache: cache)
        let limited = lesson.replacingOccurrences(of: "title: Cached", with: "title: Cached\nlimits: {steps: 100000}")
        let notebook = try notebook(limited)
        let executor = NotebookExecutor()
        let key = cache.key(for: notebook, limits: executor.limits(for: notebook))
        guard case .miss = cache.lookup(notebook, key: key) else { return XCTFail("other limits, other key") }
    }

    func testDamagedEntriesAreReportedAndNeverTrusted() throws {
        let cache = cache()
        let notebook = try notebook(lesson)
        let key = cache.key(for: notebook, limits: Limits())
        _ = try run(lesson, cache: cache)
        let url = cache.file(for: key)
        let good = try Data(contentsOf: url)
        var flipped = [UInt8](good)
        flipped[flipped.count - 3] ^= 0x01
        let damages: [(String, Data)] = [
            ("a flipped byte", Data(flipped)),
            ("a truncated file", good.prefix(good.count / 2)),
            ("an empty file", Data()),
            ("another format", Data("weave-cache 0 abc\n{}".utf8)),
            ("no header", Data("{\"key\": 1}".utf8)),
            ("a foreign entry with a good checksum", Self.entry(#"{"cells":[],"key":"\#(key)"}"#)),
            ("garbage with a good checksum", Self.entry("not json")),
        ]
        for (what, data) in damages {
            try data.write(to: url)
            switch cache.lookup(notebook, key: key) {
            case .damaged(let reason): XCTAssertTrue(reason.hasPrefix(url.path), "\(what): \(reason)")
            case .miss where data.isEmpty: XCTFail("\(what): an empty entry is damage, not absence")
            default: XCTFail("\(what) must not be trusted")
            }
        }
        // A damaged entry is replaced by the next good run.
        let (_, cached) = try run(lesson, cache: cache)
        XCTAssertFalse(cached)
        guard case .hit = cache.lookup(notebook, key: key) else { return XCTFail("rewritten") }
    }

    private static func entry(_ payload: String) -> Data {
        Data((CacheFolder.magic + SHA256.hex(Array(payload.utf8)) + "\n" + payload).utf8)
    }

    func testConcurrentWritersAndReadersNeverSeeAPartialEntry() throws {
        let cache = cache()
        let notebook = try notebook(lesson)
        let key = cache.key(for: notebook, limits: Limits())
        let (executed, _) = NotebookExecutor().execute(notebook)
        try cache.store(executed, key: key)
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<25 {
                if worker % 2 == 0 {
                    do { try cache.store(executed, key: key) } catch { failures.add() }
                } else if case .hit = cache.lookup(notebook, key: key) {} else {
                    failures.add()
                }
            }
        }
        XCTAssertEqual(failures.value, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("notebooks").path)
        XCTAssertEqual(leftovers, [key], "no temporary file is left behind")
    }

    func testOnlyCleanRunsAreStored() throws {
        let cache = cache()
        let failing = "```swift\nexpect(1 == 2, \"one is two\")\n```\n"
        let notebook = try notebook(failing)
        let run = NotebookExecutor().run(path: "lesson.md", cache: nil)
        XCTAssertFalse(run.problems.isEmpty, "the file does not exist here: a load problem")
        let (_, problems) = NotebookExecutor().execute(notebook)
        XCTAssertEqual(problems.count, 1)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("failing.md").path
        try Data(failing.utf8).write(to: URL(fileURLWithPath: path))
        let first = NotebookExecutor().run(path: path, cache: cache)
        let second = NotebookExecutor().run(path: path, cache: cache)
        XCTAssertEqual(first.problems.count, 1)
        XCTAssertFalse(second.cached, "a notebook with a problem is never stored")
        XCTAssertEqual(second.problems.count, 1)
    }

    func testClearRefusesAFolderThatIsNotACache() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try CacheFolder.clear(directory))
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("notes.txt").path))
        try FileManager.default.removeItem(at: directory)
        _ = try run(lesson, cache: cache())
        try CacheFolder.clear(directory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path))
    }

    func testParallelRunsEqualSerialRunsInPathOrder() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for index in 0..<6 {
            let path = directory.appendingPathComponent("n\(index).md").path
            try Data("```swift\nlet t = Tensor.randn(200, 100, seed: \(index))\nprint(t.matmul(t.T).sum())\n```\n".utf8)
                .write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let serial = NotebookExecutor().execute(paths: paths, jobs: 1, cache: nil)
        let finished = Counter()
        let parallel = NotebookExecutor().execute(paths: paths, jobs: 4, cache: nil) { _, _, _ in finished.add() }
        XCTAssertEqual(finished.value, 6)
        XCTAssertEqual(serial.map(\.path), paths)
        XCTAssertEqual(parallel.map(\.path), paths)
        XCTAssertEqual(serial.map { $0.executed?.cells.map(\.outputs) }, parallel.map { $0.executed?.cells.map(\.outputs) })
    }
}

/// A count several threads add to.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
