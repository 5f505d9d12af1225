"""new-edition: a minimal edition that builds at once, for an editor to fill.

The engine's own files (the MkDocs configuration, the hook and command line, the theme's
overrides) are copied from the engine; the edition's sources are written from what the
editor gives, and nothing else: every fact the editor has not given is left out, for the
editor to add (see the README, "Editing").
"""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.labels import interface_languages, label
from edition.model import Origin
from edition.problems import Problems

# What every edition shares with the engine, copied as it is.
ENGINE_FILES = ("mkdocs.yml", "build_edition.py", ".gitignore")
ENGINE_FOLDERS = ("docs/overrides",)


@dataclass(frozen=True)
class NewEdition:
    title: str  # in the original language
    author: str
    journal: str
    issue: str
    year: int
    languages: tuple[str, ...]  # the original first
    title_translated: str | None = None  # the translations' title; the original's if not given


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: 'Smith, Ann' → 'smith-ann'."""
    folded = text.casefold().translate(str.maketrans("çğıöşüâîû", "cgiosuaiu"))
    return "-".join(re.findall(r"[a-z0-9]+", folded)) or "edition"


def edition_yaml(new: NewEdition, started: datetime.date) -> str:
    family = slug(new.author.split()[-1]) if new.author.split() else "edition"
    original, *translations = new.languages
    data = {
        "languages": list(new.languages),
        "title": {
            original: new.title,
            **{lang: new.title_translated or new.title for lang in translations},
        },
        "author": new.author,
        "publication": {"journal": new.journal, "issue": new.issue, "year": new.year},
        "identifiers": {
            "article": f"{family}-{new.year}",
            "edition": f"{family}-edition",
            "files": f"{family}-edition",
        },
        "archives": {},
        "versions": [
            {
                "version": "0.1.0",
                "date": started.isoformat(),
                "changes": {lang: label(lang, "new_edition_changes") for lang in new.languages},
            }
        ],
        "chapters": ["index"],
    }
    header = (
        "# The edition as a whole: see the README, 'The edition as a whole', for every field.\n"
        "# Add the archives of your documents under `archives`, the chapters under\n"
        "# `chapters`, and a version entry (with its real date) for each published change.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=92)


def create_edition(engine: Path, target: Path, new: NewEdition) -> Problems:
    """Write the new edition into `target`, which must not exist or be empty."""
    problems = Problems()
    origin = Origin(str(target), 1)
    if target.exists() and any(target.iterdir()):
        problems.error(origin, "the folder exists and is not empty; nothing was written")
        return problems
    if not 1000 <= new.year <= 9999:
        problems.error(origin, f"year '{new.year}' is not a year; nothing was written")
        return problems
    missing = [lang for lang in new.languages if lang not in interface_languages()]
    if missing or not new.languages or len(set(new.languages)) < len(new.languages):
        problems.error(
            origin,
            f"languages '{','.join(new.languages)}': give each once, the original first, from "
            f"those the engine has interface texts in ({', '.join(interface_languages())}); "
            "nothing was written",
        )
        return problems
    target.mkdir(parents=True, exist_ok=True)
    for name in ENGINE_FILES:
        if (engine / name).exists():
            shutil.copy2(engine / name, target / name)
    for name in ENGINE_FOLDERS:
        shutil.copytree(engine / name, target / name)
    sources = target / "sources"
    (sources / "documents").mkdir(parents=True)
    started = datetime.date.today()  # the first version's date: the day the edition began
    (sources / "edition.yaml").write_text(edition_yaml(new, started), encoding="utf-8")
    (sources / "references.bib").write_text("", encoding="utf-8")
    (sources / "people.yaml").write_text("[]\n", encoding="utf-8")
    (sources / "events.yaml").write_text("[]\n", encoding="utf-8")
    (sources / "documents" / ".gitkeep").write_text("", encoding="utf-8")
    original = new.languages[0]
    for lang in new.languages:
        folder = target / "docs" / lang
        folder.mkdir(parents=True)
        title = new.title if lang == original else new.title_translated or new.title
        (folder / "index.md").write_text(f"# {title}\n", encoding="utf-8")
    return problems
