"""The review corpus: plans with planted gaps and their answer keys (see README.md in this folder)."""
