// Checks that the repository stands alone and that its citations resolve:
//
// 1. every citation of docs/idp-dialects.md (`§2.1`, `§2.1 item 3`, `§2.7 "Work email not
//    created"`) names a section that exists, a numbered item that section has, and a title the
//    section contains;
// 2. every `docs/architecture.md, "Errors"` names a heading of docs/architecture.md;
// 3. no file refers to a path outside the repository (`../shared`, an absolute /work path, the
//    notes that were once kept beside it), except conformance/run-newman.sh, the one script that
//    looks for Microsoft's collection outside the repository when it is present.
//
//   node .ci/docs-check.mjs
// Prints one line per problem and a summary line; exits 1 if there were problems.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scanned = ["services", "tests", "docs", "bench", "k8s", "conformance", ".ci", ".github", "README.md", "Dockerfile", "skaffold.yaml"];
const skipDirs = new Set(["bin", "obj", "node_modules", ".tools", "TestResults", "BenchmarkDotNet.Artifacts"]);
const textFile = /\.(cs|md|json|ya?ml|sh|mjs|js|proto|props|csproj|txt|env)$|^(Dockerfile|README\.md|deploy-check|test|run|smoke-test)$/;
const outsideAllowed = new Set(["conformance/run-newman.sh"]);
const self = ".ci/docs-check.mjs";

function* walk(rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return;
  if (fs.statSync(abs).isFile()) { yield rel; return; }
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.isDirectory()) { if (!skipDirs.has(entry.name)) yield* walk(path.join(rel, entry.name)); }
    else if (textFile.test(entry.name)) yield path.join(rel, entry.name);
  }
}

// ---- the cited pages --------------------------------------------------------------------

function sectionsOf(file, headingPattern) {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const sections = new Map();
  let current = null;
  for (const line of text.split("\n")) {
    const m = headingPattern.exec(line);
    if (m) { current = { title: m[1].trim(), text: "", items: new Set() }; sections.set(m[1].trim(), current); continue; }
    if (!current) continue;
    current.text += `${line}\n`;
    const item = /^(\d+)\.\s/.exec(line);
    if (item) current.items.add(Number(item[1]));
  }
  return sections;
}

const dialects = sectionsOf("docs/idp-dialects.md", /^###\s+(2\.\d+)\b/);
const architecture = new Set([...sectionsOf("docs/architecture.md", /^##\s+(.+)$/).keys()]);

const problems = [];
let citations = 0;
const problem = (file, lineNo, msg) => problems.push(`${file}:${lineNo}: ${msg}`);

function checkDialectCitation(file, lineNo, section, item, title) {
  citations++;
  const s = dialects.get(section);
  if (!s) { problem(file, lineNo, `docs/idp-dialects.md has no §${section}`); return; }
  if (item !== undefined && !s.items.has(item)) problem(file, lineNo, `docs/idp-dialects.md §${section} has no item ${item}`);
  if (title !== undefined && !s.text.toLowerCase().includes(title.toLowerCase())) {
    problem(file, lineNo, `docs/idp-dialects.md §${section} does not contain "${title}"`);
  }
}

// A § citation: section, then optionally "item N" / "flag item N", then optionally a "title".
const sectionRef = /§(\d+(?:\.\d+)+)((?:\s+flag)?\s+item\s+(\d+))?(?:\s+"([^"]+)")?/g;
const anchor = /docs\/idp-dialects\.md|RFC ?\d{4}/g;

for (const file of scanned.flatMap((s) => [...walk(s)])) {
  if (file === self) continue;
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const citesDialects = text.includes("docs/idp-dialects.md");
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (!outsideAllowed.has(file) && /\.\.\/shared\b|\/work\/|IDP-DIALECTS|\bDESIGN\.md|\bSTYLE\.md|CONSUL-API\.md/.test(line)) {
      problem(file, lineNo, "refers to a file outside the repository");
    }
    for (const m of line.matchAll(/docs\/architecture\.md, "([^"]+)"/g)) {
      citations++;
      if (!architecture.has(m[1])) problem(file, lineNo, `docs/architecture.md has no section "${m[1]}"`);
    }
    if (file === "docs/idp-dialects.md" || !citesDialects) return;
    const anchors = [...line.matchAll(anchor)].map((a) => ({ at: a.index, idp: a[0].startsWith("docs/") }));
    for (const m of line.matchAll(sectionRef)) {
      const [, section, itemPart, item, title] = m;
      const before = anchors.filter((a) => a.at < m.index).pop();
      if (before && !before.idp) continue;                 // an RFC's section
      // Without an anchor on the line, only the shapes RFC citations never take count.
      if (!before && itemPart === undefined && title === undefined) continue;
      checkDialectCitation(file, lineNo, section, item === undefined ? undefined : Number(item), title);
    }
  });
}

for (const p of problems) console.log(`  FAIL ${p}`);
console.log(`docs-check: ${citations} citation(s); ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
