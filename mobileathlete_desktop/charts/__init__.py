"""Matplotlib figures built from domain records (never pyplot), for the screen, files and PDFs."""
