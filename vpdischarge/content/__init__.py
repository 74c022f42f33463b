"""Content layer: builds the template context and renders the localised handout markup.

No Qt and no ReportLab here; the output is a markup string for the typesetting layer.
"""
