extension Session {
    /// Lets go of the values of the top-level names not in `needed`, so the memory they hold
    /// is freed before the notebook ends. The names stay declared; only a caller that knows
    /// no later code refers to them may release them (`NotebookExecutor` proves it from the
    /// words of the cells still to run).
    public func release(keeping needed: Set<String>) {
        let globals = runtime.globals
        let slots = globalScope.blocks[0].filter { !needed.contains($0.key) }.map(\.value.slot)
            .filter { globals.slots[$0].tag != .void }
        // Released on the cells' own large stack, as a cell would, when there is anything to let go of.
        guard !slots.isEmpty else { return }
        LargeStack.run {
            for slot in slots { globals.slots[slot] = .void }
        }
    }

    /// Whether the value of the top-level `name` holds a function or closure (directly or in
    /// an array, dictionary or tuple): calling it may use other top-level names.
    public func holdsCode(_ name: String) -> Bool {
        guard let variable = globalScope.blocks[0][name] else { return false }
        var pending = [runtime.globals.slots[variable.slot]]
        while let value = pending.popLast() {
            switch value {
            case .function: return true
            case .array(let items, _): pending += items
            case .tuple(let tuple): pending += tuple.items
            case .dictionary(let box): pending += box.values
            default: break
            }
        }
        return false
    }

    /// Every run of `source` between ASCII spaces and punctuation (`_` and `$` belong to
    /// words, as does every non-ASCII character): a superset of the names the code refers to,
    /// whatever characters they use, comments and strings included. A word right after a
    /// single `.` is left out: `.xavier` and `net.xavier` name members, never a top-level
    /// value (after `...` it is a range's bound, and counts).
    public static func words(in source: String) -> Set<String> {
        var words: Set<String> = []
        var word = ""
        var member = false
        // The two scalars before the current word.
        var last: Unicode.Scalar = " ", beforeLast: Unicode.Scalar = " "
        for scalar in source.unicodeScalars {
            let ascii = scalar.isASCII
            if !ascii || scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if word.isEmpty { member = last == "." && beforeLast != "." }
                word.unicodeScalars.append(scalar)
            } else {
                if !word.isEmpty && !member { words.insert(word) }
                word = ""
            }
            (beforeLast, last) = (last, scalar)
        }
        if !word.isEmpty && !member { words.insert(word) }
        return words
    }
}
