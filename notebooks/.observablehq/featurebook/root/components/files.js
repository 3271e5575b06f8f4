// Files a page hands to the reader, and text it keeps for them: training-set
// downloads (CSV and Parquet, written in the tab by the library) and edits
// kept for the tab in sessionStorage: a reload keeps them, a new tab starts
// afresh (so one tab's half-typed program never greets another).
import {resultToCsv, resultToParquet} from "../lib/featurebook.js";
import {el} from "./table.js";

/** Offers `data` as a file named `name` (a Blob URL, revoked after the click). */
export function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], {type}));
  const a = el("a", {href: url, download: name, style: "display: none"});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Download CSV" and "Download Parquet" buttons for a built result. */
export function downloadButtons(result, baseName) {
  const csv = el("button", {type: "button", "data-testid": "download-csv", "data-fb-action": "download", title: `${baseName}.csv`}, "Download CSV");
  const parquet = el("button", {type: "button", "data-testid": "download-parquet", "data-fb-action": "download", title: `${baseName}.parquet`}, "Download Parquet");
  csv.addEventListener("click", () => download(resultToCsv(result), `${baseName}.csv`, "text/csv"));
  parquet.addEventListener("click", () => download(resultToParquet(result), `${baseName}.parquet`, "application/vnd.apache.parquet"));
  return [csv, parquet];
}

/** The text kept under `key`, or undefined (none, or storage is off). */
export function savedText(key) {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `text` under `key`; null forgets it. Storage that is off or full is not an error here. */
export function saveText(key, text) {
  try {
    if (text === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, text);
  } catch {
    // nothing to keep it in
  }
}
