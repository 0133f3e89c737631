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
        /// The heading `headings[index]`.
        case heading(Int)
    }

    /// A heading: where it stands is a `.heading` part; the page writes its element and anchor.
    public struct Heading: Hashable, Sendable {
        /// 1 for `#`, 2 for `##`, ….
        public var level: Int
        /// The id on the page, unique and stable.
        public var id: String
        /// The heading's content as cmark-gfm rendered it (inline HTML) and its formulas.
        public var markup: [Part]
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
    /// How many lines the front matter takes, both `---` lines included (0 without one).
    public var frontMatterLines: Int
    /// The title: the front matter's, else the first `#` heading's text, else the file name.
    public var title: String
    /// The page in order.
    public var parts: [Part]
    /// The code cells in order.
    public var cells: [Cell]
    /// The headings in order.
    public var headings: [Heading]
    /// What each label that can be referenced (`fig-…`, `tbl-…`, `eq-…`, `sec-…`) stands for.
    public var crossReferences: [String: CrossReference] = [:]
    /// Whether the notebook was read in safe mode: its raw HTML is omitted from `parts`.
    public var safe = false
    /// Every formula in order, those in headings included.
    public var math: [Math] {
        parts.flatMap { part -> [Math] in
            switch part {
            case .math(let math): [math]
            case .heading(let index) where headings.indices.contains(index):
                headings[index].markup.compactMap { if case .math(let math) = $0 { math } else { nil } }
            case .html, .cell, .heading: []
            }
        }
    }
}
