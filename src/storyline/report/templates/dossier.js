// storyline dossier: select an entity to highlight its mentions in the articles.
// Ids are compared as strings (never built into a selector), so no entity id
// from the data can change what the script matches.
(function () {
  "use strict";

  var selected = null;

  function mentionsOf(id) {
    var found = [];
    document.querySelectorAll("mark[data-entity]").forEach(function (mark) {
      if (mark.dataset.entity === id) { found.push(mark); }
    });
    return found;
  }

  function setStatus(text) {
    var status = document.getElementById("entity-status");
    if (status) { status.textContent = text; }
  }

  function select(id, scroll) {
    selected = selected === id ? null : id;
    document.querySelectorAll("mark[data-entity]").forEach(function (mark) {
      mark.classList.toggle("focus", mark.dataset.entity === selected);
    });
    document.querySelectorAll("button.entity-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.entity === selected));
    });
    document.querySelectorAll("tr[data-entity-row]").forEach(function (row) {
      row.classList.toggle("selected", row.dataset.entityRow === selected);
    });
    if (selected === null) { setStatus(""); return; }
    var marks = mentionsOf(selected);
    var name = marks.length ? marks[0].title : "";
    setStatus(marks.length + " highlighted mention" + (marks.length === 1 ? "" : "s") + (name ? " of " + name : ""));
    if (scroll && marks.length) { marks[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-entity]") : null;
    if (!target) { return; }
    // From the entity list, jump to the first mention; in an article, stay put.
    select(target.dataset.entity, target.tagName === "BUTTON");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && selected !== null) { select(selected, false); }
  });

  // A link to a claim or statement folded into a collapsed block opens the block first,
  // so the browser has somewhere to scroll to. The id is looked up, never used as a selector.
  function reveal(hash) {
    if (!hash || hash.length < 2) { return; }
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (error) { return; }
    var target = document.getElementById(id);
    for (var node = target ? target.parentElement : null; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) { reveal(link.getAttribute("href")); }
  });
  window.addEventListener("hashchange", function () { reveal(window.location.hash); });
  reveal(window.location.hash);

  // Collapsed sections would be missing from paper.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
  });
})();
