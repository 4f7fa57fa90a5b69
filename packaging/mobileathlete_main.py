"""Entry script of the frozen bundle: the same `mobileathlete` command as the installed one.

With MOBILEATHLETE_RENDER_CHECK=<file.pdf> it instead draws every page of that PDF with the
bundled PDF renderer and prints what it drew (tests/packaging checks the bundle with it).
"""

import multiprocessing
import os
import sys
from pathlib import Path

from mobileathlete_desktop.cli import main


def render_check(pdf: Path) -> int:
    """Draws each page at 72 dpi; prints the page count, sizes and inked bytes per page."""
    from mobileathlete_desktop.ui import print_support

    total = print_support.page_count(pdf)
    for number, image in enumerate(print_support.render_pages(pdf, 72, list(range(total))), 1):
        pixels = bytes(image.constBits())
        inked = len(pixels) - pixels.count(255)
        print(f"page {number}/{total}: {image.width()}x{image.height()}, {inked} inked bytes")
    print(f"rendered {total} pages")
    return 0 if total else 1


if __name__ == "__main__":
    # A spawned helper (the chart process, the report batch's workers) starts this same
    # executable: run the helper's code and exit here, never the program a second time.
    multiprocessing.freeze_support()
    check = os.environ.get("MOBILEATHLETE_RENDER_CHECK")
    sys.exit(render_check(Path(check)) if check else main())
