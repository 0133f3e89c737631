/// Code that changes a stored value in place: `body` receives the value itself, so an
/// array held by a variable is appended to without being copied.
typealias Modify = (Frame, (inout Value) throws -> Void) throws -> Void

extension Compiler {
    func assignment(_ op: String?, _ target: Expr, _ value: Expr, _ location: Location) throws -> Code {
        let valueCode = try expression(value)
        let runtime = self.runtime
        switch target {
        case .discard:
            return { frame in
                _ = try valueCode(frame)
                return .void
            }
        case let .name(name, nameLocation):
            guard let (address, variable) = resolve(name) else { throw unknownName(name, at: nameLocation) }
            if variable.isLet {
                throw nameLocation.error("cannot assign to value: '\(name)' is a 'let' constant")
            }
            let target = pointer(address)
            if let op {
                if op == "+" {
                    return { frame in
                        let right = try valueCode(frame)
                        let slot = try target(frame)
                        if case let .int(i) = slot.pointee, case let .int(j) = right {
                            let (sum, overflow) = i.addingReportingOverflow(j)
                            if !overflow {
                                slot.pointee = .int(sum)
                                return .void
                            }
                        }
                        try located(location) { try Operators.compound(op, &slot.pointee, right, runtime) }
                        return .void
                    }
                }
                return { frame in
                    let right = try valueCode(frame)
                    let slot = try target(frame)
                    try located(location) { try Operators.compound(op, &slot.pointee, right, runtime) }
                    return .void
                }
            }
            if let type = variable.type, type != .function {
                return { frame in
                    let value = try valueCode(frame)
                    try target(frame).pointee = try located(location) { try Coercion.convert(value, to: type, context: "specified") }
                    return .void
                }
            }
            if case let .global(slot) = address {
                let pointer = runtime.globals.slots + slot
                return { frame in
                    pointer.pointee = try valueCode(frame)
                    return .void
                }
            }
            return { frame in
                let value = try valueCode(frame)
                try target(frame).pointee = value
                return .void
            }
        case let .tuple(items, tupleLocation):
            guard op == nil else { throw location.error("compound assignment to a tuple is not supported in cells") }
            let setters = try items.map { item -> (Frame, Value) throws -> Void in
                guard case let .name(name, nameLocation) = item.value else {
                    throw item.value.location.error("only names can be assigned in a tuple assignment")
                }
                guard let (address, variable) = resolve(name) else { throw unknownName(name, at: nameLocation) }
                if variable.isLet { throw nameLocation.error("cannot assign to value: '\(name)' is a 'let' constant") }
                let target = pointer(address)
                return { frame, value in try target(frame).pointee = value }
            }
            return { frame in
                let value = try valueCode(frame)
                guard case let .tuple(tuple) = value, tuple.items.count == setters.count else {
                    throw tupleLocation.error("cannot assign a value of type '\(value.typeName)' to a tuple of \(setters.count) names")
                }
                for (set, item) in zip(setters, tuple.items) { try set(frame, item) }
                return .void
            }
        case .subscriptAccess, .member:
            let modify = try place(target)
            return { frame in
                let value = try valueCode(frame)
                try modify(frame) { stored in
                    if let op {
                        try located(location) { try Operators.compound(op, &stored, value, runtime) }
                    } else {
                        stored = value
                    }
                }
                return .void
            }
        default:
            throw target.location.error("cannot assign to this expression")
        }
    }

    /// A stored place: a variable, an element of one (`xs[i]`, `d[k]`, `net["w5"]`), or a property.
    func place(_ expr: Expr) throws -> Modify {
        switch expr {
        case let .name(name, location):
            guard let (address, variable) = resolve(name) else { throw unknownName(name, at: location) }
            let target = pointer(address)
            if variable.isLet {
                // A constant holding an engine object (a reference) may still be changed through it.
                return { frame, body in
                    let slot = try target(frame)
                    guard case .object = slot.pointee else {
                        throw location.error("cannot assign through subscript: '\(name)' is a 'let' constant")
                    }
                    var copy = slot.pointee
                    try body(&copy)
                }
            }
            if case let .global(slot) = address {
                let pointer = runtime.globals.slots + slot
                return { _, body in try body(&pointer.pointee) }
            }
            if case let .local(slot) = address {
                return { frame, body in try body(&frame.slots[slot]) }
            }
            return { frame, body in
                let slot = try target(frame)
                try body(&slot.pointee)
            }
        case let .subscriptAccess(base, arguments, _, location):
            let baseModify = try place(base)
            let keyCodes = try self.arguments(arguments)
            let runtime = self.runtime
            return { frame, body in
                let keys = try Compiler.evaluate(keyCodes, frame)
                try baseModify(frame) { container in
                    try located(location) { try Subscripts.modify(&container, keys, runtime, body) }
                }
            }
        case let .member(base, name, _, location):
            let baseModify = try place(base)
            let runtime = self.runtime
            return { frame, body in
                try baseModify(frame) { container in
                    try located(location) { try Members.modify(&container, name, runtime, body) }
                }
            }
        case let .forceUnwrap(inner, _), let .optionalChain(inner, _):
            return try place(inner)
        default:
            throw expr.location.error("cannot assign to this expression")
        }
    }
}
