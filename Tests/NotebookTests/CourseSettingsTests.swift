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
