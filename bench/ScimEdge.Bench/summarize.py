#!/usr/bin/env python3
"""Median requests/s and latency over the wrk runs in a results folder, as a Markdown table."""
import re
import statistics
import sys
from pathlib import Path

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
TARGETS = {  # scenario: (kind, threshold, text)
    "get": ("ratio", 0.5, ">= 0.5 x plain"),
    "filter": ("ratio", 0.45, ">= 0.45 x plain"),
    "post": ("rps", 3000, ">= 3,000/s, 0 errors"),
    "patch-user": (None, None, ""),
    "patch-group": ("p50", 5.0, "< 5 ms"),
}


def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    return float(m.group(1)) * UNITS[m.group(2)]


def parse(path):
    text = path.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(g) for g in sock.groups()) if sock else 0)
    return rps, p50, p99, errors


def main(folder):
    runs = {}
    for path in sorted(Path(folder).glob("*.txt")):
        name, target, _rep = path.name[:-4].split(".")
        runs.setdefault((name, target), []).append(parse(path))
    print("| scenario | plain req/s | SCIM req/s | ratio | SCIM p50 ms | SCIM p99 ms | SCIM errors | plain p50/p99 ms | target | met |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for name, (kind, threshold, text) in TARGETS.items():
        plain, scim = runs.get((name, "plain")), runs.get((name, "scim"))
        if not plain or not scim:
            continue
        med = lambda rs, i: statistics.median(r[i] for r in rs)
        p_rps, s_rps = med(plain, 0), med(scim, 0)
        ratio = s_rps / p_rps
        errors = sum(r[3] for r in scim)
        met = {"ratio": ratio >= (threshold or 0), "rps": s_rps >= (threshold or 0) and errors == 0,
               "p50": med(scim, 1) < (threshold or 0), None: None}[kind]
        met_text = "" if met is None else ("met" if met else "NOT met")
        print(f"| {name} | {p_rps:,.0f} | {s_rps:,.0f} | {ratio:.2f} | {med(scim, 1):.2f} | {med(scim, 2):.2f} | {errors} "
              f"| {med(plain, 1):.2f} / {med(plain, 2):.2f} | {text} | {met_text} |")
    print()
    print("runs per cell: " + ", ".join(f"{n}/{t}={len(v)}" for (n, t), v in sorted(runs.items())))
    print("SCIM req/s per run: " + "; ".join(
        f"{n}: " + " ".join(f"{r[0]:,.0f}" for r in v) for (n, t), v in sorted(runs.items()) if t == "scim"))


if __name__ == "__main__":
    main(sys.argv[1])
