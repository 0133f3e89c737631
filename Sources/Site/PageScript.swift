/// The only script weave adds to a page: it hands each formula to KaTeX and gives every code
/// cell a copy button. Errors in a formula show as KaTeX's red error text instead of stopping
/// the page. Without script the page loses nothing but the buttons, which the script makes.
enum PageScript {
    static let javascript = """
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      search(document.querySelector("header[data-search]"));
      document.querySelectorAll(".stepper").forEach(stepper);
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

    // Step-through figures: the page shows the run's last step; the controls made here move
    // the diagram's labels, the table, the equal weights and the status to any step.
    function stepper(panel) {
      var data;
      try { data = JSON.parse(panel.querySelector(".stepper-data").textContent); } catch (error) { return; }
      function unpack(text) {
        return text.split(" ").map(function (number) { return number.replace(/^(-?)\\./, "$10.").replace(/^-/, "−"); });
      }
      data.values = data.values.map(unpack);
      if (data.gradients) { data.gradients = data.gradients.map(unpack); }
      data.loss = unpack(data.loss[0]);
      data.ties = data.ties.map(function (digits) { return digits.split("").map(function (d) { return parseInt(d, 36); }); });
      var figure = panel.closest("figure"), last = data.steps.length - 1, at = last, timer = null;
      var labels = Array.prototype.slice.call(figure.querySelectorAll("svg text[data-w]"));
      var cells = Array.prototype.slice.call(panel.querySelectorAll("tbody tr"));
      var status = panel.querySelector(".stepper-status"), ties = panel.querySelector(".stepper-ties");
      var mark = panel.querySelector(".stepper-mark"), marks = data.marks ? data.marks[0].split(" ") : [];
      var linked = data.table ? document.getElementById(data.table[0]) : null;
      // The linked table's cells for a step: its "step N" column, or the row whose first cell is N.
      function stepCells(step) {
        if (!linked) { return []; }
        var heads = Array.prototype.slice.call(linked.querySelectorAll("thead th"));
        var column = heads.map(function (th) { return th.textContent.trim(); }).indexOf("step " + step);
        var rows = Array.prototype.slice.call(linked.querySelectorAll("tbody tr"));
        if (column >= 0) {
          return [heads[column]].concat(rows.map(function (row) { return row.children[column]; }).filter(Boolean));
        }
        var row = rows.filter(function (row) { return row.children[0] && row.children[0].textContent.trim() === String(step); })[0];
        return row ? Array.prototype.slice.call(row.children) : [];
      }
      status.setAttribute("aria-live", "polite");
      var sub = "₀₁₂₃₄₅₆₇₈₉";
      function subscripted(name) {
        return name.replace(/[0-9]+$/, function (digits) { return digits.replace(/[0-9]/g, function (d) { return sub[+d]; }); });
      }
      function tieText(values, groups) {
        var count = Math.max.apply(null, groups) + 1, names = data.names;
        if (count === 1 && names.length > 1) { return "All " + names.length + " weights are equal (" + values[0] + ")."; }
        var parts = [];
        for (var group = 0; group < count; group++) {
          var members = [];
          groups.forEach(function (g, index) { if (g === group) { members.push(index); } });
          if (members.length > 1) {
            parts.push(members.map(function (m) { return names[m]; }).join(" = ") + " (" + values[members[0]] + ")");
          }
        }
        return parts.length ? "Equal weights: " + parts.join("; ") + "." : "No two weights are equal.";
      }
      var controls = document.createElement("div");
      controls.className = "stepper-controls";
      function button(text, label, action) {
        var element = document.createElement("button");
        element.type = "button";
        element.textContent = text;
        element.setAttribute("aria-label", label);
        element.addEventListener("click", action);
        controls.appendChild(element);
        return element;
      }
      var previous = button("◀", "Previous step", function () { stop(); show(at - 1); });
      var play = button("▶", "Play", function () { if (timer) { stop(); } else { start(); } });
      var next = button("▶❙", "Next step", function () { stop(); show(at + 1); });
      var slider = document.createElement("input");
      slider.type = "range";
      slider.min = "0";
      slider.max = String(last);
      slider.value = String(last);
      slider.setAttribute("aria-label", "Step");
      slider.addEventListener("input", function () { stop(); show(+slider.value); });
      controls.appendChild(slider);
      panel.insertBefore(controls, panel.firstChild);
      panel.addEventListener("keydown", function (event) {
        if (event.key === " " && event.target === slider) { event.preventDefault(); if (timer) { stop(); } else { start(); } }
      });
      function show(frame) {
        at = Math.max(0, Math.min(last, frame));
        var values = data.values[at];
        labels.forEach(function (label) {
          var index = +label.getAttribute("data-w");
          label.textContent = subscripted(data.names[index]) + " " + values[index];
        });
        cells.forEach(function (row, index) {
          var td = row.querySelectorAll("td");
          td[0].textContent = values[index];
          if (td[1] && data.gradients) { td[1].textContent = data.gradients[at][index]; }
        });
        ties.textContent = tieText(values, data.ties[at]);
        if (linked) {
          Array.prototype.forEach.call(linked.querySelectorAll(".step-current"), function (cell) { cell.classList.remove("step-current"); });
          stepCells(data.steps[at]).forEach(function (cell) { cell.classList.add("step-current"); });
        }
        if (mark && marks[at] && marks[at] !== "-") {
          var xy = marks[at].split(",");
          mark.setAttribute("cx", xy[0]);
          mark.setAttribute("cy", xy[1]);
        }
        slider.value = String(at);
        slider.setAttribute("aria-valuetext", "Step " + data.steps[at]);
        status.textContent = "Step " + data.steps[at] + " of " + data.steps[last] + " · loss " + data.loss[at];
        previous.disabled = at === 0;
        next.disabled = at === last;
      }
      function start() {
        if (at === last) { show(0); }
        play.textContent = "❚❚";
        play.setAttribute("aria-label", "Pause");
        timer = setInterval(function () { if (at >= last) { stop(); } else { show(at + 1); } }, 250);
      }
      function stop() {
        if (timer) { clearInterval(timer); timer = null; }
        play.textContent = "▶";
        play.setAttribute("aria-label", "Play");
      }
      show(last);
    }

    // Search: a box in the header (made here, so a page without script shows none). The index,
    // a script setting weaveSearchIndex, loads on first use. "/" focuses the box; the arrow
    // keys move through the results; Escape closes them.
    function search(header) {
      if (!header) { return; }
      var root = header.getAttribute("data-search").replace(/assets\\/search-index\\.js$/, "");
      var form = document.createElement("form");
      form.className = "search";
      form.setAttribute("role", "search");
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      var box = document.createElement("input");
      box.type = "search";
      box.placeholder = "Search the course";
      box.setAttribute("aria-label", "Search the course");
      box.setAttribute("aria-controls", "search-results");
      box.setAttribute("autocomplete", "off");
      var list = document.createElement("ul");
      list.id = "search-results";
      list.className = "search-results";
      list.hidden = true;
      var count = document.createElement("div");
      count.className = "visually-hidden";
      count.setAttribute("aria-live", "polite");
      form.appendChild(box);
      form.appendChild(list);
      form.appendChild(count);
      header.appendChild(form);
      var state = "none";
      function load(then) {
        if (state === "ready") { then(); return; }
        if (state === "loading") { return; }
        state = "loading";
        var script = document.createElement("script");
        script.src = header.getAttribute("data-search");
        script.onload = function () { state = "ready"; then(); };
        script.onerror = function () { state = "none"; };
        document.head.appendChild(script);
      }
      // A title as text, its $…$ formulas typeset when KaTeX is there.
      function withMath(element, text) {
        text.split(/(\\$\\$[^$]+\\$\\$|\\$[^$]+\\$)/).forEach(function (piece) {
          var tex = /^\\$\\$?([^$]+)\\$?\\$$/.exec(piece);
          if (tex && typeof katex !== "undefined") {
            var span = document.createElement("span");
            katex.render(tex[1], span, { throwOnError: false });
            element.appendChild(span);
          } else if (piece) {
            element.appendChild(document.createTextNode(piece));
          }
        });
      }
      function words(text) {
        return text.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(function (word) { return word.length >= 2; });
      }
      function run() {
        var index = window.weaveSearchIndex, terms = words(box.value);
        list.textContent = "";
        if (!index || terms.length === 0) { list.hidden = true; count.textContent = ""; return; }
        var scores = {}, keys = Object.keys(index.words);
        terms.forEach(function (term, position) {
          var hit = {};
          keys.forEach(function (word) {
            if (word.lastIndexOf(term, 0) === 0) { index.words[word].forEach(function (section) { hit[section] = true; }); }
          });
          Object.keys(hit).forEach(function (section) {
            if (position === 0 || scores[section] !== undefined) {
              var title = index.sections[section][2].toLowerCase();
              scores[section] = (position === 0 ? 0 : scores[section]) + 1 + (words(title).some(function (word) { return word.lastIndexOf(term, 0) === 0; }) ? 5 : 0);
            }
          });
          if (position > 0) { Object.keys(scores).forEach(function (section) { if (!hit[section]) { delete scores[section]; } }); }
        });
        var found = Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a] || a - b; }).slice(0, 10);
        found.forEach(function (number) {
          var section = index.sections[number], lesson = index.lessons[section[0]];
          var link = document.createElement("a");
          link.href = root + lesson[0] + (section[1] ? "#" + section[1] : "");
          withMath(link, section[2] === lesson[1] ? lesson[1] : lesson[1] + " — " + section[2]);
          var item = document.createElement("li");
          item.appendChild(link);
          list.appendChild(item);
        });
        list.hidden = found.length === 0;
        count.textContent = found.length === 0 ? "No results" : found.length + (found.length === 1 ? " result" : " results");
      }
      box.addEventListener("focus", function () { load(function () {}); });
      box.addEventListener("input", function () { load(run); });
      function move(step) {
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        if (links.length === 0) { return; }
        var at = links.indexOf(document.activeElement);
        if (at < 0) { links[step > 0 ? 0 : links.length - 1].focus(); return; }
        if (at + step < 0) { box.focus(); return; }
        links[Math.min(links.length - 1, at + step)].focus();
      }
      form.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
        else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
        else if (event.key === "Escape") { list.hidden = true; box.focus(); }
      });
      document.addEventListener("keydown", function (event) {
        var target = event.target, typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
        if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); box.focus(); }
      });
    }

    """
}
