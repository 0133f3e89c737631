/// One output of a cell, in the order the cell made them.
public enum Output: Sendable, Equatable, Codable {
    /// Text written by `print`; consecutive prints are merged into one text.
    case text(String)
    /// A rich value: `display(x)`, `table(…)`, `plot(…)`, or the cell's last expression.
    case display(Display)
    /// The result of an `expect(condition, message)`.
    case expectation(Expectation)
}
