"""Mobile Athlete Desktop: mobility assessment and home programs for sports physical therapists."""

# The one place the version is written: pyproject.toml reads it from here (setuptools dynamic
# version), so the installed metadata, the bundle and `--version` always agree, and start-up
# does not pay for importlib.metadata.
__version__ = "0.1.0"
