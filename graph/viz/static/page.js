/* dantoc-kg relationship page.  Data comes from the JSON block (never from HTML); every text from
   articles is put on screen with textContent or drawn on the canvas, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var kinds = data.kinds;
  var all = data.nodes;
  var byId = {};
  all.forEach(function (n) { byId[n.id] = n; });
  var adjacency = {};
  all.forEach(function (n) { adjacency[n.id] = []; });
  data.edges.forEach(function (e) { adjacency[e.from].push(e.to); adjacency[e.to].push(e.from); });
  var big = all.length >= 1000;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function short(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  // ------------------------------------------------------------------ vis data
  var view = data.view || { show_isolated: true, top: 0, labelled: 20 };
  var BASE_FONT = big ? 10 : 12;   // canvas units: drawn only from a readable zoom on (drawThreshold)
  var MIN_PX = 13;                 // the labelled core is never drawn smaller than this on screen
  var maxDeg = 1;
  all.forEach(function (n) { if (n.deg > maxDeg) maxDeg = n.deg; });
  function fontColour(k) { return (k.shape === "box" || k.shape === "ellipse") ? "#fff" : "#222"; }
  function visNode(n) {
    var k = kinds[n.k] || kinds.other;
    var v = {
      id: n.id, label: short(n.l, 32), shape: k.shape,
      color: { background: k.colour, border: "#333", highlight: { background: k.colour, border: "#000" } },
      font: { size: BASE_FONT, color: fontColour(k) },
      borderWidth: n.id === data.focus ? 4 : 1,
      gk: n.k, gp: n.p.length ? n.p[0] : ""   // for grouping by kind / province
    };
    var tip = el("div", n.l + " · " + k.name_vi + (n.p.length ? " · " + n.p.join(", ") : ""));
    tip.style.maxWidth = "360px"; tip.style.whiteSpace = "normal";
    v.title = tip;
    if (k.shape !== "box" && k.shape !== "ellipse") v.size = 9 + 14 * Math.sqrt(n.deg / maxDeg);
    return v;
  }
  function visEdge(e, i) {
    var v = { id: i, from: e.from, to: e.to, arrows: "to", color: { color: "#9aa", highlight: "#333" } };
    // hover text as a DOM element filled with textContent (a string title would be vis-network's to render)
    var tip = el("div", byId[e.from].l + " — " + e.l + (e.d.length ? " (" + e.d.join(", ") + ")" : "") + " → " + byId[e.to].l);
    tip.style.maxWidth = "360px"; tip.style.whiteSpace = "normal";
    v.title = tip;
    if (!big && all.length <= 300) { v.label = short(e.l, 28); v.font = { size: 9, color: "#555", strokeWidth: 2 }; }
    return v;
  }

  // ------------------------------------------------------------------ filters
  var legend = $("legend");
  var kindCounts = {};
  all.forEach(function (n) { kindCounts[n.k] = (kindCounts[n.k] || 0) + 1; });
  Object.keys(kinds).forEach(function (k) {
    if (!kindCounts[k]) return;
    var li = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = k; box.className = "kind-filter";
    box.setAttribute("data-kind", k);
    var sw = el("span", null, "swatch " + kinds[k].shape);
    sw.style.background = kinds[k].colour;
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(el("span", kinds[k].name_vi));
    label.appendChild(el("span", "(" + kindCounts[k] + ")", "count"));
    li.appendChild(label); legend.appendChild(li);
    box.addEventListener("change", applyFilters);
  });
  function fillSelect(sel, values) {
    values.forEach(function (v) { var o = el("option", v); o.value = String(v); sel.appendChild(o); });
  }
  var provs = {}, years = {};
  all.forEach(function (n) { n.p.forEach(function (p) { provs[p] = 1; }); n.y.forEach(function (y) { years[y] = 1; }); });
  fillSelect($("province-filter"), Object.keys(provs).sort(function (a, b) { return a.localeCompare(b, "vi"); }));
  fillSelect($("year-filter"), Object.keys(years).sort());
  $("province-filter").addEventListener("change", applyFilters);
  $("year-filter").addEventListener("change", applyFilters);
  $("reset-btn").addEventListener("click", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".kind-filter"), function (b) { b.checked = true; });
    $("province-filter").value = ""; $("year-filter").value = "";
    applyFilters();
  });
  // what the page opens on: isolated nodes folded away, at most view.top nodes (the most central)
  var isolatedTotal = all.filter(function (n) { return n.nb === 0; }).length;
  $("show-isolated").checked = !!view.show_isolated;
  $("isolated-count").textContent = String(isolatedTotal);
  $("total-count").textContent = String(all.length);
  $("show-all-row").hidden = !(view.top && all.length > view.top);
  $("show-isolated-row").hidden = isolatedTotal === 0;
  $("show-isolated").addEventListener("change", applyFilters);
  $("show-all").addEventListener("change", applyFilters);
  var hidden = { isolated: 0, beyondTop: 0 };

  var positions = {};
  function visibleIds() {
    var wanted = {};
    Array.prototype.forEach.call(document.querySelectorAll(".kind-filter"), function (b) { if (b.checked) wanted[b.value] = 1; });
    var keep = {};
    all.forEach(function (n) { if (wanted[n.k]) keep[n.id] = 1; });
    var prov = $("province-filter").value, year = $("year-filter").value;
    // same rule as the command line: a node without the attribute stays when linked to a match
    [["p", prov], ["y", year]].forEach(function (f) {
      var attr = f[0], want = f[1];
      if (!want) return;
      var hits = {}, next = {};
      Object.keys(keep).forEach(function (id) {
        if (byId[id][attr].map(String).indexOf(want) >= 0) hits[id] = 1;
      });
      Object.keys(keep).forEach(function (id) {
        if (hits[id]) { next[id] = 1; return; }
        if (byId[id][attr].length === 0 && adjacency[id].some(function (m) { return hits[m]; })) next[id] = 1;
      });
      keep = next;
    });
    hidden.isolated = 0; hidden.beyondTop = 0;
    if (!$("show-isolated").checked) {
      Object.keys(keep).forEach(function (id) {
        if (byId[id].nb === 0 && +id !== data.focus) { delete keep[id]; hidden.isolated++; }
      });
    }
    if (view.top && !$("show-all").checked) {
      var ids = Object.keys(keep).map(Number).sort(function (a, b) { return byId[a].r - byId[b].r; });
      ids.slice(view.top).forEach(function (id) {
        if (id !== data.focus) { delete keep[id]; hidden.beyondTop++; }
      });
    }
    return keep;
  }
  function hiddenNote() {
    var parts = [];
    if (hidden.beyondTop) parts.push(hidden.beyondTop + " nút ít kết nối (đang hiện " + view.top + " nút trung tâm nhất)");
    if (hidden.isolated) parts.push(hidden.isolated + " nút lẻ, không nối với nút nào");
    $("hidden-note").textContent = parts.length ? "Đang ẩn: " + parts.join("; ") + "." : "";
    document.body.setAttribute("data-hidden-isolated", String(hidden.isolated));
    document.body.setAttribute("data-hidden-top", String(hidden.beyondTop));
  }

  var firstKeep = visibleIds();
  var nodes = new vis.DataSet(all.filter(function (n) { return firstKeep[n.id]; }).map(visNode));
  var edges = new vis.DataSet(data.edges.map(function (e, i) { return [e, i]; })
    .filter(function (p) { return firstKeep[p[0].from] && firstKeep[p[0].to]; })
    .map(function (p) { return visEdge(p[0], p[1]); }));

  var options = {
    autoResize: true,
    layout: { improvedLayout: !big, randomSeed: 7 },
    interaction: { hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, navigationButtons: false },
    // labels too small to read are not drawn at all (vis-network: font size x zoom < drawThreshold - 1)
    nodes: { scaling: { label: { drawThreshold: 8, maxVisible: 40 } } },
    edges: { smooth: big ? false : { type: "continuous" }, width: 1 },
    physics: {
      enabled: true,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: big ? -4000 : -6000, springLength: big ? 80 : 140, avoidOverlap: big ? 0 : 0.2 },
      stabilization: { enabled: true, iterations: big ? 150 : 400, updateInterval: 25, fit: true }
    }
  };
  var network = new vis.Network($("network"), { nodes: nodes, edges: edges }, options);
  window.network = network;
  window.kg = { network: network, nodes: nodes, edges: edges, data: data, select: selectNode, core: coreIds };

  // ------------------------------------------------------------------ readable labels
  // the `view.labelled` most central nodes on screen: their font grows as the view zooms out so
  // that font size x zoom stays >= MIN_PX; the others are drawn once the zoom makes them readable
  var core = [];
  function coreIds() { return core.slice(); }
  function pickCore() {
    core = nodes.getIds().sort(function (a, b) { return byId[a].r - byId[b].r; })
      .filter(function (id) { return byId[id].nb > 0 || id === data.focus; }).slice(0, view.labelled);
  }
  var appliedScale = null;
  function sizeLabels(force) {
    var scale = network.getScale();
    if (!force && appliedScale !== null && Math.abs(scale - appliedScale) < 1e-6) return;
    appliedScale = scale;
    var size = Math.max(BASE_FONT, Math.ceil(MIN_PX / scale));
    nodes.update(core.filter(function (id) { return nodes.get(id) !== null; }).map(function (id) {
      var k = kinds[byId[id].k] || kinds.other, inside = k.shape === "box" || k.shape === "ellipse";
      return { id: id, font: { size: size, color: fontColour(k), strokeWidth: inside ? 0 : 3, strokeColor: "#fff" } };
    }));
    document.body.setAttribute("data-label-px", String(size * scale));
  }
  function resetLabels() {
    nodes.update(core.filter(function (id) { return nodes.get(id) !== null; }).map(function (id) {
      return { id: id, font: { size: BASE_FONT, color: fontColour(kinds[byId[id].k] || kinds.other) } };
    }));
  }
  function openOnCore() {
    resetLabels();
    pickCore();
    if (core.length && (data.focus === null || data.focus === undefined)) {
      // open on the labelled core: a stray far component must not shrink the whole view
      network.fit({ nodes: core, animation: false });
    }
    sizeLabels(true);
  }
  network.on("zoom", function () { sizeLabels(false); });

  var physicsState = $("physics-state");
  physicsState.textContent = "· đang sắp xếp…";
  network.on("stabilizationProgress", function (p) {
    physicsState.textContent = "· đang sắp xếp " + Math.round(100 * p.iterations / p.total) + "%";
  });
  function freeze() {
    network.setOptions({ physics: false });
    physicsState.textContent = "";
    openOnCore();
    regroup();
    document.body.setAttribute("data-stabilized", "1");
  }
  network.once("stabilizationIterationsDone", freeze);
  if (nodes.length === 0) freeze();

  function relayout() {
    // new nodes without a place: let the physics place them, then freeze again
    document.body.setAttribute("data-stabilized", "0");
    physicsState.textContent = "· đang sắp xếp…";
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", freeze);
    network.stabilize(big ? 150 : 300);
  }

  // ------------------------------------------------------------------ grouping
  function clusterIds() {
    return Object.keys(network.body.nodes).filter(function (id) { return network.isCluster(id); });
  }
  function ungroup() {
    clusterIds().forEach(function (id) { network.openCluster(id); });
  }
  function regroup() {
    ungroup();
    var by = $("group-by").value;
    document.body.setAttribute("data-groups", "0");
    if (!by) return;
    var field = by === "kind" ? "gk" : "gp", members = {};
    nodes.get().forEach(function (v) { if (v[field]) (members[v[field]] = members[v[field]] || []).push(v.id); });
    var made = 0;
    Object.keys(members).forEach(function (key) {
      if (members[key].length < 2) return;
      var k = by === "kind" ? (kinds[key] || kinds.other) : null;
      var name = by === "kind" ? k.name_vi : key;
      network.cluster({
        joinCondition: function (v) { return v[field] === key; },
        clusterNodeProperties: {
          id: "group:" + by + ":" + key, label: name + " (" + members[key].length + ")",
          shape: k ? (k.shape === "box" || k.shape === "ellipse" ? k.shape : "dot") : "database",
          color: { background: k ? k.colour : "#d9e6f2", border: "#333" },
          font: { size: Math.max(14, Math.ceil(MIN_PX / network.getScale())), color: k && (k.shape === "box" || k.shape === "ellipse") ? "#fff" : "#222" },
          size: 12 + 4 * Math.sqrt(members[key].length), borderWidth: 2
        }
      });
      made++;
    });
    document.body.setAttribute("data-groups", String(made));
  }
  $("group-by").addEventListener("change", regroup);
  network.on("doubleClick", function (params) {
    if (params.nodes.length && network.isCluster(params.nodes[0])) network.openCluster(params.nodes[0]);
  });

  function applyFilters() {
    ungroup();
    var cur = network.getPositions();
    Object.keys(cur).forEach(function (id) { positions[id] = cur[id]; });
    var keep = visibleIds();
    var remove = nodes.getIds().filter(function (id) { return !keep[id]; });
    var add = [], unplaced = 0;
    Object.keys(keep).forEach(function (id) {
      if (nodes.get(+id) === null) {
        var v = visNode(byId[id]);
        if (positions[id]) { v.x = positions[id].x; v.y = positions[id].y; } else unplaced++;
        add.push(v);
      }
    });
    nodes.remove(remove);
    nodes.add(add);
    var wantEdges = [];
    data.edges.forEach(function (e, i) { if (keep[e.from] && keep[e.to]) wantEdges.push(i); });
    var wantSet = {};
    wantEdges.forEach(function (i) { wantSet[i] = 1; });
    edges.remove(edges.getIds().filter(function (i) { return !wantSet[i]; }));
    edges.add(wantEdges.filter(function (i) { return edges.get(i) === null; }).map(function (i) { return visEdge(data.edges[i], i); }));
    updateStatus();
    if (unplaced) { relayout(); return; }
    resetLabels(); pickCore(); sizeLabels(true); regroup();
  }
  function updateStatus() {
    $("node-count").textContent = String(nodes.length);
    $("edge-count").textContent = String(edges.length);
    document.body.setAttribute("data-nodes", String(nodes.length));
    document.body.setAttribute("data-edges", String(edges.length));
    hiddenNote();
  }
  updateStatus();

  // ------------------------------------------------------------------ search
  var folded = all.map(function (n) { return [n.id, fold(n.l)]; });
  function findByName(q) {
    var fq = fold(q);
    if (!fq) return null;
    var best = null, bestScore = 0;
    folded.forEach(function (pair) {
      var id = pair[0], name = pair[1], s = 0;
      if (name === fq) s = 100; else if (name.indexOf(fq) === 0) s = 70; else if (name.indexOf(fq) > 0) s = 60;
      if (!s) return;
      if (nodes.get(id) !== null) s += 5;              // prefer what is on screen
      s += Math.min(byId[id].deg, 4) / 10;             // then the better connected
      if (s > bestScore) { best = id; bestScore = s; }
    });
    return best;
  }
  function doSearch() {
    var q = $("search").value, msg = $("search-msg");
    var id = findByName(q);
    if (id === null) { msg.textContent = q.trim() ? "Không tìm thấy" : ""; return; }
    if (nodes.get(id) === null) { msg.textContent = "Có nhưng đang bị lọc ẩn"; return; }
    msg.textContent = "";
    selectNode(id);
  }
  $("search-btn").addEventListener("click", doSearch);
  $("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doSearch(); });

  // ------------------------------------------------------------------ side panel
  function evidenceItem(si) {
    var s = data.sentences[si], a = data.articles[s.a] || {};
    var box = el("div", null, "evidence");
    box.appendChild(el("span", "“" + s.t + "”"));
    var src = "Nguồn: " + (a.h || "(không tiêu đề)") + (a.id ? " [" + a.id + "]" : "") + (a.d ? " — " + a.d : "");
    box.appendChild(el("span", src, "source"));
    return box;
  }
  function showPanel(id) {
    var n = byId[id];
    if (!n) return;
    var k = kinds[n.k] || kinds.other;
    $("panel").hidden = false;
    $("panel-title").textContent = n.l;
    var meta = k.name_vi;
    if (n.p.length) meta += " · " + n.p.join(", ");
    if (n.y.length) meta += " · " + n.y.join(", ");
    $("panel-meta").textContent = meta;
    var facts = $("panel-facts");
    facts.textContent = "";
    n.f.forEach(function (f) {
      var li = el("li", null, "fact");
      li.appendChild(el("span", f.r, "fact-rel"));
      li.appendChild(document.createTextNode(f.o === "out" ? " → " : " ← "));
      var other = el("span", f.ol, "fact-other");
      if (f.oi !== null && f.oi !== undefined) {
        other.addEventListener("click", function () {
          if (nodes.get(f.oi) !== null) selectNode(f.oi); else showPanel(f.oi);
        });
      }
      li.appendChild(other);
      if (f.d.length) li.appendChild(document.createTextNode(" (" + f.d.join(", ") + ")"));
      f.e.forEach(function (si) { li.appendChild(evidenceItem(si)); });
      facts.appendChild(li);
    });
    if (!n.f.length) facts.appendChild(el("li", "(không có)"));
    var evl = $("panel-evidence");
    evl.textContent = "";
    n.e.forEach(function (si) { var li = el("li"); li.appendChild(evidenceItem(si)); evl.appendChild(li); });
    if (!n.e.length) evl.appendChild(el("li", "(không có)"));
  }
  function selectNode(id) {
    if (network.clustering.findNode(id).length > 1) ungroup();   // inside a group: open the groups
    network.selectNodes([id]);
    network.focus(id, { scale: big ? 1.0 : 1.3, animation: false });
    sizeLabels(false);
    showPanel(id);
    document.body.setAttribute("data-selected", String(id));
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showPanel(params.nodes[0]);
      document.body.setAttribute("data-selected", String(params.nodes[0]));
    }
  });
  $("panel-close").addEventListener("click", function () { $("panel").hidden = true; });
  if (data.focus !== null && data.focus !== undefined) {
    network.once("stabilizationIterationsDone", function () { selectNode(data.focus); });
  }
  document.body.setAttribute("data-ready", "1");
})();
