"""People: sources/people.yaml checked against its schema, and found in the article's text."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from edition.model import Languages, LocalizedText, Origin, Person
from edition.problems import Problems
from edition.sources.schema import checked_entries
from edition.sources.yamlsource import LineMap

_LETTER = "A-Za-zÇĞİÖŞÜÂÎÛçğıöşüâîû"


def parse_people(text: str, path: str, problems: Problems, languages: Languages) -> list[Person]:
    people: list[Person] = []
    seen: dict[str, Origin] = {}
    for entry, valid in checked_entries(
        text, path, "people.schema.json", problems, languages.codes
    ):
        if not valid:
            # Known by id all the same, so that records naming it are not reported twice.
            if isinstance(entry.get("id"), str):
                people.append(_placeholder(entry, path, languages.original))
            continue
        if entry["id"] in seen:
            problems.error(
                Origin(path, entry.line_of("id")),
                f"two people have the id '{entry['id']}' (first at {seen[entry['id']]})",
            )
            continue
        seen[entry["id"]] = Origin(path, entry.line_of("id"))
        people.append(
            Person(
                id=entry["id"],
                name=entry["name"],
                full_name=entry["full_name"],
                english=entry["english"],
                russian=entry.get("russian"),
                role=LocalizedText.from_mapping(entry["role"], languages.original),
                facts=tuple(
                    LocalizedText.from_mapping(fact, languages.original) for fact in entry["facts"]
                ),
                mentions=tuple(entry["mentions"]),
                origin=Origin(path, entry.line_of("mentions")),
            )
        )
    return people


def _placeholder(entry: LineMap, path: str, original: str) -> Person:
    """A person whose entry has errors of its own: its id stays known."""
    name = str(entry.get("name") or entry["id"])
    return Person(
        id=entry["id"],
        name=name,
        full_name=name,
        english=name,
        russian=None,
        role=LocalizedText((), original),
        facts=(),
        mentions=(name,),
        origin=Origin(path, entry.line),
    )


@cache
def mention_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A form, whole: 'Kemal' finds "Kemal" and "Kemal’in" but not "Kemalist"."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![{_LETTER}])(?:{alternatives})(?![{_LETTER}])")


def mentions(person: Person, text: str) -> bool:
    return _forms_in(person.mentions, text)


# Every person is looked for in every paragraph and record on each build; between the
# preview's rebuilds nearly all of those texts are unchanged.
@lru_cache(maxsize=1 << 18)
def _forms_in(forms: tuple[str, ...], text: str) -> bool:
    return mention_pattern(forms).search(text) is not None
