"""The edition's MkDocs hooks and its command line: check, build, serve.

As a hook module (mkdocs.yml: `hooks: [build_edition.py]`) it hands MkDocs the navigation,
the generated pages and the rendered chapters; all of the work happens in `edition/`.
As a script it is the editor's entry point:

    python build_edition.py check     validate every source, print every problem
    python build_edition.py build     build the site into site/, atomically
    python build_edition.py release   freeze the current version in releases/<version>/
    python build_edition.py serve     preview at http://127.0.0.1:8000/ with live reload
    python build_edition.py offline   zip the built site as a copy to read from disk

Exit codes: 0 success, 1 problems in the sources, 2 usage or environment.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # the hook is loaded by path; make `edition` importable
    sys.path.insert(0, str(ROOT))

from edition.model.catalog import load_edition  # noqa: E402
from edition.problems import Severity  # noqa: E402
from edition.site import incremental, session  # noqa: E402
from edition.site.adapters import silence_material_search_index  # noqa: E402
from edition.site.pages import Page, language_settings, render_site  # noqa: E402

log = logging.getLogger("mkdocs.plugins.edition")

# Pages of the current build, keyed by source path: a side map, nothing stored on MkDocs objects.
_pages: dict[str, Page] = {}


def _language(config: Any) -> str:
    """The language being built: the build gives each its own docs folder, docs/<language>."""
    return Path(config.docs_dir).name


def _apply_interface(config: Any, settings: dict[str, Any]) -> None:
    """The theme's language settings, as on_config may change any setting: before the other
    plugins read them (Material's search reads the theme's language)."""
    config.theme["language"] = settings["language"]
    config.extra["alternate"] = settings["alternate"]
    for scheme in config.theme.get("palette") or []:
        scheme["toggle"]["name"] = settings["toggle"][scheme["scheme"]]
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = settings["footnote_backlink"]


def _early(function: Any) -> Any:
    """Run a hook before the plugins, which must see the generated pages (redirects does)."""
    from mkdocs.plugins import event_priority

    return event_priority(100)(function)


@_early
def on_config(config: Any) -> Any:
    from mkdocs.exceptions import PluginError

    edition, problems = load_edition(Path(config.config_file_path).parent, session.SOURCES)
    for problem in problems.sorted():
        report = log.warning if problem.severity is Severity.WARNING else log.error
        report(problem.format())
    if edition is None or problems.errors:
        raise PluginError(
            f"{len(problems.errors)} error(s) in the sources; nothing was built. "
            "Run 'python build_edition.py check' for the list."
        )
    lang = _language(config)
    settings = language_settings(edition, lang)
    _apply_interface(config, settings.interface)
    for name, value in settings.identity.items():
        config[name] = value
    config.nav = settings.navigation
    _pages.clear()
    _pages.update(render_site(edition, lang, str(config.site_url or ""), session.RENDERING))
    # A record's earlier ids keep their URLs alive through mkdocs-redirects.
    config.plugins["redirects"].config["redirect_maps"].update(settings.redirects)
    # Material's search box without its index (Pagefind's is the edition's).
    silence_material_search_index(config)
    incremental.plan(lang, config, settings, _pages)
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    # Compiled templates are kept between builds: compiling Material's templates anew is
    # most of the time a rebuild would otherwise take in the preview.
    from jinja2 import FileSystemBytecodeCache

    cache = ROOT / ".cache" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    incremental.keep_env(env)  # the preview renders its next edit's pages with it
    return env


@_early
def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    for src, page in sorted(_pages.items()):
        if page.generated:
            files.append(File.generated(config, src, content=page.content))
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    # Every file is known now: the preview keeps them for its next edit.
    incremental.keep_files(files, nav)
    return nav


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    rendered = _pages.get(page.file.src_uri)
    if rendered is None:
        return markdown
    # page.meta is MkDocs' own channel from a page to its template.
    page.meta.update(rendered.meta)
    return markdown if rendered.generated else rendered.content


def on_post_page(output: str, page: Any, config: Any) -> str:
    from edition.site.csp import template_policy, with_policy

    if incremental.is_preview():
        return output
    # The page as the template made it, before any plugin after this one: the hashes of the
    # theme's own inline scripts, the content's left out.
    return with_policy(output, template_policy(output, page.content or ""))


# --- command line ------------------------------------------------------------------------


def _check(root: Path) -> tuple[Any, Any, list[str]]:
    """The sources' problems, with the registry's: every published URL must still resolve."""
    from edition.outputs.registry import check_registry, load_registry, parse_registry
    from edition.site.pages import served_urls

    edition, problems = load_edition(root, session.SOURCES)
    served: list[str] = []
    if edition is not None and not problems.errors:
        served = served_urls(edition)
        check_registry(parse_registry(load_registry(root)), served, problems)
    return edition, problems, served


def command_check(_arguments: argparse.Namespace) -> int:
    edition, problems, _served = _check(ROOT)
    for problem in problems.sorted():
        print(problem.format())
    errors, warnings = len(problems.errors), len(problems.warnings)
    if errors or edition is None:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
        return 1
    print(
        f"ok: {len(edition.chapters)} chapter file(s), {len(edition.documents)} document(s), "
        f"{len(edition.works)} work(s), {len(edition.people)} people; {warnings} warning(s)",
        file=sys.stderr,
    )
    return 0


def command_build(arguments: argparse.Namespace) -> int:
    from edition.site.publish import BuildFailed, build_site

    if command_check(argparse.Namespace()) != 0:
        return 1
    try:
        build_site(
            ROOT / "mkdocs.yml",
            Path(arguments.site_dir).resolve(),
            pdf=not arguments.without_pdf,
            epub=not arguments.without_epub,
        )
    except BuildFailed as error:
        print(f"build failed, the previous site is untouched: {error}", file=sys.stderr)
        return 1
    _register()
    print(f"built {arguments.site_dir}", file=sys.stderr)
    return 0


def _register() -> None:
    """The URLs the site serves now, added to the register of published ones."""
    from edition.outputs.registry import (
        REGISTRY_FILE,
        load_registry,
        updated_registry,
        write_registry,
    )

    _edition, _problems, served = _check(ROOT)
    text, new = updated_registry(load_registry(ROOT), served)
    if new:
        write_registry(ROOT, text)
        print(f"registered {len(new)} new URL(s) in {REGISTRY_FILE}", file=sys.stderr)


def command_release(arguments: argparse.Namespace) -> int:
    """Freeze the current version: build it as published, keep its copy in releases/, and
    put the site with every kept version in place."""
    import dataclasses
    import shutil
    import tempfile

    from edition.site.publish import BuildFailed, build_site, loaded_edition, public_address
    from edition.site.releases import (
        ReleaseFailed,
        carry_over,
        release_problem,
        releasing,
        write_release,
    )
    from edition.site.sitefolder import swap_in

    if command_check(argparse.Namespace()) != 0:
        return 1
    edition, _problems = load_edition(ROOT)
    assert edition is not None  # the check above passed
    problem = release_problem(ROOT, edition, arguments.version)
    if problem is not None:
        print(f"error: {problem}; nothing was released", file=sys.stderr)
        return 1
    try:
        address = public_address(ROOT)
    except BuildFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if address is None:
        print(
            "error: a release is a publication: give the address it is published at "
            "(EDITION_URL=… or `address` in sources/edition.yaml); nothing was released",
            file=sys.stderr,
        )
        return 2
    site_dir = Path(arguments.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    version = edition.info.version
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-release-", dir=site_dir.parent))
    try:
        staged = work / "site"
        try:
            with releasing(version):
                build_site(
                    ROOT / "mkdocs.yml",
                    staged,
                    pdf=not arguments.without_pdf,
                    epub=not arguments.without_epub,
                )
                building = loaded_edition(ROOT)
                folder = write_release(ROOT, building, staged)
        except (BuildFailed, ReleaseFailed) as error:
            print(f"release failed, nothing was released: {error}", file=sys.stderr)
            return 1
        try:
            released = loaded_edition(ROOT)
            # The staged site has every earlier version already; the new one joins it.
            new = tuple(r for r in released.releases if r.version == version)
            carry_over(ROOT, dataclasses.replace(released, releases=new), staged)
            swap_in(staged, site_dir)
        except (BuildFailed, ReleaseFailed) as error:
            print(
                f"version {version} is released in {folder.relative_to(ROOT)}, but the site "
                f"was not updated ({error}); run 'python build_edition.py build'",
                file=sys.stderr,
            )
            return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _register()
    print(
        f"released version {version} in {folder.relative_to(ROOT)}/; built {arguments.site_dir}",
        file=sys.stderr,
    )
    return 0


def command_offline(arguments: argparse.Namespace) -> int:
    from edition.outputs.offline import README, write_offline_copy
    from edition.site.publish import public_address

    site = Path(arguments.site_dir).resolve()
    edition, _problems = load_edition(ROOT)
    if not (site / "index.html").is_file() or edition is None:
        print(
            f"no built site at {site}: run 'python build_edition.py build' first", file=sys.stderr
        )
        return 2
    info = edition.info
    default = ROOT / "dist" / f"{info.identifiers.edition}-offline.zip"
    output = Path(arguments.output).resolve() if arguments.output else default
    address = public_address(ROOT) or "-- (yerel derleme / a local build)"
    readme = README.format(
        title=info.title.text(edition.original),
        version=info.version,
        date=info.date,
        address=address,
    )
    count = write_offline_copy(site, output, readme, info.date, info.identifiers.edition)
    size = output.stat().st_size / 1_000_000
    print(f"wrote {output}: {count} files, {size:.1f} MB", file=sys.stderr)
    return 0


def command_csp_header(arguments: argparse.Namespace) -> int:
    from edition.site.hosting import header_policy

    site = Path(arguments.site_dir).resolve()
    if not (site / "index.html").is_file():
        print(
            f"no built site at {site}: run 'python build_edition.py build' first", file=sys.stderr
        )
        return 2
    print(f"Content-Security-Policy: {header_policy(site)}")
    return 0


def command_serve(arguments: argparse.Namespace) -> int:
    from edition.site.publish import serve

    serve(ROOT / "mkdocs.yml", arguments.dev_addr)
    return 0


def command_new_document(arguments: argparse.Namespace) -> int:
    from edition.problems import Problems
    from edition.sources.hygiene import decode_source
    from edition.tools.scaffold import NewDocument, create_document

    text = arguments.text
    if arguments.text_file:
        path = Path(arguments.text_file)
        try:
            data = path.read_bytes()
        except OSError as error:
            print(f"error: --text-file {path}: {error.strerror or error}", file=sys.stderr)
            return 2
        problems = Problems()
        text = decode_source(data, str(path), problems)
        if text is None:
            for problem in problems.sorted():
                print(problem.format())
            print("nothing was written", file=sys.stderr)
            return 1
    edition, _problems = load_edition(ROOT)
    new = NewDocument(
        signature=arguments.signature,
        date=arguments.date,
        date_as_printed=arguments.date_as_printed or arguments.date,
        text=text,
        kind=arguments.kind,
        senders=tuple(arguments.sender),
        recipients=tuple(arguments.recipient),
        place=arguments.place,
        archive=arguments.archive,
    )
    path, problems = create_document(ROOT, edition, new)
    for problem in problems.sorted():
        print(problem.format())
    if path is None:
        print("nothing was written", file=sys.stderr)
        return 1
    record_id = path.stem
    print(f"wrote {path.relative_to(ROOT)}; cite it in a chapter as [@{record_id}]")
    return 0


def command_new_edition(arguments: argparse.Namespace) -> int:
    from edition.tools.newedition import NewEdition, create_edition

    target = Path(arguments.folder).resolve()
    new = NewEdition(
        title=arguments.title,
        author=arguments.author,
        journal=arguments.journal,
        issue=arguments.issue,
        year=arguments.year,
        title_translated=arguments.title_translated,
        languages=tuple(code.strip() for code in arguments.languages.split(",") if code.strip()),
    )
    problems = create_edition(ROOT, target, new)
    for problem in problems.sorted():
        print(problem.format())
    if problems.errors:
        return 1
    print(
        f"wrote a new edition in {target}; build it with "
        f"'python {target / 'build_edition.py'} build' and fill it as the README's "
        "'Editing' says"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    # The theme's and MkDocs' banners about their futures are not the editor's concern.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    parser = argparse.ArgumentParser(
        prog="build_edition.py", description="Check, build and preview the edition."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every source and print every problem")
    build = commands.add_parser("build", help="build the site atomically")
    build.add_argument("--site-dir", default=str(ROOT / "site"), help="output folder")
    build.add_argument(
        "-v", "--verbose", action="store_true", help="show each step and how long it took"
    )
    build.add_argument(
        "--without-pdf",
        action="store_true",
        help="skip printing the PDFs (a draft; the downloads page then links to none)",
    )
    build.add_argument(
        "--without-epub",
        action="store_true",
        help="skip making the EPUBs (a draft; the downloads page then links to none)",
    )
    release = commands.add_parser(
        "release",
        help="freeze the current version: its site kept in releases/<version>/, served at "
        "/<releases>/<version>/ by every later build",
    )
    release.add_argument(
        "version", nargs="?", help="the version to release (default: the current one)"
    )
    release.add_argument("--site-dir", default=str(ROOT / "site"), help="output folder")
    release.add_argument(
        "--without-pdf", action="store_true", help="freeze the site without the PDFs (a draft)"
    )
    release.add_argument(
        "--without-epub", action="store_true", help="freeze the site without the EPUBs (a draft)"
    )
    serve = commands.add_parser("serve", help="preview with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address:port to serve on")
    edition = commands.add_parser(
        "new-edition", help="write a minimal edition that builds at once, for you to fill"
    )
    edition.add_argument("folder", help="where to write it (a new or empty folder)")
    edition.add_argument("--title", required=True, help="the article's title, as printed")
    edition.add_argument("--title-translated", help="the translation's title (default: --title)")
    edition.add_argument("--author", required=True, help="the article's author")
    edition.add_argument("--journal", required=True, help="the journal that printed it")
    edition.add_argument("--issue", required=True, help="the issue, as printed")
    edition.add_argument("--year", required=True, type=int, help="the year of the issue")
    edition.add_argument(
        "--languages",
        default="tr,en",
        help="the original's language code, then each translation's (default: tr,en)",
    )
    new = commands.add_parser(
        "new-document", help="write a new record, its id derived from the signature"
    )
    new.add_argument("signature", help='as printed, e.g. "Fon 159, Sayı 2, Dosya 57, Vr. 010"')
    new.add_argument("--date", required=True, help="EDTF: 1920-09-27, 1920-12, 1920, 1920?-12-31")
    new.add_argument("--date-as-printed", help="the date exactly as the article gives it")
    quoted = new.add_mutually_exclusive_group(required=True)
    quoted.add_argument("--text", help="the article's Turkish quotation of the document")
    quoted.add_argument("--text-file", help="a file holding that quotation")
    new.add_argument("--kind", default="letter", help="letter, telegram, report, …")
    new.add_argument("--sender", action="append", default=[], help="a person id (repeatable)")
    new.add_argument("--recipient", action="append", default=[], help="a person id (repeatable)")
    new.add_argument("--place", help="where it was written, as the article names it")
    new.add_argument(
        "--archive", help="the archive's abbreviation in sources/edition.yaml, if it has several"
    )
    offline = commands.add_parser(
        "offline", help="zip the built site as a copy to open from disk (file://)"
    )
    offline.add_argument("--site-dir", default=str(ROOT / "site"), help="the built site")
    header = commands.add_parser(
        "csp-header", help="the Content-Security-Policy header a host should send with the site"
    )
    header.add_argument("--site-dir", default=str(ROOT / "site"), help="the built site")
    offline.add_argument("--output", help="the zip (default: dist/<the edition's id>-offline.zip)")
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    from edition.site.publish import show_mkdocs_messages

    verbose = arguments.command == "serve" or getattr(arguments, "verbose", False)
    show_mkdocs_messages(logging.INFO if verbose else logging.WARNING)
    handlers = {
        "check": command_check,
        "build": command_build,
        "release": command_release,
        "serve": command_serve,
        "new-document": command_new_document,
        "new-edition": command_new_edition,
        "offline": command_offline,
        "csp-header": command_csp_header,
    }
    from edition.site.sitefolder import BuildLock, Locked

    try:
        if arguments.command in (
            "build",
            "serve",
            "release",
        ):  # one at a time: they share site/ and caches
            with BuildLock(ROOT):
                return handlers[arguments.command](arguments)
        return handlers[arguments.command](arguments)
    except Locked as error:
        print(f"error: {error}", file=sys.stderr)
    except OSError as error:
        # The environment, not the sources: a full disk, a read-only folder, a missing file.
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}; nothing was changed", file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted; the previous site is untouched", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
