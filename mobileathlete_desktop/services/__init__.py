"""Use cases the GUI and the command line share: each opens its own unit of work.

Importing any service installs the storage error mapping (`services.errors`): a busy,
full or unreachable database reaches the window and the command line as one sentence.
"""

from mobileathlete_desktop.services import errors as errors
