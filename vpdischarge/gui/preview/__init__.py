"""The live preview: rendering off the UI thread, the logic that keeps only the newest result,
and the pane that shows the PDF pages."""
