/// The ceilings that hold for every value a cell makes, whatever made it: they keep a cell's
/// memory and the stack of the code that walks its values bounded, so that going past one
/// is a located error and never a failed allocation or a stack overflow.
enum Budgets {
    /// The most UTF-8 bytes one string may hold (16 MiB), and so one `print` or one
    /// interpolation.
    static let textBytes = 16 << 20
    /// The most text one cell may print in all (16 MiB).
    static let printedBytes = 16 << 20
    /// How deep values may nest (an array in an array in …): the code that describes,
    /// compares and hashes values recurses this deep, as does releasing one.
    static let nesting = 1_000

    /// Throws when a string of `count` + `more` UTF-8 bytes would pass `textBytes`.
    static func checkText(_ count: Int, plus more: Int = 0) throws {
        let (total, overflow) = count.addingReportingOverflow(more)
        if overflow || total > textBytes {
            throw Failure("the string would hold \(overflow ? "more than \(Int.max)" : "\(total)") bytes, more than the limit of \(textBytes) (16 MiB)")
        }
    }
}

/// Text built under `Budgets.textBytes`, so describing a value of a billion elements stops at
/// the limit instead of filling memory.
struct BoundedText {
    private(set) var text = ""
    let limit: Int

    init(limit: Int = Budgets.textBytes) {
        self.limit = limit
    }

    mutating func append(_ piece: String) throws {
        text += piece
        if text.utf8.count > limit {
            throw Failure("the text would be longer than the limit of \(limit) bytes")
        }
    }
}
