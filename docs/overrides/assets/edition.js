// The hreflang links in the head are for search engines. Material's script would fetch a
// sitemap.xml under each of them (to map pages between language roots); the edition's own
// switcher links each page to its twin, so they are taken out before Material looks.
for (const link of document.querySelectorAll("link[rel=alternate][hreflang]")) link.remove();

// Copy buttons of the "cite this" blocks: the citation's plain text goes to the clipboard.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.ed-copy");
  if (!button) return;
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    const label = button.textContent;
    button.textContent = button.dataset.copied;
    setTimeout(() => { button.textContent = label; }, 1500);
  } catch (error) {
    // Without clipboard access the text stays selectable on the page.
    const text = button.parentElement.querySelector(".ed-cite-text");
    window.getSelection().selectAllChildren(text);
  }
});

// The language switcher keeps the reader's place: #p12 in Turkish opens #p12 in English.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.ed-twin");
  if (!link || !window.location.hash) return;
  event.preventDefault();
  window.location.href = link.href.split("#")[0] + window.location.hash;
});

// A frozen copy of a version: its link to the current page keeps the reader's paragraph, and
// its banner, made before any later version, says from the current list whether one exists.
for (const banner of document.querySelectorAll(".ed-frozen")) {
  const current = banner.querySelector("a.ed-frozen-current");
  const base = current.getAttribute("href");
  const follow = () => { current.setAttribute("href", base + window.location.hash); };
  follow();
  window.addEventListener("hashchange", follow);
  fetch(banner.dataset.edVersions)
    .then((response) => (response.ok ? response.json() : null))
    .then((versions) => {
      if (!versions) return;
      const maybe = banner.querySelector(".ed-frozen-maybe");
      if (versions.current.version === banner.dataset.edVersion) {
        maybe.textContent = maybe.dataset.current;
        return;
      }
      const newer = banner.querySelector(".ed-frozen-newer");
      newer.textContent = newer.dataset.text
        .replace("{version}", versions.current.version)
        .replace("{date}", versions.current.date);
      newer.hidden = false;
      maybe.hidden = true;
    })
    .catch(() => {});
}
