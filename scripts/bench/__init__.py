"""Load and performance benchmarks (issue 4 §3). See load.py and run.py."""
