"""The floor for start-up: a bare PySide6 window, started and timed like the program.

Its moment is the one the sign-in dialog is timed at: the first frame painted (the end of the
first paintEvent). A timer after show() fired about 3 ms before that frame, so the floor was
timed earlier than the program.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class Window(QMainWindow):
    """A bare main window that says when its first frame is painted."""

    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            cpu = f"cpu_s={time.process_time():.4f}"  # as the program's sign-in line says
            print(f"MOBILEATHLETE_READY {time.time():.6f} {cpu}", flush=True)
            QTimer.singleShot(0, app.quit)


app = QApplication(sys.argv[:1])
window = Window()
window.resize(1200, 760)
window.show()
sys.exit(app.exec())
