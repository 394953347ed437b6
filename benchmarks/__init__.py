"""Benchmarks, run with ``python -m benchmarks`` (one module per benchmark, listed in ``__main__.BENCHMARKS``)."""
