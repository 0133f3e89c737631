/// Text as Swift's `print` and string interpolation write it.
extension Value {
    /// A Double as Swift prints it: the shortest text that reads back the same (`0.1`, `1.0`, `1e-05`).
    static func format(_ value: Double) -> String {
        String(describing: value)
    }

    /// The value as `print` writes it (strings bare).
    var description: String {
        switch self {
        case let .string(text): return text
        default: return debugText
        }
    }

    /// The value as it appears inside a collection (strings quoted).
    var debugText: String {
        switch self {
        case .void: return "()"
        case .none: return "nil"
        case let .bool(value): return value ? "true" : "false"
        case let .int(value): return String(value)
        case let .double(value): return Value.format(value)
        case let .string(text): return Value.quoted(text)
        case let .array(items): return "[" + items.map(\.debugText).joined(separator: ", ") + "]"
        case let .dictionary(box):
            if box.count == 0 { return "[:]" }
            return "[" + zip(box.keys, box.values).map { "\($0.debugText): \($1.debugText)" }.joined(separator: ", ") + "]"
        case let .tuple(tuple):
            return "(" + zip(tuple.labels, tuple.items).map { label, item in
                (label.map { "\($0): " } ?? "") + item.debugText
            }.joined(separator: ", ") + ")"
        case let .range(lower, upper, closed): return "\(lower)\(closed ? "..." : "..<")\(upper)"
        case let .function(function): return "(function \(function.name))"
        case let .member(member): return member.written
        case let .object(object): return object.description
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
