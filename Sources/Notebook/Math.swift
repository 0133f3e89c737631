/// A TeX formula from the prose, kept byte for byte as the author wrote it.
public struct Math: Hashable, Sendable {
    /// The TeX between the delimiters, untouched by Markdown.
    public var tex: String
    /// Display math (`$$…$$`, `\[…\]`) rather than inline math (`$…$`, `\(…\)`).
    public var display: Bool
    /// Where the opening delimiter is.
    public var location: SourceLocation
    /// The display formula's `{#eq-…}` label, and its number on the page.
    public var label: String?
    public var number: Int?

    /// A formula.
    public init(tex: String, display: Bool, location: SourceLocation) {
        self.tex = tex
        self.display = display
        self.location = location
    }
}
