/// Markers that stand in for math, cells and heading ids while cmark-gfm parses and renders.
///
/// They are made of characters from the end of Supplementary Private Use Area-B, which cmark
/// treats as word characters (so emphasis and tables around them behave as around a letter)
/// and which no author types; a notebook that contains one is rejected with a located error.
enum Placeholder {
    /// The kinds of marker; each is its opening character followed by digits and `end`.
    enum Kind: UInt32, CaseIterable {
        case math = 0x10FFF0
        case cell = 0x10FFF3
        case heading = 0x10FFF4
        case reference = 0x10FFF5
    }

    /// Closes a marker's digits.
    static let end: UInt32 = 0x10FFF1
    /// Stands for each line break inside a multi-line formula, keeping line numbers intact.
    static let continuation: UInt32 = 0x10FFF2
    /// The digits 0–9 are `digitZero` … `digitZero + 9`.
    static let digitZero: UInt32 = 0x10FFE0
    /// Every scalar from here up is reserved.
    static let reservedStart: UInt32 = 0x10FFE0

    /// The marker text for item `index` of `kind`.
    static func marker(_ kind: Kind, _ index: Int) -> String {
        var text = String(scalar(kind.rawValue))
        for digit in String(index).unicodeScalars {
            text.unicodeScalars.append(scalar(digitZero + digit.value - 48))
        }
        text.unicodeScalars.append(scalar(end))
        return text
    }

    /// The continuation marker as text.
    static let continuationText = String(scalar(continuation))

    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? "?"
    }
}
