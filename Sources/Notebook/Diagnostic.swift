/// A problem found in a notebook, located in its file, printed as compilers print theirs.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The notebook's path as the user gave it (relative paths stay relative).
    public var path: String
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// The offending source line with a caret under the column, when known.
    public var excerpt: String?

    /// A diagnostic at `location` in the file at `path`.
    public init(path: String, location: SourceLocation, message: String, excerpt: String? = nil) {
        self.path = path
        self.location = location
        self.message = message
        self.excerpt = excerpt
    }

    /// `path:line:column: error: message`, the form editors and CI logs turn into links.
    public var description: String { "\(path):\(location.line):\(location.column): error: \(message)" }

    /// The description followed by the excerpt, if any: what a terminal shows.
    public var detailed: String {
        guard let excerpt else { return description }
        return description + "\n" + excerpt
    }
}

/// One or more diagnostics that stop a notebook from loading or running.
public struct NotebookFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]

    /// A failure made of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
