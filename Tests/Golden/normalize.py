#!/usr/bin/env python3
"""Writes a report.json with its timings zeroed and keys sorted: the form the golden-report
test compares (Tests/CLITests/GoldenReportTests.swift).

    Tests/Golden/normalize.py out/digits/report.json > Tests/Golden/digits-pareto-report.json

The golden file is `make demo`'s report.json; regenerate it only when a change is meant to
change the report (and say so in the commit).
"""
import json
import sys

TIMINGS = {"seconds", "total_seconds"}


def zero(x):
    if isinstance(x, dict):
        return {k: (0 if k in TIMINGS else zero(v)) for k, v in x.items()}
    if isinstance(x, list):
        return [zero(v) for v in x]
    return x


print(json.dumps(zero(json.load(open(sys.argv[1]))), indent=1, sort_keys=True, ensure_ascii=False))
