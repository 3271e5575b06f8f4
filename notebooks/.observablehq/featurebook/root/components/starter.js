// A first FDL program for a file the user brings: a source on the file, an
// entity on its likeliest key column, a few windowed features and a training
// set that uses the file itself as the spine. A starting point to edit, not a
// guess at what matters.
import {typeOfDuckDb, keywords} from "../lib/featurebook.js";

const RESERVED = new Set(["and", "or", "not", "in", "is", "true", "false", "null"]);

/** An FDL name for `s`: as is when it is a plain identifier, back-quoted otherwise. */
export function fdlName(s) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !RESERVED.has(s.toLowerCase()) ? s : "`" + s.replaceAll("`", "") + "`";
}

/** A plain identifier made from `s` (for names we invent). */
export function identifier(s) {
  const id = s.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_]+/g, "_").replace(/^([0-9])/, "_$1").replace(/^_+|_+$/g, "").toLowerCase() || "data";
  return RESERVED.has(id) || keywords.includes(id) ? `${id}_data` : id;
}

/** The starter program for file `fileName` with columns `columns` ([{name, type}]). */
export function starterProgram(fileName, columns) {
  const source = identifier(fileName);
  const times = columns.filter((c) => typeOfDuckDb(c.type) === "time");
  const strings = columns.filter((c) => typeOfDuckDb(c.type) === "string");
  const ints = columns.filter((c) => typeOfDuckDb(c.type) === "integer");
  const key = [...strings, ...ints].find((c) => /(^|_)(id|key)$/i.test(c.name)) ?? strings[0] ?? ints[0];
  const time = times.find((c) => /(^|_)(ts|time|timestamp|date|at)$/i.test(c.name)) ?? times[0];
  const numbers = columns.filter((c) => ["integer", "number"].includes(typeOfDuckDb(c.type)) && c !== key && !/(^|_)id$/i.test(c.name)).slice(0, 3);
  let entity = key ? identifier(key.name.replace(/_?(id|key)$/i, "") || key.name) : "thing";
  if (entity === source) entity = `${entity}_entity`;
  const view = `${entity}_${source}`;
  const lines = [
    `# A starting point generated from ${fileName}: edit freely.`,
    `project ${source}`,
    "",
    `source ${source} {`,
    `  path "${fileName.replaceAll('"', "")}"`,
    time ? `  timestamp ${fdlName(time.name)}` : `  # no time column found: every source needs one\n  timestamp ts`,
    "}",
    "",
    `entity ${entity} { key ${key ? fdlName(key.name) : "id"} }`,
    "",
    `features ${view} on ${source} by ${entity} {`,
    `  rows_7d = count() over 7d`,
    `  rows_30d = count() over 30d`
  ];
  for (const c of numbers) {
    const base = identifier(c.name);
    lines.push(`  ${base}_sum_7d = sum(${fdlName(c.name)}) over 7d`, `  ${base}_avg_30d = avg(${fdlName(c.name)}) over 30d`);
  }
  lines.push("}", "", `training_set ${source}_train {`, `  spine ${source}                 # one row per row of the file, features as of its time`, `  features ${view}.*`, "}", "");
  return lines.join("\n");
}
