/// A claim a cell makes with `expect(condition, message)`, and whether it held.
public struct Expectation: Sendable, Equatable, Codable {
    /// The message the cell gave.
    public var message: String
    /// Whether the condition was true.
    public var passed: Bool
    /// On failure, the values compared when they can be told, e.g. "w9 = 0.41 but w10 = 0.39".
    public var detail: String?
    /// The file line of the `expect` call.
    public var line: Int
    /// The file column of the `expect` call.
    public var column: Int
    /// The claim's `label:` (`clm-…`), its id on the page for cross-references.
    public var label: String?

    /// An expectation result at a file location.
    public init(message: String, passed: Bool, detail: String? = nil, line: Int, column: Int) {
        self.message = message
        self.passed = passed
        self.detail = detail
        self.line = line
        self.column = column
    }
}
