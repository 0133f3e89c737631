import Foundation
import Notebook

/// The course a command works on: `weave.yml` (the one given, else the one in the current
/// folder, if any) with the command line's folders over it.
enum Course {
    /// The settings to build with; the command line's `notebooks` and `output` win.
    static func settings(notebooks: String?, output: String?, config: String?) throws -> CourseSettings {
        var settings = CourseSettings()
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
        }
        if let notebooks { settings.notebooks = notebooks }
        if let output { settings.output = output }
        return settings
    }
}
