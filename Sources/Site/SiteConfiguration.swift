/// Settings that apply to the whole site rather than to one notebook.
public struct SiteConfiguration: Hashable, Sendable {
    /// The course title shown in every page's header and on the index.
    public var title: String
    /// The language of the pages (`lang` attribute).
    public var language: String

    /// A configuration with the given title.
    public init(title: String = "weave", language: String = "en") {
        self.title = title
        self.language = language
    }
}
