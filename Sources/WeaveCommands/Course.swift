import Foundation
import Notebook

/// The course a command works on: `weave.yml` (the one given, else the one in the current
/// folder, if any) with the command line's folders over it.
struct Course {
    /// The settings to build with; the command line's `notebooks` and `output` won.
    var settings: CourseSettings
    /// The folder of `weave.yml` ("" for the current folder, or when there is none).
    var folder: String

    /// Reads the settings; the command line's `notebooks` and `output` win over them, and its
    /// `--safe` turns safe mode on (it cannot turn off a `safe: true` of `weave.yml`).
    static func resolve(notebooks: String?, output: String?, config: String?, safe: Bool = false) throws -> Course {
        var settings = CourseSettings()
        var folder = ""
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
            folder = (path as NSString).deletingLastPathComponent
        }
        if let notebooks { settings.notebooks = notebooks }
        if let output { settings.output = output }
        if safe { settings.safe = true }
        return Course(settings: settings, folder: folder)
    }

    /// The execution cache's folder: `given`, else `.weave-cache` beside `weave.yml` (or in the
    /// current folder when there is none).
    func cacheDirectory(_ given: String?) -> URL {
        URL(fileURLWithPath: given ?? (folder.isEmpty ? ".weave-cache" : folder + "/.weave-cache"))
    }
}
