(function () {
  "use strict";
  var el = document.getElementById("network-map");
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
        var isPc = p.kind === "power_centre";
        var url = (isPc ? el.dataset.pcUrl : el.dataset.tpUrl).replace("/0/", "/" + p.id + "/");
        var marker = L.circleMarker([c[1], c[0]], {
          radius: isPc ? 8 : 5, color: isPc ? "#8a1c00" : "#0b4f8a", weight: 2, fillOpacity: 0.8
        });
        var link = document.createElement("a");
        link.href = url;
        link.textContent = p.name;
        marker.bindPopup(link);
        return marker;
      });
      clusters.addLayers(markers);
      map.addLayer(clusters);
      if (markers.length) { map.fitBounds(clusters.getBounds(), { maxZoom: 12 }); }
      el.dataset.loaded = String(markers.length);
    });
})();
