"""Entry script of the frozen bundle: the same `mobileathlete` command as the installed one."""

import sys

from mobileathlete_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
