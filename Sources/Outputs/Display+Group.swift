extension Display {
    /// Several displays shown together as small multiples.
    public struct Group: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The displays, in order.
        public var items: [Display]
        /// The title of the group, if any.
        public var title: String?

        /// A group of displays.
        public init(items: [Display], title: String? = nil) {
            self.items = items
            self.title = title
        }

        /// "group: 3 figures".
        public var description: String {
            "group: " + items.map(\.description).joined(separator: "; ")
        }
    }
}
