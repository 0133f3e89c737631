extension Compiler {
    /// Compiles statements in the current block; functions are declared first, so a
    /// function can be called above its declaration (and two can call each other).
    func statements(_ list: [Stmt], fullStatements: [Stmt]? = nil) throws -> Block {
        var functions: [(Address, FunctionCode)] = []
        var pending: [String: FunctionCode] = [:]
        for case let .function(decl) in fullStatements ?? list {
            let address = try declare(decl.name, isLet: true, type: .function, at: decl.location)
            let code = FunctionCode(name: decl.name, parameters: [], returnType: decl.returnType, isClosure: false)
            functions.append((address, code))
            pending[decl.name] = code
        }
        var blocks: [BlockCode] = []
        if !functions.isEmpty {
            let stores = functions.map { (pointer($0.0), $0.1) }
            blocks.append(BlockCode { frame in
                for (pointer, code) in stores { try pointer(frame).pointee = .function(UserFunction(code: code, parent: frame)) }
                return .normal
            })
        }
        for statement in list {
            if case let .function(decl) = statement, let code = pending[decl.name] {
                try compileFunction(decl, into: code)
                continue
            }
            blocks.append(BlockCode(try self.statement(statement)))
        }
        return Compiler.sequence(blocks[...])
    }

    /// Runs blocks one after another, stopping at a break, continue or return. A balanced
    /// tree of pairs keeps the native recursion shallow for long blocks.
    static func sequence(_ blocks: ArraySlice<BlockCode>) -> Block {
        switch blocks.count {
        case 0: return { _ in .normal }
        case 1: return blocks[blocks.startIndex].run
        default:
            let middle = blocks.startIndex + blocks.count / 2
            let first = sequence(blocks[..<middle]), second = sequence(blocks[middle...])
            return { frame in
                let flow = try first(frame)
                if case .normal = flow { return try second(frame) }
                return flow
            }
        }
    }

    func statement(_ statement: Stmt) throws -> Block {
        switch statement {
        case let .expression(expr):
            // A figure the statement makes and drops is shown (`plot(xs)` on a line of its own).
            let code = try expression(expr)
            let runtime = self.runtime
            return { frame in
                let value = try code(frame)
                switch value.tag {
                case .object, .array:
                    if let figure = FigureObject.dropped(value) { runtime.emit(.display(figure)) }
                default:
                    break
                }
                return .normal
            }
        case let .variable(isLet, pattern, type, value, location):
            return try variable(isLet: isLet, pattern, type, value, location)
        case let .function(decl):
            let code = FunctionCode(name: decl.name, parameters: [], returnType: decl.returnType, isClosure: false)
            let store = pointer(try declare(decl.name, isLet: true, type: .function, at: decl.location))
            try compileFunction(decl, into: code)
            return { frame in
                try store(frame).pointee = .function(UserFunction(code: code, parent: frame))
                return .normal
            }
        case let .ifStatement(conditions, then, otherwise, _):
            openBlock()
            let test: (Frame) throws -> Bool, body: Block
            do {
                defer { closeBlock() }
                test = try self.conditions(conditions)
                body = try block(then)
            }
            guard let otherwise else {
                return { frame in try test(frame) ? try body(frame) : .normal }
            }
            let elseBody = try block(otherwise)
            return { frame in try test(frame) ? try body(frame) : try elseBody(frame) }
        case let .guardStatement(conditions, body, location):
            let test = try self.conditions(conditions)
            let elseBody = try block(body)
            guard let last = body.last, last.exitsScope else {
                throw location.error("'guard' body must not fall through, consider using a 'return' or 'break' to exit the scope")
            }
            return { frame in
                if try test(frame) { return .normal }
                return try elseBody(frame)
            }
        case let .forIn(label, pattern, sequence, whereClause, body, location):
            return try forIn(label: label, pattern, sequence, whereClause, body, location)
        case let .whileLoop(label, conditions, body, location):
            let id = newTargetID()
            openBlock()
            let test: (Frame) throws -> Bool, loopBody: Block
            do {
                defer { closeBlock() }
                test = try self.conditions(conditions)
                loopBody = try self.loopBody(body, label: label, id: id)
            }
            let runtime = self.runtime
            return { frame in
                while try test(frame) {
                    try located(location) { try runtime.spend(1) }
                    switch try loopBody(frame) {
                    case .normal: continue
                    case let .breaking(target): if target == id { return .normal } else { return .breaking(target) }
                    case let .continuing(target): if target == id { continue } else { return .continuing(target) }
                    case let .returning(value): return .returning(value)
                    }
                }
                return .normal
            }
        case let .repeatWhile(label, body, condition, location):
            let id = newTargetID()
            let loopBody = try self.loopBody(body, label: label, id: id)
            let test = try self.condition(condition)
            let runtime = self.runtime
            return { frame in
                repeat {
                    try located(location) { try runtime.spend(1) }
                    switch try loopBody(frame) {
                    case .normal: break
                    case let .breaking(target): if target == id { return .normal } else { return .breaking(target) }
                    case let .continuing(target): if target != id { return .continuing(target) }
                    case let .returning(value): return .returning(value)
                    }
                } while try test(frame)
                return .normal
            }
        case let .switchStatement(label, subject, cases, location):
            return try switchStatement(label: label, subject, cases, location)
        case let .breakStatement(label, location):
            let target = try findTarget(label, isContinue: false, location)
            return { _ in .breaking(target) }
        case let .continueStatement(label, location):
            let target = try findTarget(label, isContinue: true, location)
            return { _ in .continuing(target) }
        case let .returnStatement(value, location):
            guard scope.isFunction else { throw location.error("return invalid outside of a func") }
            guard let value else { return { _ in .returning(.void) } }
            let code = try expression(value)
            return { frame in .returning(try code(frame)) }
        case let .block(list, _):
            return try block(list)
        case let .sequence(list):
            return Compiler.sequence(try list.map { BlockCode(try self.statement($0)) }[...])
        }
    }

    func findTarget(_ label: String?, isContinue: Bool, _ location: Location) throws -> Int {
        for target in scope.targets.reversed() {
            if let label {
                if target.label == label {
                    if isContinue && !target.isLoop { throw location.error("'continue' cannot be used with a switch label") }
                    return target.id
                }
            } else if target.isLoop || !isContinue {
                return target.id
            }
        }
        if let label { throw location.error("cannot find label '\(label)' in scope") }
        throw location.error(isContinue
            ? "'continue' is only allowed inside a loop"
            : "'break' is only allowed inside a loop, if, do, or switch")
    }

    func variable(isLet: Bool, _ pattern: Pattern, _ type: TypeSpec?, _ value: Expr?, _ location: Location) throws -> Block {
        guard let value else {
            for name in pattern.boundNames { _ = try declare(name, isLet: false, type: type, at: location) }
            return { _ in .normal }
        }
        var code = try expression(value)
        if let type {
            let plain = code
            code = { frame in
                let value = try plain(frame)
                return try located(location) { try Coercion.convert(value, to: type, context: "specified") }
            }
        }
        if case let .bind(name, nameLocation) = pattern {
            let address = try declare(name, isLet: isLet, type: type, at: nameLocation)
            if case let .global(slot) = address {
                let target = runtime.globals.slots + slot
                return { frame in
                    target.pointee = try code(frame)
                    return .normal
                }
            }
            let target = pointer(address)
            return { frame in
                let value = try code(frame)
                try target(frame).pointee = value
                return .normal
            }
        }
        let bind = try binder(pattern, isLet: isLet, location)
        return { frame in
            try bind(frame, try code(frame))
            return .normal
        }
    }

    /// Code that binds the names of a pattern to the parts of a value (`let (a, b) = pair`).
    func binder(_ pattern: Pattern, isLet: Bool, _ location: Location) throws -> (Frame, Value) throws -> Void {
        switch pattern {
        case let .bind(name, nameLocation):
            let target = pointer(try declare(name, isLet: isLet, type: nil, at: nameLocation))
            return { frame, value in try target(frame).pointee = value }
        case .wildcard:
            return { _, _ in }
        case let .tuple(items):
            let binders = try items.map { try binder($0, isLet: isLet, location) }
            return { frame, value in
                guard case let .tuple(tuple) = value, tuple.items.count == binders.count else {
                    throw location.error("cannot destructure a value of type '\(value.typeName)' into \(binders.count) names")
                }
                for (bind, item) in zip(binders, tuple.items) { try bind(frame, item) }
            }
        case .value, .binding, .interval:
            throw location.error("this pattern is not supported here")
        }
    }

    func compileFunction(_ decl: FunctionDecl, into code: FunctionCode) throws {
        let (_, inner) = try inFunction(returnType: decl.returnType) {
            var parameters: [FunctionCode.Parameter] = []
            for parameter in decl.parameters {
                let defaultValue = try parameter.defaultValue.map { try expression($0) }
                parameters.append(FunctionCode.Parameter(
                    label: parameter.label, name: parameter.name, type: parameter.type, defaultValue: defaultValue))
            }
            for parameter in decl.parameters {
                _ = try declare(parameter.name, isLet: true, type: parameter.type, at: parameter.location)
            }
            code.parameters = parameters
            code.body = try functionBody(decl.body, returnsValue: decl.returnType != nil)
        }
        code.frameSize = inner.slotCount
    }

    /// A body; a single expression is its own return value (Swift's implicit return).
    func functionBody(_ body: [Stmt], returnsValue: Bool) throws -> Block {
        if returnsValue, body.count == 1, case let .expression(expr) = body[0] {
            let code = try expression(expr)
            return { frame in .returning(try code(frame)) }
        }
        return try statements(body)
    }

    /// Conditions of `if`, `guard`, `while`, all of which must hold (bindings declared in the current block).
    func conditions(_ list: [Condition]) throws -> (Frame) throws -> Bool {
        let tests = try list.map { condition -> (Frame) throws -> Bool in
            switch condition {
            case let .expression(expr):
                return try self.condition(expr)
            case let .optionalBinding(isLet, pattern, value, location):
                let code = try expression(value)
                let bind = try binder(pattern, isLet: isLet, location)
                return { frame in
                    let value = try code(frame)
                    if case .none = value { return false }
                    try bind(frame, value)
                    return true
                }
            case let .matching(pattern, value, _):
                let code = try expression(value)
                let match = try matcher(pattern)
                return { frame in try match(frame, try code(frame)) }
            }
        }
        if tests.count == 1 { return tests[0] }
        return { frame in
            for test in tests where try !test(frame) { return false }
            return true
        }
    }

    /// A Bool expression.
    func condition(_ expr: Expr) throws -> (Frame) throws -> Bool {
        let code = try expression(expr)
        let location = expr.location
        return { frame in
            let value = try code(frame)
            if case let .bool(result) = value { return result }
            throw location.error("type '\(value.typeName)' cannot be used as a boolean; test for '!= 0' instead")
        }
    }
}

/// A compiled statement kept in an array: a struct field holds the closure as it is, where
/// an array of bare closures would store (and call) it through a reabstraction thunk.
struct BlockCode {
    let run: Block

    init(_ run: @escaping Block) {
        self.run = run
    }
}

extension Stmt {
    /// Whether the statement leaves the enclosing scope (what a `guard` body must end with).
    var exitsScope: Bool {
        switch self {
        case .returnStatement, .breakStatement, .continueStatement: return true
        case let .block(list, _): return list.last?.exitsScope ?? false
        case let .ifStatement(_, then, otherwise?, _):
            return (then.last?.exitsScope ?? false) && (otherwise.last?.exitsScope ?? false)
        default: return false
        }
    }
}
