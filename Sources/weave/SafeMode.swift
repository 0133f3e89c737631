/// What `--safe` says in the help of `build`, `render` and `serve`, which all take it.
enum SafeMode {
    static let help = """
        For notebooks you do not trust: leave out their raw HTML (as cmark-gfm's safe mode does), \
        so that no notebook can run script on a page. Same as 'safe: true' in weave.yml. Links \
        and images to javascript:, vbscript:, file: and data: URLs are dropped with or without it.
        """
}
