/// An expression of the cell language, lowered from swift-syntax once per cell.
indirect enum Expr {
    case literal(Value, Location)
    case interpolation([InterpolationPart], Location)
    case name(String, Location)
    case array([Expr], Location)
    case dictionary([(key: Expr, value: Expr)], Location)
    case tuple([ExprArgument], Location)
    /// `base.name`; `optional` when the base belongs to an optional chain (`a?.b`).
    case member(Expr, String, optional: Bool, Location)
    case implicitMember(String, Location)
    case call(Expr, [ExprArgument], optional: Bool, Location)
    case subscriptAccess(Expr, [ExprArgument], optional: Bool, Location)
    case prefix(String, Expr, Location)
    case binary(String, Expr, Expr, Location)
    /// `target = value` or `target op= value` (the operator without `=`).
    case assign(String?, Expr, Expr, Location)
    case ternary(Expr, Expr, Expr, Location)
    case forceUnwrap(Expr, Location)
    case optionalChain(Expr, Location)
    case closure(ClosureDecl, Location)
    /// An operator used as a function: `reduce(0, +)`.
    case operatorFunction(String, Location)
    /// `x as T`, `x as? T`, `x as! T`, `x is T`.
    case cast(Expr, TypeSpec, CastKind, Location)
    /// `_` on the left of an assignment.
    case discard(Location)

    var location: Location {
        switch self {
        case let .literal(_, l), let .interpolation(_, l), let .name(_, l), let .array(_, l),
            let .dictionary(_, l), let .tuple(_, l), let .member(_, _, _, l), let .implicitMember(_, l),
            let .call(_, _, _, l), let .subscriptAccess(_, _, _, l), let .prefix(_, _, l),
            let .binary(_, _, _, l), let .assign(_, _, _, l), let .ternary(_, _, _, l),
            let .forceUnwrap(_, l), let .optionalChain(_, l), let .closure(_, l),
            let .operatorFunction(_, l), let .cast(_, _, _, l), let .discard(l):
            return l
        }
    }
}

/// A piece of an interpolated string.
enum InterpolationPart {
    case text(String)
    case value(Expr)
}

/// An argument as written: optional label, expression.
struct ExprArgument {
    let label: String?
    let value: Expr
}

/// The kind of a cast expression.
enum CastKind {
    case plain, optional, forced, check
}

/// A closure literal: its parameter names (or the number of `$n` it uses) and its body.
struct ClosureDecl {
    let parameters: [String]
    /// The declared parameter types (`{ (x: Double) in … }`), nil where none is written.
    var parameterTypes: [TypeSpec?] = []
    let body: [Stmt]
}

/// A function declaration.
struct FunctionDecl {
    let name: String
    let parameters: [ParameterDecl]
    let returnType: TypeSpec?
    let body: [Stmt]
    let location: Location
}

/// One parameter of a function: `label name: Type = default`.
struct ParameterDecl {
    /// The argument label, nil for `_`.
    let label: String?
    let name: String
    let type: TypeSpec?
    let defaultValue: Expr?
    let location: Location
}
