"""Benchmarks (not tests): synthetic stores and timings of the pipeline and the explorer."""
