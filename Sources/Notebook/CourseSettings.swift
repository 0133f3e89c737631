import Markup
import Foundation
import Yams

/// What `weave.yml` says about the whole course: its title and address, and where it lives.
///
/// ```yaml
/// title: Weight initialization
/// description: Why a network's weights must not start equal.
/// author: A. Teacher
/// base-url: https://example.org/course/
/// language: en
/// notebooks: Notebooks
/// output: output
/// safe: false
/// ```
public struct CourseSettings: Hashable, Sendable {
    /// The course title, shown in every page's header and on the index.
    public var title: String
    /// One paragraph under the title on the index.
    public var description: String?
    /// Who wrote the course (a `meta` tag on every page).
    public var author: String?
    /// Where the site is published, ending in `/`; it enables `sitemap.xml`.
    public var baseURL: String?
    /// The pages' language (`lang`).
    public var language: String
    /// The folder of notebooks; relative to `weave.yml` when read from one.
    public var notebooks: String
    /// The site folder; relative to `weave.yml` when read from one.
    public var output: String
    /// Safe mode: the notebooks' raw HTML is omitted, so no notebook can run script on a page
    /// (for notebooks from someone else; `--safe` on the command line turns it on too).
    public var safe: Bool

    /// Settings with the given values; every other one takes its default.
    public init(title: String = "weave", description: String? = nil, author: String? = nil, baseURL: String? = nil,
                language: String = "en", notebooks: String = "Notebooks", output: String = "output", safe: Bool = false) {
        self.title = title
        self.description = description
        self.author = author
        self.baseURL = baseURL
        self.language = language
        self.notebooks = notebooks
        self.output = output
        self.safe = safe
    }

    /// The keys `weave.yml` may hold.
    public static let keys = ["title", "description", "author", "base-url", "language", "notebooks", "output", "safe"]

    /// Reads `weave.yml` at `path`; its folders are taken relative to the file's own folder.
    /// - Throws: `NotebookFailure` with located problems: unreadable file, bad YAML, unknown keys, wrong types.
    public static func load(path: String) throws(NotebookFailure) -> CourseSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookFailure([Diagnostic(path: path, location: SourceLocation(line: 1, column: 1), message: "cannot read the course settings")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookFailure([Diagnostic(path: path, location: SourceLocation(line: 1, column: 1), message: "the file is not valid UTF-8")])
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text, path: path, folder: folder)
    }

    /// Parses the text of a `weave.yml`; `path` names it in diagnostics, and the folders it
    /// names are taken inside `folder` (the file's own folder; empty for the current one).
    public static func parse(_ text: String, path: String, folder: String = "") throws(NotebookFailure) -> CourseSettings {
        let base = folder.isEmpty ? "" : folder + "/"
        let source = SourceText(text)
        func problem(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
            let location = SourceLocation(line: line, column: column)
            return Diagnostic(path: path, location: location, message: message, excerpt: source.excerpt(at: location))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let message, let mark, _), .parser(_, let message, let mark, _), .composer(_, let message, let mark, _):
                throw NotebookFailure([problem(mark.line, mark.column, "invalid YAML: \(message)")])
            default:
                throw NotebookFailure([problem(1, 1, "invalid YAML: \(error)")])
            }
        } catch {
            throw NotebookFailure([problem(1, 1, "invalid YAML: \(error)")])
        }
        guard let root else { return CourseSettings() }
        guard case .mapping(let mapping) = root else {
            throw NotebookFailure([problem(root.mark?.line ?? 1, root.mark?.column ?? 1, "weave.yml must be a mapping of keys to values, like 'title: My course'")])
        }
        var settings = CourseSettings()
        var problems: [Diagnostic] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if key == "safe" {
                // Exactly `true` or `false`, unquoted: a setting that guards the pages is not guessed at.
                guard case .scalar(let scalar) = value, scalar.style == .plain, scalar.string == "true" || scalar.string == "false" else {
                    problems.append(problem(value.mark?.line ?? 1, value.mark?.column ?? 1, "'safe' takes true or false"))
                    continue
                }
                settings.safe = scalar.string == "true"
                continue
            }
            guard case .scalar(let scalar) = value else {
                problems.append(problem(value.mark?.line ?? 1, value.mark?.column ?? 1, "'\(key)' takes text"))
                continue
            }
            let text = scalar.string
            switch key {
            case "title": settings.title = text
            case "description": settings.description = text
            case "author": settings.author = text
            case "language": settings.language = text
            case "notebooks": settings.notebooks = base + text
            case "output": settings.output = base + text
            case "base-url":
                guard text.hasPrefix("https://") || text.hasPrefix("http://") else {
                    problems.append(problem(value.mark?.line ?? 1, value.mark?.column ?? 1, "'base-url' takes an address starting with https:// or http://"))
                    continue
                }
                settings.baseURL = text.hasSuffix("/") ? text : text + "/"
            default:
                var message = "unknown key '\(key)'"
                if let guess = Suggestion.closest(to: key, in: keys) {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += " (known keys: \(keys.joined(separator: ", ")))"
                }
                problems.append(problem(keyNode.mark?.line ?? 1, keyNode.mark?.column ?? 1, message))
            }
        }
        if !problems.isEmpty { throw NotebookFailure(problems) }
        return settings
    }
}
