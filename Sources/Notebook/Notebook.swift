/// A loaded notebook: front matter, prose already rendered by cmark-gfm, formulas, and cells,
/// in document order. Nothing downstream parses Markdown again.
public struct Notebook: Sendable {
    /// One piece of the page, in document order.
    public enum Part: Hashable, Sendable {
        /// HTML rendered by cmark-gfm (concatenated with its neighbours it is well formed).
        case html(String)
        /// A formula, to be typeset.
        case math(Math)
        /// The cell `cells[index]`.
        case cell(Int)
    }

    /// A heading, for the table of contents and anchors.
    public struct Heading: Hashable, Sendable {
        /// 1 for `#`, 2 for `##`, ….
        public var level: Int
        /// The id on the page, unique and stable.
        public var id: String
        /// The heading's text (formulas as their delimited TeX).
        public var text: String
        /// The heading's text as parts: escaped text and formulas (for a table of contents).
        public var content: [Part]
    }

    /// The path as given (used in diagnostics).
    public var path: String
    /// The file's text (line ends normalised to `\n`), for excerpts under diagnostics.
    public var source: String
    /// The file name without `.md`: the page is `name.html`.
    public var name: String
    /// What the front matter says.
    public var frontMatter: FrontMatter
    /// The title: the front matter's, else the first `#` heading's text, else the file name.
    public var title: String
    /// The page in order.
    public var parts: [Part]
    /// The code cells in order.
    public var cells: [Cell]
    /// The headings in order.
    public var headings: [Heading]
    /// Every formula in order.
    public var math: [Math] {
        parts.compactMap { part in
            if case .math(let math) = part { math } else { nil }
        }
    }
}
