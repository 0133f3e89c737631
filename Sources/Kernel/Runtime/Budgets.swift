#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// How many values one value may hold, counting every element of every element and a
    /// shared one each time it appears: the work of walking it once (2²⁵, twice the default
    /// element limit).
    static let reach = 1 << 25

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

/// The machine's memory, as seen before something large is made: values are bounded one by
/// one, but a notebook could keep making them (a thousand tensors of 16 million elements),
/// and a failed allocation ends the process. So anything of a megabyte or more is made only
/// while the process's resident memory plus its size stays within three quarters of the
/// machine's.
enum Memory {
    /// Three quarters of the physical memory (0 when unknown: no check).
    static let ceiling: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 0 }
        return pages / 4 * 3 * size
    }()

    /// The process's resident memory in bytes (from /proc/self/statm; 0 when unreadable).
    static func residentBytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = fread(&buffer, 1, buffer.count - 1, file)
        let fields = String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Throws when making `bytes` more would take the process past `ceiling`; results too
    /// large to check before they are made (a tensor sum, a product) are checked after, with
    /// `bytes` 0 and `large` true.
    static func check(adding bytes: Int, _ what: String, large: Bool = false, ceiling: Int = Memory.ceiling) throws {
        guard ceiling > 0, large || bytes >= 1 << 20 else { return }
        let resident = residentBytes()
        if resident &+ bytes > ceiling {
            throw Failure("\(what) would take weave's memory to \((resident &+ bytes) >> 20) MB, past three quarters of this machine's memory (\(ceiling >> 20) MB)")
        }
    }
}
