extension Compiler {
    func expression(_ expr: Expr) throws -> Code {
        switch expr {
        case let .literal(value, _):
            return { _ in value }
        case let .interpolation(parts, location):
            let pieces: [Code] = try parts.map { part in
                switch part {
                case let .text(text): return { _ in .string(text) }
                case let .value(expr): return try expression(expr)
                }
            }
            return { frame in
                var text = BoundedText()
                for piece in pieces {
                    let value = try piece(frame)
                    try located(location) { try text.append(try value.described()) }
                }
                return .string(text.text)
            }
        case let .name(name, location):
            if let (address, _) = resolve(name) { return reader(address) }
            if let value = builtins.value(name) { return { _ in value } }
            throw unknownName(name, at: location)
        case let .array(items, location):
            let codes = try items.map { ExprCode(code: try expression($0)) }
            return { frame in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for item in codes { values.append(try item.code(frame)) }
                return try located(location) { try Value.nested(Compiler.promoted(values)) }
            }
        case let .dictionary(pairs, location):
            let codes = try pairs.map { (try expression($0.key), try expression($0.value)) }
            return { frame in
                let box = DictionaryBox()
                for (key, value) in codes {
                    let keyValue = try key(frame)
                    guard keyValue.isHashableKey else {
                        throw location.error("a dictionary key must be a number, string, Bool or tuple of them, not '\(keyValue.typeName)'")
                    }
                    box.set(keyValue, try value(frame))
                }
                let result = Value.dictionary(box)
                try located(location) { try result.extent.check() }
                return result
            }
        case let .tuple(items, location):
            let codes = try items.map { try expression($0.value) }
            let labels = items.map(\.label)
            return { frame in
                let result = Value.tuple(Tuple(try codes.map { try $0(frame) }, labels: labels))
                try located(location) { try result.extent.check() }
                return result
            }
        case let .member(base, name, optional, location):
            if case let .name(typeName, _) = base, resolve(typeName) == nil, builtins.value(typeName) == nil, typeName.first?.isUppercase == true {
                throw unknownName(typeName, at: base.location)
            }
            let baseCode = try expression(base)
            let runtime = self.runtime
            return { frame in
                let value = try baseCode(frame)
                if optional, case .none = value { return .none }
                return try located(location) { try Members.get(value, name, runtime) }
            }
        case let .implicitMember(name, _):
            let member = Value.member(ImplicitMember(name: name, arguments: nil))
            return { _ in member }
        case let .call(callee, arguments, optional, location):
            return try call(callee, arguments, optional: optional, location)
        case let .subscriptAccess(base, arguments, optional, location):
            let baseCode = try expression(base)
            let argumentCodes = try self.arguments(arguments)
            let runtime = self.runtime
            return { frame in
                let value = try baseCode(frame)
                if optional, case .none = value { return .none }
                let keys = try Compiler.evaluate(argumentCodes, frame)
                return try located(location) { try Subscripts.get(value, keys, runtime) }
            }
        case let .prefix(op, operand, location):
            let code = try expression(operand)
            return { frame in
                let value = try code(frame)
                return try located(location) { try Operators.prefix(op, value) }
            }
        case let .binary(op, left, right, location):
            return try binary(op, left, right, location)
        case let .assign(op, target, value, location):
            return try assignment(op, target, value, location)
        case let .ternary(condition, then, otherwise, _):
            let test = try self.condition(condition)
            let thenCode = try expression(then), elseCode = try expression(otherwise)
            return { frame in try test(frame) ? try thenCode(frame) : try elseCode(frame) }
        case let .forceUnwrap(operand, location):
            let code = try expression(operand)
            return { frame in
                let value = try code(frame)
                if case .none = value { throw location.error("unexpectedly found nil while unwrapping an Optional value") }
                return value
            }
        case let .optionalChain(operand, _):
            return try expression(operand)
        case let .closure(decl, location):
            return try closure(decl, location)
        case let .operatorFunction(op, location):
            let function = Value.function(Builtin(op) { arguments, runtime in
                guard arguments.count == 2 else { throw Failure("the operator '\(op)' takes two arguments") }
                return try Operators.binary(op, arguments[0].value, arguments[1].value, runtime)
            })
            guard ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "&+", "&*"].contains(op) else {
                throw location.error("the operator '\(op)' cannot be used as a function in cells")
            }
            return { _ in function }
        case let .cast(operand, type, kind, location):
            let code = try expression(operand)
            return { frame in
                let value = try code(frame)
                let converted = Coercion.converted(value, to: type)
                switch kind {
                case .check: return .bool(converted != nil && Compiler.isExactly(value, type))
                case .optional: return Compiler.isExactly(value, type) ? value : .none
                case .plain, .forced:
                    if let converted { return converted }
                    throw location.error("cannot convert value of type '\(value.typeName)' to type '\(type.written)'")
                }
            }
        case let .discard(location):
            throw location.error("'_' can only appear in a pattern or on the left side of an assignment")
        }
    }

    /// Compiled code kept in an array, wrapped in a struct so it is called without a thunk.
    struct ExprCode {
        let code: Code
    }

    /// `as?` and `is` compare the runtime type without converting (an Int is not a Double).
    static func isExactly(_ value: Value, _ type: TypeSpec) -> Bool {
        switch (type, value) {
        case (.int, .int), (.double, .double), (.bool, .bool), (.string, .string): return true
        case (.int, _), (.double, _), (.bool, _), (.string, _): return false
        default: return Coercion.converted(value, to: type) != nil
        }
    }

    /// An array literal mixing Int and Double is a [Double], as in Swift.
    static func promoted(_ values: [Value]) -> [Value] {
        var sawDouble = false, sawInt = false
        for value in values {
            switch value {
            case .double: sawDouble = true
            case .int: sawInt = true
            default: return values
            }
        }
        guard sawDouble && sawInt else { return values }
        return values.map { if case let .int(number) = $0 { return .double(Double(number)) } else { return $0 } }
    }

    func arguments(_ arguments: [ExprArgument]) throws -> [ArgumentCode] {
        try arguments.map { ArgumentCode(label: $0.label, code: try expression($0.value)) }
    }

    static func evaluate(_ codes: [ArgumentCode], _ frame: Frame) throws -> [Argument] {
        var result: [Argument] = []
        result.reserveCapacity(codes.count)
        for argument in codes { result.append(Argument(label: argument.label, value: try argument.code(frame))) }
        return result
    }

    func closure(_ decl: ClosureDecl, _ location: Location) throws -> Code {
        let code = FunctionCode(
            name: "closure",
            parameters: decl.parameters.enumerated().map { index, name in
                FunctionCode.Parameter(
                    label: nil, name: name, type: index < decl.parameterTypes.count ? decl.parameterTypes[index] : nil, defaultValue: nil)
            },
            returnType: nil, isClosure: true)
        let (_, inner) = try inFunction(returnType: nil) {
            for name in decl.parameters { _ = try declare(name, isLet: true, type: nil, at: location) }
            if decl.body.count == 1, case let .expression(expr) = decl.body[0] {
                let body = try expression(expr)
                code.body = { frame in .returning(try body(frame)) }
            } else {
                code.body = try statements(decl.body)
            }
        }
        code.frameSize = inner.slotCount
        return { frame in .function(UserFunction(code: code, parent: frame)) }
    }

    func binary(_ op: String, _ left: Expr, _ right: Expr, _ location: Location) throws -> Code {
        let runtime = self.runtime
        if op == "&&" || op == "||" {
            let test = try condition(left), other = try condition(right)
            if op == "&&" { return { frame in .bool(try test(frame) && other(frame)) } }
            return { frame in .bool(try test(frame) || other(frame)) }
        }
        let a = try expression(left), b = try expression(right)
        let oa = operand(left, a), ob = operand(right, b)
        switch op {
        case "??":
            return { frame in
                let value = try a(frame)
                if case .none = value { return try b(frame) }
                return value
            }
        case "+":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y {
                    let (sum, overflow) = i.addingReportingOverflow(j)
                    if !overflow { return .int(sum) }
                }
                if case let .double(i) = x, case let .double(j) = y { return .double(i + j) }
                return try located(location) { try Operators.add(x, y, runtime) }
            }
        case "-":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y {
                    let (difference, overflow) = i.subtractingReportingOverflow(j)
                    if !overflow { return .int(difference) }
                }
                if case let .double(i) = x, case let .double(j) = y { return .double(i - j) }
                return try located(location) { try Operators.arithmetic("-", x, y) }
            }
        case "*":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y {
                    let (product, overflow) = i.multipliedReportingOverflow(by: j)
                    if !overflow { return .int(product) }
                }
                if case let .double(i) = x, case let .double(j) = y { return .double(i * j) }
                return try located(location) { try Operators.arithmetic("*", x, y) }
            }
        case "/":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y, j != 0, !(i == .min && j == -1) { return .int(i / j) }
                if case let .double(i) = x, case let .double(j) = y { return .double(i / j) }
                return try located(location) { try Operators.arithmetic("/", x, y) }
            }
        case "%":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y, j != 0, !(i == .min && j == -1) { return .int(i % j) }
                return try located(location) { try Operators.arithmetic("%", x, y) }
            }
        case "<", ">", "<=", ">=":
            let test: (Int, Int) -> Bool
            let real: (Double, Double) -> Bool
            switch op {
            case "<": (test, real) = ({ $0 < $1 }, { $0 < $1 })
            case ">": (test, real) = ({ $0 > $1 }, { $0 > $1 })
            case "<=": (test, real) = ({ $0 <= $1 }, { $0 <= $1 })
            default: (test, real) = ({ $0 >= $1 }, { $0 >= $1 })
            }
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y { return .bool(test(i, j)) }
                if case let .double(i) = x, case let .double(j) = y { return .bool(real(i, j)) }
                return try located(location) { .bool(try Operators.compare(op, x, y)) }
            }
        case "!=":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y { return .bool(i != j) }
                return .bool(x != y)
            }
        case "==":
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                if case let .int(i) = x, case let .int(j) = y { return .bool(i == j) }
                return .bool(x == y)
            }
        default:
            return { frame in
                let x = try Compiler.fetch(oa, frame), y = try Compiler.fetch(ob, frame)
                return try located(location) { try Operators.binary(op, x, y, runtime) }
            }
        }
    }

    /// Where an operand comes from: operands that are literals or variables are read in place
    /// instead of through a closure call of their own.
    enum Operand {
        case constant(Value)
        case global(UnsafeMutablePointer<Value>)
        case local(Int)
        case code(Code)
    }

    func operand(_ expr: Expr, _ code: @escaping Code) -> Operand {
        switch expr {
        case let .literal(value, _):
            return .constant(value)
        case let .name(name, _):
            switch resolve(name)?.0 {
            case let .global(slot)?: return .global(runtime.globals.slots + slot)
            case let .local(slot)?: return .local(slot)
            default: return .code(code)
            }
        default:
            return .code(code)
        }
    }

    @inline(__always)
    static func fetch(_ operand: Operand, _ frame: Frame) throws -> Value {
        switch operand {
        case let .constant(value): return value
        case let .global(pointer): return pointer.pointee
        case let .local(slot): return frame.slots[slot]
        case let .code(code): return try code(frame)
        }
    }
}
