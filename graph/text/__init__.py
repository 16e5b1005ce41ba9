"""Value types and parsers for Vietnamese text: normalisation, dates, document numbers."""
