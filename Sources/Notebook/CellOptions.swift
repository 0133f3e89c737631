import Markup
/// How a code cell runs and shows, set by `//| key: value` lines at the top of the cell
/// or, as defaults, under `execute:` in the front matter.
public struct CellOptions: Hashable, Sendable {
    /// Run the cell (false: show it, never run it).
    public var eval: Bool = true
    /// Show the cell's source.
    public var echo: Bool = true
    /// Show the cell's outputs.
    public var output: Bool = true
    /// The cell is expected to fail: its error is shown and the build goes on.
    public var error: Bool = false
    /// Fold the source under a "Show code" summary (the outputs stay in view).
    public var fold: Bool = false
    /// An id for the cell, to link to as `#label`.
    public var label: String?
    /// A caption for the cell's figure or table.
    public var caption: String?
    /// Alternative text for the cell's figure, for readers who cannot see it.
    public var alt: String?

    /// The defaults: run, show source and outputs, errors fail the build.
    public init() {}

    /// The option names, in the order the documentation lists them.
    public static let names = ["eval", "echo", "output", "error", "fold", "label", "caption", "alt"]
    /// The options that take `true` or `false`.
    public static let booleanNames: Set<String> = ["eval", "echo", "output", "error", "fold"]

    /// Sets option `name` from its written `value`, or says what is wrong with it.
    /// - Returns: nil when set, or a message for a bad name or value.
    mutating func set(_ name: String, to value: String) -> OptionProblem? {
        if Self.booleanNames.contains(name) {
            guard let flag = Self.boolean(value) else {
                return .badValue("option '\(name)' takes true or false, not '\(value)'")
            }
            switch name {
            case "eval": eval = flag
            case "echo": echo = flag
            case "output": output = flag
            case "fold": fold = flag
            default: error = flag
            }
            return nil
        }
        switch name {
        case "label":
            guard Self.isIdentifier(value) else {
                return .badValue("option 'label' takes an id made of letters, digits, '-' and '_', starting with a letter, not '\(value)'")
            }
            label = value
        case "caption": caption = value
        case "alt": alt = value
        default:
            var message = "unknown cell option '\(name)'"
            if let guess = Suggestion.closest(to: name, in: Self.names) {
                message += "; did you mean '\(guess)'?"
            } else {
                message += " (known options: \(Self.names.joined(separator: ", ")))"
            }
            return .unknownName(message)
        }
        return nil
    }

    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true": true
        case "false": false
        default: nil
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        }
    }
}

/// Why an option could not be set: the problem is either with its name or with its value.
enum OptionProblem: Equatable {
    case unknownName(String)
    case badValue(String)
}
