"""Events of the chronology: sources/events.yaml, each placed at the paragraph that states it."""

from __future__ import annotations

from edition.model import Block, Chapter, Event, Languages, LocalizedText, Origin
from edition.model.chapters import words_of
from edition.model.documents import parse_date
from edition.problems import Problems, did_you_mean
from edition.sources.schema import checked_entries


def parse_events(text: str, path: str, problems: Problems, languages: Languages) -> list[Event]:
    events = []
    for entry, valid in checked_entries(
        text, path, "events.schema.json", problems, languages.codes
    ):
        if not valid:
            continue
        date = parse_date(entry, path, problems, languages.original)
        if date is None:
            continue
        events.append(
            Event(
                date=date,
                event=LocalizedText.from_mapping(entry["event"], languages.original),
                chapter=entry["chapter"],
                quote=" ".join(entry["quote"].split()),
                origin=Origin(path, entry.line_of("quote")),
            )
        )
    return events


def stating_block(event: Event, chapters: dict[str, Chapter]) -> Block | None:
    """The paragraph of the event's chapter whose words hold the event's quote."""
    chapter = chapters.get(event.chapter)
    if chapter is None:
        return None
    for block in chapter.blocks:
        if block.anchor and event.quote in words_of(block.markdown):
            return block
    return None


def check_events(events: list[Event], chapters: dict[str, Chapter], problems: Problems) -> None:
    for event in events:
        if event.chapter not in chapters:
            problems.error(
                event.origin,
                f"chapter '{event.chapter}' does not exist{did_you_mean(event.chapter, chapters)}",
            )
        elif stating_block(event, chapters) is None:
            problems.error(
                event.origin,
                f"the words '{event.quote}' are not in a paragraph of "
                f"{chapters[event.chapter].origin.path}: copy them exactly from the paragraph "
                "that states the event",
            )
