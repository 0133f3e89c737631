import Foundation
import Notebook
import Site

/// The course a command works on: its folders and its site settings, from the command line
/// and `weave.yml` (the command line wins).
struct Course {
    var notebooks: String
    var output: String
    var configuration: SiteConfiguration

    /// Reads `config` (or `weave.yml` in the current folder, when present) and applies the
    /// command line's folders over it.
    static func resolve(notebooks: String?, output: String?, config: String?) throws -> Course {
        var settings = CourseSettings()
        var base = ""
        let path = config ?? (FileManager.default.fileExists(atPath: "weave.yml") ? "weave.yml" : nil)
        if let path {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw UsageError(message: "cannot read the course settings '\(path)'")
            }
            do {
                settings = try CourseSettings.load(path: path)
            } catch {
                throw NotebooksFailed.report(error.diagnostics)
            }
            let folder = (path as NSString).deletingLastPathComponent
            base = folder.isEmpty ? "" : folder + "/"
        }
        return Course(
            notebooks: notebooks ?? settings.notebooks.map { base + $0 } ?? "Notebooks",
            output: output ?? settings.output.map { base + $0 } ?? "output",
            configuration: SiteConfiguration(settings))
    }
}
