/// The only script weave adds to a page: it hands each formula to KaTeX and gives every code
/// cell a copy button. Errors in a formula show as KaTeX's red error text instead of stopping
/// the page. Without script the page loses nothing but the buttons, which the script makes.
enum PageScript {
    static let javascript = """
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      if (typeof katex !== "undefined") {
        document.querySelectorAll(".math").forEach(function (element) {
          var tag = element.getAttribute("data-tag");
          katex.render(element.textContent + (tag ? "\\\\tag{" + tag + "}" : ""), element, {
            displayMode: element.classList.contains("display"),
            throwOnError: false
          });
        });
      }
      // A block of code or output wider than the page scrolls sideways: it takes the keyboard
      // focus then, so the arrow keys can scroll it (checked again when the window changes).
      function scrollable() {
        document.querySelectorAll("pre").forEach(function (pre) {
          if (pre.scrollWidth > pre.clientWidth) { pre.tabIndex = 0; } else { pre.removeAttribute("tabindex"); }
        });
      }
      scrollable();
      window.addEventListener("resize", scrollable);
      // Copy buttons: the cell's source only (the prompt is not part of it). The clipboard API
      // needs a secure context, which file:// pages are in Chromium; elsewhere a selected
      // text area and execCommand do it. A live region tells screen readers it worked.
      var status = document.createElement("div");
      status.className = "visually-hidden";
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
      function copied(button) {
        button.textContent = "Copied";
        status.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; status.textContent = ""; }, 1500);
      }
      function fallback(text, button) {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.className = "visually-hidden";
        document.body.appendChild(area);
        area.select();
        try { if (document.execCommand("copy")) { copied(button); } } catch (error) { }
        document.body.removeChild(area);
      }
      document.querySelectorAll("pre.cell-source").forEach(function (source) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy";
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy the code of this cell");
        button.addEventListener("click", function () {
          var text = source.textContent;
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { fallback(text, button); });
          } else {
            fallback(text, button);
          }
        });
        source.parentNode.insertBefore(button, source);
      });
    });

    """
}
