import Foundation
import XCTest
@testable import Kernel

/// Every input the cell fuzzer ever crashed on (Fuzz/regressions/cells-*), run as one cell
/// under the fuzzer's own limits: each must end in a result or a located error.
final class FuzzRegressionTests: XCTestCase {
    func testEveryCellTheFuzzerFoundRunsWithoutACrash() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/regressions").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("cells-") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            let session = Session(limits: Limits(steps: 200_000, callDepth: 200, tensorElements: 200_000))
            let run = session.run(CellCode(source: String(decoding: bytes, as: UTF8.self), firstLine: 1, columnOffset: 0))
            if let error = run.error {
                XCTAssertGreaterThanOrEqual(error.line, 1, file)
                XCTAssertFalse(error.message.isEmpty, file)
            }
        }
    }
}
