import Notebook
import Outputs

/// A notebook after its cells ran: each cell with its execution count, outputs and error.
public struct ExecutedNotebook: Sendable {
    /// A cell and what running it produced.
    public struct ExecutedCell: Sendable {
        /// The cell as loaded.
        public var cell: Cell
        /// The cell's number in run order (`In [3]`); nil when it did not run (`eval: false`).
        public var executionCount: Int?
        /// Text, rich displays and expectations, in the order the cell produced them.
        public var outputs: [Output]
        /// The error the cell stopped with, located in the notebook file.
        public var error: CellError?
        /// How long the cell ran and how much it raised the process's peak memory, when it ran
        /// in this process (nil when it did not run, or its outputs came from the cache).
        public var cost: CellCost?

        /// A cell with what running it produced.
        public init(cell: Cell, executionCount: Int?, outputs: [Output], error: CellError? = nil, cost: CellCost? = nil) {
            self.cell = cell
            self.executionCount = executionCount
            self.outputs = outputs
            self.error = error
            self.cost = cost
        }
    }

    /// The notebook as loaded.
    public var notebook: Notebook
    /// Its cells, in order, as they ran.
    public var cells: [ExecutedCell]

    /// A notebook and what its cells produced.
    public init(notebook: Notebook, cells: [ExecutedCell]) {
        self.notebook = notebook
        self.cells = cells
    }
}

/// What running one cell cost: the numbers `weave build --timings` reports.
public struct CellCost: Sendable, Equatable {
    /// Wall-clock seconds.
    public var seconds: Double
    /// How many bytes the process's peak resident memory grew while the cell ran (the cell's
    /// own growth when notebooks run one at a time).
    public var peakGrowth: Int
}
