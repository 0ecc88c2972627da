"""Benchmarks at scale: a synthetic corpus generator and the harness that measures the build,
the validation, the store and the HTTP layer side by side with the alternatives.

`make bench` runs the full measurement; tests/test_benchmarks.py runs a small one.
"""
