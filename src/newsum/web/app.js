// newsum page: collects articles, calls POST /v1/summarize, shows the cited summary.
// Every piece of text from the input or the server goes into the page with textContent,
// never as HTML, so a pasted <script> or <img onerror> stays text.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const articlesList = $("articles");
  const filesList = $("files");
  const statusLine = $("status");
  const button = $("summarize");
  const dialog = $("evidence");
  let files = [];
  let lastFocus = null;
  let downloadUrl = null;

  // ---------- small DOM helpers ----------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setStatus(message, kind = "") {
    statusLine.textContent = message;
    statusLine.className = "status" + (kind ? " " + kind : "");
    statusLine.setAttribute("role", kind === "error" ? "alert" : "status");
  }

  // ---------- article boxes ----------
  function renumber() {
    const items = articlesList.querySelectorAll(".article");
    items.forEach((item, i) => {
      const n = i + 1;
      const area = item.querySelector("textarea");
      area.id = "article-" + n;
      const label = item.querySelector(".article-label");
      label.textContent = "Article " + n;
      label.htmlFor = area.id;
      item.querySelector(".source").setAttribute("aria-label", "Source of article " + n);
      const remove = item.querySelector(".remove");
      remove.setAttribute("aria-label", "Remove article " + n);
      remove.hidden = items.length === 1;
    });
  }

  function addArticle(text = "", focus = false) {
    const item = $("article-template").content.firstElementChild.cloneNode(true);
    const area = item.querySelector("textarea");
    area.value = text;
    area.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        summarize();
      }
    });
    area.addEventListener("input", () => area.removeAttribute("aria-invalid"));
    item.querySelector(".remove").addEventListener("click", () => {
      const next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      renumber();
      if (next) next.querySelector("textarea").focus();
    });
    articlesList.append(item);
    renumber();
    if (focus) area.focus();
    return area;
  }

  // ---------- files ----------
  const ACCEPTED = /\.(txt|text|md|markdown|html?|json|jsonl)$/i;

  function renderFiles() {
    filesList.replaceChildren(
      ...files.map((file, i) =>
        el("li", { class: "file" },
          el("span", { class: "file-name", text: file.name }),
          el("span", { class: "file-size", text: formatBytes(file.size) }),
          el("button", {
            type: "button",
            class: "remove",
            "aria-label": "Remove file " + file.name,
            text: "Remove",
            onclick: () => {
              files.splice(i, 1);
              renderFiles();
              $("file-input").focus();
            },
          }),
        ),
      ),
    );
  }

  function addFiles(list) {
    const refused = [];
    for (const file of list) {
      if (ACCEPTED.test(file.name)) files.push(file);
      else refused.push(file.name);
    }
    renderFiles();
    if (refused.length) {
      setStatus("Not added (use .txt, .md, .html, .json or .jsonl): " + refused.join(", "), "error");
    } else if (list.length) {
      setStatus(files.length + (files.length === 1 ? " file" : " files") + " ready.");
    }
  }

  function formatBytes(n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return (n / 1024).toFixed(0) + " KB";
    return (n / 1024 / 1024).toFixed(1) + " MB";
  }

  // ---------- request ----------
  const looksLikeHtml = (text) => /<(!doctype html|html[\s>]|body[\s>])/i.test(text.slice(0, 2000));

  function collect() {
    const pasted = [];
    const htmlFiles = [];
    articlesList.querySelectorAll(".article").forEach((item, i) => {
      const text = item.querySelector("textarea").value;
      if (!text.trim()) return;
      const source = item.querySelector(".source").value.trim();
      if (looksLikeHtml(text)) {
        // a pasted web page: the server extracts the article from it, as for an .html file
        htmlFiles.push(new File([text], "article-" + (i + 1) + ".html", { type: "text/html" }));
        return;
      }
      const article = { text, id: "Article " + (i + 1) };
      if (source) article.source = source;
      pasted.push(article);
    });
    return { pasted, uploads: [...files, ...htmlFiles] };
  }

  async function summarize() {
    if (button.disabled) return;
    const { pasted, uploads } = collect();
    if (!pasted.length && !uploads.length) {
      setStatus("Paste at least one article, or add a file.", "error");
      articlesList.querySelector("textarea").focus();
      return;
    }
    const words = Number($("words").value);
    const method = $("method").value;
    let init;
    if (uploads.length) {
      const form = new FormData();
      for (const file of uploads) form.append("files", file, file.name);
      if (pasted.length) form.append("articles", JSON.stringify(pasted));
      form.append("words", String(words));
      form.append("method", method);
      init = { method: "POST", body: form };
    } else {
      init = {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ articles: pasted, words, method }),
      };
    }
    button.disabled = true;
    button.textContent = "Summarizing…";
    $("result").setAttribute("aria-busy", "true");
    setStatus("Summarizing " + (pasted.length + uploads.length) + " inputs…");
    const started = performance.now();
    try {
      const response = await fetch("/v1/summarize", init);
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        showError(response.status, data);
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      showResult(data, seconds);
      setStatus("Done in " + seconds.toFixed(1) + " s.");
    } catch (error) {
      setStatus("Could not reach the newsum service (" + error.message + ").", "error");
    } finally {
      button.disabled = false;
      button.textContent = "Summarize";
      $("result").removeAttribute("aria-busy");
    }
  }

  function describeLoc(loc) {
    const parts = (loc || []).filter((p) => p !== "body");
    if (parts[0] === "articles" && typeof parts[1] === "number") {
      return "Article " + (parts[1] + 1) + (parts[2] ? " (" + parts[2] + ")" : "");
    }
    if (parts[0] === "files" && typeof parts[1] === "number") return "File " + (parts[1] + 1);
    return parts.join(" → ");
  }

  function showError(status, data) {
    let message = "The service answered " + status + ".";
    const detail = data && data.detail;
    if (Array.isArray(detail)) {
      message = detail
        .map((d) => {
          const where = describeLoc(d.loc);
          return (where ? where + ": " : "") + d.msg;
        })
        .join("; ");
      const first = detail[0] && detail[0].loc;
      if (first && first[1] === "articles" && typeof first[2] === "number") {
        const area = $("article-" + (first[2] + 1));
        if (area) area.setAttribute("aria-invalid", "true");
      }
    } else if (typeof detail === "string") {
      message = detail;
    }
    setStatus(message, "error");
  }

  // ---------- result ----------
  function docName(doc) {
    return doc.outlet || doc.source || doc.title || doc.id || "document " + (doc.index + 1);
  }

  function showResult(data, seconds) {
    const docs = data.documents;
    // a source's number is its place in the input, so [3] is the third article pasted
    const number = new Map(docs.map((d) => [d.index, d.index + 1]));

    const meta = [
      data.words + " words",
      data.sentences.length + (data.sentences.length === 1 ? " sentence" : " sentences"),
      "from " + docs.length + (docs.length === 1 ? " article" : " articles"),
      "method " + data.method,
    ];
    if (seconds) meta.push(seconds.toFixed(1) + " s");
    $("meta").textContent = meta.join(" · ");

    $("warnings").replaceChildren(...(data.warnings || []).map((w) => el("li", { text: w })));

    const summary = $("summary");
    if (!data.sentences.length) {
      summary.replaceChildren(el("p", { class: "empty", text: "No sentence fits this length. Try a longer one." }));
    } else {
      summary.replaceChildren(
        el("p", {}, data.sentences.map((sentence, k) => renderSentence(sentence, k, docs, number))),
      );
    }

    renderDisagreements(data, docs, number);
    renderFigures(data, docs, number);
    renderEntities(data, docs, number);
    renderSources(data, docs, number);

    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(
      new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }),
    );
    $("download").href = downloadUrl;

    const result = $("result");
    result.hidden = false;
    $("result-title").focus({ preventScroll: true });
    result.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function renderSentence(sentence, k, docs, number) {
    const cited = [sentence.document, ...sentence.support.map((s) => s.document)];
    const unique = [...new Set(cited)].sort((a, b) => number.get(a) - number.get(b));
    const marks = unique.map((d) =>
      el("button", {
        type: "button",
        class: "cite" + (d === sentence.document ? " origin" : ""),
        "data-sentence": k,
        "data-document": d,
        "aria-label": "Source " + number.get(d) + ", " + docName(docs[d]) + ": compare what the sources say",
        "aria-haspopup": "dialog",
        text: String(number.get(d)),
        onclick: (event) => openEvidence(sentence, k, d, docs, number, event.currentTarget),
      }),
    );
    const flags = [];
    if (sentence.single_source) {
      // the trust stage's own words: "single source" or "1 source, 2 copies"
      flags.push(el("span", { class: "flag", title: "Only one outlet reports this", text: sentence.corroboration || "single source" }));
    }
    // markers and flag stay together, on the sentence's last line
    return el("span", { class: "sentence", "data-index": k },
      sentence.text, " ", el("span", { class: "marks" }, marks, flags), " ");
  }

  function openEvidence(sentence, k, focusDoc, docs, number, opener) {
    lastFocus = opener;
    $("evidence-title").textContent = "Sentence " + (k + 1) + ": what the sources say";
    $("evidence-claim").textContent = sentence.text;
    const rows = [
      { ...sentence, text: sentence.original_text || sentence.text, role: "Taken from" },
      ...sentence.support.map((s) => ({ ...s, role: s.verbatim ? "Word-for-word copy in" : "Also reported by" })),
    ];
    const columns = rows.map((row) =>
      el("article", { class: "column" + (row.document === focusDoc ? " focused" : ""), "data-document": row.document },
        el("p", { class: "column-role", text: row.role }),
        el("h4", {},
          el("span", { class: "badge", text: String(number.get(row.document)) }),
          " ",
          docName(docs[row.document])),
        el("p", { class: "column-meta", text: [docs[row.document].headline, docs[row.document].date].filter(Boolean).join(" · ") }),
        el("blockquote", { text: row.text }),
        row.score !== undefined ? el("p", { class: "score", text: "similarity " + row.score.toFixed(2) }) : null,
      ),
    );
    $("evidence-columns").replaceChildren(...columns);
    if (!sentence.support.length) {
      $("evidence-columns").append(
        el("p", { class: "lonely", text: "No other article says this; treat it as a single-source claim." }),
      );
    }
    dialog.showModal();
    const focused = dialog.querySelector(".column.focused");
    if (focused) focused.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function closeEvidence() {
    dialog.close();
  }

  dialog.addEventListener("close", () => {
    if (lastFocus) lastFocus.focus();
  });
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) closeEvidence(); // a click on the backdrop
  });
  $("evidence-close").addEventListener("click", closeEvidence);

  // ---------- extras: disagreements, entities, per-source table ----------
  // render.to_dict's fields; each panel shows only when its field is in the answer.
  const sentenceNumbers = (indices) =>
    (indices || []).length ? indices.map((i) => String(i + 1)).join(", ") : "–";

  function renderDisagreements(data, docs, number) {
    const items = data.disagreements;
    const panel = $("disagreements-panel");
    panel.hidden = !Array.isArray(items);
    if (!Array.isArray(items)) return;
    if (!items.length) {
      $("disagreements").replaceChildren(
        el("p", { class: "empty", text: "No disagreement found between the sources." }),
      );
      return;
    }
    $("disagreements").replaceChildren(
      ...items.map((item) => {
        const confidence = typeof item.confidence === "number"
          ? (item.level ? item.level + " confidence" : "confidence") + " (" + Math.round(item.confidence * 100) + "%)"
          : item.level || "";
        return el("article", { class: "disagreement" },
          el("p", { class: "disagreement-head" },
            el("span", { class: "kind", text: item.kind === "figure" ? "Different figures" : item.kind === "denial" ? "Denied" : item.kind || "Disagreement" }),
            el("strong", { text: item.topic || "" }),
            confidence ? el("span", { class: "confidence", text: confidence }) : null),
          el("div", { class: "columns two" },
            (item.sides || []).map((side) =>
              el("div", { class: "column" },
                el("p", { class: "column-role", text: side.claim || "" }),
                el("h4", { text: (side.sources || []).join(", ") || "a source" }),
                (side.sentences || []).map((ref) =>
                  el("blockquote", {},
                    ref.text,
                    typeof ref.document === "number" && number.has(ref.document)
                      ? el("span", { class: "badge after", title: docName(docs[ref.document]), text: String(number.get(ref.document)) })
                      : null),
                ),
              ),
            ),
          ),
          item.reason ? el("p", { class: "hint", text: item.reason }) : null,
        );
      }),
    );
  }

  function renderFigures(data, docs, number) {
    const groups = data.figures;
    const panel = $("figures-panel");
    panel.hidden = !Array.isArray(groups) || !groups.length;
    if (panel.hidden) return;
    $("figures").replaceChildren(
      el("ul", { class: "entities" },
        groups.map((group) =>
          el("li", {},
            el("strong", { text: group.thing }),
            group.contradiction ? el("span", { class: "flag", text: "outlets disagree" }) : null,
            el("ul", {},
              group.figures.map((figure) =>
                el("li", { class: "figure" },
                  el("q", { text: figure.text }),
                  el("span", { class: "where", text: " " + figure.outlet }),
                  number.has(figure.sentence.document)
                    ? el("span", { class: "badge after", title: docName(docs[figure.sentence.document]), text: String(number.get(figure.sentence.document)) })
                    : null),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function renderEntities(data, docs) {
    const items = data.entities;
    const panel = $("entities-panel");
    const varied = Array.isArray(items) ? items.filter((e) => (e.variants || []).length > 1) : [];
    panel.hidden = !varied.length;
    if (panel.hidden) return;
    const outlets = (v) =>
      v.sources && v.sources.length
        ? v.sources
        : (v.documents || []).map((d) => (docs[d] ? docName(docs[d]) : String(d)));
    $("entities").replaceChildren(
      el("ul", { class: "entities" },
        varied.map((entity) =>
          el("li", {},
            el("strong", { text: entity.name }),
            " — ",
            entity.variants.map((v, i) =>
              el("span", { class: "variant" },
                i ? "; " : "",
                el("q", { text: v.text }),
                el("span", { class: "where", text: " " + outlets(v).join(", ") }),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function renderSources(data, docs, number) {
    const table = data.source_table;
    const head = (...cells) =>
      el("thead", {}, el("tr", {}, cells.map(([text, title, cls]) => el("th", { scope: "col", class: cls, title, text }))));
    if (Array.isArray(table) && table.length) {
      // one row per outlet (several articles of one outlet, or syndicated copies, are one)
      const rows = table.map((row) =>
        el("tr", {},
          el("th", { scope: "row" }, row.source,
            (row.documents || []).map((d) => safeLink(docs[d] && docs[d].url))),
          el("td", { class: "nums", text: (row.documents || []).map((d) => number.get(d)).join(", ") }),
          el("td", { class: "nums", text: sentenceNumbers(row.summary_sentences) }),
          el("td", { class: "nums", text: sentenceNumbers(row.backs) }),
          el("td", { class: "nums", text: sentenceNumbers(row.only_source_for) }),
          el("td", { class: "num", text: row.uncorroborated_sentences + " of " + row.sentences }),
        ),
      );
      $("sources").replaceChildren(
        head(
          ["Outlet"],
          ["Articles", "Article numbers, as in the citation markers", "nums"],
          ["Gave", "Summary sentences taken from this outlet (numbered from 1)", "nums"],
          ["Backs", "Summary sentences this outlet also reports", "nums"],
          ["Only it", "Summary sentences that only this outlet reports", "nums"],
          ["Unmatched", "Sentences of this outlet that no other outlet matches", "num"],
        ),
        el("tbody", {}, rows),
      );
      return;
    }
    // an older server without source_table: count from the sentences
    const count = (pick) => {
      const counts = new Map();
      data.sentences.forEach((s) => pick(s).forEach((d) => counts.set(d, (counts.get(d) || 0) + 1)));
      return counts;
    };
    const taken = count((s) => [s.document]);
    const backs = count((s) => s.support.map((sup) => sup.document));
    const only = count((s) => (s.single_source ? [s.document] : []));
    $("sources").replaceChildren(
      head(["#", null, "num"], ["Source"], ["Gave", null, "num"], ["Backs", null, "num"], ["Only it", null, "num"]),
      el("tbody", {},
        docs.map((doc) =>
          el("tr", {},
            el("td", { class: "num", text: String(number.get(doc.index)) }),
            el("th", { scope: "row" }, docName(doc), safeLink(doc.url)),
            el("td", { class: "num", text: String(taken.get(doc.index) || 0) }),
            el("td", { class: "num", text: String(backs.get(doc.index) || 0) }),
            el("td", { class: "num", text: String(only.get(doc.index) || 0) }),
          ),
        ),
      ),
    );
  }

  function safeLink(url) {
    if (!url || !/^https?:\/\//i.test(url)) return null;
    return el("a", { class: "doc-url", href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: url });
  }

  // ---------- wiring ----------
  async function loadMethods() {
    try {
      const response = await fetch("/v1/methods");
      if (!response.ok) return;
      const data = await response.json();
      const select = $("method");
      select.replaceChildren(
        ...data.methods.map((m) =>
          el("option", { value: m.name, selected: m.name === data.default, title: m.description, text: m.name }),
        ),
      );
    } catch (error) {
      // keep the built-in default option
    }
  }

  $("add-article").addEventListener("click", () => addArticle("", true));
  $("file-input").addEventListener("change", (event) => {
    addFiles([...event.target.files]);
    event.target.value = "";
  });
  const input = $("input");
  input.addEventListener("dragover", (event) => {
    if (![...event.dataTransfer.types].includes("Files")) return;
    event.preventDefault();
    input.classList.add("dragging");
  });
  input.addEventListener("dragleave", (event) => {
    if (!input.contains(event.relatedTarget)) input.classList.remove("dragging");
  });
  input.addEventListener("drop", (event) => {
    if (!event.dataTransfer.files.length) return;
    event.preventDefault();
    input.classList.remove("dragging");
    addFiles([...event.dataTransfer.files]);
  });
  button.addEventListener("click", summarize);

  addArticle();
  addArticle();
  loadMethods();
})();
