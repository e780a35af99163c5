// Static checks for the deployment: run by .ci/deploy-check from a copy inside
// .tools/ (so the pinned packages in .tools/node_modules resolve).
//
//   node .tools/validate.mjs <repo-root> <overlay-name>=<rendered.yaml> ...
//
// 1. schema: every rendered object against the Kubernetes OpenAPI schema
//    (kubernetes-models' generated ajv validators: types, required fields,
//    enums, formats);
// 2. strict: unknown fields (a typo like "readinesProbe" passes a JSON schema
//    without additionalProperties:false), via TypeScript's excess-property
//    check against the same package's generated types;
// 3. wiring: selectors, Services, named ports, ConfigMaps, HPA/PDB targets,
//    NetworkPolicy selectors, Secrets documented and never committed;
// 4. skaffold.yaml and the Dockerfiles it names, and their COPY sources.
// Prints one line per problem and exits 1 if there were any.

import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const toolsDir = path.dirname(fileURLToPath(import.meta.url));
const [root, ...renderedArgs] = process.argv.slice(2);
if (!root || renderedArgs.length === 0) {
  console.error("usage: validate.mjs <repo-root> <overlay>=<rendered.yaml> ...");
  process.exit(2);
}

const problems = [];
const problem = (where, msg) => { const p = `${where}: ${msg}`; if (!problems.includes(p)) problems.push(p); };
const stats = { objects: 0, overlays: 0, dockerfiles: 0, copies: 0 };

// ---------------------------------------------------------------- helpers

const CLUSTER_SCOPED = new Set([
  "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
  "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
]);

// Secrets the manifests reference but never define (created by hand, see
// k8s/README.md); the check makes sure each is documented there.
const readmePath = path.join(root, "k8s", "README.md");
const readme = fs.existsSync(readmePath) ? fs.readFileSync(readmePath, "utf8") : "";

function id(o) {
  return `${o?.kind ?? "?"}/${o?.metadata?.name ?? "?"}`;
}

function labelsMatch(selector, labels) {
  if (!selector) return false;
  labels = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const val = labels[e.key];
    switch (e.operator) {
      case "In": if (!has || !e.values.includes(val)) return false; break;
      case "NotIn": if (has && e.values.includes(val)) return false; break;
      case "Exists": if (!has) return false; break;
      case "DoesNotExist": if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

function podTemplates(objs) {
  const out = [];
  for (const o of objs) {
    const t = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].includes(o.kind)
      ? o.spec?.template
      : o.kind === "Job" ? o.spec?.template : undefined;
    if (t) out.push({ owner: o, labels: t.metadata?.labels ?? {}, spec: t.spec ?? {} });
  }
  return out;
}

// ---------------------------------------------------------------- 1. schema

const modelCache = new Map();
async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (modelCache.has(key)) return modelCache.get(key);
  // "v1" -> kubernetes-models/v1/Kind; "apps/v1" -> kubernetes-models/apps/v1/Kind
  const file = path.join(toolsDir, "node_modules", "kubernetes-models", ...apiVersion.split("/"), `${kind}.js`);
  let entry = null;
  if (fs.existsSync(file)) {
    const mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
    const Model = mod[kind];
    const dts = fs.readFileSync(file.replace(/\.js$/, ".d.ts"), "utf8");
    const iface = new RegExp(`export interface (I${kind}) `).exec(dts)?.[1];
    entry = { Model, iface, specifier: `kubernetes-models/${apiVersion}/${kind}` };
  }
  modelCache.set(key, entry);
  return entry;
}

function ajvErrors(e) {
  const errs = e?.errors ?? e?.details ?? [];
  if (Array.isArray(errs) && errs.length) {
    return errs.map((x) => `${x.instancePath || "/"} ${x.message}${x.params?.allowedValues ? ` (${x.params.allowedValues.join(", ")})` : ""}`);
  }
  return [String(e?.message ?? e)];
}

// ---------------------------------------------------------------- 2. strict

function writeStrictFile(overlay, objs, dir) {
  const imports = new Map();
  const lines = [];
  const ranges = [];
  objs.forEach((o, i) => {
    const m = o.__model;
    if (!m?.iface) return;
    const alias = `${m.iface}_${imports.size}`;
    if (!imports.has(m.specifier)) imports.set(m.specifier, { iface: m.iface, alias });
    const { alias: a } = imports.get(m.specifier);
    const clean = { ...o };
    delete clean.__model;
    const body = JSON.stringify(clean, null, 2).split("\n");
    const start = lines.length;
    lines.push(`export const r${i}: ${a} = ${body[0]}`, ...body.slice(1));
    lines[lines.length - 1] += ";";
    ranges.push({ start, end: lines.length, obj: o });
  });
  const header = [...imports.entries()].map(([spec, { iface, alias }]) => `import type { ${iface} as ${alias} } from "${spec}";`);
  const offset = header.length;
  for (const r of ranges) { r.start += offset; r.end += offset; }
  const file = path.join(dir, `${overlay}.ts`);
  fs.writeFileSync(file, [...header, ...lines].join("\n") + "\n");
  return { file, ranges, lines: [...header, ...lines] };
}

function runStrict(files) {
  const dir = path.join(toolsDir, "strict");
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      target: "es2022", module: "esnext", moduleResolution: "bundler",
      strict: true, noEmit: true, skipLibCheck: true, types: [],
    },
    files: files.map((f) => path.basename(f.file)),
  }, null, 2));
  const tsc = path.join(toolsDir, "node_modules", "typescript", "bin", "tsc");
  let out = "";
  try {
    execFileSync(process.execPath, [tsc, "-p", dir, "--pretty", "false"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    if (!out.trim()) out = String(e);
  }
  for (const line of out.split("\n")) {
    const m = /^(.+?\.ts)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (!m) { if (line.trim() && !/^\s/.test(line)) problem("strict", line.trim()); continue; }
    const f = files.find((x) => path.basename(x.file) === path.basename(m[1]));
    const ln = Number(m[2]) - 1;
    const r = f?.ranges.find((x) => ln >= x.start && ln < x.end);
    const src = f?.lines[ln]?.trim() ?? "";
    // TS messages about object literals are long; keep the useful part.
    const msg = m[5].replace(/Object literal may only specify known properties, and /, "unknown field: ");
    problem(`${f ? path.basename(f.file, ".ts") : "?"} ${r ? id(r.obj) : "?"}`, `${msg}  [near ${src.slice(0, 80)}]`);
  }
}

// ---------------------------------------------------------------- 3. wiring

function checkWiring(overlay, objs) {
  const where = (o) => `${overlay} ${id(o)}`;
  const byKind = (k) => objs.filter((o) => o.kind === k);
  const pods = podTemplates(objs);
  const configMaps = new Set(byKind("ConfigMap").map((o) => o.metadata?.name));

  // one namespace, set on everything namespaced; the Namespace object itself
  // stays out of the manifests (skaffold delete would take Secrets and PVCs with it)
  for (const o of byKind("Namespace")) problem(where(o), "a Namespace in the manifests: `skaffold delete` would delete it with its Secrets and volumes; create it by hand (k8s/README.md)");
  const nsSet = new Set(objs.filter((o) => !CLUSTER_SCOPED.has(o.kind)).map((o) => o.metadata?.namespace ?? "(unset)"));
  if (nsSet.size !== 1 || nsSet.has("(unset)")) problem(overlay, `namespaced objects must all be in one namespace set by the overlay; found ${[...nsSet].join(", ")}`);
  // names unique per kind
  const seen = new Set();
  for (const o of objs) {
    const k = `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
    if (seen.has(k)) problem(where(o), "defined twice");
    seen.add(k);
  }
  // never commit Secrets
  for (const o of byKind("Secret")) problem(where(o), "a Secret in the manifests: create it by hand (k8s/README.md), never commit it");

  // workloads: selector matches template; containers' refs resolve
  for (const p of pods) {
    const o = p.owner;
    if (o.kind !== "Job" && !labelsMatch(o.spec?.selector, p.labels)) problem(where(o), "spec.selector does not match the pod template labels");
    const containers = [...(p.spec.initContainers ?? []), ...(p.spec.containers ?? [])];
    const volumes = new Map((p.spec.volumes ?? []).map((v) => [v.name, v]));
    const claimNames = new Set((o.spec?.volumeClaimTemplates ?? []).map((v) => v.metadata?.name));
    for (const v of volumes.values()) {
      if (v.configMap && !configMaps.has(v.configMap.name) && !v.configMap.optional) problem(where(o), `volume ${v.name}: ConfigMap ${v.configMap.name} is not defined`);
      if (v.secret) checkSecret(where(o), v.secret.secretName);
    }
    for (const c of containers) {
      const ports = new Set((c.ports ?? []).map((x) => x.name).filter(Boolean));
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef && !configMaps.has(ef.configMapRef.name) && !ef.configMapRef.optional) problem(where(o), `container ${c.name}: ConfigMap ${ef.configMapRef.name} is not defined`);
        if (ef.secretRef) checkSecret(where(o), ef.secretRef.name);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !configMaps.has(cm.name) && !cm.optional) problem(where(o), `env ${e.name}: ConfigMap ${cm.name} is not defined`);
        const s = e.valueFrom?.secretKeyRef;
        if (s) checkSecret(where(o), s.name, s.key);
      }
      for (const vm of c.volumeMounts ?? []) {
        if (!volumes.has(vm.name) && !claimNames.has(vm.name)) problem(where(o), `container ${c.name}: volumeMount ${vm.name} has no volume`);
      }
      for (const probeName of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const pr = c[probeName];
        const port = pr?.httpGet?.port ?? pr?.tcpSocket?.port ?? pr?.grpc?.port;
        if (typeof port === "string" && !ports.has(port)) problem(where(o), `container ${c.name}: ${probeName} uses port "${port}", not a named container port`);
      }
      if (skaffoldParsed && o.kind !== "Job" && c.image && !c.image.includes(":") && !c.image.includes("@") && !skaffoldImages.has(c.image)) {
        // untagged images must be skaffold artifacts (skaffold tags them)
        problem(where(o), `container ${c.name}: image "${c.image}" has no tag and is not a skaffold artifact`);
      }
      // the image's default main listener (build arg MAIN_PORT) is a port the container declares
      const mainPort = skaffoldBuildArgs.get(c.image)?.MAIN_PORT;
      if (mainPort !== undefined && !(c.ports ?? []).some((x) => String(x.containerPort) === String(mainPort))) {
        problem(where(o), `container ${c.name}: image ${c.image} is built with MAIN_PORT=${mainPort}, which is not one of its containerPorts`);
      }
    }
  }

  // Services select pods and target their ports
  for (const s of byKind("Service")) {
    const sel = s.spec?.selector;
    if (!sel) continue;
    const matched = pods.filter((p) => p.owner.kind !== "Job" && labelsMatch({ matchLabels: sel }, p.labels));
    if (matched.length === 0) { problem(where(s), "selector matches no workload"); continue; }
    for (const port of s.spec?.ports ?? []) {
      if (typeof port.targetPort !== "string") continue;
      const ok = matched.some((p) => (p.spec.containers ?? []).some((c) => (c.ports ?? []).some((x) => x.name === port.targetPort)));
      if (!ok) problem(where(s), `targetPort "${port.targetPort}" is not a named port of the selected pods`);
    }
  }
  // Ingress backends exist
  const services = new Map(byKind("Service").map((s) => [s.metadata?.name, s]));
  for (const ing of byKind("Ingress")) {
    for (const rule of ing.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const b = p.backend?.service;
        const svc = b && services.get(b.name);
        if (!svc) { problem(where(ing), `backend Service ${b?.name} is not defined`); continue; }
        const ok = (svc.spec?.ports ?? []).some((x) => (b.port?.name ? x.name === b.port.name : x.port === b.port?.number));
        if (!ok) problem(where(ing), `backend port ${b.port?.name ?? b.port?.number} is not a port of Service ${b.name}`);
      }
    }
  }
  // PDBs select something; HPAs target something
  for (const pdb of byKind("PodDisruptionBudget")) {
    if (!pods.some((p) => labelsMatch(pdb.spec?.selector, p.labels))) problem(where(pdb), "selector matches no workload");
    if (pdb.spec?.minAvailable !== undefined && pdb.spec?.maxUnavailable !== undefined) problem(where(pdb), "sets both minAvailable and maxUnavailable");
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const t = hpa.spec?.scaleTargetRef;
    const target = objs.find((o) => o.kind === t?.kind && o.metadata?.name === t?.name);
    if (!target) { problem(where(hpa), `scaleTargetRef ${t?.kind}/${t?.name} is not defined`); continue; }
    if (target.spec?.replicas !== undefined) problem(where(hpa), `${id(target)} also sets spec.replicas; let the HPA own the count`);
    if ((hpa.spec?.minReplicas ?? 1) > hpa.spec?.maxReplicas) problem(where(hpa), "minReplicas > maxReplicas");
  }
  // NetworkPolicies select pods (pods from the Consul chart carry app: consul)
  for (const np of byKind("NetworkPolicy")) {
    const sel = np.spec?.podSelector ?? {};
    const empty = !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
    const external = sel.matchLabels?.app === "consul";
    if (!empty && !external && !pods.some((p) => labelsMatch(sel, p.labels))) problem(where(np), "podSelector matches no pod");
  }
  // containers: hardened as the design asks
  for (const p of pods) {
    const o = p.owner;
    const psc = p.spec.securityContext ?? {};
    if (psc.runAsNonRoot !== true) problem(where(o), "pod securityContext.runAsNonRoot is not true");
    if (psc.seccompProfile?.type !== "RuntimeDefault") problem(where(o), "pod seccompProfile is not RuntimeDefault");
    for (const c of [...(p.spec.initContainers ?? []), ...(p.spec.containers ?? [])]) {
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) problem(where(o), `container ${c.name}: allowPrivilegeEscalation is not false`);
      if (sc.readOnlyRootFilesystem !== true) problem(where(o), `container ${c.name}: readOnlyRootFilesystem is not true`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) problem(where(o), `container ${c.name}: capabilities do not drop ALL`);
      if (!c.resources?.requests || !c.resources?.limits) problem(where(o), `container ${c.name}: resources need requests and limits`);
    }
  }
}

// Secret names and keys must appear in k8s/README.md (reported once each).
function checkSecret(where, name, key) {
  if (!name) return;
  if (!readme.includes(name)) problem("k8s/README.md", `Secret ${name} is referenced but not documented`);
  if (key && !readme.includes(key)) problem("k8s/README.md", `Secret ${name} key ${key} is not documented`);
}

// ---------------------------------------------------------------- 4. skaffold + Dockerfiles

const skaffoldImages = new Set();
const skaffoldBuildArgs = new Map(); // image -> the build args its artifact passes
let skaffoldParsed = false;

function checkSkaffold() {
  const file = path.join(root, "skaffold.yaml");
  if (!fs.existsSync(file)) { problem("skaffold.yaml", "missing"); return; }
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
  for (const d of docs) for (const e of d.errors) problem("skaffold.yaml", `YAML: ${e.message.replace(/\s*\n+\s*/g, " ")}`);
  if (docs.some((d) => d.errors.length)) return;
  skaffoldParsed = true;
  const configs = docs.map((d) => d.toJS());
  for (const cfg of configs) {
    if (!/^skaffold\/v\d/.test(cfg?.apiVersion ?? "")) problem("skaffold.yaml", `apiVersion "${cfg?.apiVersion}" is not skaffold/v*`);
    if (cfg?.kind !== "Config") problem("skaffold.yaml", `kind "${cfg?.kind}" is not Config`);
    const sections = [{ name: "(default)", ...cfg }, ...(cfg?.profiles ?? [])];
    for (const s of sections) {
      const w = `skaffold.yaml profile ${s.name}`;
      for (const a of s.build?.artifacts ?? []) {
        skaffoldImages.add(a.image);
        skaffoldBuildArgs.set(a.image, a.docker?.buildArgs ?? {});
        const ctx = path.join(root, a.context ?? ".");
        if (!fs.existsSync(ctx)) problem(w, `artifact ${a.image}: context ${a.context} does not exist`);
        const df = a.docker?.dockerfile ?? "Dockerfile";
        const dfPath = path.join(ctx, df);
        if (!fs.existsSync(dfPath)) { problem(w, `artifact ${a.image}: Dockerfile ${path.relative(root, dfPath)} does not exist`); continue; }
        checkDockerfile(dfPath, ctx, a.image, a.docker?.buildArgs ?? {});
      }
      for (const p of s.manifests?.kustomize?.paths ?? []) {
        if (!fs.existsSync(path.join(root, p, "kustomization.yaml"))) problem(w, `kustomize path ${p} has no kustomization.yaml`);
      }
      for (const r of s.deploy?.helm?.releases ?? []) {
        for (const v of r.valuesFiles ?? []) {
          const vf = path.join(root, v);
          if (!fs.existsSync(vf)) { problem(w, `helm release ${r.name}: values file ${v} does not exist`); continue; }
          for (const d of YAML.parseAllDocuments(fs.readFileSync(vf, "utf8"))) {
            for (const e of d.errors) problem(v, `YAML: ${e.message.replace(/\s*\n+\s*/g, " ")}`);
          }
        }
        if (r.remoteChart && !r.version) problem(w, `helm release ${r.name}: remote chart without a pinned version`);
        if (r.chartPath && !fs.existsSync(path.join(root, r.chartPath))) problem(w, `helm release ${r.name}: chartPath ${r.chartPath} does not exist`);
      }
    }
  }
}

// A Dockerfile is checked once per artifact that builds it, with that artifact's build args:
// one Dockerfile serves the four services, told apart by ARG SERVICE.
const checkedDockerfiles = new Set();
const countedDockerfiles = new Set();
function checkDockerfile(file, ctx, image, buildArgs) {
  const key = `${file}\n${JSON.stringify(buildArgs)}`;
  if (checkedDockerfiles.has(key)) return;
  checkedDockerfiles.add(key);
  if (!countedDockerfiles.has(file)) { countedDockerfiles.add(file); stats.dockerfiles++; }
  const w = `${path.relative(root, file)} (${image})`;
  // join continuation lines, drop comments and blank lines
  const logical = [];
  let cur = "";
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (!cur && /^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) { cur += line.replace(/\\\s*$/, " "); continue; }
    cur += line;
    if (cur.trim()) logical.push(cur.trim());
    cur = "";
  }
  if (cur.trim()) logical.push(cur.trim());
  const stages = new Set();
  const declared = new Map(); // ARG name -> default (undefined when none)
  const runs = [];
  let entry = null;
  const expand = (text) => text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name) =>
    name in buildArgs ? String(buildArgs[name]) : declared.get(name) ?? m);
  for (const l of logical) {
    const [instr, ...restParts] = l.split(/\s+/);
    const rest = l.slice(instr.length).trim();
    const I = instr.toUpperCase();
    if (I === "ARG") {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(rest);
      if (!m) { problem(w, `cannot parse ARG ${rest}`); continue; }
      if (!declared.has(m[1]) || m[2] !== undefined) declared.set(m[1], m[2]);
    } else if (I === "RUN") {
      runs.push(rest);
    } else if (I === "FROM") {
      const m = /\sAS\s+(\S+)/i.exec(` ${rest}`);
      if (m) stages.add(m[1].toLowerCase());
    } else if (I === "COPY" || I === "ADD") {
      let args = rest;
      const flags = [];
      while (/^--\S+/.test(args)) { const f = /^(--\S+)\s*/.exec(args); flags.push(f[1]); args = args.slice(f[0].length); }
      if (flags.some((f) => f.startsWith("--from="))) continue; // from another stage or image
      let parts;
      if (args.startsWith("[")) {
        try { parts = JSON.parse(args); } catch { problem(w, `cannot parse ${I} ${args}`); continue; }
      } else parts = args.split(/\s+/).filter(Boolean);
      if (parts.length < 2) { problem(w, `${I} needs a source and a destination: ${l}`); continue; }
      for (const rawSrc of parts.slice(0, -1)) {
        const src = expand(rawSrc);
        if (/^https?:\/\//.test(src)) continue;
        if (/\$/.test(src)) { problem(w, `${I} source ${rawSrc} uses a build arg the artifact does not set`); continue; }
        stats.copies++;
        if (/[*?[]/.test(src)) {
          // a glob: at least one match in its folder
          const dir = path.join(ctx, path.dirname(src));
          const re = new RegExp(`^${path.basename(src).replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
          if (!fs.existsSync(dir) || !fs.readdirSync(dir).some((n) => re.test(n))) problem(w, `${I} source ${src} matches nothing in the build context`);
        } else if (!fs.existsSync(path.join(ctx, src))) {
          problem(w, `${I} source ${src} does not exist in the build context (${path.relative(root, ctx) || "."})`);
        } else if (ignoredByDockerignore(ctx, src)) {
          problem(w, `${I} source ${src} is excluded by .dockerignore`);
        }
      }
    } else if (I === "ENTRYPOINT") {
      entry = rest;
    }
  }
  // Build args: every ARG without a default must be set, and every arg set must be declared
  // (a misspelt key would otherwise be ignored by docker and the image built without it).
  for (const [name, def] of declared) {
    if (def === undefined && !(name in buildArgs)) problem(w, `ARG ${name} has no default and the artifact does not set it`);
  }
  for (const name of Object.keys(buildArgs)) {
    if (!declared.has(name)) problem(w, `build arg ${name} is not declared by an ARG`);
  }
  // The service: ARG SERVICE names services/<SERVICE>/Identity.<SERVICE>.csproj; a Dockerfile
  // without it is a per-service one in services/X/ beside Identity.X.csproj.
  const service = declared.has("SERVICE") ? expand("${SERVICE}") : path.basename(path.dirname(file));
  const csproj = declared.has("SERVICE")
    ? path.join(ctx, "services", service, `Identity.${service}.csproj`)
    : path.join(path.dirname(file), `Identity.${service}.csproj`);
  if (!fs.existsSync(csproj)) problem(w, `no ${path.relative(root, csproj)} for service ${service}`);
  if (!entry) problem(w, "no ENTRYPOINT");
  else {
    let e;
    try { e = JSON.parse(entry); } catch { problem(w, `ENTRYPOINT is not the exec (JSON) form: ${entry}`); }
    const dll = `Identity.${service}.dll`;
    if (e && e[0] === "dotnet") {
      if (e[1] !== dll) problem(w, `ENTRYPOINT ${entry} should run ${dll}`);
    } else if (e) {
      // a fixed launcher name (the renamed apphost): some RUN must produce it from Identity.<SERVICE>
      const made = runs.some((r) => r.includes(e[0]) && expand(r).includes(`/Identity.${service}`));
      if (!made) problem(w, `ENTRYPOINT ${entry}: no RUN creates ${e[0]} from the Identity.${service} apphost`);
    }
  }
  if (!logical.some((l) => /^USER\s+/i.test(l))) problem(w, "no USER: the runtime stage must not run as root");
}

let dockerignore = null;
function globToRe(pat) {
  const segs = pat.split("/");
  let re = "";
  segs.forEach((seg, i) => {
    if (seg === "**") { re += "(?:[^/]+/)*"; return; }
    re += seg.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
    if (i < segs.length - 1) re += "/";
  });
  return new RegExp(`^${re}(?:/.*)?$`);
}
function ignoredByDockerignore(ctx, src) {
  if (dockerignore === null) {
    const f = path.join(ctx, ".dockerignore");
    dockerignore = fs.existsSync(f)
      ? fs.readFileSync(f, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
      : [];
  }
  // Enough of Docker's matcher for this repo: "dir/", "**/x", "!x", "*.ext";
  // a pattern that matches a parent folder excludes everything under it.
  const rel = path.normalize(src).replace(/\/$/, "");
  let ignored = false;
  for (let pat of dockerignore) {
    const neg = pat.startsWith("!");
    if (neg) pat = pat.slice(1);
    if (globToRe(pat.replace(/\/$/, "").replace(/^\//, "")).test(rel)) ignored = !neg;
  }
  return ignored;
}

// ---------------------------------------------------------------- main

checkSkaffold();

const strictFiles = [];
fs.rmSync(path.join(toolsDir, "strict"), { recursive: true, force: true });
fs.mkdirSync(path.join(toolsDir, "strict"), { recursive: true });

for (const arg of renderedArgs) {
  const eq = arg.indexOf("=");
  const overlay = arg.slice(0, eq);
  const file = arg.slice(eq + 1);
  stats.overlays++;
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
  const objs = [];
  for (const d of docs) {
    for (const e of d.errors) problem(overlay, `YAML: ${e.message}`);
    const o = d.toJS();
    if (o) objs.push(o);
  }
  for (const o of objs) {
    stats.objects++;
    if (!o.apiVersion || !o.kind) { problem(overlay, `object without apiVersion/kind: ${JSON.stringify(o).slice(0, 80)}`); continue; }
    const m = await modelFor(o.apiVersion, o.kind);
    if (!m) { problem(`${overlay} ${id(o)}`, `no Kubernetes schema for ${o.apiVersion} ${o.kind} (typo, removed API version, or a CRD)`); continue; }
    try {
      new m.Model(o).validate();
    } catch (e) {
      for (const msg of ajvErrors(e)) problem(`${overlay} ${id(o)}`, `schema: ${msg}`);
    }
    Object.defineProperty(o, "__model", { value: m, enumerable: false });
  }
  checkWiring(overlay, objs);
  strictFiles.push(writeStrictFile(overlay, objs, path.join(toolsDir, "strict")));
}
runStrict(strictFiles);

for (const p of problems) console.log(`  FAIL ${p}`);
console.log(`validate: ${stats.overlays} overlay(s), ${stats.objects} object(s), ${stats.dockerfiles} Dockerfile(s), ${stats.copies} COPY source(s); ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
