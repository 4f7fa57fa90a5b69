"""Benchmarks at clinic scale (`make bench`)."""
