/// Text as Swift's `print` and string interpolation write it.
extension Value {
    /// A Double as Swift prints it: the shortest text that reads back the same (`0.1`, `1.0`, `1e-05`).
    static func format(_ value: Double) -> String {
        String(describing: value)
    }

    /// The value as `print` writes it (strings bare). A value too long or too deeply nested
    /// to describe within `Budgets` reads as a note saying so; code that prints uses
    /// `described()`, which throws instead.
    var description: String {
        if case let .string(text) = self { return text }
        return debugText
    }

    /// The value as it appears inside a collection (strings quoted).
    var debugText: String {
        (try? described(quoted: true)) ?? "(a value too large or too deeply nested to show)"
    }

    /// The value as `print` writes it, or (`quoted`) as inside a collection; throws past
    /// `Budgets.textBytes` or `Budgets.nesting`.
    func described(quoted: Bool = false) throws -> String {
        if !quoted, case let .string(text) = self { return text }
        var text = BoundedText()
        try write(into: &text, depth: 0)
        return text.text
    }

    private func write(into text: inout BoundedText, depth: Int) throws {
        guard depth < Budgets.nesting else {
            throw Failure("the value is nested more than \(Budgets.nesting) levels deep to be shown")
        }
        switch self {
        case .void: try text.append("()")
        case .none: try text.append("nil")
        case let .bool(value): try text.append(value ? "true" : "false")
        case let .int(value): try text.append(String(value))
        case let .double(value): try text.append(Value.format(value))
        case let .string(string): try text.append(Value.quoted(string))
        case let .array(items, _):
            try text.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { try text.append(", ") }
                try item.write(into: &text, depth: depth + 1)
            }
            try text.append("]")
        case let .dictionary(box):
            if box.count == 0 { return try text.append("[:]") }
            try text.append("[")
            for (index, (key, value)) in zip(box.keys, box.values).enumerated() {
                if index > 0 { try text.append(", ") }
                try key.write(into: &text, depth: depth + 1)
                try text.append(": ")
                try value.write(into: &text, depth: depth + 1)
            }
            try text.append("]")
        case let .tuple(tuple):
            try text.append("(")
            for (index, (label, item)) in zip(tuple.labels, tuple.items).enumerated() {
                if index > 0 { try text.append(", ") }
                if let label { try text.append(label + ": ") }
                try item.write(into: &text, depth: depth + 1)
            }
            try text.append(")")
        case let .range(lower, upper, closed): try text.append("\(lower)\(closed ? "..." : "..<")\(upper)")
        case let .function(function): try text.append("(function \(function.name))")
        case let .member(member): try text.append(member.written)
        case let .object(object): try text.append(object.description)
        }
    }

    /// `"text"` with the escapes Swift's debugDescription uses.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }
}
