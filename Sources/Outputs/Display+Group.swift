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

extension Display {
    /// The most groups a figure may sit in, one inside another: the renderers recurse this deep.
    public static let groupNesting = 8

    /// How many groups deep the display nests (0 for a figure that is not a group).
    public var groupDepth: Int {
        guard case let .group(group) = self else { return 0 }
        return 1 + (group.items.map(\.groupDepth).max() ?? 0)
    }
}
