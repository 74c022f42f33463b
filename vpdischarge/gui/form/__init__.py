"""The nurse's form, one module per part of the case; `case_form.CaseForm` puts them together."""
