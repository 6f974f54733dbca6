// Live reload for `him-guide serve --watch`, the only script the site ever sends: it asks the server
// once a second which version of the site it serves, and reloads the page when that changes.
(function () {
  "use strict";
  var seen = null;
  function check() {
    fetch("/__livereload", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (version) {
        if (version === null) return;
        if (seen === null) seen = version;
        else if (version !== seen) window.location.reload();
      })
      .catch(function () { /* the server is restarting: ask again */ })
      .finally(function () { window.setTimeout(check, 1000); });
  }
  check();
})();
