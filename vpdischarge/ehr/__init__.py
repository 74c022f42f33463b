"""A case from the hospital's record: a FHIR R4 Bundle read into the case file's shape.

`bundle` reads and validates the file (fhir.resources' R4B models), the small mapping modules
(`patient`, `procedure`, `rxnorm`, `dosage`, `medicines`, `appointment`) each take one part of
the case from it, and `importer` puts them together through the case file's own reader, so an
imported case passes the same checks as a typed one. No Qt here: the CLI and the window share it.
"""
