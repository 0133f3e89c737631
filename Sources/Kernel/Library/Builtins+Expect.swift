import Outputs
extension Builtins {
    /// Calls compiled with knowledge of their call site: `expect` records its location and,
    /// for a comparison, the two values compared.
    func specialCall(_ name: String, _ arguments: [ExprArgument], _ location: Location, compiler: Compiler) throws -> Code? {
        guard name == "expect" else { return nil }
        var arguments = arguments
        // `label: "clm-…"` names the claim for cross-references; the page numbers claims before
        // it runs them, so the label is a string literal.
        var label: String?
        if let last = arguments.last, last.label == "label" {
            guard case let .literal(.string(text), _) = last.value else {
                throw location.error("expect's label must be written as a string literal, like label: \"clm-ties\"")
            }
            guard text.hasPrefix("clm-"), text.count > 4 else {
                throw location.error("a claim's label starts with 'clm-', not '\(text)'")
            }
            label = text
            arguments.removeLast()
        }
        guard (1...2).contains(arguments.count), arguments[0].label == nil, arguments.dropFirst().allSatisfy({ $0.label == nil }) else {
            throw location.error("expect takes a condition, a message and a label; expected expect(_: Bool, _: String, label: String? = nil)")
        }
        let condition = arguments[0].value
        let messageCode = try arguments.count == 2 ? compiler.expression(arguments[1].value) : nil
        let runtime = compiler.runtime
        let fallbackMessage = condition.sourceText
        let evaluate: (Frame) throws -> (Bool, String?)
        if case let .binary(op, left, right, opLocation) = condition, ["==", "!=", "<", ">", "<=", ">="].contains(op) {
            let leftCode = try compiler.expression(left), rightCode = try compiler.expression(right)
            evaluate = { frame in
                let a = try leftCode(frame), b = try rightCode(frame)
                let result = try located(opLocation) { try Operators.binary(op, a, b, runtime) }
                let passed = result.bool
                if passed { return (true, nil) }
                if left.isLiteral { return (false, "\(right.sourceText) = \(b.debugText), expected \(a.debugText) \(op) it") }
                if right.isLiteral { return (false, "\(left.sourceText) = \(a.debugText), expected \(op) \(b.debugText)") }
                return (false, "\(left.sourceText) = \(a.debugText) but \(right.sourceText) = \(b.debugText)")
            }
        } else {
            let test = try compiler.condition(condition)
            evaluate = { frame in (try test(frame), nil) }
        }
        return { frame in
            let (passed, detail) = try evaluate(frame)
            var message = fallbackMessage
            if let messageCode {
                let value = try messageCode(frame)
                guard case let .string(text) = value else {
                    throw location.error("cannot convert value of type '\(value.typeName)' to expected argument type 'String'")
                }
                message = text
            }
            var expectation = Expectation(message: message, passed: passed, detail: detail, line: location.line, column: location.column)
            expectation.label = label
            runtime.emit(.expectation(expectation))
            return .void
        }
    }
}

extension Expr {
    var isLiteral: Bool {
        if case .literal = self { return true }
        if case let .prefix("-", inner, _) = self { return inner.isLiteral }
        return false
    }

    /// A short rendering of simple expressions for messages: `net["w9"]` reads `w9`.
    var sourceText: String {
        switch self {
        case let .literal(value, _): return value.debugText
        case let .name(name, _): return name
        case let .member(base, name, _, _): return base.sourceText + "." + name
        case let .subscriptAccess(base, arguments, _, _):
            if arguments.count == 1, case let .literal(.string(key), _) = arguments[0].value { return key }
            return base.sourceText + "[" + arguments.map(\.value.sourceText).joined(separator: ", ") + "]"
        case let .call(callee, arguments, _, _):
            return callee.sourceText + "(" + arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.sourceText }.joined(separator: ", ") + ")"
        case let .binary(op, left, right, _): return left.sourceText + " " + op + " " + right.sourceText
        case let .prefix(op, inner, _): return op + inner.sourceText
        case let .implicitMember(name, _): return "." + name
        case let .forceUnwrap(inner, _): return inner.sourceText + "!"
        default: return "value"
        }
    }
}
