"""vpdischarge: printed discharge handouts after vertebroplasty or kyphoplasty."""

__version__ = "0.1.0"
