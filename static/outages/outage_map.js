(function () {
  "use strict";
  // The public outage map: technological outages in red (from the feed), planned work in
  // blue (from the page's planned-points JSON). Colours match the legend (outages.css).
  var OUTAGE = "#b3261e";
  var PLANNED = "#1f5fbf";
  var el = document.getElementById("outage-map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { preferCanvas: true }).setView([62, 38], 5);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  }
  var clusters = L.markerClusterGroup({ chunkedLoading: true });
  var planned = [];
  var source = document.getElementById("planned-points");
  if (source) {
    try { planned = JSON.parse(source.textContent) || []; } catch (e) { planned = []; }
  }
  var plannedLayer = L.layerGroup(planned.map(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: 7, color: PLANNED, weight: 2, fillOpacity: 0.5, dashArray: "3 3"
    });
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = el.dataset.plannedLabel || "";
    box.appendChild(title);
    var info = document.createElement("p");
    info.textContent = p.starts_at + " – " + p.ends_at + " · " + p.reason;
    box.appendChild(info);
    marker.bindPopup(box);
    return marker;
  }));
  plannedLayer.addTo(map);
  fetch(el.dataset.src, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var markers = data.features.map(function (f) {
        var p = f.properties;
        var c = f.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: 6 + Math.min(10, Math.log(1 + p.customers_out)), color: OUTAGE, weight: 2, fillOpacity: 0.7
        });
        var box = document.createElement("div");
        var link = document.createElement("a");
        link.href = el.dataset.incidentUrl.replace("/0/", "/" + p.id + "/");
        link.textContent = p.area;
        box.appendChild(link);
        var info = document.createElement("p");
        // Counts as the reader writes them: «12 345» in Russian.
        info.textContent = Number(p.customers_out).toLocaleString(document.documentElement.lang) + " · " + (p.cause_label || "") +
          (p.estimated_restoration_local ? " · " + p.estimated_restoration_local : "");
        box.appendChild(info);
        marker.bindPopup(box);
        return marker;
      });
      clusters.addLayers(markers);
      map.addLayer(clusters);
      var bounds = L.latLngBounds([]);
      if (markers.length) { bounds.extend(clusters.getBounds()); }
      planned.forEach(function (p) { bounds.extend([p.lat, p.lon]); });
      if (bounds.isValid()) { map.fitBounds(bounds, { maxZoom: 12 }); }
      el.dataset.loaded = String(markers.length);
      el.dataset.plannedLoaded = String(planned.length);
    });
})();
