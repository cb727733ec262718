"""Benchmarks that print figures (and a ratio against a simple baseline in the same run).
Run as ``python -m bench <suite> [options]``; never collected by pytest."""
