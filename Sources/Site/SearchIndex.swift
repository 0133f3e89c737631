import Foundation
import Execution
import Markup
import Notebook
import Outputs

/// The course's full-text search index, built with the pages from the executed notebooks:
/// every section's heading, prose, captions and claims (not its code or outputs), as an
/// inverted index from words to sections. It is a script (`assets/search-index.js`) that sets
/// `weaveSearchIndex`, so a page opened from `file://` can load it (Chromium refuses to fetch
/// local JSON); the page script loads it only when the search box is first used. The same
/// notebooks give the same bytes: sections in course order, words sorted.
struct SearchIndex {
    /// One searchable stretch of a page: from a heading to the next heading of level 2 or 3.
    struct Section {
        var lesson: Int
        var anchor: String
        var title: String
        var words: Set<String> = []
    }

    static let path = "assets/search-index.js"

    /// Words too common to help a search.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of",
        "on", "or", "so", "that", "the", "their", "then", "this", "to", "was", "we", "with",
    ]

    private(set) var lessons: [(page: String, title: String)] = []
    private(set) var sections: [Section] = []

    init(_ executed: [ExecutedNotebook]) {
        for notebook in executed {
            let lesson = lessons.count
            // The page script makes a link of it, so a name that reads as a scheme gets its `./`.
            lessons.append((SafeURL.relativeLink(toFile: notebook.notebook.name + ".html"), notebook.notebook.title))
            add(notebook, lesson: lesson)
        }
    }

    private mutating func add(_ executed: ExecutedNotebook, lesson: Int) {
        let notebook = executed.notebook
        var current = Section(lesson: lesson, anchor: "", title: notebook.title)
        func close() {
            if !current.words.isEmpty || !current.anchor.isEmpty { sections.append(current) }
        }
        for part in notebook.parts {
            switch part {
            case .html(let html):
                current.words.formUnion(Self.words(Self.text(ofHTML: html)))
            case .math:
                break
            case .heading(let index):
                guard notebook.headings.indices.contains(index) else { continue }
                let heading = notebook.headings[index]
                if heading.level == 2 || heading.level == 3 {
                    close()
                    current = Section(lesson: lesson, anchor: heading.id, title: heading.text)
                } else if heading.level == 1, current.anchor.isEmpty {
                    current.anchor = heading.id
                }
                current.words.formUnion(Self.words(heading.text))
            case .cell(let index):
                guard executed.cells.indices.contains(index) else { continue }
                let cell = executed.cells[index]
                if let caption = cell.cell.options.caption { current.words.formUnion(Self.words(caption)) }
                for output in cell.outputs {
                    if case .expectation(let claim) = output { current.words.formUnion(Self.words(claim.message)) }
                }
            }
        }
        close()
    }

    /// The index as the script the site ships.
    var script: String {
        var postings: [String: [Int]] = [:]
        for (number, section) in sections.enumerated() {
            for word in section.words { postings[word, default: []].append(number) }
        }
        let lessonList = lessons.map { "[\(Self.json($0.page)),\(Self.json($0.title))]" }.joined(separator: ",")
        let sectionList = sections.map { "[\($0.lesson),\(Self.json($0.anchor)),\(Self.json($0.title))]" }.joined(separator: ",")
        let wordList = postings.keys.sorted().map { word in
            "\(Self.json(word)):[\(postings[word, default: []].map(String.init).joined(separator: ","))]"
        }.joined(separator: ",")
        return "window.weaveSearchIndex={\"lessons\":[\(lessonList)],\n\"sections\":[\(sectionList)],\n\"words\":{\(wordList)}};\n"
    }

    /// Lower-case words of letters and digits, two characters or more, without stop words;
    /// the page script splits a query the same way.
    static func words(_ text: String) -> Set<String> {
        var words: Set<String> = []
        var word = ""
        func finish() {
            if word.unicodeScalars.count >= 2, !stopWords.contains(word) { words.insert(word) }
            word = ""
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// The text of an HTML fragment: tags dropped, the entities cmark-gfm writes decoded.
    static func text(ofHTML html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false; text.append(" ") }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// A JSON string literal, safe inside the script that carries the index.
    static func json(_ text: String) -> String {
        HTML.scriptJSONString(text)
    }
}
