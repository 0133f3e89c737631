extension Compiler {
    /// What a loop does after its body: go on, or leave with a flow.
    enum LoopStep {
        case next
        case exit(Flow)
    }

    @inline(__always)
    static func step(after flow: Flow, loop id: Int) -> LoopStep {
        switch flow {
        case .normal: return .next
        case let .breaking(target): return .exit(target == id ? .normal : flow)
        case let .continuing(target): return target == id ? .next : .exit(flow)
        case .returning: return .exit(flow)
        }
    }

    func forIn(label: String?, _ pattern: Pattern, _ sequence: Expr, _ whereClause: Expr?, _ body: [Stmt], _ location: Location) throws -> Block {
        let id = newTargetID()
        // A literal range runs without making a range value.
        if case let .binary(op, lowerExpr, upperExpr, rangeLocation) = sequence, op == "..<" || op == "..." {
            let lower = try expression(lowerExpr), upper = try expression(upperExpr)
            openBlock()
            let bind: (Frame, Int) throws -> Void, test: ((Frame) throws -> Bool)?, loopBody: Block
            var direct: UnsafeMutablePointer<Value>?
            do {
                defer { closeBlock() }
                (bind, direct) = try rangeBinder(pattern, location)
                test = try whereClause.map { try condition($0) }
                loopBody = try self.loopBody(body, label: label, id: id)
            }
            let budget = runtime.budget, message = runtime.budgetMessage
            let closed = op == "..."
            let directSlot = direct
            return { frame in
                let direct = directSlot
                let low = try lower(frame), high = try upper(frame)
                guard case let .int(first) = low, case let .int(last) = high else {
                    _ = try located(rangeLocation) { try Operators.range(op, low, high) }
                    return .normal
                }
                guard first <= last else {
                    throw rangeLocation.error("range requires lowerBound <= upperBound, got \(first)\(op)\(last)")
                }
                if !closed && first == last { return .normal }
                var index = first
                let end = closed ? last : last - 1
                while true {
                    budget.pointee &-= 1
                    if budget.pointee < 0 { throw location.error(message) }
                    if let direct { direct.pointee = .int(index) } else { try bind(frame, index) }
                    if try test?(frame) ?? true {
                        if case let .exit(flow) = Compiler.step(after: try loopBody(frame), loop: id) { return flow }
                    }
                    if index == end { return .normal }
                    index &+= 1
                }
            }
        }
        let sequenceCode = try expression(sequence)
        openBlock()
        let bind: (Frame, Value) throws -> Void, test: ((Frame) throws -> Bool)?, loopBody: Block
        do {
            defer { closeBlock() }
            bind = try binder(pattern, isLet: true, location)
            test = try whereClause.map { try condition($0) }
            loopBody = try self.loopBody(body, label: label, id: id)
        }
        let runtime = self.runtime
        let sequenceLocation = sequence.location
        return { frame in
            let value = try sequenceCode(frame)
            let elements = try located(sequenceLocation) { try Sequences.elements(of: value) }
            var index = 0
            while let element = elements(index) {
                index += 1
                try located(location) { try runtime.spend(1) }
                try bind(frame, element)
                if try test?(frame) ?? true {
                    if case let .exit(flow) = Compiler.step(after: try loopBody(frame), loop: id) { return flow }
                }
            }
            return .normal
        }
    }

    /// Stores a range's Int into the loop variable (or destructuring fails clearly); for a
    /// top-level loop variable, also the slot itself, which the loop writes directly.
    func rangeBinder(_ pattern: Pattern, _ location: Location) throws -> ((Frame, Int) throws -> Void, UnsafeMutablePointer<Value>?) {
        if case let .bind(name, nameLocation) = pattern {
            let address = try declare(name, isLet: true, type: .int, at: nameLocation)
            switch address {
            case let .global(slot):
                let target = runtime.globals.slots + slot
                return ({ _, index in target.pointee = .int(index) }, target)
            case let .local(slot):
                return ({ frame, index in frame.slots[slot] = .int(index) }, nil)
            case .outer:
                let target = pointer(address)
                return ({ frame, index in try target(frame).pointee = .int(index) }, nil)
            }
        }
        let bind = try binder(pattern, isLet: true, location)
        return ({ frame, index in try bind(frame, .int(index)) }, nil)
    }

    func switchStatement(label: String?, _ subject: Expr, _ cases: [SwitchCase], _ location: Location) throws -> Block {
        let subjectCode = try expression(subject)
        let id = newTargetID()
        let hasDefault = cases.contains { switchCase in
            switchCase.items.isEmpty || switchCase.items.contains { $0.guardExpr == nil && $0.pattern.matchesEverything }
        }
        let boolCases = cases.flatMap(\.items).compactMap { item -> Bool? in
            if case let .value(.literal(.bool(value), _)) = item.pattern, item.guardExpr == nil { return value }
            return nil
        }
        guard hasDefault || Set(boolCases).count == 2 else {
            throw location.error("switch must be exhaustive; add a default clause")
        }
        struct Compiled {
            let tests: [(Frame, Value) throws -> Bool]
            let body: Block
        }
        openTarget(label: label, id: id, isLoop: false)
        defer { closeTarget() }
        let compiled: [Compiled] = try cases.map { switchCase in
            guard !switchCase.body.isEmpty else {
                throw switchCase.location.error("'case' label in a 'switch' must have at least one executable statement")
            }
            openBlock()
            defer { closeBlock() }
            let tests = try switchCase.items.map { item -> (Frame, Value) throws -> Bool in
                let match = try matcher(item.pattern)
                guard let guardExpr = item.guardExpr else { return match }
                let test = try condition(guardExpr)
                return { frame, value in try match(frame, value) && test(frame) }
            }
            return Compiled(tests: tests.isEmpty ? [{ _, _ in true }] : tests, body: try block(switchCase.body))
        }
        return { frame in
            let value = try subjectCode(frame)
            for item in compiled {
                for test in item.tests where try test(frame, value) {
                    let flow = try item.body(frame)
                    if case let .breaking(target) = flow, target == id { return .normal }
                    return flow
                }
            }
            throw location.error("no case of the switch matched \(value.debugText)")
        }
    }

    /// Code that tests a case pattern against a value, binding its `let` names.
    func matcher(_ pattern: Pattern) throws -> (Frame, Value) throws -> Bool {
        switch pattern {
        case .wildcard:
            return { _, _ in true }
        case let .bind(name, nameLocation):
            let target = pointer(try declare(name, isLet: true, type: nil, at: nameLocation))
            return { frame, value in
                try target(frame).pointee = value
                return true
            }
        case let .binding(inner):
            return try matcher(inner)
        case let .tuple(items):
            let matchers = try items.map { try matcher($0) }
            return { frame, value in
                guard case let .tuple(tuple) = value, tuple.items.count == matchers.count else { return false }
                for (match, item) in zip(matchers, tuple.items) where try !match(frame, item) { return false }
                return true
            }
        case let .value(expr):
            let code = try expression(expr)
            return { frame, value in Operators.matches(try code(frame), value) }
        case let .interval(lower, upper, closed, location):
            let low = try lower.map { try expression($0) }, high = try upper.map { try expression($0) }
            return { frame, value in
                let lowValue = try low?(frame), highValue = try high?(frame)
                return try located(location) { try Operators.contains(lowValue, highValue, closed: closed, value) }
            }
        }
    }
}

extension Pattern {
    /// Whether the pattern matches any value (`_`, `let x`).
    var matchesEverything: Bool {
        switch self {
        case .wildcard, .bind: return true
        case let .binding(inner): return inner.matchesEverything
        case .tuple, .value, .interval: return false
        }
    }
}
