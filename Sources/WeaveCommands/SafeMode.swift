/// What `--safe` says in the help of `build`, `render` and `serve`, which all take it.
enum SafeMode {
    static let help = """
        For notebooks you do not trust: leave out their raw HTML (as cmark-gfm's safe mode does), \
        so that no notebook can run script on a page. Same as 'safe: true' in weave.yml. \
        Dangerous URLs (javascript:, vbscript:, file:, and data: but an image's) are dropped \
        with or without it.
        """
}
