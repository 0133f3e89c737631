extension Compiler {
    /// Methods that change the value they are called on (so the receiver must be a `var`).
    static let mutatingMethods: Set<String> = [
        "append", "insert", "remove", "removeLast", "removeFirst", "removeAll", "popLast", "sort",
        "reverse", "removeValue", "updateValue", "swapAt",
    ]

    func call(_ callee: Expr, _ arguments: [ExprArgument], optional: Bool, _ location: Location) throws -> Code {
        var arguments = arguments
        // `xs.sorted { … }` is `xs.sorted(by: { … })`: the trailing closure takes the label it stands for.
        if case let .member(_, name, _, _) = callee, let label = Methods.trailingLabels[name], let last = arguments.last,
            last.label == nil, case .closure = last.value {
            arguments[arguments.count - 1] = ExprArgument(label: label, value: last.value)
        }
        let argumentCodes = try self.arguments(arguments)
        let runtime = self.runtime
        switch callee {
        case let .implicitMember(name, _):
            return { frame in
                .member(ImplicitMember(name: name, arguments: try Compiler.evaluate(argumentCodes, frame)))
            }
        case let .member(base, name, baseOptional, memberLocation):
            if Compiler.mutatingMethods.contains(name), base.isPlace {
                if case let .name(rootName, rootLocation) = base.root, let (_, variable) = resolve(rootName), variable.isLet,
                    case .name = base {
                    throw rootLocation.error("cannot use mutating member on immutable value: '\(rootName)' is a 'let' constant")
                }
                let modify = try place(base)
                if name == "append", argumentCodes.count == 1, argumentCodes[0].label == nil {
                    let element = argumentCodes[0].code
                    return { frame in
                        let value = try element(frame)
                        try modify(frame) { receiver in
                            if receiver.tag == .array, Methods.appendInPlace(value, to: &receiver, limit: runtime.limits.tensorElements) {
                                return
                            } else {
                                _ = try located(memberLocation) { try Methods.call(&receiver, name, [Argument(label: nil, value: value)], runtime) }
                            }
                        }
                        return .void
                    }
                }
                let read = try expression(base)
                return { frame in
                    let values = try Compiler.evaluate(argumentCodes, frame)
                    var result = Value.void
                    // Cell code must never run while a variable is open for change: the
                    // closure of `a.sort { … }` may assign `a` itself, freeing the storage the
                    // method works on. A method given a function works on a copy; the
                    // result is stored after the last closure call (the closure's own
                    // changes to the variable are overwritten, as one write wins in Swift).
                    if values.contains(where: \.value.isFunction) {
                        var copy = try read(frame)
                        result = try located(memberLocation) { try Methods.call(&copy, name, values, runtime) }
                        try modify(frame) { receiver in receiver = copy }
                        return result
                    }
                    try modify(frame) { receiver in
                        result = try located(memberLocation) { try Methods.call(&receiver, name, values, runtime) }
                    }
                    return result
                }
            }
            if case let .name(typeName, _) = base, resolve(typeName) == nil, builtins.value(typeName) == nil, typeName.first?.isUppercase == true {
                throw unknownName(typeName, at: base.location)
            }
            let baseCode = try expression(base)
            return { frame in
                var receiver = try baseCode(frame)
                if baseOptional, case .none = receiver { return .none }
                let values = try Compiler.evaluate(argumentCodes, frame)
                return try located(memberLocation) { try Methods.call(&receiver, name, values, runtime) }
            }
        case let .name(name, nameLocation):
            if resolve(name) == nil, builtins.value(name) == nil {
                throw unknownName(name, at: nameLocation)
            }
            if resolve(name) == nil, let special = try builtins.specialCall(name, arguments, location, compiler: self) {
                return special
            }
        default:
            break
        }
        let calleeCode = try expression(callee)
        return { frame in
            let function = try calleeCode(frame)
            if optional, case .none = function { return .none }
            let values = try Compiler.evaluate(argumentCodes, frame)
            return try located(location) { try Compiler.invoke(function, values, runtime) }
        }
    }

    /// Calls a function value (or a callable object such as a type: `Double(x)`).
    static func invoke(_ function: Value, _ arguments: [Argument], _ runtime: Runtime) throws -> Value {
        switch function {
        case let .function(callable):
            return try callable.call(arguments, runtime)
        case let .object(object):
            if let result = try object.callAsFunction(arguments, runtime) { return result }
            throw Failure("cannot call value of type '\(object.typeName)'")
        default:
            throw Failure("cannot call value of non-function type '\(function.typeName)'")
        }
    }
}

extension Expr {
    /// Whether the expression names stored storage (`xs`, `xs[i]`, `d[k]`, `t.x`).
    var isPlace: Bool {
        switch self {
        case .name: return true
        case let .subscriptAccess(base, _, _, _), let .member(base, _, _, _), let .forceUnwrap(base, _): return base.isPlace
        default: return false
        }
    }

    /// The variable at the bottom of a place.
    var root: Expr {
        switch self {
        case let .subscriptAccess(base, _, _, _), let .member(base, _, _, _), let .forceUnwrap(base, _): return base.root
        default: return self
        }
    }
}
