/// One notebook's kernel: cells run in order and share variables and functions.
public final class Session {
    let runtime: Runtime
    let builtins: Builtins
    let globalScope: Scope

    /// A fresh session whose cells run under `limits`.
    public init(limits: Limits = Limits()) {
        runtime = Runtime(limits: limits)
        builtins = Builtins()
        globalScope = Scope(parent: nil, isGlobal: true, isFunction: false, returnType: nil)
    }

    deinit {
        // Functions stored in top-level variables point back at the top-level frame. The
        // values are let go of on the cells' own large stack, as a cell would.
        let globals = runtime.globals
        LargeStack.run { globals.clear() }
    }

    /// Runs one cell: parse, compile, execute. Errors come back located, with the outputs
    /// made before them; nothing a cell does can crash or hang the caller.
    public func run(_ cell: CellCode) -> CellRun {
        let result = ResultBox()
        LargeStack.run { result.value = self.execute(cell) }
        return result.value ?? CellRun(error: KernelError(
            line: cell.firstLine, column: 1 + cell.columnOffset, message: "the cell could not be run"))
    }

    func execute(_ cell: CellCode) -> CellRun {
        runtime.startCell()
        let start = Location(line: cell.firstLine, column: 1 + cell.columnOffset)
        do {
            let statements = try CellParser.parse(cell)
            let savedNames = globalScope.blocks[0], savedCount = globalScope.slotCount
            let compiled: (body: Block, last: Code?)
            let compiler = Compiler(runtime: runtime, builtins: builtins, globalScope: globalScope)
            do {
                compiled = try compiler.compileCell(statements)
            } catch {
                globalScope.blocks = [savedNames]
                globalScope.slotCount = savedCount
                globalScope.targets = []
                throw error
            }
            _ = try compiled.body(runtime.globals)
            if let last = compiled.last {
                let value = try last(runtime.globals)
                if case .void = value {} else {
                    runtime.emit(.display(try located(start) { try Displays.make(value, runtime) }))
                }
            }
            return CellRun(outputs: runtime.outputs, declared: compiler.cellNames)
        } catch let error as KernelError {
            return CellRun(outputs: runtime.outputs, error: error)
        } catch let failure as Failure {
            return CellRun(outputs: runtime.outputs, error: start.error(failure.message))
        } catch {
            return CellRun(outputs: runtime.outputs, error: start.error("\(error)"))
        }
    }
}

/// Carries a cell's result back from the thread that ran it.
private final class ResultBox: @unchecked Sendable {
    var value: CellRun?
}
