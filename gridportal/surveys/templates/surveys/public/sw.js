// The kiosk keeps opening without a network: its page and files are served from this
// cache when the network fails (network first, so a new version arrives when online).
const CACHE = "gridportal-kiosk-v1";
self.addEventListener("install", (event) => { self.skipWaiting(); });
self.addEventListener("activate", (event) => { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const kioskPage = url.pathname.endsWith("/kiosk/");
  const staticFile = url.pathname.startsWith("/static/");
  if (!kioskPage && !staticFile) return;
  event.respondWith(
    fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    }).catch(() => caches.match(request).then((hit) => hit || Response.error()))
  );
});
