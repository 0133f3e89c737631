/// A value of the cell language: small (numbers and references inline), copied by value
/// like Swift's own (arrays and dictionaries are copy-on-write).
enum Value {
    /// The value of a statement or a call that returns nothing, `()`.
    case void
    /// `nil`: an optional with no value (an optional with a value is the value itself).
    case none
    /// A Bool.
    case bool(Bool)
    /// An Int.
    case int(Int)
    /// A Double.
    case double(Double)
    /// A String (a Character is a one-character String).
    case string(String)
    /// An Array.
    case array([Value])
    /// A Dictionary, kept in insertion order so output is deterministic.
    case dictionary(DictionaryBox)
    /// A tuple, with optional element labels.
    case tuple(Tuple)
    /// `lower..<upper` or `lower...upper` over Int.
    case range(Int, Int, closed: Bool)
    /// A function, closure, builtin or bound method.
    case function(Callable)
    /// An implicit member such as `.relu` or `.constant(0.5)`, given meaning by the parameter it is passed to.
    case member(ImplicitMember)
    /// An engine object (network, tensor, training run, …) or a type such as `Tensor`.
    case object(KernelObject)

    /// The type name Swift would print, for messages.
    var typeName: String {
        switch self {
        case .void: return "()"
        case .none: return "Optional"
        case .bool: return "Bool"
        case .int: return "Int"
        case .double: return "Double"
        case .string: return "String"
        case let .array(items): return "[\(Value.elementTypeName(items))]"
        case let .dictionary(box):
            return "[\(Value.elementTypeName(box.keys)): \(Value.elementTypeName(box.values))]"
        case let .tuple(tuple): return "(" + tuple.items.map(\.typeName).joined(separator: ", ") + ")"
        case let .range(_, _, closed): return closed ? "ClosedRange<Int>" : "Range<Int>"
        case .function: return "function"
        case let .member(member): return ".\(member.name)"
        case let .object(object): return object.typeName
        }
    }

    static func elementTypeName(_ items: [Value]) -> String {
        guard let first = items.first else { return "Any" }
        let name = first.typeName
        if items.allSatisfy({ $0.typeName == name }) { return name }
        if items.allSatisfy({ $0.isNumber }) { return "Double" }
        return "Any"
    }

    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }

    /// Whether calling something with this value as an argument may run cell code.
    var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The value as a Double when it is a number.
    var asDouble: Double? {
        switch self {
        case let .double(value): return value
        case let .int(value): return Double(value)
        default: return nil
        }
    }
}

/// A tuple's elements and their labels (`(offset: 0, element: x)`); immutable.
final class Tuple {
    let items: [Value]
    let labels: [String?]

    init(_ items: [Value], labels: [String?]? = nil) {
        self.items = items
        self.labels = labels ?? Array(repeating: nil, count: items.count)
    }

    /// The element labelled `name`, or at index `name` (`.0`).
    func element(_ name: String) -> Value? {
        if let index = labels.firstIndex(of: name) { return items[index] }
        if let index = Int(name), index >= 0, index < items.count { return items[index] }
        return nil
    }
}

/// `.relu` or `.constant(0.5)`: a name and arguments waiting for the parameter that gives them a type.
final class ImplicitMember {
    let name: String
    let arguments: [Argument]?

    init(name: String, arguments: [Argument]?) {
        self.name = name
        self.arguments = arguments
    }

    /// As written: `.normal(std: 0.01)`.
    var written: String {
        guard let arguments else { return "." + name }
        return "." + name + "(" + arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.debugText }.joined(separator: ", ") + ")"
    }
}

/// One argument of a call: its label (nil for `_`) and value.
struct Argument {
    let label: String?
    let value: Value
}

/// Which case a value is, read without copying its payload: switching on a value held
/// `inout` copies it, and a copied array is no longer uniquely referenced, so code that
/// changes a value in place switches on its tag instead.
enum ValueTag {
    case void, none, bool, int, double, string, array, dictionary, tuple, range, function, member, object
}

extension Value {
    var tag: ValueTag {
        switch self {
        case .void: return .void
        case .none: return .none
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .string: return .string
        case .array: return .array
        case .dictionary: return .dictionary
        case .tuple: return .tuple
        case .range: return .range
        case .function: return .function
        case .member: return .member
        case .object: return .object
        }
    }
}
