/// The figures' CSS: every color a custom property with a light and a dark value, and the
/// classes the SVG and HTML refer to (scoped under `.fig` so they cannot meet the page's own).
enum FigureStylesheet {
    /// One theme's colors.
    struct Theme {
        /// Text, muted text, axes, grid lines, background, surface (table header), pass, fail.
        var base: [(String, String)]
        /// Ten categorical colors for series and classes.
        var categorical: [String]
        /// Diverging scale ends and middle: negative, neutral, positive.
        var negative: String
        var neutral: String
        var positive: String
    }

    static let light = Theme(
        base: [
            ("fg", "#1d1f23"), ("muted", "#5b606a"), ("axis", "#8a8f98"), ("grid", "#e4e6ea"),
            ("bg", "#ffffff"), ("surface", "#f5f6f8"), ("pass", "#1e7a34"), ("fail", "#b3261e"),
        ],
        categorical: [
            "#2f6db5", "#e0700f", "#2e9a3e", "#d1343a", "#8a55c4",
            "#8c5a3c", "#d2459b", "#6b6f76", "#9a9a12", "#138fa8",
        ],
        negative: "#c8551a", neutral: "#f4f4f2", positive: "#2a62ad"
    )

    static let dark = Theme(
        base: [
            ("fg", "#e6e7ea"), ("muted", "#a4a9b3"), ("axis", "#737882"), ("grid", "#2e323a"),
            ("bg", "#16181c"), ("surface", "#1f2228"), ("pass", "#5fd06f"), ("fail", "#ff7a70"),
        ],
        categorical: [
            "#6ea8ff", "#ffa04d", "#5fd06f", "#ff6b6f", "#b88cf5",
            "#d09a74", "#f57dc3", "#a6abb3", "#d4d44a", "#4cc7dd",
        ],
        negative: "#f08a4b", neutral: "#2a2d33", positive: "#6ea0f0"
    )

    /// Nine steps of a perceptually even sequential scale (viridis), readable on both themes.
    static let sequential = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"]

    /// The number of steps of the diverging scale (odd: the middle one is zero).
    static let divergingSteps = 11

    /// The custom properties of one theme.
    static func variables(_ theme: Theme) -> String {
        var parts = theme.base.map { "--fig-\($0.0):\($0.1)" }
        parts += theme.categorical.enumerated().map { "--fig-c\($0.offset):\($0.element)" }
        let half = divergingSteps / 2
        for step in 0..<divergingSteps {
            let color: String
            if step < half {
                color = mix(theme.negative, theme.neutral, Double(step) / Double(half))
            } else {
                color = mix(theme.neutral, theme.positive, Double(step - half) / Double(half))
            }
            parts.append("--fig-d\(step):\(color)")
        }
        return parts.joined(separator: ";")
    }

    /// `a` blended toward `b` by `t` (0…1), as #rrggbb; integer arithmetic, so always the same bytes.
    static func mix(_ a: String, _ b: String, _ t: Double) -> String {
        let from = channels(a)
        let to = channels(b)
        let weight = Int((t * 1000).rounded())
        let hex = Array("0123456789abcdef")
        var text = "#"
        for index in 0..<3 {
            let value = (from[index] * (1000 - weight) + to[index] * weight + 500) / 1000
            let clamped = min(255, max(0, value))
            text.append(hex[clamped / 16])
            text.append(hex[clamped % 16])
        }
        return text
    }

    /// The red, green and blue of `#rrggbb`.
    private static func channels(_ hex: String) -> [Int] {
        let digits = Array(hex.utf8.dropFirst())
        func value(_ byte: UInt8) -> Int {
            switch byte {
            case 48...57: return Int(byte) - 48
            case 97...102: return Int(byte) - 87
            case 65...70: return Int(byte) - 55
            default: return 0
            }
        }
        guard digits.count == 6 else { return [0, 0, 0] }
        return (0..<3).map { value(digits[2 * $0]) * 16 + value(digits[2 * $0 + 1]) }
    }

    /// The whole stylesheet for a page: dark when the system asks for it.
    static let css = stylesheet(darkRule: { "@media (prefers-color-scheme: dark){:root{\($0)}}" })

    /// The whole stylesheet for a Jupyter front end, dark when the front end's theme is: JupyterLab
    /// marks a dark theme on `body`, VS Code with a class.
    static let notebookCSS = stylesheet(darkRule: { "body[data-jp-theme-light=\"false\"],body.vscode-dark{\($0)}" })

    /// The stylesheet with the dark theme's variables inside the rule `darkRule` makes of them.
    private static func stylesheet(darkRule: (String) -> String) -> String {
        var css = ":root{" + variables(light) + ";"
            + sequential.enumerated().map { "--fig-q\($0.offset):\($0.element)" }.joined(separator: ";") + "}\n"
        css += darkRule(variables(dark)) + "\n"
        css += """
        .fig{margin:1.2em 0}
        .fig-svg{display:block;width:100%;height:auto;overflow:visible}
        .fig-network .fig-svg{max-width:36rem;margin:0 auto}
        .fig figcaption,.fig-group-title{color:var(--fig-muted);font-size:.92em;margin-top:.3em}
        .fig-group-title{margin:0 0 .4em;font-weight:600;color:var(--fig-fg)}
        .fig-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:.6rem 1rem}
        .fig-grid>.fig{margin:0}
        .fig text{fill:var(--fig-fg);font-size:11.5px}
        .fig .tt{font-size:13.5px;font-weight:600}
        .fig .lb{font-size:12.5px}
        .fig .sm{font-size:10px}
        .fig .mu{fill:var(--fig-muted)}
        .fig .nt{fill:var(--fig-muted);font-style:italic;font-size:11px}
        .fig .ax{stroke:var(--fig-axis);fill:none}
        .fig .gr{stroke:var(--fig-grid);fill:none}
        .fig .ln{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
        .fig .tie{stroke-width:2.8;stroke-linecap:butt}
        .fig .dt{fill:none;stroke-width:6;stroke-linecap:round}
        .fig .bar{stroke:var(--fig-bg);stroke-width:.4;fill-opacity:.85}
        .fig .rg{fill-opacity:.24}
        .fig .pt{stroke:var(--fig-bg);stroke-width:.8}
        .fig .nd{fill:var(--fig-bg);stroke:var(--fig-fg);stroke-width:1.5}
        .fig .bx{fill:var(--fig-surface);stroke:var(--fig-axis)}
        .fig .ep{stroke:var(--fig-d10);fill:none}.fig .en{stroke:var(--fig-d0);fill:none}
        .fig .ez{stroke:var(--fig-axis);stroke-dasharray:4 3;fill:none}
        .fig .lbg{fill:var(--fig-bg);fill-opacity:.88}
        .fig .nan{fill:var(--fig-grid);stroke:var(--fig-grid)}
        .fig .hm{fill:none}

        """
        css += (0..<10).map { ".fig .s\($0){stroke:var(--fig-c\($0))}" }.joined() + "\n"
        css += (0..<10).map { ".fig .f\($0){fill:var(--fig-c\($0))}" }.joined() + "\n"
        css += (0..<divergingSteps).map { ".fig .d\($0){fill:var(--fig-d\($0));stroke:var(--fig-d\($0))}" }.joined() + "\n"
        css += sequential.indices.map { ".fig .q\($0){fill:var(--fig-q\($0));stroke:var(--fig-q\($0))}" }.joined() + "\n"
        css += """
        .fig-table-wrap{width:fit-content;max-width:100%;overflow:auto;max-height:36rem;margin:1em 0;border:1px solid var(--fig-grid)}
        .fig-table-wrap table.fig-table{display:table;overflow:visible;border-collapse:separate;border-spacing:0;margin:0;font-variant-numeric:tabular-nums}
        .fig-table th,.fig-table td{border:0;border-bottom:1px solid var(--fig-grid);padding:.25rem .7rem;white-space:nowrap}
        .fig-table thead th{position:sticky;top:0;background:var(--fig-surface);border-bottom:1px solid var(--fig-axis)}
        .fig-table .num{text-align:right}
        .fig-table .gap td{text-align:center;color:var(--fig-muted);font-style:italic}
        .fig-table caption{caption-side:top;text-align:left;color:var(--fig-muted);font-size:.92em;padding:.3rem .7rem}
        .fig-expect{margin:.5em 0;padding:.3em .8em;border-left:3px solid var(--fig-pass)}
        .fig-expect p{margin:0}
        .fig-pass .fig-mark{color:var(--fig-pass);font-weight:700}
        .fig-fail{border-left-color:var(--fig-fail);background:var(--fig-surface)}
        .fig-fail .fig-mark{color:var(--fig-fail);font-weight:700}
        .fig-detail{color:var(--fig-muted);font-size:.92em}
        .fig-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}

        """
        return css
    }
}
