// The hall's ballot page: autosave each tap with fetch, keys 1-4 rate the focused row and move on.
// Served from the package (Content-Security-Policy default-src 'self': no inline script, no CDN).
"use strict";
(function () {
  // The slip's URL carries the code: take it out of the address bar and the history at once.
  if (location.pathname.indexOf("/v/") === 0 || /[?&]c=/.test(location.search)) {
    history.replaceState(null, "", "/");
  }
  // A page brought back by the back button from the browser's memory asks the server again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { location.reload(); }
  });

  var larger = document.getElementById("larger");
  var grid = document.getElementById("grid");
  var csrf = grid ? grid.getAttribute("data-csrf") : "";
  var msg = document.getElementById("msg");

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    });
  }

  function say(text) {
    if (!msg) { return; }
    msg.textContent = text;
    msg.className = text ? "notice" : "";
  }

  function showState(data) {
    var tallies = document.getElementById("tallies");
    var warnings = document.getElementById("warnings");
    var progress = document.getElementById("progress");
    if (tallies && data.tallies) {
      tallies.textContent = "";
      data.tallies.forEach(function (tally) {
        var span = document.createElement("span");
        span.className = tally.full ? "tally full" : "tally";
        span.textContent = tally.text;
        tallies.appendChild(span);
      });
    }
    if (warnings && data.warnings) {
      warnings.textContent = "";
      data.warnings.forEach(function (text) {
        var li = document.createElement("li");
        li.textContent = text;
        warnings.appendChild(li);
      });
    }
    if (progress && data.progress) { progress.textContent = data.progress; }
  }

  function mark(button) {
    var buttons = button.parentNode.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) {
      var on = buttons[i] === button;
      buttons[i].classList.toggle("on", on);
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  function send(button, value) {
    var row = button.closest(".row");
    var body = { u: row.getAttribute("data-u"), i: button.value.split(":")[0], v: value };
    return post("/api/answer", body).then(function (result) {
      var data = result.data;
      if (!data.ok) {
        say(data.error || "");
        if (result.status === 401 || result.status === 409) { location.assign("/"); }
        return false;
      }
      showState(data);
      say(data.refused || "");
      if (data.saved && !button.hasAttribute("data-text")) { mark(button); }
      if (data.saved && button.hasAttribute("data-text")) { button.classList.add("saved"); }
      return data.saved;
    }).catch(function () {
      say(grid.getAttribute("data-offline") || "");
      return false;
    });
  }

  function mainGroup(row) {
    for (var i = 0; i < row.children.length; i++) {
      if (row.children[i].classList.contains("levels")) { return row.children[i]; }
    }
    return null;
  }

  function focusRow(row) {
    var group = row ? mainGroup(row) : null;
    if (!group) {
      var review = document.getElementById("to-review");
      if (review) { review.focus(); }
      return;
    }
    var target = group.querySelector("button.on") || group.querySelector("button");
    target.focus();
    target.scrollIntoView({ block: "nearest" });
  }

  if (grid) {
    grid.addEventListener("click", function (event) {
      var button = event.target.closest("button[name=a]");
      if (!button) { return; }
      event.preventDefault();
      if (button.hasAttribute("data-text")) {
        var box = button.parentNode.querySelector("textarea");
        send(button, box ? box.value : "");
      } else {
        send(button, button.value.split(":")[1]);
      }
    });
    grid.addEventListener("input", function (event) {
      var save = event.target.parentNode.parentNode.querySelector("button.save");
      if (save) { save.classList.remove("saved"); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey || !/^[1-9]$/.test(event.key)) { return; }
      var active = document.activeElement;
      if (!active || active.tagName === "TEXTAREA" || active.tagName === "INPUT") { return; }
      var row = active.closest ? active.closest(".row") : null;
      if (!row) { return; }
      var group = active.closest(".levels") || mainGroup(row);
      var button = group ? group.querySelector('button[data-k="' + event.key + '"]') : null;
      if (!button) { return; }
      event.preventDefault();
      var isMain = group === mainGroup(row);
      send(button, button.value.split(":")[1]).then(function (saved) {
        if (saved && isMain) {
          var next = row.nextElementSibling;
          while (next && !next.classList.contains("row")) { next = next.nextElementSibling; }
          focusRow(next);
        }
      });
    });
  }

  if (larger) {
    larger.form.addEventListener("submit", function (event) {
      event.preventDefault();
      post("/api/larger", {}).then(function (result) {
        if (!result.data.ok) { return; }
        document.body.classList.toggle("larger", result.data.larger);
        larger.setAttribute("aria-pressed", result.data.larger ? "true" : "false");
      });
    });
  }
})();
