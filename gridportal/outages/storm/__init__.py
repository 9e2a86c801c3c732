"""Storm mode: the outage look-ups served from a snapshot, in the cache and as files (docs/storm.md)."""
