/// What a cell's source must satisfy before swift-syntax sees it: no characters that Swift
/// source cannot hold (control characters, a byte order mark inside the text), and brackets
/// nested within limits. swift-syntax stops with a fatal error on some of those characters
/// next to an operator, and its parser takes time exponential in how many square brackets
/// are open at once (`[[[[…1]]]]`, ×1.7 per level), so both the cell parser and the page's
/// highlighter ask here first.
public enum SwiftSourceGate {
    /// How deeply brackets of any kind (and string interpolations) may nest.
    public static let nesting = 64
    /// How many square brackets may be open at once.
    public static let squareNesting = 12

    /// Why the source is refused: the message, and where (a 0-based line and a 0-based
    /// column counted in Unicode scalars, within the source).
    public struct Refusal: Error, Equatable, Sendable {
        public let line: Int
        public let column: Int
        public let message: String

        public init(line: Int, column: Int, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// The first reason to refuse `source`, or nil when swift-syntax may parse it.
    public static func check(_ source: String) -> Refusal? {
        let scalars = Array(source.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if let problem = forbidden(scalar) { return refusal(at: index, in: scalars, problem) }
        }
        var scanner = Scanner(scalars: scalars)
        return scanner.scan().map { refusal(at: $0.index, in: scalars, $0.message) }
    }

    /// Why a scalar cannot appear in Swift source, or nil when it may: control characters
    /// other than tab and line breaks, DEL and the C1 controls, and U+FEFF (a byte order
    /// mark is only allowed before the first character of a file, which a cell is not).
    static func forbidden(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        let isControl = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
        guard isControl || value == 0xFEFF else { return nil }
        let code = SwiftSourceGate.code(scalar)
        return "the character \(code) (\(value == 0xFEFF ? "a byte order mark" : "a control character")) cannot appear in Swift source"
    }

    /// A scalar as Unicode writes it: `U+FEFF`, `U+000B`.
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The refusal located at scalar `index`.
    private static func refusal(at index: Int, in scalars: [Unicode.Scalar], _ message: String) -> Refusal {
        var line = 0, column = 0
        for scalar in scalars[..<min(index, scalars.count)] {
            if scalar == "\n" { line += 1; column = 0 } else { column += 1 }
        }
        return Refusal(line: line, column: column, message: message)
    }

    /// One pass over the scalars, knowing enough of Swift's lexical structure (comments,
    /// string literals with their interpolations, raw strings) to count only real brackets.
    private struct Scanner {
        enum Context {
            case code
            /// A string literal: its `#` count and whether it is multi-line.
            case string(hashes: Int, multiline: Bool)
            /// An interpolation `\( … )` inside a string: brackets count here as in code.
            case interpolation
        }

        let scalars: [Unicode.Scalar]
        var index = 0
        /// The open brackets; `\` stands for an open interpolation.
        var stack: [Unicode.Scalar] = []
        var contexts: [Context] = [.code]
        var squares = 0

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        /// How many `#` follow `offset` positions on.
        func hashes(from offset: Int) -> Int {
            var count = 0
            while at(offset + count) == "#" { count += 1 }
            return count
        }

        mutating func scan() -> (index: Int, message: String)? {
            while index < scalars.count {
                let scalar = scalars[index]
                var advance = 1
                switch contexts[contexts.count - 1] {
                case .code, .interpolation:
                    let inInterpolation: Bool
                    if case .interpolation = contexts[contexts.count - 1] { inInterpolation = true } else { inInterpolation = false }
                    if scalar == "/" && at(1) == "/" {
                        while let next = at(advance), next != "\n" { advance += 1 }
                    } else if scalar == "/" && at(1) == "*" {
                        var depth = 1
                        advance = 2
                        while depth > 0, let next = at(advance) {
                            if next == "*" && at(advance + 1) == "/" { depth -= 1; advance += 2 }
                            else if next == "/" && at(advance + 1) == "*" { depth += 1; advance += 2 }
                            else { advance += 1 }
                        }
                    } else if scalar == "#" || scalar == "\"" {
                        let count = hashes(from: 0)
                        if at(count) == "\"" {
                            let multiline = at(count + 1) == "\"" && at(count + 2) == "\""
                            advance = count + (multiline ? 3 : 1)
                            contexts.append(.string(hashes: count, multiline: multiline))
                        } else {
                            advance = max(count, 1)
                        }
                    } else if scalar == "(" || scalar == "[" || scalar == "{" {
                        stack.append(scalar)
                        if scalar == "[" { squares += 1 }
                        if let problem = tooDeep() { return (index, problem) }
                    } else if scalar == ")" || scalar == "]" || scalar == "}" {
                        if inInterpolation, scalar == ")", stack.last == "\\" {
                            stack.removeLast()
                            contexts.removeLast()
                        } else if let open = stack.last, open != "\\" {
                            stack.removeLast()
                            if open == "[" { squares -= 1 }
                        }
                    }
                case let .string(count, multiline):
                    if scalar == "\\" && hashes(from: 1) >= count {
                        advance = 1 + count
                        if at(advance) == "(" {
                            advance += 1
                            stack.append("\\")
                            contexts.append(.interpolation)
                            if let problem = tooDeep() { return (index, problem) }
                        } else if at(advance) != nil {
                            advance += 1
                        }
                    } else if scalar == "\"" {
                        let quotes = multiline ? 3 : 1
                        if (0..<quotes).allSatisfy({ at($0) == "\"" }) && hashes(from: quotes) >= count {
                            advance = quotes + count
                            contexts.removeLast()
                        }
                    } else if scalar == "\n" && !multiline {
                        // An unterminated string ends with its line (swift-syntax reports it).
                        contexts.removeLast()
                    }
                }
                index += advance
            }
            return nil
        }

        func tooDeep() -> String? {
            if squares > SwiftSourceGate.squareNesting {
                return "more than \(SwiftSourceGate.squareNesting) square brackets are open at once; cells nest arrays at most \(SwiftSourceGate.squareNesting) deep"
            }
            if stack.count > SwiftSourceGate.nesting {
                return "brackets and interpolations nest more than \(SwiftSourceGate.nesting) deep"
            }
            return nil
        }
    }
}
