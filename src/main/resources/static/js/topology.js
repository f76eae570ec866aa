// Topology canvas: pan (drag the background), wheel and button zoom, fit; drag a node to pin it
// (writers); click a node, link or subnet for the inspector. One viewBox change per frame; nodes
// and their incident edges are indexed once per drawn SVG (after load and after every htmx swap),
// so a drag touches only the moved node and its own edges, even at thousands of nodes.
(function () {
  "use strict";
  var CLICK_SLOP = 4; // px: a pointer that moved less than this clicked
  var views = {};     // diagram URL -> last view box, kept across canvas swaps
  var current = null; // the initialised canvas

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function translateOf(g) {
    var m = /translate\(\s*([-\d.eE]+)[ ,]+([-\d.eE]+)\s*\)/.exec(g.getAttribute("transform") || "");
    return m ? { x: parseFloat(m[1]), y: parseFloat(m[2]) } : { x: 0, y: 0 };
  }

  function parsePath(d) {
    var nums = (d.match(/-?[\d.]+(?:e-?\d+)?/gi) || []).map(parseFloat);
    var pts = [];
    for (var i = 0; i + 1 < nums.length; i += 2) { pts.push({ x: nums[i], y: nums[i + 1] }); }
    return pts;
  }

  function pathOf(pts) {
    var out = "";
    for (var i = 0; i < pts.length; i++) { out += (i === 0 ? "M" : "L") + pts[i].x + " " + pts[i].y; }
    return out;
  }

  function init() {
    var canvas = document.getElementById("tg-canvas");
    var svg = canvas ? canvas.querySelector("svg.tg") : null;
    if (!svg) { current = null; return; }
    if (current && current.svg === svg) { return; }
    var vb = svg.viewBox.baseVal;
    var full = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    var url = canvas.getAttribute("data-diagram-url");
    var c = {
      svg: svg, canvas: canvas, url: url, full: full,
      canWrite: canvas.getAttribute("data-can-write") === "true" && !!url,
      view: views[url] ? Object.assign({}, views[url]) : Object.assign({}, full),
      nodes: {}, incident: {}, frame: 0
    };
    // Index once: node groups by id, edges by the ids of their two ends.
    var nodeEls = svg.querySelectorAll("g.tg-node");
    for (var i = 0; i < nodeEls.length; i++) { c.nodes[nodeEls[i].getAttribute("data-id")] = nodeEls[i]; }
    var edgeEls = svg.querySelectorAll("g.tg-edge");
    for (var j = 0; j < edgeEls.length; j++) {
      var e = edgeEls[j];
      var path = e.querySelector("path,polyline,line");
      if (!path) { continue; }
      addIncident(c, e.getAttribute("data-source"), { path: path, end: "source" });
      addIncident(c, e.getAttribute("data-target"), { path: path, end: "target" });
    }
    current = c;
    apply(c);
    svg.addEventListener("pointerdown", function (evt) { down(c, evt); });
    svg.addEventListener("pointermove", function (evt) { move(c, evt); });
    svg.addEventListener("pointerup", function (evt) { up(c, evt); });
    svg.addEventListener("pointercancel", function () {
      if (c.gesture && c.gesture.panned) { settle(c); }
      c.gesture = null;
    });
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      wheelZoom(c, evt);
    }, { passive: false });
  }

  function addIncident(c, id, entry) {
    if (!id) { return; }
    (c.incident[id] = c.incident[id] || []).push(entry);
  }

  function apply(c) {
    views[c.url] = c.view;
    if (c.frame) { return; }
    c.frame = requestAnimationFrame(function () {
      c.frame = 0;
      c.svg.setAttribute("viewBox", c.view.x + " " + c.view.y + " " + c.view.w + " " + c.view.h);
    });
  }

  function toDiagram(c, clientX, clientY, ctm) {
    var p = c.svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    var q = p.matrixTransform(ctm.inverse());
    return { x: q.x, y: q.y };
  }

  function zoom(c, factor, about) {
    var v = c.view;
    var w = v.w * factor;
    if (w < c.full.w / 200 || w > c.full.w * 20) { return; }
    var p = about || { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    c.view = { x: p.x - (p.x - v.x) * factor, y: p.y - (p.y - v.y) * factor, w: w, h: v.h * factor };
    apply(c);
  }

  function down(c, evt) {
    if (evt.button !== 0) { return; }
    var target = evt.target.closest ? evt.target.closest("g.tg-node, g.tg-edge, g.tg-subnet") : null;
    var ctm = c.svg.getScreenCTM();
    c.gesture = {
      startX: evt.clientX, startY: evt.clientY, moved: false, target: target, ctm: ctm, scale: 1 / ctm.a,
      view: Object.assign({}, c.view)
    };
    if (target && c.canWrite && target.classList.contains("tg-node")) {
      var id = target.getAttribute("data-id");
      var at = translateOf(target);
      var edges = (c.incident[id] || []).map(function (entry) {
        return { path: entry.path, end: entry.end, points: parsePath(entry.path.getAttribute("d") || "") };
      });
      c.gesture.drag = { id: id, el: target, x0: at.x, y0: at.y, x: at.x, y: at.y, edges: edges };
    }
    c.svg.setPointerCapture(evt.pointerId);
  }

  function move(c, evt) {
    var g = c.gesture;
    if (!g) { return; }
    var dxPx = evt.clientX - g.startX;
    var dyPx = evt.clientY - g.startY;
    if (!g.moved && Math.abs(dxPx) + Math.abs(dyPx) < CLICK_SLOP) { return; }
    g.moved = true;
    var dx = dxPx * g.scale;
    var dy = dyPx * g.scale;
    if (g.drag) {
      var d = g.drag;
      d.x = Math.round(d.x0 + dx);
      d.y = Math.round(d.y0 + dy);
      d.el.setAttribute("transform", "translate(" + d.x + "," + d.y + ")");
      var ox = d.x - d.x0;
      var oy = d.y - d.y0;
      for (var i = 0; i < d.edges.length; i++) {
        var e = d.edges[i];
        if (!e.points.length) { continue; }
        var pts = e.points.map(function (p) { return { x: p.x, y: p.y }; });
        var k = e.end === "source" ? 0 : pts.length - 1;
        pts[k] = { x: e.points[k].x + ox, y: e.points[k].y + oy };
        e.path.setAttribute("d", pathOf(pts));
      }
    } else {
      // While the pointer moves, slide the already painted picture (a composited transform, no
      // repaint of thousands of nodes); the viewBox follows once, when the pan ends.
      c.view = { x: g.view.x - dx, y: g.view.y - dy, w: g.view.w, h: g.view.h };
      g.panned = true;
      c.svg.style.transform = "translate(" + dxPx + "px," + dyPx + "px)";
    }
  }

  /** Ends a pan: the picture is drawn once at its new place. */
  function settle(c) {
    c.svg.style.transform = "";
    apply(c);
  }

  /**
   * Wheel zoom: a burst of wheel steps scales the painted picture around the pointer, and the
   * viewBox is set once the wheel rests (150 ms), for the same reason as panning.
   */
  function wheelZoom(c, evt) {
    var w = c.wheel;
    if (!w) {
      var rect = c.svg.getBoundingClientRect();
      w = c.wheel = { factor: 1, ox: evt.clientX - rect.left, oy: evt.clientY - rect.top,
        about: toDiagram(c, evt.clientX, evt.clientY, c.svg.getScreenCTM()), timer: 0 };
    }
    var factor = w.factor * (evt.deltaY < 0 ? 1 / 1.15 : 1.15);
    var width = c.view.w * factor;
    if (width >= c.full.w / 200 && width <= c.full.w * 20) {
      w.factor = factor;
      c.svg.style.transformOrigin = w.ox + "px " + w.oy + "px";
      c.svg.style.transform = "scale(" + (1 / factor) + ")";
    }
    clearTimeout(w.timer);
    w.timer = setTimeout(function () {
      c.wheel = null;
      c.svg.style.transform = "";
      zoom(c, w.factor, w.about);
    }, 150);
  }

  function up(c, evt) {
    var g = c.gesture;
    c.gesture = null;
    if (!g) { return; }
    if (g.panned) { settle(c); }
    if (g.moved) {
      if (g.drag && (g.drag.x !== g.drag.x0 || g.drag.y !== g.drag.y0)) { savePin(c, g.drag); }
      return;
    }
    if (g.target && c.url && window.htmx) {
      htmx.ajax("GET", c.url + "/inspector?id=" + encodeURIComponent(g.target.getAttribute("data-id")),
        { target: "#tg-inspector", swap: "innerHTML" });
      var prev = c.svg.querySelector(".tg-selected");
      if (prev) { prev.classList.remove("tg-selected"); }
      g.target.classList.add("tg-selected");
    }
  }

  function savePin(c, drag) {
    var body = new URLSearchParams();
    body.set("nodeId", drag.id);
    body.set("x", String(drag.x));
    body.set("y", String(drag.y));
    fetch(c.url + "/positions", {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRF-TOKEN": csrfToken(), "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (response.status === 204) {
        drag.el.setAttribute("data-pinned", "true");
      } else if (window.topographToast) {
        window.topographToast("danger", "The position could not be saved (" + response.status + ").");
      }
    }, function () {
      if (window.topographToast) { window.topographToast("danger", "The server cannot be reached: the position was not saved."); }
    });
  }

  document.addEventListener("click", function (evt) {
    var button = evt.target.closest ? evt.target.closest("[data-tg-zoom]") : null;
    if (!button || !current) { return; }
    var what = button.getAttribute("data-tg-zoom");
    if (what === "fit") {
      current.view = Object.assign({}, current.full);
      apply(current);
    } else {
      zoom(current, what === "in" ? 1 / 1.25 : 1.25, null);
    }
  });

  document.addEventListener("change", function (evt) {
    if (evt.target.matches && evt.target.matches("select[data-tg-navigate]")) { evt.target.form.submit(); }
  });

  document.body.addEventListener("htmx:afterSettle", init);
  init();
})();
