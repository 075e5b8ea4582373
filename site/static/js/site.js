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


  // The partner filters and A–Z index are folded on phones, to bring the first partner up;
  // on wider screens there is room, so they start open.
  if (window.matchMedia("(min-width: 48rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
})();
