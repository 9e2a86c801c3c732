"""Load generators of the benchmarks: wrk (Lua request scripts, runs, results, report lines)
and a paced poster of outage reports that remembers every acknowledgement.

Used by bench/storm.py; `configure()` says where scripts go and how long a phase runs.
Only loopback addresses are ever targeted (the URL is built from a port on 127.0.0.1).
"""

from __future__ import annotations

import http.client
import json
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

SETTINGS = {"workdir": Path(tempfile.gettempdir()), "seconds": 10, "result_timeout": 1200.0}


def configure(*, workdir: Path, seconds: int, result_timeout: float) -> None:
    SETTINGS.update(workdir=workdir, seconds=seconds, result_timeout=result_timeout)


LUA_COMMON = """
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  math.randomseed(tid * 7919 + os.time())
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nRESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
    .. '"max_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_list(name: str, values: list[int]) -> str:
    return f"local {name} = {{" + ",".join(str(v) for v in values) + "}\n"


def lua_fixed(path: str) -> str:
    return LUA_COMMON + f'request = function() return wrk.format("GET", "{path}") end\n'


def lua_random_range(prefix: str, low: int, high: int, suffix: str = "") -> str:
    return LUA_COMMON + (
        f'request = function() return wrk.format("GET", "{prefix}" .. '
        f'math.random({low}, {high}) .. "{suffix}") end\n'
    )


def lua_fixed_random(path: str, low: int, high: int) -> str:
    """A fixed resource, with the same client-side work per request as the random look-ups.

    wrk shares the two cores with the servers: a baseline whose Lua does less per request
    leaves the server more CPU. The random number goes into a query string that neither
    nginx nor the trivial Django view reads.
    """
    return LUA_COMMON + (
        f'request = function() return wrk.format("GET", "{path}?n=" .. '
        f"math.random({low}, {high})) end\n"
    )


def lua_random_bucket(prefix: str, low: int, high: int, buckets: int) -> str:
    """A random substation's bucket file: the storm path (one file, always present)."""
    return LUA_COMMON + (
        f'request = function() return wrk.format("GET", "{prefix}" .. '
        f'(math.random({low}, {high}) % {buckets}) .. ".json") end\n'
    )


def lua_delay(ms: float) -> str:
    """Pace each connection: wait this long before its next request (0: as fast as possible)."""
    return f"function delay() return {ms:.3f} end\n" if ms > 0 else ""


def lua_pick(
    prefix: str, hot: list[int], cold_low: int, cold_high: int, suffix="", share=0.5, pace=0.0
):
    """Half the look-ups from the storm area, half anywhere."""
    return (
        LUA_COMMON
        + lua_delay(pace)
        + lua_list("hot", hot)
        + f"""
request = function()
  local id
  if math.random() < {share} then id = hot[math.random(#hot)]
  else id = math.random({cold_low}, {cold_high}) end
  return wrk.format("GET", "{prefix}" .. id .. "{suffix}")
end
"""
    )


def lua_pick_list(prefix: str, hot: list[int], cold: list[int], share=0.5, pace=0.0):
    return (
        LUA_COMMON
        + lua_delay(pace)
        + lua_list("hot", hot)
        + lua_list("cold", cold)
        + f"""
request = function()
  local id
  if math.random() < {share} then id = hot[math.random(#hot)]
  else id = cold[math.random(#cold)] end
  return wrk.format("GET", "{prefix}" .. id)
end
"""
    )


def pace(rate: float, connections: int) -> float:
    return 1000.0 * connections / rate if rate > 0 else 0.0


def wrk_start(name, port, lua, *, threads=2, connections=32, seconds=None):
    seconds = seconds or SETTINGS["seconds"]
    script = SETTINGS["workdir"] / f"{name}.lua"
    script.write_text(lua)
    return subprocess.Popen(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{int(seconds)}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wrk_result(proc) -> dict:
    out, _ = proc.communicate(timeout=SETTINGS["result_timeout"])
    for line in out.splitlines():
        if line.startswith("RESULT "):
            r = json.loads(line[len("RESULT ") :])
            r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
            r["errors"] = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
            return r
    raise SystemExit(f"wrk printed no result:\n{out}")


def wrk(name, port, lua, **kwargs) -> dict:
    return wrk_result(wrk_start(name, port, lua, **kwargs))


def merge(results: list[dict]) -> dict:
    """Several runs of one phase as one: total requests over total time, worst percentiles."""
    requests = sum(r["requests"] for r in results)
    duration = sum(r["duration_us"] for r in results)
    return {
        "requests": requests,
        "duration_us": duration,
        "rps": requests / (duration / 1e6),
        "p50_us": statistics.median(r["p50_us"] for r in results),
        "p99_us": max(r["p99_us"] for r in results),
        "errors": sum(r["errors"] for r in results),
    }


def line(label: str, r: dict) -> None:
    print(
        f"  {label:<44} {r['rps']:>9,.0f} req/s   p50 {r['p50_us'] / 1000:6.2f} ms   "
        f"p99 {r['p99_us'] / 1000:7.2f} ms   errors {r['errors']}",
        flush=True,
    )


def ratio(label: str, b: dict, a: dict, target: float = 0.8) -> None:
    value = b["rps"] / a["rps"]
    verdict = "meets" if value >= target else "BELOW"
    print(
        f"  → {label}: {b['rps']:,.0f} / {a['rps']:,.0f} = {value:.2f} "
        f"({verdict} the target ≥ {target})",
        flush=True,
    )


class Storm:
    """POST reports at a steady rate from a pool of threads; remember every acknowledgement."""

    def __init__(self, port, plan, window, threads=24, user_agent="gridportal-bench"):
        self.port, self.plan, self.window, self.threads = port, plan, window, threads
        self.user_agent = user_agent
        self.index = 0
        self.lock = threading.Lock()
        self.acks: list[int] = []
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.failures = 0

    def _next(self):
        with self.lock:
            if self.index >= len(self.plan):
                return None
            i = self.index
            self.index += 1
            return i

    def _worker(self, t0):
        conn = None
        step = self.window / len(self.plan)
        while (i := self._next()) is not None:
            due = t0 + i * step
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            body = json.dumps(self.plan[i])
            started = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                conn.request(
                    "POST",
                    "/api/v1/outages/reports/",
                    body=body,
                    headers={"Content-Type": "application/json", "User-Agent": self.user_agent},
                )
                response = conn.getresponse()
                data = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except OSError:
                self.failures += 1
                conn = None
                continue
            elapsed = time.monotonic() - started
            with self.lock:
                self.latencies.append(elapsed)
                self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
                if response.status in (200, 201):
                    self.acks.append(int(json.loads(data)["number"]))

    def run(self) -> float:
        t0 = time.monotonic()
        pool = [
            threading.Thread(target=self._worker, args=(t0,), daemon=True)
            for _ in range(self.threads)
        ]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        return time.monotonic() - t0


def report_plan(rng, storm_subs, addresses, anywhere, n, offset=0, comment=""):
    problems = ["no_power"] * 80 + ["partial"] * 10 + ["low_voltage"] * 7 + ["hazard"] * 3
    plan = []
    for i in range(n):
        if rng.random() < 0.85:
            address = rng.choice(addresses[rng.choice(storm_subs)])
        else:
            address = rng.choice(anywhere)
        plan.append(
            {
                "address": address,
                "problem": rng.choice(problems),
                "phone": f"+79005{offset + i:06d}",
                "comment": comment,
                "consent": True,
            }
        )
    return plan


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q / 100 * len(values)))] if values else float("nan")
