(function () {
  "use strict";
  var el = document.getElementById("capacity-map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { maxZoom: 18 }).setView([62, 38], 5);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  }
  function colour(p) {
    if (p.status !== "open") { return "#b3261e"; }
    return p.reserve_mva >= 5 ? "#1b7a3a" : "#c77700";
  }
  // A cluster shows how many of its centres are open: green all open, red none, amber mixed.
  var clusters = L.markerClusterGroup({
    chunkedLoading: true,
    disableClusteringAtZoom: 11,
    iconCreateFunction: function (cluster) {
      var children = cluster.getAllChildMarkers();
      var open = children.filter(function (m) { return m.options.isOpen; }).length;
      var kind = open === children.length ? "open" : (open === 0 ? "closed" : "mixed");
      return L.divIcon({
        html: "<span>" + open + "/" + children.length + "</span>",
        className: "capacity-cluster capacity-cluster-" + kind,
        iconSize: L.point(44, 44)
      });
    }
  });
  fetch(el.dataset.src, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var markers = data.features.map(function (f) {
        var p = f.properties;
        var c = f.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: 7 + Math.min(6, Math.max(0, p.reserve_mva) / 5), color: "#222", weight: 1,
          fillColor: colour(p), fillOpacity: 0.9, isOpen: p.status === "open"
        });
        var box = document.createElement("div");
        var link = document.createElement("a");
        link.href = el.dataset.pcUrl.replace("/0/", "/" + p.id + "/");
        link.textContent = p.name;
        box.appendChild(link);
        var line = document.createElement("div");
        // The reserve as the reader writes numbers: «12,200» on a Russian page.
        var reserve = p.reserve_mva.toLocaleString(document.documentElement.lang, {
          minimumFractionDigits: 3, maximumFractionDigits: 3
        });
        line.textContent = el.dataset.labelReserve + ": " + reserve;
        box.appendChild(line);
        marker.bindPopup(box);
        return marker;
      });
      clusters.addLayers(markers);
      map.addLayer(clusters);
      if (markers.length) { map.fitBounds(clusters.getBounds(), { maxZoom: 11 }); }
      el.dataset.loaded = String(markers.length);
    });
})();
