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

  // Urgent alerts: a "Hide" button per alert, remembered in this browser only (no cookie,
  // nothing sent to the site). The key names the alert and its end, so a changed end time
  // shows it again. Without script, or without storage, the banner simply stays.
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (error) { store = null; }
  if (store) {
    var HIDDEN = "youlin-hidden-alerts";
    var hidden = (store.getItem(HIDDEN) || "").split(" ").filter(Boolean);
    var alerts = document.querySelectorAll(".urgent-alert[data-alert]");
    Array.prototype.forEach.call(alerts, function (alert) {
      var key = alert.getAttribute("data-alert");
      if (hidden.indexOf(key) !== -1) {
        alert.hidden = true;
        return;
      }
      var button = alert.querySelector(".urgent-alert__hide");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        hidden.push(key);
        try { store.setItem(HIDDEN, hidden.slice(-20).join(" ")); } catch (error) { /* full */ }
        alert.hidden = true;
      });
    });
  }
})();
