// Topograph page glue: CSRF header on every htmx request, toasts for HX-Trigger "tg:flash"
// events and for failed htmx requests, and htmx-driven confirmation dialogs.
(function () {
  "use strict";
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  document.body.addEventListener("htmx:configRequest", function (evt) {
    evt.detail.headers["X-CSRF-TOKEN"] = csrfToken();
  });

  function toast(level, text) {
    var container = document.getElementById("toasts");
    if (!container) { return; }
    var el = document.createElement("div");
    el.className = "toast align-items-center border-0 text-bg-" + (level || "info");
    el.setAttribute("role", level === "danger" ? "alert" : "status");
    var wrap = document.createElement("div");
    wrap.className = "d-flex";
    var body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = text;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close btn-close-white me-2 m-auto";
    close.setAttribute("data-bs-dismiss", "toast");
    close.setAttribute("aria-label", "Close");
    wrap.appendChild(body);
    wrap.appendChild(close);
    el.appendChild(wrap);
    container.appendChild(el);
    if (window.bootstrap) {
      var t = new bootstrap.Toast(el, { delay: 5000 });
      el.addEventListener("hidden.bs.toast", function () { el.remove(); });
      t.show();
    } else {
      el.classList.add("show");
    }
  }
  window.topographToast = toast;

  document.body.addEventListener("tg:flash", function (evt) {
    toast(evt.detail.level, evt.detail.text);
  });

  document.body.addEventListener("htmx:responseError", function (evt) {
    var xhr = evt.detail.xhr;
    // Error responses that carry a toast already fired it through HX-Trigger.
    if (xhr.getResponseHeader("HX-Trigger")) { return; }
    var text = xhr.status === 404 ? "Not found: it may have been deleted." : "The request failed (" + xhr.status + ").";
    toast("danger", text);
  });

  document.body.addEventListener("htmx:sendError", function () {
    toast("danger", "The server cannot be reached. Check your connection and try again.");
  });
})();
