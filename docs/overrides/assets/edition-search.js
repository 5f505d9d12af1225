// Search with Pagefind in Material's search box. The index of the page's language is
// fetched on the first keystroke, never before.
(() => {
  const input = document.getElementById("ed-search-query");
  if (!input) return;
  const toggle = document.getElementById("__search");
  const list = document.getElementById("ed-search-results");
  const meta = document.getElementById("ed-search-meta");
  const bundle = new URL(input.dataset.pagefind, window.location.href);
  let pagefind = null;

  const load = async () => {
    if (!pagefind) {
      pagefind = await import(bundle.href);
      await pagefind.options({ baseUrl: new URL("..", bundle).pathname });
    }
    return pagefind;
  };

  const count = (n) => (n === 0 ? input.dataset.empty : n === 1 ? input.dataset.one
    : input.dataset.other.replace("#", n));

  const show = async () => {
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      return;
    }
    const engine = await load();
    const search = await engine.debouncedSearch(query, {}, 150);
    if (search === null) return;  // a newer keystroke took over
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    meta.textContent = count(search.results.length);
    list.replaceChildren(...results.map((result) => {
      const item = document.createElement("li");
      item.className = "md-search-result__item";
      const link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = result.url;
      const article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      const title = document.createElement("h1");
      title.textContent = result.meta.title || result.url;
      const excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt;  // Pagefind escapes the text; only <mark> is markup
      article.append(title, excerpt);
      link.append(article);
      item.append(link);
      return item;
    }));
  };

  input.addEventListener("focus", () => {
    if (toggle) toggle.checked = true;
    load();
  });
  input.addEventListener("input", show);
  input.form.addEventListener("submit", (event) => event.preventDefault());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
  if (toggle) {
    toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  }
})();
