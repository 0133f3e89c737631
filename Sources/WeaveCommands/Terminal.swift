import Foundation

/// Standard error, and whether a person is watching it (progress is shown only then).
enum Terminal {
    /// Whether standard error is a terminal.
    static let isInteractive = isatty(STDERR_FILENO) == 1

    /// Writes `text` to standard error as is.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes a line to standard output at once (a server's log is read as it happens).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes `weave: error: message`.
    static func error(_ message: String) {
        write("weave: error: \(message)\n")
    }

    /// Writes `weave: warning: message`.
    static func warning(_ message: String) {
        write("weave: warning: \(message)\n")
    }

    /// A progress line, only on a terminal.
    static func progress(_ message: String) {
        if isInteractive { write(message + "\n") }
    }
}
