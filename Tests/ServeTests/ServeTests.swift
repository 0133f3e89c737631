import Execution
import Foundation
import Notebook
import XCTest
@testable import Serve
@testable import Site

/// `weave serve` driven over loopback as a browser drives it: pages, reloads after edits, the
/// error page and its recovery, and nothing outside the site.
final class ServeTests: XCTestCase {
    private var folder: URL!
    private var server: LiveServer!
    private var port: UInt16 = 0
    private let reports = Reports()

    private var lesson: URL { folder.appendingPathComponent("Notebooks/01-lesson.md") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("weave-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
        try write(cell: "let a = 20\nprint(a + 1)", prose: "First words.")
        try Data("# Other\n\nNo code.\n".utf8).write(to: folder.appendingPathComponent("Notebooks/02-other.md"))
        let settings = CourseSettings(title: "Served", notebooks: folder.appendingPathComponent("Notebooks").path)
        let cache = ExecutionCache(directory: folder.appendingPathComponent(".weave-cache"), weaveVersion: "test")
        let assets = Assets(katexDirectory: Assets.defaultKaTeXDirectory)
        let reports = self.reports
        server = try LiveServer(settings: settings, assets: assets, cache: cache,
                                options: .init(notebooks: settings.notebooks, settingsFile: nil, host: "127.0.0.1",
                                               port: UInt16.random(in: 20000...40000)),
                                report: { reports.add($0) })
        server.buildFirst()
        _ = server.watch()
        let ready = DispatchSemaphore(value: 0)
        let chosen = PortBox()
        let running = server!
        Thread.detachNewThread {
            try? running.serve { port in
                chosen.port = port
                ready.signal()
            }
        }
        XCTAssertEqual(ready.wait(timeout: .now() + 10), .success, "the server listens")
        port = chosen.port
    }

    override func tearDownWithError() throws {
        server?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(cell: String, prose: String) throws {
        let text = "---\ntitle: Lesson\n---\n# Lesson\n\n\(prose)\n\n```swift\n\(cell)\n```\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("Notebooks/01-lesson.md"))
    }

    func testPagesAreServedWithTheReloadScriptAndAssets() throws {
        let client = LoopbackClient(port: port)
        let page = try XCTUnwrap(client.get("/01-lesson.html"))
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("First words."), page.body)
        XCTAssertTrue(page.body.contains("<pre class=\"output-stream\">21\n</pre>"), page.body)
        XCTAssertTrue(page.body.contains("/__weave/live"), "served pages carry the reload script")
        XCTAssertEqual(client.get("/")?.status, 200)
        XCTAssertEqual(client.get("/assets/weave.css")?.status, 200)
        XCTAssertEqual(client.get("/nothing-here.html")?.status, 404)
    }

    func testAnEditReloadsTheOpenPageWithTheNewContent() throws {
        let client = LoopbackClient(port: port)
        let channel = try XCTUnwrap(client.openChannel())
        let first = try XCTUnwrap(channel.next())
        XCTAssertTrue(first.hasPrefix("reload "), first)
        try write(cell: "let a = 20\nprint(a + 1)", prose: "Second words.")
        let next = try XCTUnwrap(channel.next(), "a reload follows the edit")
        XCTAssertNotEqual(next, first)
        XCTAssertTrue(client.get("/01-lesson.html")?.body.contains("Second words.") ?? false)
        XCTAssertEqual(reports.last?.changed.first?.cellsRun, 0, "a prose edit runs no cell")
    }

    func testABadEditShowsTheLocatedErrorAndAFixRecovers() throws {
        let client = LoopbackClient(port: port)
        let channel = try XCTUnwrap(client.openChannel())
        _ = channel.next()
        try write(cell: "let a = 20\nprint(b + 1)", prose: "First words.")
        XCTAssertNotNil(channel.next())
        let failed = try XCTUnwrap(client.get("/01-lesson.html"))
        let path = lesson.path
        XCTAssertTrue(failed.body.contains("\(path):10:7: error: cannot find &#39;b&#39; in scope; did you mean &#39;a&#39;?\n10 | print(b + 1)\n   |       ^"), failed.body)
        XCTAssertTrue(failed.body.contains("/__weave/live"), "the error page reloads itself too")
        XCTAssertTrue(client.get("/02-other.html")?.body.contains("The build failed") ?? false, "every page shows it")
        try write(cell: "let a = 20\nprint(a + 2)", prose: "First words.")
        XCTAssertNotNil(channel.next())
        let fixed = try XCTUnwrap(client.get("/01-lesson.html"))
        XCTAssertTrue(fixed.body.contains("<pre class=\"output-stream\">22\n</pre>"), fixed.body)
    }

    func testNothingOutsideTheSiteIsServed() throws {
        let client = LoopbackClient(port: port)
        for path in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/assets/../../../etc/passwd",
                     "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "//etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/.%2e/.%2e/etc/passwd"] {
            let response = client.get(path)
            XCTAssertTrue(response?.status == 404 || response?.status == 400, "\(path): \(String(describing: response?.status))")
            XCTAssertFalse(response?.body.contains("root:") ?? false, path)
        }
        XCTAssertNil(FileHandler.sitePath("/a/../b.html"))
        XCTAssertNil(FileHandler.sitePath("/a%2fb"))
        XCTAssertEqual(FileHandler.sitePath("/"), "index.html")
        XCTAssertEqual(FileHandler.sitePath("/assets/weave.css"), "assets/weave.css")
    }

    func testABurstOfSavesIsOneRebuild() throws {
        let before = reports.count
        let client = LoopbackClient(port: port)
        let channel = try XCTUnwrap(client.openChannel())
        _ = channel.next()
        for words in ["One.", "Two.", "Three."] { try write(cell: "let a = 20\nprint(a + 1)", prose: words) }
        XCTAssertNotNil(channel.next())
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(reports.count, before + 1, "three writes in a row, one rebuild")
        XCTAssertTrue(client.get("/01-lesson.html")?.body.contains("Three.") ?? false)
    }

    func testOnlyLoopbackAnswers() throws {
        XCTAssertNotNil(LoopbackClient(port: port).connect())
        guard let other = Self.nonLoopbackAddress() else {
            throw XCTSkip("this machine has no address but loopback")
        }
        XCTAssertNil(LoopbackClient(port: port, address: other).connect(), "\(other) must not reach a server bound to 127.0.0.1")
    }

    /// An IPv4 address of this machine that is not loopback, if it has one.
    static func nonLoopbackAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var cursor = list
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var inet = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            inet_ntop(AF_INET, &inet, &text, socklen_t(text.count))
            let string = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !string.hasPrefix("127.") { return string }
        }
        return nil
    }
}

/// The rebuild reports a server made, from its rebuild thread.
private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [LiveBuilder.Report] = []
    func add(_ report: LiveBuilder.Report) { lock.lock(); reports.append(report); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return reports.count }
    var last: LiveBuilder.Report? { lock.lock(); defer { lock.unlock() }; return reports.last }
}

/// The port the server chose.
private final class PortBox: @unchecked Sendable {
    var port: UInt16 = 0
}
