(function () {
  "use strict";
  // «Use my location»: fill the hidden lat/lon of the filter form and submit it.
  var form = document.getElementById("office-filters");
  var locate = document.getElementById("use-location");
  if (form && locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        form.elements.lat.value = pos.coords.latitude.toFixed(5);
        form.elements.lon.value = pos.coords.longitude.toFixed(5);
        form.elements.address.value = "";
        form.submit();
      }, function () {
        locate.textContent = locate.dataset.error;
      }, { timeout: 10000 });
    });
    form.addEventListener("submit", function () {
      // A typed address replaces an earlier location.
      if (form.elements.address.value) { form.elements.lat.value = ""; form.elements.lon.value = ""; }
    });
  }

  var el = document.getElementById("office-map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { maxZoom: 18 }).setView([62, 38], 5);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  }
  var clusters = L.markerClusterGroup({ disableClusteringAtZoom: 12 });
  fetch(el.dataset.src, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var markers = data.features.map(function (f) {
        var p = f.properties;
        var c = f.geometry.coordinates;
        var marker = L.circleMarker([c[1], c[0]], {
          radius: 9, color: "#222", weight: 1,
          fillColor: p.open ? "#1b7a3a" : "#6b6b6b", fillOpacity: 0.9
        });
        var box = document.createElement("div");
        var link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.name;
        box.appendChild(link);
        var line = document.createElement("div");
        line.textContent = p.address;
        box.appendChild(line);
        var state = document.createElement("div");
        state.textContent = p.open ? el.dataset.labelOpen : el.dataset.labelClosed;
        box.appendChild(state);
        marker.bindPopup(box);
        return marker;
      });
      clusters.addLayers(markers);
      map.addLayer(clusters);
      if (el.dataset.lat) {
        var here = L.latLng(parseFloat(el.dataset.lat), parseFloat(el.dataset.lon));
        L.circleMarker(here, { radius: 6, color: "#0b57d0", fillOpacity: 1 }).addTo(map);
        var nearest = markers.slice(0, 3).map(function (m) { return m.getLatLng(); });
        map.fitBounds(L.latLngBounds(nearest.concat([here])), { maxZoom: 14, padding: [30, 30] });
      } else if (markers.length) {
        map.fitBounds(clusters.getBounds(), { maxZoom: 12 });
      }
      el.dataset.loaded = String(markers.length);
    });
})();
