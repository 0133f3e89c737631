import Markup
internal import SwiftDiagnostics
internal import SwiftOperators
internal import SwiftParser
internal import SwiftParserDiagnostics
internal import SwiftSyntax

/// The front of the pipeline: source text → swift-syntax tree (with the compiler's own
/// syntax diagnostics) → operators folded → the cell language's statements.
enum CellParser {
    /// Parses and lowers one cell; throws the first syntax error or unsupported construct.
    static func parse(_ cell: CellCode) throws -> [Stmt] {
        if let refusal = SwiftSourceGate.check(cell.source) {
            throw Location(line: cell.firstLine + refusal.line, column: refusal.column + 1 + cell.columnOffset).error(refusal.message)
        }
        let map = SourceMap(cell)
        let tree = Parser.parse(source: cell.source)
        let diagnostics = ParseDiagnosticsGenerator.diagnostics(for: tree)
        if let first = diagnostics.first(where: { $0.diagMessage.severity == .error }) {
            throw map.location(of: first.position).error(first.message)
        }
        var foldError: OperatorError?
        let folded = OperatorTable.standardOperators.foldAll(tree) { error in
            if foldError == nil { foldError = error }
        }
        if let foldError {
            throw map.location(of: foldError.asDiagnostic.position).error(foldError.message)
        }
        guard let file = folded.as(SourceFileSyntax.self) else {
            throw Location(line: cell.firstLine, column: 1 + cell.columnOffset).error("the cell could not be parsed")
        }
        return try Lowering(map: map).statements(file.statements)
    }
}
