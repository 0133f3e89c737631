import Markup

/// What `weave serve` adds to the pages it serves, and only to those: a few lines of script
/// that reload the page when the site is rebuilt, and the page that shows a failed build.
enum LiveScript {
    /// The path of the reload channel (a WebSocket).
    static let channel = "/__weave/live"

    /// The script for a page of build `generation`: the server says the current build when
    /// the page connects and after each rebuild; another one than the page's reloads it. When
    /// the server goes away, it tries again every half second.
    static func script(generation: Int) -> String {
        """
        <script>(function(){var shown="\(generation)";function open(){var ws=new WebSocket((location.protocol==="https:"?"wss://":"ws://")+location.host+"\(channel)");\
        ws.onmessage=function(e){var g=String(e.data).split(" ")[1];if(g!==shown){shown=g;location.reload();}};\
        ws.onclose=function(){setTimeout(open,500);};}open();})();</script>
        """
    }

    /// `html` with the script before its closing `</body>` (or at its end).
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let text = String(decoding: html, as: UTF8.self)
        let script = script(generation: generation)
        guard let end = text.range(of: "</body>", options: .backwards) else { return Array((text + script).utf8) }
        return Array((text[..<end.lowerBound] + script + text[end.lowerBound...]).utf8)
    }

    /// The page every HTML address shows while the last build failed: each error with its
    /// location and caret excerpt, as the terminal shows them.
    static func overlay(_ errors: [String], generation: Int) -> [UInt8] {
        let items = errors.map { HTML.element("pre", ["class": "weave-error"], content: HTML.escape($0)) }.joined(separator: "\n")
        let count = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
        let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>weave: the build failed</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1f23;background:#fff}\
        h1{font-size:1.4rem;color:#b3261e}pre{background:#f5f6f8;border-left:4px solid #b3261e;padding:.8rem 1rem;overflow-x:auto}\
        @media (prefers-color-scheme: dark){body{color:#e6e7ea;background:#16181c}pre{background:#1f2228}h1{color:#ff7a70}}</style>
        </head><body><main><h1>The build failed: \(count)</h1>
        <p>Fix the notebook and save it: this page reloads by itself when the build succeeds.</p>
        \(items)
        </main>\(script(generation: generation))</body></html>

        """
        return Array(page.utf8)
    }
}
