#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The meaning of the operators: Swift's, except that Int and Double mix by promoting to
/// Double. Overflow and division by zero are errors (`Failure`), never traps.
enum Operators {
    static func binary(_ op: String, _ left: Value, _ right: Value, _ runtime: Runtime) throws -> Value {
        switch op {
        case "+": return try add(left, right, runtime)
        case "-", "*", "/", "%", "&+", "&-", "&*": return try arithmetic(op, left, right)
        case "==": return .bool(left == right)
        case "!=": return .bool(left != right)
        case "<", ">", "<=", ">=": return .bool(try compare(op, left, right))
        case "===":
            return .bool(identical(left, right))
        case "!==":
            return .bool(!identical(left, right))
        case "...", "..<": return try range(op, left, right)
        default: throw Failure("the operator '\(op)' is not supported in cells")
        }
    }

    static func identical(_ left: Value, _ right: Value) -> Bool {
        if case let .object(a) = left, case let .object(b) = right { return a === b }
        return false
    }

    static func add(_ left: Value, _ right: Value, _ runtime: Runtime) throws -> Value {
        switch (left, right) {
        case let (.string(a), .string(b)):
            try Budgets.checkText(a.utf8.count, plus: b.utf8.count)
            return .string(a + b)
        case let (.array(a, _), .array(b, _)):
            try runtime.checkElements(a.count, plus: b.count, "the array")
            return try .nested(a + b)
        default: return try arithmetic("+", left, right)
        }
    }

    static func arithmetic(_ op: String, _ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case let (.int(a), .int(b)): return .int(try integer(op, a, b))
        case let (.double(a), .double(b)): return .double(try real(op, a, b))
        case let (.int(a), .double(b)): return .double(try real(op, Double(a), b))
        case let (.double(a), .int(b)): return .double(try real(op, a, Double(b)))
        case let (.object(object), _):
            if let result = try TensorArithmetic.binary(op, object, right, objectOnLeft: true) { return result }
        case let (_, .object(object)):
            if let result = try TensorArithmetic.binary(op, object, left, objectOnLeft: false) { return result }
        default: break
        }
        throw Failure("binary operator '\(op)' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
    }

    static func integer(_ op: String, _ a: Int, _ b: Int) throws -> Int {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        case "/":
            if b == 0 { throw Failure("division by zero") }
            result = a.dividedReportingOverflow(by: b)
        case "%":
            if b == 0 { throw Failure("division by zero in remainder operation") }
            result = a.remainderReportingOverflow(dividingBy: b)
        case "&+": return a &+ b
        case "&-": return a &- b
        case "&*": return a &* b
        default: throw Failure("binary operator '\(op)' cannot be applied to two 'Int' operands")
        }
        if result.overflow { throw Failure(overflowMessage(op, a, b)) }
        return result.partialValue
    }

    static func overflowMessage(_ op: String, _ a: Int, _ b: Int) -> String {
        "arithmetic overflow: \(a) \(op) \(b) does not fit in an Int"
    }

    static func real(_ op: String, _ a: Double, _ b: Double) throws -> Double {
        switch op {
        case "+": return a + b
        case "-": return a - b
        case "*": return a * b
        case "/": return a / b
        case "%": throw Failure("'%' is unavailable for Double: use truncatingRemainder(dividingBy:)")
        default: throw Failure("binary operator '\(op)' cannot be applied to two 'Double' operands")
        }
    }

    static func compare(_ op: String, _ left: Value, _ right: Value) throws -> Bool {
        let order: Int
        switch (left, right) {
        case let (.int(a), .int(b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case let (.string(a), .string(b)): order = a < b ? -1 : (a > b ? 1 : 0)
        default:
            if let a = left.asDouble, let b = right.asDouble {
                switch op {
                case "<": return a < b
                case ">": return a > b
                case "<=": return a <= b
                default: return a >= b
                }
            }
            if case let .tuple(a) = left, case let .tuple(b) = right, a.items.count == b.items.count {
                for (x, y) in zip(a.items, b.items) where x != y {
                    return try compare(op.hasPrefix("<") ? "<" : ">", x, y)
                }
                return op.count == 2
            }
            if case let .bool(a) = left, case let .bool(b) = right, op == "<" { return !a && b }
            throw Failure("binary operator '\(op)' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
        }
        switch op {
        case "<": return order < 0
        case ">": return order > 0
        case "<=": return order <= 0
        default: return order >= 0
        }
    }

    static func range(_ op: String, _ left: Value, _ right: Value) throws -> Value {
        guard case let .int(lower) = left, case let .int(upper) = right else {
            if left.isNumber && right.isNumber {
                throw Failure("ranges of Double are not supported in cells; use stride(from:to:by:)")
            }
            throw Failure("a range needs Int bounds, got '\(left.typeName)' and '\(right.typeName)'")
        }
        guard lower <= upper else {
            throw Failure("range requires lowerBound <= upperBound, got \(lower)\(op)\(upper)")
        }
        return .range(lower, upper, closed: op == "...")
    }

    static func prefix(_ op: String, _ value: Value) throws -> Value {
        switch (op, value) {
        case let ("-", .int(a)):
            let (result, overflow) = (0).subtractingReportingOverflow(a)
            if overflow { throw Failure("arithmetic overflow: -(\(a)) does not fit in an Int") }
            return .int(result)
        case let ("-", .double(a)): return .double(-a)
        case ("+", .int), ("+", .double): return value
        case let ("!", .bool(a)): return .bool(!a)
        case let ("~", .int(a)): return .int(~a)
        case let ("-", .object(object)):
            if let result = try TensorArithmetic.binary("*", object, .double(-1), objectOnLeft: true) { return result }
        default: break
        }
        throw Failure("unary operator '\(op)' cannot be applied to an operand of type '\(value.typeName)'")
    }

    /// `target op= right`, appending in place for arrays and strings.
    static func compound(_ op: String, _ target: inout Value, _ right: Value, _ runtime: Runtime) throws {
        if op == "+" {
            if target.tag == .array, case let .array(more, moreExtent) = right {
                try runtime.checkElements(Methods.count(target), plus: more.count, "the array")
                guard case .array(var items, let extent) = target else { return }
                let joined = extent.joined(with: moreExtent)
                try joined.check()
                target = .void
                items.append(contentsOf: more)
                target = .array(items, extent: joined)
                return
            }
            if target.tag == .string, case let .string(more) = right {
                guard case var .string(text) = target else { return }
                try Budgets.checkText(text.utf8.count, plus: more.utf8.count)
                target = .void
                text += more
                target = .string(text)
                return
            }
        }
        if case .none = target {
            throw Failure("cannot apply '\(op)=' to nil (a missing dictionary key? use dictionary[key, default: 0])")
        }
        if op == "&&" || op == "||" {
            guard case let .bool(a) = target, case let .bool(b) = right else {
                throw Failure("'\(op)=' needs Bool operands")
            }
            target = .bool(op == "&&" ? a && b : a || b)
            return
        }
        target = try binary(op, target, right, runtime)
    }

    /// Whether `value` matches a `case` pattern value: ranges contain, other values are equal.
    /// Whether `value` lies in a range pattern's bounds (either may be missing: `..<0`, `10...`).
    static func contains(_ lower: Value?, _ upper: Value?, closed: Bool, _ value: Value) throws -> Bool {
        if let lower, let upper, try compare(">", lower, upper) {
            throw Failure("range requires lowerBound <= upperBound, got \(lower.debugText)\(closed ? "..." : "..<")\(upper.debugText)")
        }
        if let lower, try compare("<", value, lower) { return false }
        if let upper { return try compare(closed ? "<=" : "<", value, upper) }
        return true
    }

    static func matches(_ pattern: Value, _ value: Value) -> Bool {
        if case let .range(lower, upper, closed) = pattern {
            guard let number = value.asDouble else { return false }
            return number >= Double(lower) && (closed ? number <= Double(upper) : number < Double(upper))
        }
        return pattern == value
    }
}
