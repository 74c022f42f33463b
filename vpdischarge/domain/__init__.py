"""Domain layer: the case, its validation, site settings and the locale registry.

Nothing here imports Qt, ReportLab or Jinja2.
"""
