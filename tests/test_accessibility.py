"""axe-core (npm, pinned in package-lock.json) finds nothing on any page kind, in either
language, at desktop and at phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.conftest import ROOT
from tests.test_browser import PAGE_KINDS

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["tr", "en"])
def test_no_accessibility_violations(
    browser: Browser, base_url: str, prefix: str, width: int
) -> None:
    assert AXE.is_file(), "make test installs axe-core with npm ci"
    # axe is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = {}
    for kind in [*PAGE_KINDS, "belgeler/rgaspi-159-2-56-045/", "paralel/", "indir/"]:
        page.goto(base_url + prefix + kind)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']}))
                 .violations.map(v => `${v.id} (${v.impact}): `
                   + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""
        )
        if violations:
            found[prefix + kind] = violations
    context.close()
    assert found == {}


def test_every_control_is_reachable_by_keyboard_with_a_visible_focus(
    browser: Browser, base_url: str
) -> None:
    page = browser.new_page()
    page.goto(base_url + "belgeler/rgaspi-159-2-57-003/")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => { const e = document.activeElement; if (!e || e === document.body) return null;
                 const s = getComputedStyle(e);
                 return [e.tagName, s.outlineStyle !== 'none' || s.boxShadow !== 'none'
                         || s.textDecorationLine.includes('underline')]; }"""
        )
        if outline:
            seen.append(outline)
    page.close()
    assert len(seen) >= 55  # a step may rest on the page itself
    assert all(visible for _tag, visible in seen), seen
    assert {"A", "BUTTON"} <= {tag for tag, _ in seen}
