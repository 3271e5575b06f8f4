// Query results as an HTML table: the first rows of a result, with its
// column types in the header. Plain DOM (Framework's html`` and Inputs would
// pull packages from a CDN).

/** Formats one normalized value for display. */
export function formatValue(v) {
  if (v === null || v === undefined) return "∅";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().replace("T", " ").replace(/\.000Z$|Z$/, "");
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * A table of `result.rows` (at most `limit`), with a caption.
 * @param {any} result
 * @param {{limit?: number, caption?: string}} [options]
 */
export function resultTable(result, {limit = 100, caption} = {}) {
  const wrap = document.createElement("div");
  wrap.className = "fb-table";
  const table = document.createElement("table");
  if (caption) {
    const c = document.createElement("caption");
    c.textContent = caption;
    table.append(c);
  }
  const thead = document.createElement("thead");
  const hr = document.createElement("tr");
  for (const col of result.columns) {
    const th = document.createElement("th");
    th.textContent = col.name;
    th.title = col.type;
    const t = document.createElement("div");
    t.className = "fb-type";
    t.textContent = col.type.toLowerCase();
    th.append(t);
    hr.append(th);
  }
  thead.append(hr);
  const tbody = document.createElement("tbody");
  for (const row of result.rows.slice(0, limit)) {
    const tr = document.createElement("tr");
    for (const col of result.columns) {
      const td = document.createElement("td");
      const v = row[col.name];
      td.textContent = formatValue(v);
      if (typeof v === "number") td.className = "fb-num";
      if (v === null || v === undefined) td.className = "fb-null";
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  if (result.rows.length > limit) {
    const more = document.createElement("p");
    more.className = "fb-more";
    more.textContent = `Showing ${limit} of ${result.rows.length.toLocaleString("en-US")} rows.`;
    wrap.append(more);
  }
  return wrap;
}

/** A small element: an HTML tag with a class and text. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k === "style") e.style.cssText = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  e.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return e;
}
