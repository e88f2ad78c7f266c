// rules.js: what cosine(question, sentence) says of extractive ask's
// decisions in dumps whose rows carry cosines (eval.js sets answerCos, the
// cosine of each answer line, and each candidate's cos), and the in/out
// figures simple rules would give on them. Projected, not measured: a rule
// that wins here is integrated and measured with bench/abstain.
"use strict";

const fmt = (x) => (x === undefined || Number.isNaN(x) ? "-" : x.toFixed(2));

function quantiles(xs) {
  if (xs.length === 0) return "n=0";
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `n=${s.length} p10 ${fmt(q(0.1))} p25 ${fmt(q(0.25))} median ${fmt(q(0.5))} p75 ${fmt(q(0.75))} p90 ${fmt(q(0.9))}`;
}

// auc is the chance a random positive scores above a random negative.
function auc(pos, neg) {
  if (pos.length === 0 || neg.length === 0) return NaN;
  let w = 0;
  for (const p of pos) for (const n of neg) w += p > n ? 1 : p === n ? 0.5 : 0;
  return w / (pos.length * neg.length);
}

const maxOf = (xs) => (xs.length ? Math.max(...xs) : -1);

// eligible: the candidates a rescue may answer with.
function eligible(r, share, guardFree) {
  return (r.candidates || []).filter((c) => c.share >= share && (!guardFree || !c.guard));
}

// bestByCos is the eligible candidate nearest the question.
function bestByCos(cs) {
  let b = null;
  for (const c of cs) if (!b || c.cos > b.cos) b = c;
  return b;
}

// outcome says, for one row under a rule, whether it is answered and, for
// an in-corpus one, answered with an expected string.
function outcome(r, rule) {
  let answered = r.answered, correct = !!r.correct;
  let first = !!(r.correct && r.answer_holds && r.answer_holds[0]), lines = (r.answer || []).length;
  if (!r.answered && rule.rescue) {
    const b = bestByCos(eligible(r, rule.rescue.share, rule.rescue.guardFree));
    // margin: how far it stands above every other candidate, eligible
    // or not: a question the corpus answers may have one sentence near
    // it, one it does not several as near, all on its topic.
    const others = (r.candidates || []).filter((c) => c !== b).map((c) => c.cos);
    if (b && b.cos >= rule.rescue.t && b.cos - maxOf(others) >= (rule.rescue.margin || 0)) {
      answered = true;
      correct = first = r.kind === "in" && !!b.holds;
      lines = 1;
    }
  }
  if (r.answered && rule.refuse) {
    const m = rule.refuse.first ? r.answerCos[0] : maxOf(r.answerCos);
    if (m < rule.refuse.t) answered = correct = first = false;
  }
  if (r.answered && answered && rule.add) {
    // Add the candidate nearest the question when the answer's lines are
    // all farther from it by a margin: it goes first.
    const b = bestByCos(eligible(r, rule.add.share, true));
    if (b && b.cos >= maxOf(r.answerCos) + rule.add.margin && !r.answer.includes(b.text)) {
      const h = r.kind === "in" && !!b.holds;
      if (rule.add.where === "first") {
        correct = correct || h;
        first = h;
        lines++;
      } else if (rule.add.where === "replace last" && lines > 1) {
        correct = h || (r.answer_holds || []).slice(0, -1).some(Boolean);
      } else {
        correct = correct || h;
        lines++;
      }
    }
  }
  return { answered, correct, first, lines };
}

function counts(rows, rule) {
  const c = { out: 0, outAbst: 0, in: 0, inAns: 0, first: 0, replies: 0, lines: 0 };
  for (const r of rows) {
    const o = outcome(r, rule);
    if (o.answered) {
      c.replies++;
      c.lines += o.lines;
    }
    if (r.kind === "out") {
      c.out++;
      if (!o.answered) c.outAbst++;
    } else {
      c.in++;
      if (o.correct) c.inAns++;
      if (o.first) c.first++;
    }
  }
  return c;
}

function bySet(rows) {
  const m = new Map();
  for (const r of rows) {
    if (!m.has(r.set)) m.set(r.set, []);
    m.get(r.set).push(r);
  }
  return m;
}

function separation(sets) {
  console.log("## Separation (English rows of the tuning halves)\n");
  for (const [name, rs] of sets) {
    const missHold = [], missRank = [], outAbstBest = [], inAnsCos = [], outAnsCos = [], inWrongHold = [];
    let misses = 0, missNoHold = 0;
    for (const r of rs) {
      const cs = r.candidates || [];
      if (r.kind === "in" && !r.answered) {
        misses++;
        const h = cs.filter((c) => c.holds);
        if (h.length === 0) {
          missNoHold++;
          continue;
        }
        const best = Math.max(...h.map((c) => c.cos));
        missHold.push(best);
        missRank.push(1 + cs.filter((c) => c.cos > best).length);
      }
      if (r.kind === "in" && r.answered && !r.correct) {
        const h = cs.filter((c) => c.holds);
        if (h.length) inWrongHold.push(Math.max(...h.map((c) => c.cos)));
      }
      if (r.kind === "out" && !r.answered && cs.length) outAbstBest.push(Math.max(...cs.map((c) => c.cos)));
      if (r.answered && r.kind === "in" && r.correct) inAnsCos.push(maxOf(r.answerCos));
      if (r.answered && r.kind === "out") outAnsCos.push(maxOf(r.answerCos));
    }
    console.log(`### ${name}`);
    console.log(`in abstained: ${misses} (${missNoHold} with no candidate holding the answer)`);
    console.log(`  answering candidate's cosine: ${quantiles(missHold)}`);
    console.log(`  its rank by cosine among the candidates: ${quantiles(missRank)}`);
    console.log(`out abstained, nearest candidate's cosine: ${quantiles(outAbstBest)}`);
    console.log(`  AUC (answering candidate of an in miss above nearest of an out abstained): ${fmt(auc(missHold, outAbstBest))}`);
    console.log(`in answered with the answer, nearest answer line: ${quantiles(inAnsCos)}`);
    console.log(`out answered, nearest answer line: ${quantiles(outAnsCos)}`);
    console.log(`  AUC (in answered above out answered): ${fmt(auc(inAnsCos, outAnsCos))}`);
    console.log(`in answered without the answer, a candidate holding it: ${quantiles(inWrongHold)}\n`);
  }
}

function table(sets, rules) {
  const names = [...sets.keys()];
  const base = new Map(names.map((n) => [n, counts(sets.get(n), {})]));
  console.log("| rule | " + names.join(" | ") + " | verdict |");
  console.log("|---|" + names.map(() => "---|").join("") + "---|");
  const line = (label, rule) => {
    let ok = true, gain = 0, outLost = 0;
    const cells = names.map((n) => {
      const b = base.get(n), c = counts(sets.get(n), rule);
      const dIn = c.inAns - b.inAns, dOut = c.outAbst - b.outAbst;
      if (/squad/i.test(n)) {
        if (-dOut > dIn) ok = false;
      } else if (dOut < 0 || dIn < 0) ok = false;
      if (dIn < 0) ok = false;
      gain += dIn;
      outLost += dOut;
      return `${c.outAbst}/${c.out}, ${c.inAns}/${c.in}`;
    });
    const verdict = label === "today" ? "" : `${ok && gain > 0 ? "WINS" : "no"} (in ${gain >= 0 ? "+" : ""}${gain}, out ${outLost >= 0 ? "+" : ""}${outLost})`;
    console.log(`| ${label} | ${cells.join(" | ")} | ${verdict} |`);
    return ok && gain > 0;
  };
  line("today", {});
  const wins = [];
  for (const [label, rule] of rules) if (line(label, rule)) wins.push(label);
  return wins;
}

// firstLines says, per set, how many in-corpus answers with the answer
// hold it in their first line today, and with the line nearest the
// question first (a re-rank of the answer's lines by cosine).
function firstLines(sets) {
  console.log("## The answering line first (in-corpus answers holding the answer)\n");
  console.log("| set | answers | first line today | nearest line first | gained | lost |");
  console.log("|---|---|---|---|---|---|");
  for (const [name, rs] of sets) {
    let n = 0, today = 0, near = 0, gained = 0, lost = 0;
    for (const r of rs) {
      if (r.kind !== "in" || !r.correct || !r.answer_holds) continue;
      n++;
      let k = 0;
      r.answerCos.forEach((c, i) => {
        if (c > r.answerCos[k]) k = i;
      });
      const a = r.answer_holds[0], b = r.answer_holds[k];
      today += a;
      near += b;
      gained += !a && b;
      lost += a && !b;
    }
    console.log(`| ${name} | ${n} | ${today} | ${near} | ${gained} | ${lost} |`);
  }
  console.log();
}

function report(rows) {
  const sets = bySet(rows);
  separation(sets);
  firstLines(sets);
  const rules = [];
  const ts = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.78, 0.8, 0.82, 0.85, 0.9];
  for (const share of [0, 0.001, 0.2, 0.34]) {
    for (const guardFree of [true, false]) {
      for (const t of ts) rules.push([`rescue cos>=${t} share>=${share === 0.001 ? "0+ (named)" : share}${guardFree ? " unguarded" : ""}`, { rescue: { t, share, guardFree } }]);
    }
  }
  for (const margin of [0.05, 0.1, 0.15]) {
    for (const t of [0.4, 0.5, 0.6]) rules.push([`rescue cos>=${t} share>=0+ (named) margin ${margin}`, { rescue: { t, share: 0.001, guardFree: true, margin } }]);
  }
  for (const first of [false, true]) {
    for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]) rules.push([`refuse ${first ? "first line" : "every line"} cos<${t}`, { refuse: { t, first } }]);
  }
  for (const where of ["last", "first", "replace last"]) {
    for (const share of [0, 0.2]) {
      for (const margin of [0, 0.05, 0.1, 0.2]) rules.push([`add nearest ${where} share>=${share} margin ${margin}`, { add: { share, margin, where } }]);
    }
  }
  console.log("## Rules: out abstained, in answered (English rows of the tuning halves)\n");
  const wins = table(sets, rules);
  console.log(`\nwinning rules: ${wins.length ? wins.join("; ") : "none"}`);
  // What a winning rule does to the answers: the first line holding the
  // answer, and the lines shown per answer.
  console.log("\n## Winning rules: first line holds the answer; lines per answer\n");
  const names = [...sets.keys()];
  console.log("| rule | " + names.join(" | ") + " |");
  console.log("|---|" + names.map(() => "---|").join(""));
  for (const [label, rule] of [["today", {}], ...rules.filter(([l]) => wins.includes(l))]) {
    const cells = names.map((n) => {
      const c = counts(sets.get(n), rule);
      return `${c.first}/${c.inAns}, ${(c.lines / Math.max(1, c.replies)).toFixed(2)}`;
    });
    console.log(`| ${label} | ${cells.join(" | ")} |`);
  }
}

module.exports = { report, counts, outcome };
