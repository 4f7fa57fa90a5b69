"""Reportlab documents: home-program handouts and client progress reports."""
