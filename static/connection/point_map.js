// «Или укажите точку на карте»: a click on the map (or Enter on the focused map, or the
// «mark the centre» button) fills the latitude and longitude fields; typing in them moves
// the marker. The form works without this script: the fields can be typed in.
(function () {
  "use strict";
  var el = document.getElementById("point-map");
  var lat = document.getElementById("id_latitude");
  var lon = document.getElementById("id_longitude");
  var status = document.getElementById("point-status");
  if (!el || !lat || !lon || !window.L) { return; }
  var map = L.map(el, { maxZoom: 18, keyboard: true })
    .setView([Number(el.dataset.lat), Number(el.dataset.lon)], Number(el.dataset.zoom));
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  }
  var marker = null;
  var comma = el.dataset.decimal || ".";

  function format(x) { return x.toFixed(5).replace(".", comma); }
  function parse(text) {
    var v = parseFloat(String(text).replace(/\s/g, "").replace("°", "").replace(",", "."));
    return isFinite(v) ? v : null;
  }
  function show(latlng) {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.circleMarker(latlng, {
        radius: 9, color: "#0b3d91", weight: 3, fillColor: "#ffd400", fillOpacity: 0.9
      }).addTo(map);
    }
  }
  function mark(latlng) {
    latlng = latlng.wrap();
    show(latlng);
    lat.value = format(latlng.lat);
    lon.value = format(latlng.lng);
    if (status) {
      status.textContent = el.dataset.marked.replace("{lat}", lat.value).replace("{lon}", lon.value);
    }
    el.dataset.marked_at = lat.value + ";" + lon.value;
  }
  function fromFields() {
    var a = parse(lat.value);
    var b = parse(lon.value);
    if (a === null || b === null || Math.abs(a) > 90 || Math.abs(b) > 180) { return; }
    show(L.latLng(a, b));
    map.panTo([a, b]);
  }

  map.on("click", function (e) { mark(e.latlng); });
  el.addEventListener("keydown", function (e) {
    if (e.target === el && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      mark(map.getCenter());
    }
  });
  var centre = document.getElementById("point-centre");
  if (centre) {
    centre.hidden = false;
    centre.addEventListener("click", function () { mark(map.getCenter()); });
  }
  lat.addEventListener("change", fromFields);
  lon.addEventListener("change", fromFields);
  fromFields();
  el.dataset.ready = "1";
})();
