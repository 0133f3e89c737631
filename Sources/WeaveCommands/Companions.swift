import Export
import Site

extension Companion {
    /// The lesson as a Jupyter notebook, outputs included: what `weave export --to ipynb` writes.
    static let jupyterNotebook = Companion(fileExtension: "ipynb", label: "Jupyter notebook", make: IpynbExport.notebook)

    /// What `weave build` and `weave serve` publish beside every page.
    static let published: [Companion] = [.markdownSource, .jupyterNotebook]
}
