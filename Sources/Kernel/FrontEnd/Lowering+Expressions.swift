@_spi(Compiler) internal import SwiftParser
internal import SwiftSyntax

extension Lowering {
    func expression(_ node: ExprSyntax) throws -> Expr {
        // One guard for every recursion of the front end: expressions hold statements (in
        // closures) and statements hold expressions, so counting here bounds both.
        depth += 1
        defer { depth -= 1 }
        if depth > Lowering.maximumDepth {
            throw location(node).error("the expression nests more than \(Lowering.maximumDepth) operations deep; split it into steps")
        }
        let at = location(node)
        if let literal = node.as(IntegerLiteralExprSyntax.self) {
            return .literal(.int(try integer(literal.literal.text, negative: false, literal)), at)
        }
        if let literal = node.as(FloatLiteralExprSyntax.self) {
            return .literal(.double(try double(literal.literal.text, literal)), at)
        }
        if let literal = node.as(BooleanLiteralExprSyntax.self) {
            return .literal(.bool(literal.literal.tokenKind == .keyword(.true)), at)
        }
        if node.is(NilLiteralExprSyntax.self) { return .literal(.none, at) }
        if let literal = node.as(StringLiteralExprSyntax.self) { return try string(literal) }
        if let reference = node.as(DeclReferenceExprSyntax.self) { return try declReference(reference) }
        if let array = node.as(ArrayExprSyntax.self) {
            return .array(try array.elements.map { try expression($0.expression) }, at)
        }
        if let dictionary = node.as(DictionaryExprSyntax.self) {
            switch dictionary.content {
            case .colon: return .dictionary([], at)
            case let .elements(elements):
                return .dictionary(try elements.map { (key: try expression($0.key), value: try expression($0.value)) }, at)
            @unknown default:
                throw unsupported("this dictionary literal is", dictionary)
            }
        }
        if let tuple = node.as(TupleExprSyntax.self) {
            let elements = try arguments(tuple.elements)
            if elements.count == 1, elements[0].label == nil { return elements[0].value }
            if elements.isEmpty { return .literal(.void, at) }
            return .tuple(elements, at)
        }
        if let member = node.as(MemberAccessExprSyntax.self) { return try memberAccess(member) }
        if let call = node.as(FunctionCallExprSyntax.self) { return try functionCall(call) }
        if let sub = node.as(SubscriptCallExprSyntax.self) {
            var arguments = try self.arguments(sub.arguments)
            if let closure = sub.trailingClosure { arguments.append(ExprArgument(label: nil, value: try self.closure(closure))) }
            let base = try expression(sub.calledExpression)
            return .subscriptAccess(base, arguments, optional: base.isOptionalChain, location(sub.leftSquare))
        }
        if let infix = node.as(InfixOperatorExprSyntax.self) { return try infixOperator(infix) }
        if let ternary = node.as(TernaryExprSyntax.self) {
            return .ternary(
                try expression(ternary.condition), try expression(ternary.thenExpression),
                try expression(ternary.elseExpression), location(ternary.questionMark))
        }
        if let prefix = node.as(PrefixOperatorExprSyntax.self) {
            let op = prefix.operator.text
            if op == "-", let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                return .literal(.int(try integer(literal.literal.text, negative: true, literal)), at)
            }
            if op == "-", let literal = prefix.expression.as(FloatLiteralExprSyntax.self) {
                return .literal(.double(-(try double(literal.literal.text, literal))), at)
            }
            guard ["-", "+", "!", "~"].contains(op) else { throw unsupported("the prefix operator '\(op)' is", prefix) }
            return .prefix(op, try expression(prefix.expression), at)
        }
        if let unwrap = node.as(ForceUnwrapExprSyntax.self) {
            return .forceUnwrap(try expression(unwrap.expression), location(unwrap.exclamationMark))
        }
        if let chain = node.as(OptionalChainingExprSyntax.self) {
            return .optionalChain(try expression(chain.expression), location(chain.questionMark))
        }
        if let closure = node.as(ClosureExprSyntax.self) { return try self.closure(closure) }
        if let tryExpr = node.as(TryExprSyntax.self) {
            if tryExpr.questionOrExclamationMark != nil { throw unsupported("try? and try! are", tryExpr) }
            return try expression(tryExpr.expression)
        }
        if let cast = node.as(AsExprSyntax.self) {
            let kind: CastKind
            switch cast.questionOrExclamationMark?.tokenKind {
            case .postfixQuestionMark?: kind = .optional
            case .exclamationMark?: kind = .forced
            default: kind = .plain
            }
            return .cast(try expression(cast.expression), try type(cast.type), kind, location(cast.asKeyword))
        }
        if let check = node.as(IsExprSyntax.self) {
            return .cast(try expression(check.expression), try type(check.type), .check, location(check.isKeyword))
        }
        if node.is(DiscardAssignmentExprSyntax.self) { return .discard(at) }
        if let postfix = node.as(PostfixOperatorExprSyntax.self) {
            throw unsupported("the postfix operator '\(postfix.operator.text)' is", postfix)
        }
        if node.is(AwaitExprSyntax.self) { throw unsupported("concurrency (await) is", node) }
        if node.is(KeyPathExprSyntax.self) { throw unsupported("key paths are", node) }
        if node.is(MacroExpansionExprSyntax.self) { throw unsupported("macros are", node) }
        if node.is(IfExprSyntax.self) { throw unsupported("if used as an expression is", node) }
        if node.is(SwitchExprSyntax.self) { throw unsupported("switch used as an expression is", node) }
        if node.is(SequenceExprSyntax.self) { throw at.error("this expression could not be folded") }
        if let generic = node.as(GenericSpecializationExprSyntax.self) {
            throw unsupported("generic arguments (\(generic.trimmedDescription)) are", generic)
        }
        if node.is(TypeExprSyntax.self) { throw unsupported("types used as values are", node) }
        if node.is(SuperExprSyntax.self) { throw unsupported("super is", node) }
        if node.is(RegexLiteralExprSyntax.self) { throw unsupported("regular expressions are", node) }
        if node.is(EditorPlaceholderExprSyntax.self) { throw at.error("editor placeholder in source file") }
        throw unsupported("this expression (\(node.kind)) is", node)
    }

    func integer(_ text: String, negative: Bool, _ node: some SyntaxProtocol) throws -> Int {
        var digits = text.filter { $0 != "_" }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0b", 2), ("0o", 8)] where digits.hasPrefix(prefix) {
            digits.removeFirst(2)
            radix = base
        }
        guard let value = Int(negative ? "-" + digits : digits, radix: radix) else {
            throw location(node).error("integer literal '\(negative ? "-" : "")\(text)' overflows when stored into 'Int'")
        }
        return value
    }

    func double(_ text: String, _ node: some SyntaxProtocol) throws -> Double {
        guard let value = Double(text.filter { $0 != "_" }) else {
            throw unsupported("the float literal '\(text)' is", node)
        }
        return value
    }

    func string(_ node: StringLiteralExprSyntax) throws -> Expr {
        let at = location(node)
        if let value = node.representedLiteralValue { return .literal(.string(value), at) }
        guard let kind = node.stringLiteralKind else { throw at.error("this string literal could not be read") }
        var parts: [InterpolationPart] = []
        for segment in node.segments {
            switch segment {
            case let .stringSegment(text):
                var value = ""
                text.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: node.delimiterLength, to: &value)
                parts.append(.text(value))
            case let .expressionSegment(interpolated):
                let arguments = try self.arguments(interpolated.expressions)
                guard arguments.count == 1, arguments[0].label == nil else {
                    throw unsupported("interpolation with labels is", interpolated)
                }
                parts.append(.value(arguments[0].value))
            @unknown default:
                throw unsupported("this string segment is", node)
            }
        }
        return .interpolation(parts, at)
    }

    func declReference(_ node: DeclReferenceExprSyntax) throws -> Expr {
        let at = location(node)
        if let names = node.argumentNames { throw unsupported("function references with labels (\(names.trimmedDescription)) are", node) }
        switch node.baseName.tokenKind {
        case let .dollarIdentifier(text):
            guard !dollarCounts.isEmpty else {
                throw at.error("anonymous closure argument not contained in a closure")
            }
            // A closure's parameters are slots of its frame: `$300` would make 301 of them.
            guard let index = Int(text.dropFirst()), index < Lowering.closureArgumentCeiling else {
                throw at.error("anonymous closure argument \(text) is out of range: cells number them from $0 to $\(Lowering.closureArgumentCeiling - 1)")
            }
            dollarCounts[dollarCounts.count - 1] = max(dollarCounts[dollarCounts.count - 1], index + 1)
            return .name(text, at)
        case .binaryOperator, .prefixOperator, .postfixOperator:
            return .operatorFunction(node.baseName.text, at)
        case .keyword(.self), .keyword(.Self):
            throw unsupported("self is", node)
        default:
            return .name(node.baseName.identifier?.name ?? node.baseName.text, at)
        }
    }

    func memberAccess(_ node: MemberAccessExprSyntax) throws -> Expr {
        let name = node.declName.baseName.identifier?.name ?? node.declName.baseName.text
        if node.declName.argumentNames != nil { throw unsupported("method references with labels are", node) }
        guard let baseSyntax = node.base else { return .implicitMember(name, location(node)) }
        let base = try expression(baseSyntax)
        return .member(base, name, optional: base.isOptionalChain, location(node.declName))
    }

    func functionCall(_ node: FunctionCallExprSyntax) throws -> Expr {
        var arguments = try self.arguments(node.arguments)
        if let trailing = node.trailingClosure {
            arguments.append(ExprArgument(label: nil, value: try closure(trailing)))
        }
        for extra in node.additionalTrailingClosures {
            arguments.append(ExprArgument(label: extra.label.text, value: try closure(extra.closure)))
        }
        // `[Double](repeating: 0, count: 3)`, `[String: Int]()`: a collection type called as a function.
        if let array = node.calledExpression.as(ArrayExprSyntax.self), array.elements.count == 1,
            let element = typeName(array.elements.first!.expression) {
            return .call(.name("Array", location(node)), arguments + [ExprArgument(label: "_elementType", value: .literal(.string(element), location(node)))], optional: false, location(node))
        }
        if let dictionary = node.calledExpression.as(DictionaryExprSyntax.self), case .elements = dictionary.content, arguments.isEmpty {
            return .dictionary([], location(node))
        }
        let callee = try expression(node.calledExpression)
        return .call(callee, arguments, optional: callee.isOptionalChain, location(node))
    }

    /// The name of a simple type written as an expression (`Double` in `[Double]`).
    func typeName(_ node: ExprSyntax) -> String? {
        guard let reference = node.as(DeclReferenceExprSyntax.self) else { return nil }
        let name = reference.baseName.text
        return ["Int", "Double", "String", "Bool", "Float"].contains(name) || name.first?.isUppercase == true ? name : nil
    }

    func arguments(_ list: LabeledExprListSyntax) throws -> [ExprArgument] {
        try list.map { ExprArgument(label: $0.label?.text, value: try expression($0.expression)) }
    }

    func infixOperator(_ node: InfixOperatorExprSyntax) throws -> Expr {
        let left = try expression(node.leftOperand)
        let right = try expression(node.rightOperand)
        let at = location(node.operator)
        if node.operator.is(AssignmentExprSyntax.self) { return .assign(nil, left, right, at) }
        guard let op = node.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else {
            throw unsupported("this operator is", node.operator)
        }
        let compound = ["+=", "-=", "*=", "/=", "%=", "&&=", "||=", "&+=", "&-=", "&*="]
        if compound.contains(op) { return .assign(String(op.dropLast()), left, right, at) }
        let known = [
            "+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "??", "...", "..<",
            "&+", "&-", "&*", "===", "!==",
        ]
        guard known.contains(op) else { throw unsupported("the operator '\(op)' is", node.operator) }
        return .binary(op, left, right, at)
    }

    func closure(_ node: ClosureExprSyntax) throws -> Expr {
        var parameters: [String]?
        var types: [TypeSpec?] = []
        if let signature = node.signature {
            if let capture = signature.capture { throw unsupported("capture lists are", capture) }
            if let effects = signature.effectSpecifiers, effects.asyncSpecifier != nil || effects.throwsClause != nil {
                throw unsupported("async or throwing closures are", effects)
            }
            switch signature.parameterClause {
            case let .simpleInput(names)?:
                parameters = names.map(\.name.text)
            case let .parameterClause(clause)?:
                parameters = clause.parameters.map { ($0.secondName ?? $0.firstName).text }
                types = try clause.parameters.map { try $0.type.map { try type($0) } }
            case nil:
                parameters = []
            @unknown default:
                throw unsupported("this closure signature is", signature)
            }
        }
        if let parameters {
            return .closure(ClosureDecl(parameters: parameters, parameterTypes: types, body: try statements(node.statements)), location(node))
        }
        dollarCounts.append(0)
        let body: [Stmt]
        do {
            body = try statements(node.statements)
        } catch {
            dollarCounts.removeLast()
            throw error
        }
        let count = dollarCounts.removeLast()
        return .closure(ClosureDecl(parameters: (0..<count).map { "$\($0)" }, body: body), location(node))
    }
}

extension Expr {
    /// Whether the expression ends in an optional chain (`a?`, `a?.b`), so that a member,
    /// call or subscript on it yields nil when the chain does.
    var isOptionalChain: Bool {
        switch self {
        case .optionalChain: return true
        case let .member(_, _, optional, _), let .call(_, _, optional, _), let .subscriptAccess(_, _, optional, _):
            return optional
        default: return false
        }
    }
}
