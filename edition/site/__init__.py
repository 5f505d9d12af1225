"""Stage 5, site glue: handing the pages to MkDocs, the atomic build, the preview, the policy."""
