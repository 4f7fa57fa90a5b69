"""Saves PNGs of the main window, the program builder and the Reports view on a demo clinic.

    .venv/bin/python scripts/screenshots.py DEMO.db OUT_DIR   (QT_QPA_PLATFORM=offscreen)

For looking at the windows as a user would; not part of the test suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> int:
    db_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from mobileathlete_desktop.domain.permissions import Actor
    from mobileathlete_desktop.services.context import ServiceContext
    from mobileathlete_desktop.storage.database import open_database
    from mobileathlete_desktop.ui.main_window import MainWindow
    from mobileathlete_desktop.ui.program_builder import ProgramBuilder
    from mobileathlete_desktop.ui.reports_view import ReportsView

    ctx = ServiceContext.system(open_database(db_path)).as_actor(
        Actor(username="admin", display_name="Demo Admin", role="admin")
    )
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    window.select_client(window.model.client_at(0).id)  # type: ignore[union-attr]
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(out / "main_window.png"))
    therapist = ctx.as_actor(Actor(username="therapist", display_name="Demo PT", role="therapist"))
    builder = ProgramBuilder(therapist, window.page.client_id or 1)
    builder.show()
    builder.recommend()
    for _ in range(20):
        app.processEvents()
    builder.grab().save(str(out / "program_builder.png"))
    builder.dirty = False
    builder.close()
    view = ReportsView(ctx)
    view.show()
    from datetime import date

    from PySide6.QtCore import QDate

    from mobileathlete_desktop.services.reports import clients_assessed_between

    # The most recent visit day of the demo clinic, as an admin would pick it.
    for back in range(0, 400):
        day = date.fromordinal(date.today().toordinal() - back)
        if clients_assessed_between(ctx, day, day):
            break
    view.first.setDate(QDate(day.year, day.month, day.day))
    view.last.setDate(QDate(day.year, day.month, day.day))
    view.list_clients_seen()
    for _ in range(20):
        app.processEvents()
    view.grab().save(str(out / "reports_view.png"))
    view.close()
    window.close()
    print(f"saved in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
