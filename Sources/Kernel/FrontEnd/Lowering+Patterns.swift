internal import SwiftSyntax

extension Lowering {
    /// A pattern that binds (`let x`, `(i, x)`, `_`).
    func pattern(_ node: PatternSyntax) throws -> Pattern {
        if let identifier = node.as(IdentifierPatternSyntax.self) {
            return .bind(identifier.identifier.identifier?.name ?? identifier.identifier.text, location(identifier))
        }
        if node.is(WildcardPatternSyntax.self) { return .wildcard }
        if let tuple = node.as(TuplePatternSyntax.self) {
            return .tuple(try tuple.elements.map { try pattern($0.pattern) })
        }
        if let binding = node.as(ValueBindingPatternSyntax.self) { return try pattern(binding.pattern) }
        throw unsupported("this pattern is", node)
    }

    /// A pattern of a `case`: values to compare with, `let` bindings, tuples, `_`.
    func casePattern(_ node: PatternSyntax) throws -> Pattern {
        if let expressionPattern = node.as(ExpressionPatternSyntax.self) {
            return try casePattern(expressionPattern.expression)
        }
        if let binding = node.as(ValueBindingPatternSyntax.self) { return .binding(try pattern(binding.pattern)) }
        if let tuple = node.as(TuplePatternSyntax.self) {
            return .tuple(try tuple.elements.map { try casePattern($0.pattern) })
        }
        if node.is(WildcardPatternSyntax.self) { return .wildcard }
        if let identifier = node.as(IdentifierPatternSyntax.self) {
            return .bind(identifier.identifier.text, location(identifier))
        }
        throw unsupported("this pattern is", node)
    }

    func casePattern(_ node: ExprSyntax) throws -> Pattern {
        if let patternExpr = node.as(PatternExprSyntax.self) { return try casePattern(patternExpr.pattern) }
        if node.is(DiscardAssignmentExprSyntax.self) { return .wildcard }
        if let tuple = node.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            return .tuple(try tuple.elements.map { try casePattern($0.expression) })
        }
        if let interval = try interval(node) { return interval }
        return .value(try expression(node))
    }

    /// A range written as a case pattern: `a..<b`, `a...b`, `..<b`, `...b`, `a...`. Its bounds
    /// may be any comparable values (Doubles too), unlike a range value, which is over Int.
    func interval(_ node: ExprSyntax) throws -> Pattern? {
        if let infix = node.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self),
            op.operator.text == "..<" || op.operator.text == "..." {
            return .interval(
                lower: try expression(infix.leftOperand), upper: try expression(infix.rightOperand),
                closed: op.operator.text == "...", location(op))
        }
        if let prefix = node.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "..<" || prefix.operator.text == "..." {
            return .interval(lower: nil, upper: try expression(prefix.expression), closed: prefix.operator.text == "...", location(prefix))
        }
        if let postfix = node.as(PostfixOperatorExprSyntax.self), postfix.operator.text == "..." {
            return .interval(lower: try expression(postfix.expression), upper: nil, closed: true, location(postfix.operator))
        }
        return nil
    }

    /// A type annotation; unknown names are kept (`Network`, `Tensor`).
    func type(_ node: TypeSyntax) throws -> TypeSpec {
        if let identifier = node.as(IdentifierTypeSyntax.self) {
            let name = identifier.name.text
            if let generics = identifier.genericArgumentClause {
                let arguments = try generics.arguments.map { argument -> TypeSpec in
                    guard let argumentType = argument.argument.as(TypeSyntax.self) else {
                        throw unsupported("this generic argument is", argument)
                    }
                    return try type(argumentType)
                }
                switch (name, arguments.count) {
                case ("Array", 1): return .array(arguments[0])
                case ("Dictionary", 2): return .dictionary(arguments[0], arguments[1])
                case ("Optional", 1): return .optional(arguments[0])
                default: throw unsupported("generic types (\(identifier.trimmedDescription)) are", identifier)
                }
            }
            switch name {
            case "Int": return .int
            case "Double", "Float", "CGFloat": return .double
            case "Bool": return .bool
            case "String", "Character": return .string
            default: return .named(name)
            }
        }
        if let array = node.as(ArrayTypeSyntax.self) { return .array(try type(array.element)) }
        if let dictionary = node.as(DictionaryTypeSyntax.self) {
            return .dictionary(try type(dictionary.key), try type(dictionary.value))
        }
        if let optional = node.as(OptionalTypeSyntax.self) { return .optional(try type(optional.wrappedType)) }
        if let optional = node.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            return .optional(try type(optional.wrappedType))
        }
        if let tuple = node.as(TupleTypeSyntax.self) {
            let items = try tuple.elements.map { try type($0.type) }
            return items.count == 1 ? items[0] : .tuple(items)
        }
        if node.is(FunctionTypeSyntax.self) { return .function }
        if let attributed = node.as(AttributedTypeSyntax.self) {
            if let specifier = attributed.specifiers.first { throw unsupported("'\(specifier.trimmedDescription)' parameters are", specifier) }
            return try type(attributed.baseType)
        }
        if node.is(SomeOrAnyTypeSyntax.self) { throw unsupported("opaque and existential types are", node) }
        throw unsupported("the type '\(node.trimmedDescription)' is", node)
    }
}
