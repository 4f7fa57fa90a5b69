"""The window's Qt Linguist translations: mobileathlete_<group>_<lang>.ts (the source,
edited in Qt Linguist or by hand) and the compiled .qm beside it, read by ui/i18n.py.

Rebuild with `make translations` (scripts/build_translations.py) after changing any text
in the window; tests/ui/test_translations.py fails while a .qm is stale or a text is new.
"""
