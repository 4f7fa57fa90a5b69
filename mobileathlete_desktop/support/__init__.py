"""Platform helpers under every other layer: atomic file writes, the log folder and its files.

Standard library (and small pure libraries such as platformdirs) only; nothing from the
rest of the program is imported here, so any layer may use it.
"""
