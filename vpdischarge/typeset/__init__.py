"""Typesetting layer: handout markup in, PDF bytes out. ReportLab only; writes no files."""
