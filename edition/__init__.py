"""The edition's engine. Data flows one way, and the packages are its stages:

    sources/  reading a file safely, with its lines; the formats (JSON Schemas)
    model/    frozen, typed records that remember their origin; every check across files
    render/   pure functions of the model: the Markdown and template data of each page
    outputs/  citations and their files, head metadata, data files, TEI, the PDF, the zip
    site/     MkDocs glue: the pages handed to MkDocs, the atomic build, the preview
    tools/    sources written valid from the start (new-document, new-edition)

Shared declarations stay at the top: `urls` (where each page lives), `labels` (interface
strings per language) and `problems` (how problems are collected and reported). Only
`build_edition.py` and `site/` talk to MkDocs.
"""
