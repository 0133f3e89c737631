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
        madeOutputs = []
        pendingText = ""
        printed = 0
    }

    /// Print output not yet in `outputs`: consecutive prints are joined here, in place, so a
    /// cell printing many lines takes time in proportion to what it prints.
    private var pendingText = ""
    /// Bytes printed by the current cell.
    private var printed = 0

    /// The outputs so far, print output included.
    var outputs: [Output] {
        flushText()
        return madeOutputs
    }
    private var madeOutputs: [Output] = []

    /// Writes print output, merged with the text just before it.
    func write(_ text: String) throws {
        printed += text.utf8.count
        if printed > Budgets.printedBytes {
            throw Failure("the cell printed more than the limit of \(Budgets.printedBytes) bytes (16 MiB)")
        }
        pendingText += text
    }

    func emit(_ output: Output) {
        flushText()
        madeOutputs.append(output)
    }

    private func flushText() {
        guard !pendingText.isEmpty else { return }
        if case let .text(previous)? = madeOutputs.last {
            madeOutputs[madeOutputs.count - 1] = .text(previous + pendingText)
        } else {
            madeOutputs.append(.text(pendingText))
        }
        pendingText = ""
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
        if count >= 1 << 17 { try Memory.check(adding: count &* 8, what) }
    }

    /// Throws when a value of `factors`' product elements would break the element limit (or
    /// when a factor is negative or past the limit itself: a 0 × Int.max shape is refused).
    func checkElements(product factors: [Int], _ what: String) throws {
        var total = 1
        for factor in factors {
            try checkElements(factor, what)
            let (product, overflow) = total.multipliedReportingOverflow(by: factor)
            total = overflow ? Int.max : product
        }
        try checkElements(total, what)
    }

    /// Throws when joining `count` and `more` elements would break the element limit.
    func checkElements(_ count: Int, plus more: Int, _ what: String) throws {
        let (total, overflow) = count.addingReportingOverflow(more)
        try checkElements(overflow ? Int.max : total, what)
    }
}
