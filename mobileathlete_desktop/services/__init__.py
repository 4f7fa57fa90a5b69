"""Use cases the GUI and the command line share: each opens its own unit of work."""
