"""The program builder: a client's home program from the drill library, printed as a handout.

Left, the library (search, category, region); right, the program in order with its dosage.
Enter or a double-click adds a drill, Delete removes one, Ctrl+Up / Ctrl+Down move it, and
drag and drop does both. "Recommend" adds the drills suggested by the latest assessment with
the reason for each; the therapist keeps, removes, reorders or re-doses them as they see fit.
"""

from typing import TYPE_CHECKING

from mobileathlete_desktop.services.programs import exercise_library
from mobileathlete_desktop.ui.lazy_names import names_of

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.program_builder.drill_pictures import DrillPictures, drill_pixmap
    from mobileathlete_desktop.ui.program_builder.program_model import (
        COLUMNS,
        NAME,
        REASON,
        SETS,
        ProgramModel,
    )
    from mobileathlete_desktop.ui.program_builder.window import ProgramBuilder

_WHERE = {
    "DrillPictures": "drill_pictures",
    "drill_pixmap": "drill_pictures",
    "COLUMNS": "program_model",
    "NAME": "program_model",
    "REASON": "program_model",
    "SETS": "program_model",
    "ProgramModel": "program_model",
    "ProgramBuilder": "window",
}

__all__ = [
    "COLUMNS",
    "NAME",
    "REASON",
    "SETS",
    "DrillPictures",
    "ProgramBuilder",
    "ProgramModel",
    "drill_pixmap",
]

# The drill library is read with these modules, not when the builder first opens (50-190 ms
# on the UI thread); it is kept from then on. ui.prewarm reads it on a plain thread first.
_library = exercise_library()


__getattr__ = names_of(__name__, _WHERE)
