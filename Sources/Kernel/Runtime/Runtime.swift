import Outputs
/// The mutable state of a running notebook that compiled code shares: budgets, call depth,
/// outputs, and the notebook's top-level variables.
final class Runtime {
    /// The most top-level variables a notebook may declare.
    static let globalCapacity = 1 << 15

    let limits: Limits
    /// Steps left in the current cell (a pointer, so compiled loops decrement it cheaply).
    let budget: UnsafeMutablePointer<Int>
    /// How deep cell function calls are nested right now.
    var depth = 0
    /// The top-level variables of the notebook, shared by all its cells.
    let globals: Frame
    private(set) var outputs: [Output] = []

    init(limits: Limits) {
        self.limits = limits
        budget = .allocate(capacity: 1)
        budget.initialize(to: limits.steps)
        globals = Frame(count: Runtime.globalCapacity, parent: nil)
    }

    deinit {
        budget.deallocate()
    }

    /// Starts a cell: a full budget, no outputs.
    func startCell() {
        budget.pointee = limits.steps
        depth = 0
        outputs = []
    }

    /// Writes print output, merged with the text just before it.
    func write(_ text: String) {
        if case let .text(previous)? = outputs.last {
            outputs[outputs.count - 1] = .text(previous + text)
        } else {
            outputs.append(.text(text))
        }
    }

    func emit(_ output: Output) {
        outputs.append(output)
    }

    /// Spends `steps` steps; throws when the cell's budget is gone.
    @inline(__always)
    func spend(_ steps: Int) throws {
        budget.pointee &-= steps
        if budget.pointee < 0 { throw Failure(budgetMessage) }
    }

    var budgetMessage: String {
        "the cell ran out of its budget of \(limits.steps) steps (an endless loop?)"
    }

    /// Throws when a value of `count` elements would break the element limit.
    func checkElements(_ count: Int, _ what: String) throws {
        if count > limits.tensorElements || count < 0 {
            throw Failure("\(what) would hold \(count) elements, more than the limit of \(limits.tensorElements)")
        }
    }
}
