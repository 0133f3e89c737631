/// What a page tells the renderer about the figure it asks for.
public struct FigureContext: Sendable {
    /// The start of every id in the figure; distinct per figure on a page, the same every build.
    public var idPrefix: String
    /// The cell's `caption` option: shown under the figure and used as its title when it has none.
    public var caption: String?
    /// The cell's `alt` option: the figure's description for readers who cannot see it.
    public var alt: String?

    /// A context for one figure.
    public init(idPrefix: String, caption: String? = nil, alt: String? = nil) {
        self.idPrefix = idPrefix
        self.caption = caption
        self.alt = alt
    }
}
