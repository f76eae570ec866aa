// Copy buttons: <button data-copy-target="#input-id"> copies that field's value (for secrets
// shown once). Delegated from the body, so buttons swapped in by htmx work too.
(function () {
  "use strict";
  document.body.addEventListener("click", function (evt) {
    var button = evt.target.closest("[data-copy-target]");
    if (!button) { return; }
    var field = document.querySelector(button.getAttribute("data-copy-target"));
    if (!field) { return; }
    function done(ok) {
      if (window.topographToast) {
        window.topographToast(ok ? "success" : "warning", ok ? "Copied." : "Select the text and copy it with Ctrl+C.");
      }
    }
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(false); });
    } else {
      done(document.execCommand && document.execCommand("copy"));
    }
  });
})();
