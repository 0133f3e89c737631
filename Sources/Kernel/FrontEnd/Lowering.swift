internal import SwiftParser
internal import SwiftSyntax

/// Lowers a folded swift-syntax tree to the cell language's own statements, once per cell.
/// Every construct outside the subset is an error that names it.
final class Lowering {
    let map: SourceMap
    /// For each closure being lowered without a parameter list, how many `$n` it uses.
    var dollarCounts: [Int] = []
    /// How many anonymous arguments (`$0`, `$1`, …) a closure may use.
    static let closureArgumentCeiling = 256
    /// How deeply expressions may nest (`1 + 1 + …` nests once per operator), and how deep
    /// the lowered tree, its compiled code and its evaluation recurse.
    static let maximumDepth = 1_000
    var depth = 0

    init(map: SourceMap) {
        self.map = map
    }

    func location(_ node: some SyntaxProtocol) -> Location {
        map.location(of: node)
    }

    func unsupported(_ what: String, _ node: some SyntaxProtocol) -> KernelError {
        location(node).error("\(what) not supported in cells")
    }

    func statements(_ list: CodeBlockItemListSyntax) throws -> [Stmt] {
        try list.map { try statement($0) }
    }

    func statement(_ item: CodeBlockItemSyntax) throws -> Stmt {
        switch item.item {
        case let .decl(decl): return try declaration(decl)
        case let .stmt(stmt): return try statement(stmt)
        case let .expr(expr): return try expressionStatement(expr)
        @unknown default: throw unsupported("this statement is", item)
        }
    }

    func expressionStatement(_ expr: ExprSyntax) throws -> Stmt {
        if let ifExpr = expr.as(IfExprSyntax.self) { return try ifStatement(ifExpr) }
        if let switchExpr = expr.as(SwitchExprSyntax.self) { return try switchStatement(switchExpr, label: nil) }
        return .expression(try expression(expr))
    }

    func declaration(_ decl: DeclSyntax) throws -> Stmt {
        if let variable = decl.as(VariableDeclSyntax.self) { return try variableDeclaration(variable) }
        if let function = decl.as(FunctionDeclSyntax.self) { return .function(try functionDeclaration(function)) }
        let kinds: [SyntaxKind: String] = [
            .classDecl: "classes are", .structDecl: "structs are", .enumDecl: "enums are",
            .protocolDecl: "protocols are", .extensionDecl: "extensions are", .actorDecl: "actors are",
            .importDecl: "import is", .typeAliasDecl: "typealiases are", .operatorDecl: "operator declarations are",
            .precedenceGroupDecl: "precedence groups are", .subscriptDecl: "subscript declarations are",
            .initializerDecl: "initializers are", .macroDecl: "macros are", .macroExpansionDecl: "macros are",
            .ifConfigDecl: "#if blocks are", .associatedTypeDecl: "associated types are",
        ]
        if let name = kinds[decl.kind] { throw unsupported(name, decl) }
        throw unsupported("this declaration is", decl)
    }

    func statement(_ stmt: StmtSyntax) throws -> Stmt {
        if let labeled = stmt.as(LabeledStmtSyntax.self) {
            return try labeledStatement(labeled.statement, label: labeled.label.text)
        }
        if let expr = stmt.as(ExpressionStmtSyntax.self) { return try expressionStatement(expr.expression) }
        if let ret = stmt.as(ReturnStmtSyntax.self) {
            return .returnStatement(try ret.expression.map(expression), location(ret))
        }
        if let brk = stmt.as(BreakStmtSyntax.self) { return .breakStatement(brk.label?.text, location(brk)) }
        if let cont = stmt.as(ContinueStmtSyntax.self) { return .continueStatement(cont.label?.text, location(cont)) }
        if let guardStmt = stmt.as(GuardStmtSyntax.self) {
            return .guardStatement(try conditions(guardStmt.conditions), try statements(guardStmt.body.statements), location(guardStmt))
        }
        if let doStmt = stmt.as(DoStmtSyntax.self) {
            if !doStmt.catchClauses.isEmpty { throw unsupported("do/catch is", doStmt) }
            return .block(try statements(doStmt.body.statements), location(doStmt))
        }
        if stmt.is(ThrowStmtSyntax.self) { throw unsupported("throw is", stmt) }
        if stmt.is(DeferStmtSyntax.self) { throw unsupported("defer is", stmt) }
        if stmt.is(FallThroughStmtSyntax.self) { throw unsupported("fallthrough is", stmt) }
        if stmt.is(DiscardStmtSyntax.self) { throw unsupported("discard is", stmt) }
        if stmt.is(YieldStmtSyntax.self) { throw unsupported("yield is", stmt) }
        return try labeledStatement(stmt, label: nil)
    }

    func labeledStatement(_ stmt: StmtSyntax, label: String?) throws -> Stmt {
        if let forStmt = stmt.as(ForStmtSyntax.self) {
            if forStmt.caseKeyword != nil { throw unsupported("for case is", forStmt) }
            if forStmt.awaitKeyword != nil { throw unsupported("concurrency (await) is", forStmt) }
            return .forIn(
                label: label, try pattern(forStmt.pattern), try expression(forStmt.sequence),
                whereClause: try forStmt.whereClause.map { try expression($0.condition) },
                try statements(forStmt.body.statements), location(forStmt))
        }
        if let whileStmt = stmt.as(WhileStmtSyntax.self) {
            return .whileLoop(
                label: label, try conditions(whileStmt.conditions), try statements(whileStmt.body.statements),
                location(whileStmt))
        }
        if let repeatStmt = stmt.as(RepeatStmtSyntax.self) {
            return .repeatWhile(
                label: label, try statements(repeatStmt.body.statements), try expression(repeatStmt.condition),
                location(repeatStmt))
        }
        if let expr = stmt.as(ExpressionStmtSyntax.self), let switchExpr = expr.expression.as(SwitchExprSyntax.self) {
            return try switchStatement(switchExpr, label: label)
        }
        if label == nil { throw unsupported("this statement is", stmt) }
        return try statement(stmt)
    }

    func ifStatement(_ node: IfExprSyntax) throws -> Stmt {
        let elseBranch: [Stmt]?
        switch node.elseBody {
        case nil: elseBranch = nil
        case let .ifExpr(nested)?: elseBranch = [try ifStatement(nested)]
        case let .codeBlock(block)?: elseBranch = try statements(block.statements)
        @unknown default: throw unsupported("this else branch is", node)
        }
        return .ifStatement(try conditions(node.conditions), try statements(node.body.statements), elseBranch, location(node))
    }

    func switchStatement(_ node: SwitchExprSyntax, label: String?) throws -> Stmt {
        var cases: [SwitchCase] = []
        for element in node.cases {
            guard case let .switchCase(switchCase) = element else { throw unsupported("#if inside switch is", element) }
            let body = try statements(switchCase.statements)
            switch switchCase.label {
            case .default:
                cases.append(SwitchCase(items: [], body: body, location: location(switchCase)))
            case let .case(caseLabel):
                let items = try caseLabel.caseItems.map { item in
                    (pattern: try casePattern(item.pattern), guardExpr: try item.whereClause.map { try expression($0.condition) })
                }
                cases.append(SwitchCase(items: items, body: body, location: location(switchCase)))
            @unknown default:
                throw unsupported("this case label is", switchCase)
            }
        }
        return .switchStatement(label: label, try expression(node.subject), cases, location(node))
    }

    func conditions(_ list: ConditionElementListSyntax) throws -> [Condition] {
        try list.map { element in
            switch element.condition {
            case let .expression(expr):
                return .expression(try expression(expr))
            case let .optionalBinding(binding):
                let isLet = binding.bindingSpecifier.tokenKind == .keyword(.let)
                let bound = try pattern(binding.pattern)
                let value: Expr
                if let initializer = binding.initializer {
                    value = try expression(initializer.value)
                } else if case let .bind(name, nameLocation) = bound {
                    value = .name(name, nameLocation)
                } else {
                    throw unsupported("this optional binding is", binding)
                }
                return .optionalBinding(isLet: isLet, bound, value, location(binding))
            case let .matchingPattern(matching):
                return .matching(try casePattern(matching.pattern), try expression(matching.initializer.value), location(matching))
            case .availability:
                throw unsupported("availability conditions are", element)
            @unknown default:
                throw unsupported("this condition is", element)
            }
        }
    }

    func variableDeclaration(_ node: VariableDeclSyntax) throws -> Stmt {
        if !node.attributes.isEmpty { throw unsupported("attributes are", node.attributes) }
        if let modifier = node.modifiers.first { throw unsupported("'\(modifier.name.text)' is", modifier) }
        let isLet = node.bindingSpecifier.tokenKind == .keyword(.let)
        var result: [Stmt] = []
        for binding in node.bindings {
            if binding.accessorBlock != nil { throw unsupported("computed properties are", binding) }
            let type = try binding.typeAnnotation.map { try self.type($0.type) }
            let value = try binding.initializer.map { try expression($0.value) }
            result.append(.variable(isLet: isLet, try pattern(binding.pattern), type, value, location(binding)))
        }
        return result.count == 1 ? result[0] : .sequence(result)
    }

    func functionDeclaration(_ node: FunctionDeclSyntax) throws -> FunctionDecl {
        if let generics = node.genericParameterClause { throw unsupported("generics are", generics) }
        if !node.attributes.isEmpty { throw unsupported("attributes are", node.attributes) }
        if let modifier = node.modifiers.first { throw unsupported("'\(modifier.name.text)' is", modifier) }
        if let effects = node.signature.effectSpecifiers {
            if let async = effects.asyncSpecifier { throw unsupported("concurrency (async) is", async) }
            if let throwsClause = effects.throwsClause { throw unsupported("throwing functions are", throwsClause) }
        }
        guard case .identifier = node.name.tokenKind else { throw unsupported("operator functions are", node.name) }
        guard let body = node.body else { throw location(node).error("function '\(node.name.text)' needs a body") }
        let parameters = try node.signature.parameterClause.parameters.map { parameter -> ParameterDecl in
            if let ellipsis = parameter.ellipsis { throw unsupported("variadic parameters are", ellipsis) }
            let first = parameter.firstName
            let label: String? = first.tokenKind == .wildcard ? nil : first.text
            let name = parameter.secondName?.text ?? first.text
            return ParameterDecl(
                label: label, name: name, type: try type(parameter.type),
                defaultValue: try parameter.defaultValue.map { try expression($0.value) }, location: location(parameter))
        }
        return FunctionDecl(
            name: node.name.text, parameters: parameters,
            returnType: try node.signature.returnClause.map { try type($0.type) },
            body: try statements(body.statements), location: location(node.name))
    }
}
