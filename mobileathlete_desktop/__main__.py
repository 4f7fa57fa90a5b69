"""Lets `python -m mobileathlete_desktop` run the `mobileathlete` command."""

import sys

from mobileathlete_desktop.cli import main

sys.exit(main())
