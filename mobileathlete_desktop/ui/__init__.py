"""PySide6 windows, dialogs and item models: thin, they ask services and show answers."""
