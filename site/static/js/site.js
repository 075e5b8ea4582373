// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Remember a language the visitor picks in the switcher, so "/" brings them back to it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lang-switcher a[data-language]");
    if (!link) return;
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = "youlin_language=" + encodeURIComponent(link.dataset.language) +
      "; Path=/; Max-Age=31536000; SameSite=Lax" + secure;
  });
})();
