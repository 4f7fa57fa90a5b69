"""A writer the restore tests run beside a restore: `python -m tests.services.recovery_writer DB`
opens the clinic through the program, then saves a client every few milliseconds through the
services, printing `ack N` after each commit, until it is killed."""

from __future__ import annotations

import os
import sys
import time

from mobileathlete_desktop.services.clients import ClientInput, create_client
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database


def main(path: str) -> None:
    """Saves W-0, W-1, ... one unit of work each, acknowledging each after its commit."""
    ctx = ServiceContext.system(open_database(path))
    n = 0
    while True:
        create_client(ctx, ClientInput(f"W-{n}", "Wanda", "Writer"))
        os.write(1, f"ack {n}\n".encode())
        n += 1
        time.sleep(0.01)


if __name__ == "__main__":
    main(sys.argv[1])
