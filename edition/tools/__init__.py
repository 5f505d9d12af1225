"""Tools for the editor: sources written valid from the start (new-document, new-edition)."""
