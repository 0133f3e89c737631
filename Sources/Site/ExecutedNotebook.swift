import Kernel
import Notebook

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
        public var error: Diagnostic?
    }

    /// The notebook as loaded.
    public var notebook: Notebook
    /// Its cells, in order, as they ran.
    public var cells: [ExecutedCell]
}
