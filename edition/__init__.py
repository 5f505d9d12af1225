"""The edition's logic: sources are loaded into a frozen model, checked, and rendered.

Data flows one way: loaders (``load_*``) → model → checks (``check_*``) → pure renderers
(``render_*``). Only ``build_edition.py`` talks to MkDocs.
"""
