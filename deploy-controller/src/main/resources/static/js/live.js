// Live updates for the status pages. The pages are complete without this script; with it, they follow the
// controller's server-sent events: on each change the page's main content is fetched again and swapped in
// (one rendering, on the server), and the rollback button asks in a dialog instead of on a separate page.
(function () {
  "use strict";

  var body = document.body;
  var stream = body.dataset.stream;
  var state = document.getElementById("live-state");
  var announcer = document.getElementById("announcer");
  var shownVersion = Number((document.getElementById("main") || body).dataset.version || "-1");
  var refreshing = false;
  var again = false;

  function setState(name, text) {
    if (state) {
      state.dataset.state = name;
      state.textContent = text;
    }
  }

  function clock() {
    return new Date().toISOString().substring(11, 19) + " UTC";
  }

  function dialogOpen() {
    var d = document.getElementById("rollback-dialog");
    return d && d.open;
  }

  // Fetches this page again and swaps its main content; at most one fetch at a time, the latest change wins.
  function refresh() {
    if (refreshing || dialogOpen()) {
      again = true;
      return;
    }
    refreshing = true;
    fetch(window.location.href, { headers: { "Accept": "text/html" }, cache: "no-store" })
      .then(function (response) {
        if (response.redirected && new URL(response.url).pathname === "/login") {
          window.location.assign(response.url); // the session ended (signed out elsewhere, expired): sign in again
          return Promise.reject("signed out");
        }
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        if (dialogOpen()) {
          again = true; // the rollback dialog opened while this was fetched: swapping now would take it away
          return;
        }
        var next = new DOMParser().parseFromString(html, "text/html");
        var main = next.getElementById("main");
        var current = document.getElementById("main");
        if (main && current) {
          var before = statusText(document);
          current.replaceWith(document.adoptNode(main));
          shownVersion = Number(main.dataset.version || shownVersion);
          document.title = next.title;
          var after = statusText(document);
          if (announcer && after && after !== before) {
            announcer.textContent = after;
          }
          setState("live", "Live · updated " + clock());
        }
      })
      .catch(function () { setState("reconnecting", "Could not refresh; retrying"); again = true; })
      .then(function () {
        refreshing = false;
        if (again && !dialogOpen()) {
          again = false;
          setTimeout(refresh, 250);
        }
      });
  }

  function statusText(doc) {
    var status = doc.getElementById("status");
    var caption = doc.getElementById("progress-caption");
    return [status && status.textContent.trim(), caption && caption.textContent.trim()].filter(Boolean).join(". ");
  }

  // Every frame's id grows with each change (a deployment's version, or the services stream's sequence); the page
  // knows the id it was rendered at, so a frame it already shows (such as the snapshot on connecting) changes nothing.
  function onFrame(event) {
    var id = Number(event.lastEventId);
    if (!isNaN(id) && id <= shownVersion) {
      setState("live", "Live · up to date " + clock());
      return;
    }
    refresh();
  }

  if (stream && window.EventSource) {
    var source = new EventSource(stream);
    source.addEventListener("deployment", onFrame);
    source.addEventListener("snapshot", onFrame);
    // A finished deployment will not change again: its stream says so, and the page stops following it.
    source.addEventListener("end", function () {
      source.close();
      setState("ended", "Finished · nothing more to follow");
    });
    source.onopen = function () { setState("live", "Live · connected " + clock()); };
    source.onerror = function () { setState("reconnecting", "Reconnecting…"); };
  }

  // A page brought back from the back-forward cache shows a session as it was, maybe since signed out of: load it
  // again, so that it shows (and its forms carry) the session as it is.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });

  // The rollback button: ask in a dialog on this page; the dialog's form posts (with its CSRF token) as without script.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains("rollback-ask")) {
      var dialog = document.getElementById("rollback-dialog");
      if (dialog && typeof dialog.showModal === "function") {
        event.preventDefault();
        dialog.showModal();
        var cancel = document.getElementById("rollback-cancel");
        if (cancel) { cancel.focus(); }
      }
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.id === "rollback-cancel") {
      var dialog = document.getElementById("rollback-dialog");
      if (dialog) { dialog.close(); }
    }
  });
  // However the dialog closes (cancel, Escape), a change that came in meanwhile is shown then. "close" does not
  // bubble: listen while it is captured.
  document.addEventListener("close", function (event) {
    if (event.target && event.target.id === "rollback-dialog" && again) {
      again = false;
      refresh();
    }
  }, true);
})();
