// Starts Swagger UI on /api/docs. "Try it out" requests from a signed-in browser carry the
// CSRF header the server expects from session-authenticated writes; with a pasted API key
// (Authorize button) the key is sent instead and no CSRF token is needed.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  function sameOrigin(url) {
    return url.indexOf("/") === 0 && url.indexOf("//") !== 0 || url.indexOf(window.location.origin + "/") === 0;
  }

  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-spec-url"),
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    requestInterceptor: function (request) {
      if (csrf && sameOrigin(request.url)) {
        request.headers["X-CSRF-TOKEN"] = csrf;
      }
      return request;
    }
  });
})();
