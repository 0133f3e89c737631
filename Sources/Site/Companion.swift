import Execution

/// A file published beside each lesson's page and linked from it: made from the executed
/// notebook, like the page, so the two always agree.
public struct Companion: Sendable {
    /// The file's extension: the file is the page's name with it (`01-symmetry.md`).
    public var fileExtension: String
    /// The link's text.
    public var label: String
    /// The file's bytes.
    public var make: @Sendable (ExecutedNotebook) -> [UInt8]

    /// A companion written as `NAME.fileExtension`.
    public init(fileExtension: String, label: String, make: @escaping @Sendable (ExecutedNotebook) -> [UInt8]) {
        self.fileExtension = fileExtension
        self.label = label
        self.make = make
    }

    /// The lesson's own Markdown, byte for byte.
    public static let markdownSource = Companion(fileExtension: "md", label: "Markdown source") { executed in
        Array(executed.notebook.source.utf8)
    }
}
