// fangan serve: the little script the pages use. Everything works
// without it; it only adds conveniences.
(function () {
  "use strict";
  // Script errors are recorded on <body> (the browser tests read them).
  window.addEventListener("error", function (e) {
    document.body.dataset.errors = (document.body.dataset.errors || "") + e.message + ";";
  });
  document.addEventListener("DOMContentLoaded", function () {
    // Facets: long lists show their first values and a button for the rest.
    document.querySelectorAll("section.facet").forEach(function (sec) {
      if (!sec.querySelector("li.more")) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "more-toggle";
      b.textContent = "更多…";
      b.addEventListener("click", function () {
        var open = sec.classList.toggle("open");
        b.textContent = open ? "收起" : "更多…";
      });
      sec.appendChild(b);
    });
    // Compare: choosing both plans submits the form.
    var cmp = document.querySelector("form.compare-form");
    if (cmp) {
      cmp.querySelectorAll("select").forEach(function (s) {
        s.addEventListener("change", function () {
          if (cmp.elements.a.value && cmp.elements.b.value) cmp.submit();
        });
      });
    }
    // The search box: "/" focuses it.
    var q = document.querySelector("input[name=q]");
    if (q) {
      document.addEventListener("keydown", function (e) {
        if (e.key === "/" && document.activeElement !== q &&
            !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
          e.preventDefault();
          q.focus();
        }
      });
    }
    document.body.dataset.ready = "1";
  });
})();
