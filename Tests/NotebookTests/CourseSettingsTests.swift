import XCTest
@testable import Notebook

final class CourseSettingsTests: XCTestCase {
    func testKeys() throws {
        let settings = try CourseSettings.parse("""
        title: Initialization
        description: Why weights must differ.
        author: A. Teacher
        base-url: https://example.org/course
        language: de
        notebooks: Lessons
        output: site
        """, path: "weave.yml")
        XCTAssertEqual(settings.title, "Initialization")
        XCTAssertEqual(settings.description, "Why weights must differ.")
        XCTAssertEqual(settings.author, "A. Teacher")
        XCTAssertEqual(settings.baseURL, "https://example.org/course/")
        XCTAssertEqual(settings.language, "de")
        XCTAssertEqual(settings.notebooks, "Lessons")
        XCTAssertEqual(settings.output, "site")
        XCTAssertFalse(settings.safe)
    }

    func testSafeIsTrueOrFalse() throws {
        XCTAssertTrue(try CourseSettings.parse("safe: true\n", path: "weave.yml").safe)
        XCTAssertFalse(try CourseSettings.parse("safe: false\n", path: "weave.yml").safe)
        XCTAssertFalse(try CourseSettings.parse("title: T\n", path: "weave.yml").safe)
        for (value, column) in [("yes", 7), ("\"true\"", 7), ("[true]", 7), ("", 6), ("True", 7)] {
            XCTAssertThrowsError(try CourseSettings.parse("title: T\nsafe: \(value)\n", path: "weave.yml"), value) { error in
                XCTAssertEqual((error as? NotebookFailure)?.diagnostics.map(\.description),
                               ["weave.yml:2:\(column): error: 'safe' takes true or false"], value)
            }
        }
        XCTAssertThrowsError(try CourseSettings.parse("sfae: true\n", path: "weave.yml")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.diagnostics.map(\.description),
                           ["weave.yml:1:1: error: unknown key 'sfae'; did you mean 'safe'?"])
        }
    }

    func testProblemsAreLocated() {
        XCTAssertThrowsError(try CourseSettings.parse("titel: x\nbase-url: example.org\nauthor: [a]\n", path: "weave.yml")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.diagnostics.map(\.description), [
                "weave.yml:1:1: error: unknown key 'titel'; did you mean 'title'?",
                "weave.yml:2:11: error: 'base-url' takes an address starting with https:// or http://",
                "weave.yml:3:9: error: 'author' takes text",
            ])
        }
        XCTAssertThrowsError(try CourseSettings.parse("title: [x\n", path: "weave.yml")) { error in
            XCTAssertEqual((error as? NotebookFailure)?.diagnostics.first?.location.line, 2)
        }
    }
}
