"""Benchmarks of kaoping, run by `python -m bench`; each `bench_*.py` module adds its cases."""
