(function () {
  "use strict";
  var el = document.getElementById("outage-map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { preferCanvas: true }).setView([62, 38], 5);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  }
  var clusters = L.markerClusterGroup({ chunkedLoading: true });
  fetch(el.dataset.src, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var markers = data.features.map(function (f) {
        var p = f.properties;
        var c = f.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: 6 + Math.min(10, Math.log(1 + p.customers_out)), color: "#b3261e", weight: 2, fillOpacity: 0.7
        });
        var box = document.createElement("div");
        var link = document.createElement("a");
        link.href = el.dataset.incidentUrl.replace("/0/", "/" + p.id + "/");
        link.textContent = p.area;
        box.appendChild(link);
        var info = document.createElement("p");
        info.textContent = p.customers_out + " · " + (p.cause_label || "") +
          (p.estimated_restoration_local ? " · " + p.estimated_restoration_local : "");
        box.appendChild(info);
        marker.bindPopup(box);
        return marker;
      });
      clusters.addLayers(markers);
      map.addLayer(clusters);
      if (markers.length) { map.fitBounds(clusters.getBounds(), { maxZoom: 12 }); }
      el.dataset.loaded = String(markers.length);
    });
})();
