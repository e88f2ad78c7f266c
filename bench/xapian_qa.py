#!/usr/bin/python3
"""Xapian on the question sets that `go run . -qa DIR -export OUT` wrote.

Xapian is C++; its Python bindings (Debian's python3-xapian, 1.4) run it
here. Each set is indexed in memory with Xapian's own analysis for the
language: its Snowball stemmer (TermGenerator and QueryParser, STEM_SOME),
CJK n-grams for Chinese, BM25 (Xapian's default weighting). Queries are
parsed with OR between terms; Xapian's query parser makes a run of CJK
characters the AND of all its n-grams, which almost never matches a
question, so a CJK query (or one the parser rejects) is the OR of the terms
the term generator makes of it. Scores are the same as the Go harness's:
nDCG@10, MRR@10 and Recall@100 against the set's qrels.

    /usr/bin/python3 xapian_qa.py OUT [RANKINGS]

With RANKINGS, each set's ranking is written to RANKINGS/NAME.xapian as
"qid docid rank" lines, as `go run . -qa DIR -rankings` writes its own.
"""
import math
import os
import sys
import time

import xapian

STEMMERS = {"ar": "arabic", "de": "german", "en": "english", "es": "spanish",
            "fr": "french", "ro": "romanian", "ru": "russian", "tr": "turkish"}


def read_tsv(path, n):
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= n:
                yield parts


def parse(qp, tg, text, flags, lang):
    if lang not in ("zh", "ja", "ko"):
        try:
            return qp.parse_query(text, flags)
        except xapian.QueryParserError:
            pass
    doc = xapian.Document()
    tg.set_document(doc)
    tg.index_text(text)
    terms = [t.term for t in doc.termlist() if not t.term.startswith(b"Z") or lang not in STEMMERS]
    if lang in STEMMERS:  # STEM_SOME: the stems carry the Z prefix
        terms = [t.term for t in doc.termlist() if t.term.startswith(b"Z")] or terms
    return xapian.Query(xapian.Query.OP_OR, terms)


def run(d, rankings=None):
    lang = open(os.path.join(d, "lang"), encoding="utf-8").read().strip()
    db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    tg = xapian.TermGenerator()
    qp = xapian.QueryParser()
    flags = qp.FLAG_DEFAULT
    if lang in STEMMERS:
        stem = xapian.Stem(STEMMERS[lang])
        tg.set_stemmer(stem)
        tg.set_stemming_strategy(tg.STEM_SOME)
        qp.set_stemmer(stem)
        qp.set_stemming_strategy(qp.STEM_SOME)
    if lang in ("zh", "ja", "ko"):
        tg.set_flags(tg.FLAG_CJK_NGRAM)
        flags |= qp.FLAG_CJK_NGRAM
    qp.set_default_op(xapian.Query.OP_OR)
    start = time.perf_counter()
    for doc_id, text in read_tsv(os.path.join(d, "docs.tsv"), 2):
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(text)
        doc.set_data(doc_id)
        db.add_document(doc)
    build = time.perf_counter() - start
    qrels = {}
    for qid, _, doc, rel in read_tsv(os.path.join(d, "qrels.tsv"), 4):
        if int(rel) > 0:
            qrels.setdefault(qid, set()).add(doc)
    enq = xapian.Enquire(db)
    ndcg = mrr = recall = 0.0
    lat = []
    n = 0
    ranks = []
    for qid, text in read_tsv(os.path.join(d, "queries.tsv"), 2):
        n += 1
        t = time.perf_counter()
        enq.set_query(parse(qp, tg, text, flags, lang))
        ranked = [m.document.get_data().decode() for m in enq.get_mset(0, 100)]
        lat.append(time.perf_counter() - t)
        ranks.extend(f"{qid} {doc} {i + 1}\n" for i, doc in enumerate(ranked))
        rel = qrels.get(qid, set())
        dcg = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:10]) if doc in rel)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(len(rel), 10)))
        ndcg += dcg / ideal if ideal else 0
        mrr += next((1 / (i + 1) for i, doc in enumerate(ranked[:10]) if doc in rel), 0)
        recall += len(rel & set(ranked[:100])) / len(rel) if rel else 0
    lat.sort()
    if rankings:
        os.makedirs(rankings, exist_ok=True)
        with open(os.path.join(rankings, os.path.basename(d) + ".xapian"), "w", encoding="utf-8") as f:
            f.writelines(ranks)
    print(f"{os.path.basename(d):>14} {lang:>3} {db.get_doccount():>5} {n:>5}  xapian "
          f"{STEMMERS.get(lang, 'cjk-ngram' if lang in ('zh', 'ja', 'ko') else 'none'):>9} "
          f"{ndcg / n:.4f} {mrr / n:.4f} {recall / n:.4f} {build * 1000:6.0f}ms "
          f"{lat[len(lat) // 2] * 1e6:6.0f}")


def main():
    out = sys.argv[1]
    rankings = sys.argv[2] if len(sys.argv) > 2 else None
    print(f"xapian {xapian.version_string()}: set lang docs questions system analyser "
          "nDCG@10 MRR@10 Recall@100 build query-median-µs")
    for name in sorted(os.listdir(out)):
        if os.path.exists(os.path.join(out, name, "docs.tsv")):
            run(os.path.join(out, name), rankings)


if __name__ == "__main__":
    main()
