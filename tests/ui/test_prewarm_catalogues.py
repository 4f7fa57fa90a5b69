"""The gettext catalogues the program builder needs (its drills' descriptions and doses, in the
window's or the handout's language) are read ahead of time on the prewarm's plain thread: its
first opening reads none on the UI thread (it read Spanish there, 92 ms on a clinic server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from mobileathlete_desktop.services import clients
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.ui import prewarm

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter, as at the program's start, in Spanish: the prewarm runs, then the
# builder's first opening is profiled on the UI thread; then the same once more with the
# catalogues forgotten (what the opening did before), so the probe is seen to find a read.
_PROBE = """
import cProfile, gettext, json, pstats, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer
from mobileathlete_desktop.ui.app import create_application
app = create_application(["mobileathlete"])
from mobileathlete_desktop.ui.i18n import install_translations
install_translations(app, "es")
from mobileathlete_desktop.services.context import ServiceContext
from mobileathlete_desktop.storage.database import open_database
from mobileathlete_desktop.support import i18n
from mobileathlete_desktop.ui import prewarm
from tests.conftest import THERAPIST
read_on = []
real_parse = gettext.GNUTranslations._parse
def parse(self, fp):
    read_on.append(threading.current_thread().name)
    return real_parse(self, fp)
gettext.GNUTranslations._parse = parse
db_path, client_id = Path(sys.argv[1]), int(sys.argv[2])
ctx = ServiceContext(db=open_database(db_path), actor=THERAPIST)
parent, done = QObject(), []
prewarm.run(lambda step: QTimer.singleShot(0, parent, step), lambda: done.append(True))
end = time.monotonic() + 150
while not done and time.monotonic() < end:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
from mobileathlete_desktop.ui.program_builder import ProgramBuilder
def opening():
    profile = cProfile.Profile()
    profile.enable()
    store = QSettings(str(db_path) + ".ini", QSettings.Format.IniFormat)
    builder = ProgramBuilder(ctx, client_id, store=store)
    builder.show()
    while builder.loading is not None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    app.processEvents()
    profile.disable()
    builder.close()
    stats = pstats.Stats(profile).stats
    return sorted(
        name for (path, _line, name) in stats
        if path.endswith("i18n.py") and name in ("texts", "_translation")
    )
first = opening()
i18n._texts.cache_clear()
i18n._translation.cache_clear()
forgotten = opening()
print(json.dumps({"done": bool(done), "read_on": read_on, "first": first, "forgotten": forgotten}))
"""


def test_the_builders_first_opening_reads_no_catalogue_on_the_ui_thread(
    ctx: ServiceContext, db_path: Path
) -> None:
    client = clients.create_client(
        ctx, clients.ClientInput("CAT-1", "Ada", "Stridewell", date(1990, 1, 1))
    )
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(db_path), str(client.id)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["done"]
    # Spanish read once, on the prewarm's thread; the builder asked for its words (texts)
    # and read no catalogue (_translation) on the UI thread.
    assert found["read_on"][0] == prewarm.THREAD_NAME
    assert found["first"] == ["texts"]
    # The probe finds a read when there is one: the catalogues forgotten, the opening reads
    # Spanish on the UI thread, as it did before the prewarm read it.
    assert found["forgotten"] == ["_translation", "texts"]
    assert found["read_on"][1:] == ["MainThread"]
