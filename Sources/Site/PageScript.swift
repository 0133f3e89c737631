/// The only script weave adds to a page: it hands each formula to KaTeX.
/// Errors in a formula show as KaTeX's red error text instead of stopping the page.
enum PageScript {
    static let javascript = """
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      if (typeof katex === "undefined") { return; }
      document.querySelectorAll(".math").forEach(function (element) {
        katex.render(element.textContent, element, {
          displayMode: element.classList.contains("display"),
          throwOnError: false
        });
      });
    });

    """
}
