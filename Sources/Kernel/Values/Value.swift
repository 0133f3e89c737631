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
    /// An Array, with its extent (how deeply it nests, how many values a walk through it
    /// meets); `Value.list` counts it for a new array.
    case array([Value], extent: Extent)
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

    /// The element type of `items`: the first one's when every element is of its kind. Only
    /// the first element is named in full (along its own first elements); the others are
    /// compared by kind, so naming a type costs the array's length plus its depth, never a
    /// walk of every element of every element.
    static func elementTypeName(_ items: [Value]) -> String {
        guard let first = items.first else { return "Any" }
        if items.allSatisfy({ $0.sameKind(as: first) }) { return first.typeName }
        if items.allSatisfy({ $0.isNumber }) { return "Double" }
        return "Any"
    }

    /// Whether two values are of the same kind: the same case, and for objects the same type.
    func sameKind(as other: Value) -> Bool {
        guard tag == other.tag else { return false }
        if case let .object(a) = self, case let .object(b) = other { return a.typeName == b.typeName }
        if case let .range(_, _, a) = self, case let .range(_, _, b) = other { return a == b }
        return true
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
    /// How deeply the tuple nests and how many values a walk through it meets.
    let extent: Extent

    init(_ items: [Value], labels: [String?]? = nil) {
        self.items = items
        self.labels = labels ?? Array(repeating: nil, count: items.count)
        extent = items.reduce(Extent.empty) { $0.holding($1.extent) }
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

/// How far a value reaches: how deeply it nests (0 for a scalar, a function or an object;
/// one more than its deepest element for an array, a dictionary or a tuple), and how many
/// values a walk through it meets (every element of every element, a shared one each time it
/// appears: `a = [a, a]` thirty times shares storage at each level, yet a walk meets 2³⁰
/// values). Kept beside each container and read in constant time; both are bounded
/// (`Budgets.nesting`, `Budgets.reach`), so describing, comparing, hashing and releasing a
/// value take bounded stack and time. After elements are removed, the depth is an upper bound.
struct Extent: Equatable {
    /// Kept in 32 bits each (the size saturating), so an array's case stays within the 24
    /// bytes every `Value` takes.
    private var storedDepth: Int32
    private var storedSize: Int32

    var depth: Int { Int(storedDepth) }
    var size: Int { Int(storedSize) }

    init(depth: Int, size: Int) {
        storedDepth = Int32(clamping: depth)
        storedSize = Int32(clamping: size)
    }

    /// A scalar, a function or an object: one value, nesting nothing.
    static let scalar = Extent(depth: 0, size: 1)
    /// An empty container.
    static let empty = Extent(depth: 1, size: 1)

    /// Throws past `Budgets.nesting` or `Budgets.reach`.
    @inline(__always)
    func check() throws {
        if depth > Budgets.nesting { throw Failure(Value.nestingMessage) }
        if size > Budgets.reach { throw Failure(Value.reachMessage) }
    }

    /// This container's extent with `element` added.
    func holding(_ element: Extent) -> Extent {
        Extent(depth: max(depth, element.depth + 1), size: size + element.size)
    }

    /// This container's extent with `element` removed (the depth stays an upper bound).
    func without(_ element: Extent) -> Extent {
        Extent(depth: depth, size: max(1, size - element.size))
    }

    /// This container's extent with the elements of `other`, an extent of a container, added.
    func joined(with other: Extent) -> Extent {
        Extent(depth: max(depth, other.depth), size: size + other.size - 1)
    }

    /// Counts one more scalar element.
    mutating func addScalar() {
        if storedSize < Int32.max { storedSize += 1 }
    }
}

extension Value {
    /// How far the value reaches (see `Extent`).
    var extent: Extent {
        switch self {
        case let .array(_, extent): return extent
        case let .tuple(tuple): return tuple.extent
        case let .dictionary(box): return box.extent
        default: return .scalar
        }
    }

    /// An array of `items`, its extent counted from theirs.
    static func list(_ items: [Value]) -> Value {
        var extent = Extent.empty
        for item in items {
            if item.tag == .array || item.tag == .tuple || item.tag == .dictionary {
                extent = extent.holding(item.extent)
            } else {
                extent.addScalar()
            }
        }
        return .array(items, extent: extent)
    }

    /// An array of `items` that may reach further than they do: throws past the budgets.
    /// Every construct that puts values into a new container (literals, `map`,
    /// `enumerated()`, `zip`, `Array(repeating:count:)`, appending, storing an element)
    /// checks, so no value nests or reaches further than the budgets.
    static func nested(_ items: [Value]) throws -> Value {
        let value = list(items)
        try value.extent.check()
        return value
    }

    static let nestingMessage = "the value nests more than \(Budgets.nesting) levels deep (arrays, dictionaries or tuples inside one another)"
    static let reachMessage = "the value holds more than \(Budgets.reach) values, counting every element of every element (a shared one each time it appears)"
}
