"""Stage 1, sources: reading a file safely with its lines, and the formats, declared as
JSON Schemas in schemas/."""
