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
    /// An Array, with how deeply it nests (1 for an array of scalars, 2 for an array of
    /// arrays, …; an upper bound after elements are removed). Values nest at most
    /// `Budgets.nesting` deep, so the code that walks or releases them recurses a bounded
    /// depth; `Value.list` counts it for a new array.
    case array([Value], depth: Int)
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
        case let .array(items, _): return "[\(Value.elementTypeName(items))]"
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
    /// One more than the deepest element's depth.
    let depth: Int

    init(_ items: [Value], labels: [String?]? = nil) {
        self.items = items
        self.labels = labels ?? Array(repeating: nil, count: items.count)
        depth = (items.map(\.depth).max() ?? 0) + 1
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

extension Value {
    /// How deeply the value nests: 0 for a scalar, a function or an object; one more than
    /// its deepest element for an array, a dictionary or a tuple. Read in constant time.
    var depth: Int {
        switch self {
        case let .array(_, depth): return depth
        case let .tuple(tuple): return tuple.depth
        case let .dictionary(box): return box.depth
        default: return 0
        }
    }

    /// An array of `items`, its depth counted from theirs.
    static func list(_ items: [Value]) -> Value {
        var deepest = 0
        for item in items where item.tag == .array || item.tag == .tuple || item.tag == .dictionary {
            deepest = max(deepest, item.depth)
        }
        return .array(items, depth: deepest + 1)
    }

    /// An array of `items` that may nest one level deeper than they do: throws past
    /// `Budgets.nesting`. Every construct that puts values into a new container (literals,
    /// `map`, `enumerated()`, `zip`, `Array(repeating:count:)`, appending, storing an element)
    /// checks, so no value nests deeper than the budget.
    static func nested(_ items: [Value]) throws -> Value {
        let value = list(items)
        try value.checkDepth()
        return value
    }

    /// Throws when the value nests deeper than `Budgets.nesting`.
    @inline(__always)
    func checkDepth() throws {
        if depth > Budgets.nesting { throw Failure(Value.nestingMessage) }
    }

    static let nestingMessage = "the value nests more than \(Budgets.nesting) levels deep (arrays, dictionaries or tuples inside one another)"
}
