import Markup
import Yams

/// The YAML block between a first line `---` and the next `---`: what the index and the page
/// say about a notebook, and the defaults for its cells.
public struct FrontMatter: Hashable, Sendable {
    /// The page title (falls back to the first `#` heading, then the file name).
    public var title: String?
    /// One line for the index.
    public var description: String?
    /// The sort key on the index; notebooks without one come after, by file name.
    public var order: Double?
    /// Who wrote the notebook.
    public var author: String?
    /// The date as written (shown as is, never interpreted).
    public var date: String?
    /// A draft is checked but not published.
    public var draft: Bool = false
    /// Defaults for every cell's options (`execute: {echo: false}`).
    public var execute = CellOptions()
    /// Per-cell limits that replace the defaults (`limits: {steps: 200000000}`).
    public var limits = LimitSettings()

    /// Empty front matter.
    public init() {}

    /// The keys front matter may hold.
    public static let keys = ["title", "description", "order", "author", "date", "draft", "execute", "limits"]
}

/// Limits a notebook sets for its cells; nil keeps the cell language's default.
public struct LimitSettings: Hashable, Sendable {
    /// Interpreter steps one cell may take.
    public var steps: Int?
    /// How deep calls may nest.
    public var callDepth: Int?
    /// How many tensor elements a cell may hold at once.
    public var tensorElements: Int?

    /// No limit changed.
    public init() {}

    /// The keys of `limits:` in front matter.
    public static let keys = ["steps", "call-depth", "tensor-elements"]

    /// The largest value each key accepts: about 100 s of work per cell, calls nested as
    /// deep as the interpreter's stack holds with room to spare, and 800 MB of doubles.
    /// (The cell language's `Limits.ceiling` holds the same numbers.)
    public static let ceilings = ["steps": 2_000_000_000, "call-depth": 10_000, "tensor-elements": 100_000_000]
}

extension FrontMatter {
    /// How many lines the front matter occupies, both `---` lines included; 0 when there is none.
    /// - Throws: `NotebookFailure` when the opening `---` is never closed.
    static func lineCount(in source: SourceText, path: String) throws(NotebookFailure) -> Int {
        guard let first = source.lines.first, isDelimiter(first) else { return 0 }
        guard let closing = source.lines.indices.dropFirst().first(where: {
            isDelimiter(source.lines[$0]) || source.lines[$0].trimmingTrailingSpaces() == "..."
        }) else {
            let start = SourceLocation(line: 1, column: 1)
            throw NotebookFailure([Diagnostic(
                path: path, location: start,
                message: "front matter is not closed: add a line '---' after its last key",
                excerpt: source.excerpt(at: start))])
        }
        return closing + 1
    }

    /// Parses the front matter occupying the first `lineCount` lines of `source`.
    /// - Throws: `NotebookFailure` for bad YAML or a bad key or value, located in the file.
    static func parse(_ source: SourceText, lineCount: Int, path: String) throws(NotebookFailure) -> FrontMatter {
        guard lineCount >= 2 else { return FrontMatter() }
        let yaml = source.lines[1..<(lineCount - 1)].joined(separator: "\n")
        return try Parser(yaml: yaml, path: path, source: source, firstLine: 2).parse()
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces() == "---"
    }

    /// Reads the YAML node tree, keeping every node's position to report errors at it.
    private struct Parser {
        let yaml: String
        let path: String
        let source: SourceText
        let firstLine: Int

        func parse() throws(NotebookFailure) -> FrontMatter {
            let root: Node?
            do {
                root = try Yams.compose(yaml: yaml)
            } catch let error as YamlError {
                throw failure(yamlError: error)
            } catch {
                throw failure(at: SourceLocation(line: firstLine, column: 1), "invalid front matter: \(error)")
            }
            guard let root else { return FrontMatter() }
            guard case .mapping(let mapping) = root else {
                throw failure(at: location(of: root), "front matter must be a mapping of keys to values, like 'title: My lesson'")
            }
            var result = FrontMatter()
            var problems: [Diagnostic] = []
            for (keyNode, value) in mapping {
                guard let key = keyNode.string else {
                    problems.append(diagnostic(at: location(of: keyNode), "front matter keys must be plain words"))
                    continue
                }
                do {
                    try apply(key: key, keyNode: keyNode, value: value, to: &result)
                } catch {
                    problems.append(contentsOf: error.diagnostics)
                }
            }
            if !problems.isEmpty { throw NotebookFailure(problems) }
            return result
        }

        private func apply(key: String, keyNode: Node, value: Node, to result: inout FrontMatter) throws(NotebookFailure) {
            switch key {
            case "title": result.title = try text(value, key)
            case "description": result.description = try text(value, key)
            case "author": result.author = try text(value, key)
            case "date": result.date = try text(value, key)
            case "order":
                guard case .scalar = value, let number = value.float else {
                    throw failure(at: location(of: value), "'order' takes a number, like 'order: 2'")
                }
                result.order = number
            case "draft":
                guard case .scalar = value, let flag = value.bool else {
                    throw failure(at: location(of: value), "'draft' takes true or false")
                }
                result.draft = flag
            case "execute":
                result.execute = try cellDefaults(value)
            case "limits":
                result.limits = try limits(value)
            default:
                var message = "unknown front matter key '\(key)'"
                if let guess = Suggestion.closest(to: key, in: FrontMatter.keys) {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += " (known keys: \(FrontMatter.keys.joined(separator: ", ")))"
                }
                throw failure(at: location(of: keyNode), message)
            }
        }

        private func text(_ node: Node, _ key: String) throws(NotebookFailure) -> String {
            guard case .scalar(let scalar) = node else {
                throw failure(at: location(of: node), "'\(key)' takes text, not a list or a mapping")
            }
            return scalar.string
        }

        private func cellDefaults(_ node: Node) throws(NotebookFailure) -> CellOptions {
            guard case .mapping(let mapping) = node else {
                throw failure(at: location(of: node), "'execute' takes a mapping of cell options, like 'execute: {echo: false}'")
            }
            var options = CellOptions()
            var problems: [Diagnostic] = []
            for (keyNode, value) in mapping {
                let name = keyNode.string ?? ""
                guard CellOptions.booleanNames.contains(name) || !CellOptions.names.contains(name) else {
                    problems.append(diagnostic(at: location(of: keyNode), "'\(name)' is set per cell, not under 'execute'"))
                    continue
                }
                guard case .scalar(let scalar) = value else {
                    problems.append(diagnostic(at: location(of: value), "option '\(name)' takes true or false"))
                    continue
                }
                switch options.set(name, to: scalar.string) {
                case nil: break
                case .unknownName(let message): problems.append(diagnostic(at: location(of: keyNode), message))
                case .badValue(let message): problems.append(diagnostic(at: location(of: value), message))
                }
            }
            if !problems.isEmpty { throw NotebookFailure(problems) }
            return options
        }

        private func limits(_ node: Node) throws(NotebookFailure) -> LimitSettings {
            guard case .mapping(let mapping) = node else {
                throw failure(at: location(of: node), "'limits' takes a mapping, like 'limits: {steps: 200000000}'")
            }
            var settings = LimitSettings()
            var problems: [Diagnostic] = []
            for (keyNode, value) in mapping {
                let name = keyNode.string ?? ""
                guard LimitSettings.keys.contains(name) else {
                    var message = "unknown limit '\(name)'"
                    if let guess = Suggestion.closest(to: name, in: LimitSettings.keys) {
                        message += "; did you mean '\(guess)'?"
                    } else {
                        message += " (known limits: \(LimitSettings.keys.joined(separator: ", ")))"
                    }
                    problems.append(diagnostic(at: location(of: keyNode), message))
                    continue
                }
                let ceiling = LimitSettings.ceilings[name] ?? 1
                guard case .scalar = value, let number = value.int, number > 0, number <= ceiling else {
                    problems.append(diagnostic(at: location(of: value), "limit '\(name)' takes a whole number from 1 to \(ceiling)"))
                    continue
                }
                switch name {
                case "steps": settings.steps = number
                case "call-depth": settings.callDepth = number
                default: settings.tensorElements = number
                }
            }
            if !problems.isEmpty { throw NotebookFailure(problems) }
            return settings
        }

        /// The file location of a node: YAML lines are offset by the opening `---`.
        private func location(of node: Node) -> SourceLocation {
            guard let mark = node.mark else { return SourceLocation(line: firstLine, column: 1) }
            return SourceLocation(line: mark.line + firstLine - 1, column: mark.column)
        }

        private func failure(yamlError: YamlError) -> NotebookFailure {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                return failure(at: SourceLocation(line: mark.line + firstLine - 1, column: mark.column),
                               "invalid YAML in front matter: \(problem)")
            default:
                return failure(at: SourceLocation(line: firstLine, column: 1), "invalid YAML in front matter: \(yamlError)")
            }
        }

        private func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
            Diagnostic(path: path, location: location, message: message, excerpt: source.excerpt(at: location))
        }

        private func failure(at location: SourceLocation, _ message: String) -> NotebookFailure {
            NotebookFailure([diagnostic(at: location, message)])
        }
    }
}

extension Substring {
    /// The line without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
