"""Stage 4, cite and outputs: citation items and files, head metadata, data files, TEI,
the PDF, the offline copy and the register of published URLs."""
