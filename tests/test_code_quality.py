"""The code is kept clean by the tools the project names: ruff and mypy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from edition.model.documents import document_schema
from edition.sources.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff() -> None:
    result = run("ruff", "check", "edition", "build_edition.py", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_documents_every_record_field_from_the_schemas() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    objects = [document_schema()]
    objects += [
        load_schema(name)["items"]
        for name in ("people.schema.json", "events.schema.json", "glossary.schema.json")
    ]
    objects += [
        load_schema("edition.schema.json"),
        load_schema("edition.schema.json")["$defs"]["archive"],
    ]
    for schema in objects:
        for name, spec in schema["properties"].items():
            required = "yes" if name in schema["required"] else "no"
            assert f"| `{name}` | {required} | {spec['description']} |" in readme, name
