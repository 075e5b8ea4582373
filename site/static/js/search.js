// The header search box as an ARIA 1.2 combobox with suggestions (progressive enhancement:
// without this file the form submits to /<lang>/search/ as usual).
(function () {
  "use strict";
  var form = document.querySelector(".site-search[data-suggest-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector(".site-search__input");
  var list = form.querySelector(".site-search__suggestions");
  var status = form.querySelector("#site-search-status");
  var active = -1;
  var timer = null;
  var latest = 0;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, n) { item.setAttribute("aria-selected", n === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function show(suggestions) {
    list.textContent = "";
    active = -1;
    suggestions.forEach(function (suggestion, n) {
      var item = document.createElement("li");
      item.id = "site-search-option-" + n;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = suggestion.url;
      var title = document.createElement("span");
      title.className = "site-search__title";
      title.textContent = suggestion.title;
      var type = document.createElement("span");
      type.className = "site-search__type";
      type.textContent = suggestion.type;
      item.appendChild(title);
      item.appendChild(type);
      list.appendChild(item);
    });
    var any = suggestions.length > 0;
    list.hidden = !any;
    input.setAttribute("aria-expanded", any ? "true" : "false");
    status.textContent = any ? status.dataset.some : status.dataset.none;
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (!query) { close(); status.textContent = ""; return; }
    var request = ++latest;
    fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (request === latest) show(data.suggestions || []); })
      .catch(function () { close(); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });

  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (open) highlight(active + 1); else fetchSuggestions();
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].dataset.url;
    }
  });

  list.addEventListener("mousedown", function (event) {
    // mousedown, not click: it fires before the input's blur closes the list.
    var item = event.target.closest("[role=option]");
    if (!item) return;
    event.preventDefault();
    window.location.href = item.dataset.url;
  });

  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
