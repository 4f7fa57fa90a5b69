"""The floor for start-up: a bare PySide6 window, started and timed like the program."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()


def ready() -> None:
    print(f"MOBILEATHLETE_READY {time.time():.6f}", flush=True)
    app.quit()


QTimer.singleShot(0, ready)
sys.exit(app.exec())
