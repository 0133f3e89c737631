/// A file of the finished site: where it goes and what it holds.
public struct SiteFile: Hashable, Sendable {
    /// The path inside the site folder, with `/` separators.
    public var path: String
    /// The bytes to write.
    public var contents: [UInt8]

    /// A file at `path` holding `contents`.
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// A text file at `path`, UTF-8 encoded.
    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
