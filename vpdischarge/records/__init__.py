"""What is kept about each handout given: the handout log (and, later, the education record).
No Qt here: the window and the command line both call in."""
