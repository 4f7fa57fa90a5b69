"""Mobile Athlete Desktop: mobility assessment and home programs for sports physical therapists."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mobileathlete-desktop")
except PackageNotFoundError:  # running from a bundle or an uninstalled checkout
    __version__ = "0.1.0"
