"""A synthetic but valid edition of N documents in both languages, for the benchmark.

Records with signatures, dates (some partial or uncertain), people and texts; chapters whose
block quotes quote every document and whose paragraphs cite works; a .bib; people; events.
Everything passes `build_edition.py check`.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTES_PER_CHAPTER = 50
WORKS = 40
PEOPLE = 20
TR_WORDS = [
    "mektup",
    "hükûmet",
    "Ankara",
    "Moskova",
    "heyet",
    "mücadele",
    "millî",
    "devlet",
    "Sovyet",
    "komiser",
    "yardım",
    "antlaşma",
    "gazete",
    "büro",
    "Tiflis",
    "rapor",
    "silah",
    "ordu",
    "cephe",
    "halk",
    "ihtilal",
    "siyaset",
    "konferans",
]
EN_WORDS = [
    "letter",
    "government",
    "Ankara",
    "Moscow",
    "delegation",
    "struggle",
    "national",
    "state",
    "Soviet",
    "commissar",
    "aid",
    "treaty",
    "newspaper",
    "bureau",
    "Tiflis",
    "report",
    "arms",
    "army",
    "front",
    "people",
    "revolution",
    "policy",
]


def words(vocabulary: list[str], seed: int, count: int) -> str:
    chosen = [vocabulary[(seed * 7 + i * 13) % len(vocabulary)] for i in range(count)]
    sentences = [" ".join(chosen[i : i + 12]).capitalize() + "." for i in range(0, count, 12)]
    return " ".join(sentences)


def wrap(text: str, prefix: str = "") -> str:
    return textwrap.fill(text, 88, initial_indent=prefix, subsequent_indent=prefix)


def signature(i: int) -> tuple[str, str]:
    opis, delo, sheet = 1 + i // 10000, 1 + (i // 100) % 100, 1 + i % 100
    printed = f"Fon 159, Sayı {opis}, Dosya {delo}, Vr. {sheet:03d}"
    return printed, f"rgaspi-159-{opis}-{delo}-{sheet:03d}"


def date(i: int) -> tuple[str, str, str]:
    year, month, day = 1918 + i % 5, 1 + i % 12, 1 + i % 28
    if i % 10 == 3:
        return f"{year}-{month:02d}", f"{month}/{year}", ""
    if i % 10 == 7:
        return (
            f"{year}?-{month:02d}-{day:02d}",
            f"{day}.{month}",
            "  tr: Yıl verilmez; sentetik kayıt.\n"
            "  en: The year is not given; a synthetic record.\n",
        )
    return f"{year}-{month:02d}-{day:02d}", f"{day}.{month}.{year}", ""


def record(i: int, people: int) -> str:
    printed, record_id = signature(i)
    edtf, as_printed, basis = date(i)
    sender, recipient = f"p{i % people:03d}", f"p{(i + 1) % people:03d}"
    tr, en = words(TR_WORDS, i, 60), words(EN_WORDS, i, 60)
    out = [
        f"id: {record_id}",
        "archive: RGASPİ",
        f"signature: {printed}",
        f'citation_as_printed: "(RGASPİ, Rusya Devlet Sosyo-Politik Tarih Arşivi, {printed})"',
        "kind: letter",
        f'date: "{edtf}"',
        f'date_as_printed: "{as_printed}"',
    ]
    if basis:
        out.append("date_basis:\n" + basis.rstrip())
    out += [
        f"senders: [{sender}]",
        f"recipients: [{recipient}]",
        "original_language: ru",
        "text:",
        "  tr: |",
        wrap(tr, "    "),
        "  en: |",
        wrap(en, "    "),
        "unknown:",
        "  place:",
        "    tr: Sentetik kayıt.",
        "    en: A synthetic record.",
        "  original_text:",
        "    tr: Sentetik kayıt.",
        "    en: A synthetic record.",
    ]
    return "\n".join(out) + "\n"


def chapter(number: int, first: int, last: int, lang: str, works: int, people: int) -> str:
    vocabulary = TR_WORDS if lang == "tr" else EN_WORDS
    title = f"Bölüm {number}" if lang == "tr" else f"Chapter {number}"
    blocks = [f"# {title}"]
    for i in range(first, last):
        _printed, record_id = signature(i)
        work = f"w{i % works:03d}"
        person = f"Kişi{i % people}"
        paragraph = words(vocabulary, i + 1, 36) + f" {person} [@{work}, {1 + i % 300}]."
        blocks.append(wrap(paragraph))
        quote = words(vocabulary, i, 60)
        blocks.append(wrap(quote + f" [@{record_id}]", "> "))
    return "\n\n".join(blocks) + "\n"


def generate(count: int, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("mkdocs.yml", "build_edition.py"):
        shutil.copy2(ROOT / name, out / name)
    shutil.copytree(ROOT / "docs" / "overrides", out / "docs" / "overrides")
    sources = out / "sources"
    (sources / "documents").mkdir(parents=True)
    for i in range(count):
        _printed, record_id = signature(i)
        (sources / "documents" / f"{record_id}.yaml").write_text(
            record(i, min(PEOPLE, count)), encoding="utf-8"
        )
    people = []
    for p in range(min(PEOPLE, count)):
        people.append(
            f"- id: p{p:03d}\n  name: Kişi{p}\n  full_name: Kişi {p}\n  english: Person {p}\n"
            f"  role:\n    tr: Sentetik kişi\n    en: A synthetic person\n  facts: []\n"
            f"  mentions: [Kişi{p}]\n"
        )
    (sources / "people.yaml").write_text("".join(people), encoding="utf-8")
    bib = [
        f"@misc{{w{w:03d},\n  shorthand = {{Yazar{w}}},\n  status = {{incomplete}},\n}}\n"
        for w in range(min(WORKS, count))
    ]
    (sources / "references.bib").write_text("\n".join(bib), encoding="utf-8")
    chapters = []
    for number, first in enumerate(range(0, count, QUOTES_PER_CHAPTER), 1):
        slug = f"bolum-{number:03d}"
        chapters.append(slug)
        last = min(first + QUOTES_PER_CHAPTER, count)
        for lang in ("tr", "en"):
            folder = out / "docs" / lang
            folder.mkdir(parents=True, exist_ok=True)
            text = chapter(number, first, last, lang, min(WORKS, count), min(PEOPLE, count))
            (folder / f"{slug}.md").write_text(text, "utf-8")
    for lang, title in (("tr", "Sentetik edisyon"), ("en", "Synthetic edition")):
        (out / "docs" / lang / "index.md").write_text(f"# {title}\n\n{title}.\n", "utf-8")
    events = []
    for number, first in enumerate(range(0, count, QUOTES_PER_CHAPTER), 1):
        opening = " ".join(words(TR_WORDS, first + 1, 36).split()[:3])
        events.append(
            f'- date: "{1918 + number % 5}"\n  date_as_printed: "{1918 + number % 5}"\n'
            f"  event:\n    tr: Sentetik olay {number}\n    en: Synthetic event {number}\n"
            f"  chapter: bolum-{number:03d}\n  quote: {opening}\n"
        )
    (sources / "events.yaml").write_text("".join(events) or "[]\n", encoding="utf-8")
    edition = [
        "languages: [tr, en]",
        "title:\n  tr: Sentetik edisyon\n  en: Synthetic edition",
        "author: Sentetik Yazar",
        "publication:\n  journal: Sentetik Dergi\n  issue: '1'\n  year: 2026",
        "identifiers:\n  article: sentetik-makale\n  edition: sentetik-edisyon\n  files: sentetik",
        "archives:\n  RGASPİ:\n    name: {tr: Sentetik Arşiv, en: Synthetic Archive}\n"
        "    place: {tr: Moskova, en: Moscow}\n"
        '    signature: "Fon {fond}, Sayı {opis}, Dosya {delo}, Vr. {list}"\n'
        "    id_prefix: rgaspi",
        'versions:\n  - version: 0.0.1\n    date: "2026-01-01"\n    changes:\n'
        "      tr: Sentetik.\n      en: Synthetic.",
        "chapters:\n" + "\n".join(f"  - {slug}" for slug in ["index", *chapters]),
    ]
    (sources / "edition.yaml").write_text("\n".join(edition) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    generate(arguments.count, arguments.out)


if __name__ == "__main__":
    main()
