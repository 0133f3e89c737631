import Markup
/// Compiled code: an expression yields a value, a statement a flow.
typealias Code = (Frame) throws -> Value
typealias Block = (Frame) throws -> Flow

/// Turns the cell language's statements into closures over frames, resolving every name
/// to a slot once, so that running a cell never walks syntax or looks up names.
final class Compiler {
    let runtime: Runtime
    let builtins: Builtins
    var scope: Scope
    /// Names declared at the top level by the cell being compiled (a second declaration is an error).
    var cellNames: Set<String> = []
    var nextTargetID = 1

    init(runtime: Runtime, builtins: Builtins, globalScope: Scope) {
        self.runtime = runtime
        self.builtins = builtins
        self.scope = globalScope
    }

    /// Compiles a cell; the second code, when present, yields the value to display
    /// (the last statement, when it is an expression).
    func compileCell(_ statements: [Stmt]) throws -> (body: Block, last: Code?) {
        var body = statements
        var lastExpr: Expr?
        if case let .expression(expr)? = statements.last, expr.isDisplayable {
            body.removeLast()
            lastExpr = expr
        }
        let block = try self.statements(body, fullStatements: statements)
        let last = try lastExpr.map { try expression($0) }
        return (block, last)
    }

    // MARK: names

    /// Finds a variable, walking out through enclosing functions to the notebook's top level.
    func resolve(_ name: String) -> (Address, Scope.Variable)? {
        var current: Scope? = scope
        var depth = 0
        while let frameScope = current {
            if let variable = frameScope.lookupLocal(name) {
                if frameScope.isGlobal { return (.global(variable.slot), variable) }
                return (depth == 0 ? .local(variable.slot) : .outer(depth: depth, slot: variable.slot), variable)
            }
            current = frameScope.parent
            depth += 1
        }
        return nil
    }

    /// Declares a name in the current block; at the top level, a name from an earlier cell
    /// keeps its slot, so functions that use it see the new value.
    func declare(_ name: String, isLet: Bool, type: TypeSpec?, at location: Location) throws -> Address {
        if scope.blocks[scope.blocks.count - 1][name] != nil {
            let topLevel = scope.isGlobal && scope.blocks.count == 1
            if !topLevel || cellNames.contains(name) {
                throw location.error("invalid redeclaration of '\(name)'")
            }
        }
        if scope.isGlobal && scope.blocks.count == 1 {
            cellNames.insert(name)
            if let existing = scope.blocks[0][name] {
                scope.redeclare(name, slot: existing.slot, isLet: isLet, type: type)
                return .global(existing.slot)
            }
        }
        let slot = scope.declare(name, isLet: isLet, type: type)
        if scope.isGlobal {
            guard slot < Runtime.globalCapacity else {
                throw location.error("the notebook declares more than \(Runtime.globalCapacity) top-level names")
            }
            return .global(slot)
        }
        return .local(slot)
    }

    func unknownName(_ name: String, at location: Location) -> KernelError {
        // Anonymous closure arguments ($0) are never what a misspelt name meant.
        let candidates = (scope.visibleNames + builtins.names).filter { !$0.hasPrefix("$") }
        if let suggestion = Suggestion.closest(to: name, in: candidates) {
            return location.error("cannot find '\(name)' in scope; did you mean '\(suggestion)'?")
        }
        return location.error("cannot find '\(name)' in scope")
    }

    /// Code that reads a variable.
    func reader(_ address: Address) -> Code {
        switch address {
        case let .global(slot):
            let pointer = runtime.globals.slots + slot
            return { _ in pointer.pointee }
        case let .local(slot):
            return { frame in frame.slots[slot] }
        case let .outer(depth, slot):
            return { frame in try Compiler.frame(frame, up: depth).slots[slot] }
        }
    }

    /// The pointer to a variable's slot, found at run time.
    func pointer(_ address: Address) -> (Frame) throws -> UnsafeMutablePointer<Value> {
        switch address {
        case let .global(slot):
            let pointer = runtime.globals.slots + slot
            return { _ in pointer }
        case let .local(slot):
            return { frame in frame.slots + slot }
        case let .outer(depth, slot):
            return { frame in try Compiler.frame(frame, up: depth).slots + slot }
        }
    }

    static func frame(_ frame: Frame, up depth: Int) throws -> Frame {
        var current = frame
        for _ in 0..<depth {
            guard let parent = current.parent else { throw Failure("internal error: a captured variable's frame is gone") }
            current = parent
        }
        return current
    }

    // Scopes open and close by explicit calls rather than through a generic helper taking a
    // closure: compiled code returned through a generic is wrapped in reabstraction thunks,
    // one more call on every run of it.

    func openBlock() {
        scope.blocks.append([:])
    }

    func closeBlock() {
        scope.blocks.removeLast()
    }

    /// Statements in a block scope of their own.
    func block(_ list: [Stmt]) throws -> Block {
        openBlock()
        defer { closeBlock() }
        return try statements(list)
    }

    func openTarget(label: String?, id: Int, isLoop: Bool) {
        scope.targets.append(Scope.Target(label: label, id: id, isLoop: isLoop))
    }

    func closeTarget() {
        scope.targets.removeLast()
    }

    /// A loop body: its own block, with the loop as the target of `break` and `continue`.
    func loopBody(_ list: [Stmt], label: String?, id: Int) throws -> Block {
        openTarget(label: label, id: id, isLoop: true)
        defer { closeTarget() }
        return try block(list)
    }

    /// Runs `body` compiling into a new frame (a function or closure).
    func inFunction<T>(returnType: TypeSpec?, _ body: () throws -> T) rethrows -> (T, Scope) {
        let saved = scope
        let inner = Scope(parent: saved, isGlobal: false, isFunction: true, returnType: returnType)
        scope = inner
        defer { scope = saved }
        return (try body(), inner)
    }

    func newTargetID() -> Int {
        defer { nextTargetID += 1 }
        return nextTargetID
    }
}

/// An argument's label and compiled value (a struct, so arrays of them hold the closure as is).
struct ArgumentCode {
    let label: String?
    let code: Code
}

extension Expr {
    /// Whether a last statement made of this expression shows its value (assignments do not).
    var isDisplayable: Bool {
        switch self {
        case .assign, .discard: return false
        default: return true
        }
    }
}

/// Wraps code so that an unlocated `Failure` thrown inside gets `location`.
@inline(__always)
func located<T>(_ location: Location, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as Failure {
        throw location.error(failure.message)
    }
}
