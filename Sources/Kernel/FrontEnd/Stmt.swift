/// A statement of the cell language.
indirect enum Stmt {
    case expression(Expr)
    /// `let`/`var` with a pattern, optional type and optional initial value.
    case variable(isLet: Bool, Pattern, TypeSpec?, Expr?, Location)
    case function(FunctionDecl)
    case ifStatement([Condition], [Stmt], [Stmt]?, Location)
    case guardStatement([Condition], [Stmt], Location)
    case forIn(label: String?, Pattern, Expr, whereClause: Expr?, [Stmt], Location)
    case whileLoop(label: String?, [Condition], [Stmt], Location)
    case repeatWhile(label: String?, [Stmt], Expr, Location)
    case switchStatement(label: String?, Expr, [SwitchCase], Location)
    case breakStatement(String?, Location)
    case continueStatement(String?, Location)
    case returnStatement(Expr?, Location)
    case block([Stmt], Location)
    /// Statements in the current scope (`let a = 1, b = 2`).
    case sequence([Stmt])
}

/// One condition of `if`, `guard` or `while`.
enum Condition {
    case expression(Expr)
    /// `let name = value` (optional binding).
    case optionalBinding(isLet: Bool, Pattern, Expr, Location)
    /// `case pattern = value`.
    case matching(Pattern, Expr, Location)
}

/// One `case` (or `default`) of a switch.
struct SwitchCase {
    /// The patterns with their `where` clauses; empty for `default`.
    let items: [(pattern: Pattern, guardExpr: Expr?)]
    let body: [Stmt]
    let location: Location
}

/// A pattern: a name to bind, `_`, a tuple of patterns, or a value to compare with.
indirect enum Pattern {
    case bind(String, Location)
    case wildcard
    case tuple([Pattern])
    case value(Expr)
    /// `let x` inside a case pattern: the names below bind rather than compare.
    case binding(Pattern)
    /// A range in a case pattern, either bound optional: `0..<10`, `0.5...1`, `..<0`, `10...`.
    case interval(lower: Expr?, upper: Expr?, closed: Bool, Location)

    /// The names the pattern binds, in order.
    var boundNames: [String] {
        switch self {
        case let .bind(name, _): return [name]
        case .wildcard, .value, .interval: return []
        case let .tuple(items): return items.flatMap(\.boundNames)
        case let .binding(inner): return inner.boundNames
        }
    }
}

/// A type as written in an annotation, enough to convert literals (`let x: Double = 1`).
indirect enum TypeSpec: Equatable {
    case int, double, bool, string
    case array(TypeSpec)
    case dictionary(TypeSpec, TypeSpec)
    case optional(TypeSpec)
    case tuple([TypeSpec])
    case function
    case named(String)

    var written: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case let .array(element): return "[\(element.written)]"
        case let .dictionary(key, value): return "[\(key.written): \(value.written)]"
        case let .optional(wrapped): return "\(wrapped.written)?"
        case let .tuple(items): return "(" + items.map(\.written).joined(separator: ", ") + ")"
        case .function: return "function"
        case let .named(name): return name
        }
    }
}
