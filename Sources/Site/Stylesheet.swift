/// weave's stylesheet: one file shared by every page, light and dark themes from CSS variables.
enum Stylesheet {
    static let css = """
    :root {
      --text: #1d1f23; --muted: #5b606a; --background: #ffffff; --surface: #f5f6f8;
      --border: #d9dce1; --link: #1a56b8; --code-background: #f3f4f6; --accent: #7a3db8;
      --hl-keyword: #a0237c; --hl-type: #3b5ca8; --hl-string: #a0410d; --hl-number: #1f6f43;
      --hl-comment: #5f6670; --hl-attribute: #7c5b00;
      --note: #0969da; --tip: #1a7f37; --important: #8250df; --warning: #8a5d00; --caution: #c4202b;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6e7ea; --muted: #a4a9b3; --background: #16181c; --surface: #1f2228;
        --border: #363a42; --link: #8db8ff; --code-background: #22252b; --accent: #c79bf2;
        --hl-keyword: #ff8ccf; --hl-type: #8fb8ff; --hl-string: #ffa76b; --hl-number: #79d9a0;
        --hl-comment: #9aa1ab; --hl-attribute: #e3c25a;
        --note: #4493f8; --tip: #3fb950; --important: #ab7df8; --warning: #d29922; --caution: #f85149;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--background); color: var(--text);
      font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
    }
    a { color: var(--link); }
    .skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--background); padding: 0.4rem 0.8rem; z-index: 10; }
    .skip-link:focus { left: 0.5rem; }
    .site-header { border-bottom: 1px solid var(--border); padding: 0.75rem 1rem; }
    .site-title { font-weight: 600; text-decoration: none; color: var(--text); }
    main { max-width: 46rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
    h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
    h1 { font-size: 2rem; margin-top: 0.8em; }
    pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
    code { background: var(--code-background); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { background: var(--code-background); padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
    pre code { background: none; padding: 0; font-size: inherit; }
    table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--border); padding: 0.3rem 0.7rem; }
    th { background: var(--surface); }
    blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid var(--border); color: var(--muted); }
    .callout { --c: var(--note); margin: 1em 0; padding: 0.1rem 1rem; border-left: 4px solid var(--c); border-radius: 4px; background: var(--surface); }
    .callout-tip { --c: var(--tip); } .callout-important { --c: var(--important); }
    .callout-warning { --c: var(--warning); } .callout-caution { --c: var(--caution); }
    .callout-title { color: var(--c); font-weight: 600; margin: 0.6em 0; }
    summary.callout-title { cursor: pointer; }
    .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    .search { position: relative; margin-left: auto; }
    .search input { font: inherit; font-size: 0.9rem; padding: 0.25rem 0.5rem; width: 14rem; max-width: 100%; color: var(--text); background: var(--background); border: 1px solid var(--border); border-radius: 4px; }
    .search-results { position: absolute; right: 0; z-index: 5; margin: 0.3rem 0 0; padding: 0.3rem 0; list-style: none; width: min(24rem, 90vw); background: var(--background); border: 1px solid var(--border); border-radius: 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.15); }
    .search-results a { display: block; padding: 0.3rem 0.7rem; text-decoration: none; }
    .search-results a:hover, .search-results a:focus { background: var(--surface); }
    .stepper-controls { display: flex; align-items: center; gap: 0.4rem; margin: 0.5rem 0; }
    .stepper-controls button { font: inherit; font-size: 0.85rem; min-width: 2.2rem; padding: 0.15rem 0.4rem; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 4px; cursor: pointer; }
    .stepper-controls button:disabled { opacity: 0.5; cursor: default; }
    .stepper-controls input[type=range] { flex: 1; min-width: 6rem; }
    .stepper-status { font-variant-numeric: tabular-nums; margin: 0.3rem 0; }
    .stepper-loss svg { max-width: 20rem; height: auto; display: block; }
    .stepper-mark { fill: var(--accent); stroke: var(--background); stroke-width: 1.5; }
    .step-current { background: var(--code-background); box-shadow: inset 0 -2px 0 var(--accent); }
    .stepper-ties { color: var(--muted); font-size: 0.9em; margin: 0.3rem 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .cell-input { position: relative; }
    .copy { position: absolute; top: 0.35rem; right: 0.35rem; font: inherit; font-size: 0.8rem; padding: 0.1rem 0.5rem; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 4px; cursor: pointer; opacity: 0.75; }
    .copy:hover, .copy:focus-visible { opacity: 1; }
    .downloads { font-size: 0.9em; color: var(--muted); }
    .cell-fold > summary { cursor: pointer; color: var(--muted); font-size: 0.9em; margin: 0.3em 0; }
    .callout-icon { vertical-align: -0.15em; margin-right: 0.4rem; fill: none; stroke: currentColor; stroke-width: 1.5; stroke-linecap: round; stroke-linejoin: round; }
    img, svg { max-width: 100%; height: auto; }
    .hl-k { color: var(--hl-keyword); }
    .hl-t { color: var(--hl-type); }
    .hl-s { color: var(--hl-string); }
    .hl-n, .hl-d { color: var(--hl-number); }
    .hl-c { color: var(--hl-comment); font-style: italic; }
    .hl-a { color: var(--hl-attribute); }
    .math.display { display: block; overflow-x: auto; overflow-y: hidden; }
    .katex-display { margin: 0.8em 0; }
    .cell { margin: 1.2em 0; }
    .cell-source { border-left: 3px solid var(--accent); }
    .cell-caption { color: var(--muted); font-size: 0.92em; margin-top: 0.3em; }
    h1 .anchor, h2 .anchor, h3 .anchor, h4 .anchor { float: left; margin-left: -1.1em; width: 1.1em; text-decoration: none; color: var(--muted); opacity: 0; }
    h1 .anchor::before, h2 .anchor::before, h3 .anchor::before, h4 .anchor::before { content: "#"; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
    .toc { font-size: 0.92em; border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 1rem; margin: 1rem 0 1.5rem; background: var(--surface); }
    .toc-title { font-size: 1em; margin: 0 0 0.3em; }
    .toc ol { margin: 0; padding-left: 1.2rem; }
    .toc li { margin: 0.15em 0; }
    .toc a { text-decoration: none; }
    .toc a:hover { text-decoration: underline; }
    @media (min-width: 80rem) {
      .toc { position: fixed; top: 4.5rem; left: calc(50% + 24rem); width: 15rem; max-height: calc(100vh - 6rem); overflow-y: auto; margin: 0; }
    }
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
    .pager .next { margin-left: auto; text-align: right; }
    .lessons { padding-left: 1.4rem; }
    .lessons li { margin: 0.8em 0; }
    .lessons a { font-weight: 600; font-size: 1.1em; }
    .description, .contents-summary { margin: 0.2em 0 0; color: var(--muted); }
    .contents-summary { font-size: 0.88em; }
    a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
    .footnotes { font-size: 0.92em; color: var(--muted); border-top: 1px solid var(--border); margin-top: 2rem; }
    /* On a phone a figure keeps a readable size and scrolls inside its own box. */
    @media (max-width: 34rem) {
      .cell-output .fig { overflow-x: auto; }
      .cell-output .fig > .fig-svg { min-width: 30rem; }
    }
    .prompt { display: block; color: var(--muted); font: 0.8em ui-monospace, Menlo, Consolas, monospace; margin-bottom: 0.2em; }
    .output-stream { background: none; border: 1px solid var(--border); margin: 0.6em 0; }
    .output-error { background: none; border: 1px solid var(--hl-string); color: var(--text); }
    @media print {
      .site-header, .pager { display: none; }
      body { font-size: 12pt; }
      main { max-width: none; }
    }

    """
}
