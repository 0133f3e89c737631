import Notebook

/// Settings that apply to the whole site rather than to one notebook (from `weave.yml`).
public struct SiteConfiguration: Hashable, Sendable {
    /// The course title shown in every page's header and on the index.
    public var title: String
    /// A paragraph under the title on the index.
    public var description: String?
    /// Who wrote the course (a `meta` tag on every page).
    public var author: String?
    /// The language of the pages (`lang` attribute).
    public var language: String
    /// Where the site is published, ending in `/`; with it, the site gets a `sitemap.xml`.
    public var baseURL: String?

    /// A configuration with the given title.
    public init(title: String = "weave", description: String? = nil, author: String? = nil,
                language: String = "en", baseURL: String? = nil) {
        self.title = title
        self.description = description
        self.author = author
        self.language = language
        self.baseURL = baseURL
    }

    /// The site settings of a course's `weave.yml`, defaults where it says nothing.
    public init(_ settings: CourseSettings) {
        self.init(title: settings.title ?? "weave", description: settings.description, author: settings.author,
                  language: settings.language ?? "en", baseURL: settings.baseURL)
    }
}
