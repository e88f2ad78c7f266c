package main

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing/fstest"
	"text/tabwriter"
	"time"

	"corpusbot/bench/squadset"
	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/internal/abstaineval"
	"corpusbot/ireval"
	"corpusbot/text"

	// bleve's language analysers, registered by import.
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ro"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/tr"
)

// bleveAnalyzer is bleve's own analyser for each language of the question
// sets; languages it has none for get its standard analyser.
var bleveAnalyzer = map[string]string{
	"ar": "ar", "de": "de", "el": standard.Name, "en": "en", "es": "es", "fr": "fr", "hi": "hi",
	"ro": "ro", "ru": "ru", "tr": "tr", "zh": "cjk", "ja": "cjk", "ko": "cjk", "th": standard.Name, "vi": standard.Name,
}

// squad is the SQuAD format of XQuAD and PIAF (bench/squadset). A SQuAD
// 2.0 question marked is_impossible has no answer in its paragraph, so no
// relevant document: the retrieval benchmarks leave it out (bench/abstain
// reads it as an out-of-corpus question).
type squad = squadset.File

// qaSet is one language's question set as a retrieval benchmark: every
// paragraph a document, every question a query whose one relevant document
// is its paragraph.
type qaSet struct {
	name    string // the file's
	lang    string
	c       *corpus.Corpus
	queries []query
	qrels   ireval.Qrels
}

// qaFileRE names the sets: NAME.LL.json is any SQuAD-format set in language
// LL (xquad.de.json, tydiqa-goldp.ru.json); the others are the files as
// their publishers name them.
var qaFileRE = regexp.MustCompile(`^(?:[a-z0-9-]+\.([a-z]{2})|(piaf|arcd|cmrc|drcd|jsquad|korquad).*)\.json$`)

// qaFileLang returns the language of a question set file, or "".
func qaFileLang(name string) string {
	m := qaFileRE.FindStringSubmatch(name)
	switch {
	case m == nil:
		return ""
	case m[2] == "piaf":
		return "fr"
	case m[2] == "arcd":
		return "ar"
	case m[2] == "cmrc", m[2] == "drcd":
		return "zh"
	case m[2] == "jsquad":
		return "ja"
	case m[2] == "korquad":
		return "ko"
	}
	return m[1]
}

// loadQASets reads the SQuAD-format files of dir: NAME.LL.json (XQuAD's
// xquad.LL.json, or any other set in language LL), piaf*.json (PIAF, French), arcd*.json (ARCD, Arabic) and
// cmrc*.json (CMRC 2018, Chinese), drcd*.json (DRCD, traditional Chinese), jsquad*.json (JSQuAD, Japanese) and
// korquad*.json (KorQuAD 1.0, Korean).
func loadQASets(ctx context.Context, dir string, langs []string) ([]*qaSet, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var sets []*qaSet
	for _, e := range entries {
		lang := qaFileLang(e.Name())
		if lang == "" || len(langs) > 0 && !slices.Contains(langs, lang) {
			continue
		}
		s, err := loadQASet(ctx, filepath.Join(dir, e.Name()), lang)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		sets = append(sets, s)
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("no question set (NAME.LL.json, piaf*.json, …) in %s", dir)
	}
	slices.SortFunc(sets, func(a, b *qaSet) int { return strings.Compare(a.lang+a.name, b.lang+b.name) })
	return sets, nil
}

// mixQASets makes one corpus of every set's paragraphs, as a team that
// writes in several languages has, with every set's questions; a
// question's one relevant document is still its own paragraph (not its
// translations).
func mixQASets(ctx context.Context, sets []*qaSet) (*qaSet, error) {
	mixed := &qaSet{name: "mixed", lang: "mixed", qrels: ireval.Qrels{}}
	fsys := fstest.MapFS{}
	for _, s := range sets {
		for _, d := range s.c.Docs {
			fsys[s.name+"/"+d.ID+".txt"] = &fstest.MapFile{Data: []byte(d.Text)}
		}
		for _, q := range s.queries {
			mixed.queries = append(mixed.queries, q)
			for doc, rel := range s.qrels[q.id] {
				mixed.qrels[q.id] = map[string]int{s.name + "/" + doc: rel}
			}
		}
	}
	var err error
	if mixed.c, err = corpus.Load(ctx, fsys, corpus.Config{}); err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	return mixed, nil
}

func loadQASet(ctx context.Context, path, lang string) (*qaSet, error) {
	d, err := squadset.Read(path)
	if err != nil {
		return nil, err
	}
	s := &qaSet{name: strings.TrimSuffix(filepath.Base(path), ".json"), lang: lang, qrels: ireval.Qrels{}}
	for ai, a := range d.Data {
		for pi, p := range a.Paragraphs {
			id := squadset.DocID(ai, pi)
			for _, q := range p.QAs {
				if strings.TrimSpace(q.Question) == "" || q.Impossible {
					continue // CMRC 2018's trial set has two empty ones
				}
				s.queries = append(s.queries, query{id: string(q.ID), text: q.Question})
				s.qrels[string(q.ID)] = map[string]int{id: 1}
			}
		}
	}
	if s.c, err = d.Corpus(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// half splits the questions in two by a hash of their ID: "tune" is the
// half rules and lists may be fitted on, "test" the held-out half that the
// figures report.
func half(qid string) string {
	h := fnv.New32a()
	h.Write([]byte(qid))
	if h.Sum32()%2 == 0 {
		return "tune"
	}
	return "test"
}

func (s *qaSet) split(which string) ([]query, ireval.Qrels) {
	var qs []query
	qrels := ireval.Qrels{}
	for _, q := range s.queries {
		if which == "all" || half(q.id) == which {
			qs = append(qs, q)
			qrels[q.id] = s.qrels[q.id]
		}
	}
	return qs, qrels
}

// runQA measures both systems on every question set, on the chosen half.
func runQA(ctx context.Context, dir string, langs, systems []string, which string, mixed bool, export, rankings, against string, runs, k int, stdout, stderr io.Writer) error {
	sets, err := loadQASets(ctx, dir, langs)
	if err != nil {
		return err
	}
	if mixed {
		m, err := mixQASets(ctx, sets)
		if err != nil {
			return err
		}
		sets = []*qaSet{m}
	}
	if export != "" {
		return exportQA(export, sets, which)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(stdout, "question sets in %s, %s half, k=%d, medians over %d runs\nmachine: %s\n\n", dir, which, k, runs, machineInfo())
	var diffs []pairedSet
	fmt.Fprintln(tw, "set\tlang\tdocs\tquestions\tsystem\tanalyser\tnDCG@10\tMRR@10\tRecall@100\tbuild\tquery median µs\t")
	for _, s := range sets {
		qs, qrels := s.split(which)
		bl := bleveAnalyzer[s.lang]
		if bl == "" {
			bl = standard.Name
		}
		for _, sys := range []system{&corpusbotSystem{}, &bleveSystem{analyzer: bl}} {
			if !slices.Contains(systems, sys.name()) {
				continue
			}
			res := &result{name: sys.name()}
			for range runs {
				if err := measure(ctx, sys, s.c, qs, qrels, k, res); err != nil {
					return fmt.Errorf("%s %s: %w", s.lang, sys.name(), err)
				}
			}
			an := bl
			if sys.name() == "corpusbot" {
				an = strings.Join(langsOf(s.c), ",")
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%.4f\t%.4f\t%.4f\t%v\t%.0f\t\n", s.name, s.lang, len(s.c.Docs), len(qs), sys.name(), an,
				median(res.ndcg10), median(res.mrr10), median(res.recall), median(res.builds).Round(time.Millisecond), micros(median(res.medians)))
			if against != "" && sys.name() == "corpusbot" {
				before, err := readRanking(filepath.Join(against, s.name+".corpusbot"))
				if err != nil {
					return fmt.Errorf("-against: %w", err)
				}
				qids := slices.Sorted(maps.Keys(qrels))
				b, a := perQuestionNDCG(qrels, before, qids), perQuestionNDCG(qrels, res.ranking, qids)
				diffs = append(diffs, pairedSet{s.name, b, a})
			}
			if rankings != "" {
				if err := writeRanking(filepath.Join(rankings, s.name+"."+sys.name()), res.ranking); err != nil {
					return err
				}
			}
			fmt.Fprintf(stderr, "%s %s done\n", s.lang, sys.name())
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if against != "" {
		writeAgainst(stdout, against, diffs)
	}
	return nil
}

// pairedSet is one set's per-question nDCG@10 before (the -against
// rankings) and after (this run).
type pairedSet struct {
	name          string
	before, after []float64
}

// writeAgainst prints each set's difference of means and the pooled one
// (every question of every set, so weighted by questions).
func writeAgainst(w io.Writer, against string, sets []pairedSet) {
	fmt.Fprintf(w, "\nnDCG@10 of this run − %s, 95%% paired-bootstrap interval (2,000 resamples)\n", against)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tquestions\tdifference\tinterval\tbetter\tworse\t")
	var all, allA []float64
	for _, s := range sets {
		writePaired(tw, s.name, bootstrapDiff(s.before, s.after, 2000))
		all, allA = append(all, s.before...), append(allA, s.after...)
	}
	if len(sets) > 1 {
		writePaired(tw, "pooled", bootstrapDiff(all, allA, 2000))
	}
	tw.Flush()
}

// langsOf lists the document languages corpus detection found, most
// frequent first, as "xx:n".
func langsOf(c *corpus.Corpus) []string {
	n := map[string]int{}
	for _, d := range c.Docs {
		n[d.Lang]++
	}
	var out []string
	for l := range n {
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b string) int { return n[b] - n[a] })
	for i, l := range out {
		out[i] = fmt.Sprintf("%s:%d", l, n[l])
	}
	return out
}

// eachSquad calls fn with every question set file of dir (xquad.LL.json,
// piaf*.json, …: see qaFileLang) in one of langs, or in any when langs is
// empty, parsed.
func eachSquad(dir string, langs []string, fn func(name, lang string, d *squad) error) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		lang := qaFileLang(e.Name())
		if lang == "" || len(langs) > 0 && !slices.Contains(langs, lang) {
			continue
		}
		d, err := squadset.Read(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		if err := fn(e.Name(), lang, d); err != nil {
			return err
		}
	}
	return nil
}

// runDetect measures text.DetectLanguage on the question sets: every
// paragraph, and the questions of the chosen half.
// With a locale, it also scores the language a reader of that locale is
// replied in (i18n.Reply): "own" is each set's own language.
func runDetect(dir string, langs []string, which, locale string, stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(stdout, "text.DetectLanguage on the question sets in %s (%s half of the questions)\n\n", dir, which)
	fmt.Fprintf(tw, "set\tlang\tparagraphs\tright\tquestions\tright\tquestions taken for\t")
	if locale != "" {
		fmt.Fprintf(tw, "replied right, locale %s\treplied in\t", locale)
	}
	fmt.Fprintln(tw)
	err := eachSquad(dir, langs, func(name, lang string, d *squad) error {
		var paras, parasOK, qs, qsOK, replyOK int
		wrong, replyWrong := map[string]int{}, map[string]int{}
		loc := locale
		if loc == "own" {
			loc = lang
		}
		for _, a := range d.Data {
			for _, p := range a.Paragraphs {
				paras++
				if text.DetectLanguage(p.Context) == lang {
					parasOK++
				}
				for _, q := range p.QAs {
					if q.Impossible || which != "all" && half(string(q.ID)) != which {
						continue
					}
					qs++
					if got := text.DetectLanguage(q.Question); got == lang {
						qsOK++
					} else {
						wrong[got]++
					}
					if loc != "" {
						if got := i18n.Reply(q.Question, loc); got == i18n.FromLocale(lang) {
							replyOK++
						} else {
							replyWrong[got]++
						}
					}
				}
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f%%\t%d\t%.1f%%\t%s\t", strings.TrimSuffix(name, ".json"), lang, paras, 100*float64(parasOK)/float64(paras), qs, 100*float64(qsOK)/float64(qs), tally(wrong))
		if loc != "" {
			fmt.Fprintf(tw, "%.1f%%\t%s\t", 100*float64(replyOK)/float64(qs), tally(replyWrong))
		}
		fmt.Fprintln(tw)
		return nil
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return detectAbstain(filepath.Join("..", "testdata", "abstain"), which, stdout)
}

// detectAbstain scores text.DetectLanguage on the questions of the
// repository's abstention sets (their lang field) of the chosen half
// (abstaineval.Half of their id; "all" for both): the English ones watch
// what a tie-break costs English questions that name tools (Helm,
// kubectl).
func detectAbstain(dir, which string, stdout io.Writer) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no abstention sets in %s (run from bench/): %v", dir, err)
	}
	right, all := map[string]int{}, map[string]int{}
	wrong := map[string]map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			var q struct{ ID, Lang, Question, Half string }
			if json.Unmarshal([]byte(line), &q) != nil || q.Question == "" || which != "all" && (abstaineval.Question{ID: q.ID, Half: q.Half}).InHalf() != which {
				continue
			}
			all[q.Lang]++
			if got := text.DetectLanguage(q.Question); got == q.Lang {
				right[q.Lang]++
			} else {
				if wrong[q.Lang] == nil {
					wrong[q.Lang] = map[string]int{}
				}
				wrong[q.Lang][got]++
			}
		}
	}
	fmt.Fprintf(stdout, "\nquestions of %s, %s half\n", dir, which)
	for _, l := range slices.Sorted(maps.Keys(all)) {
		fmt.Fprintf(stdout, "  %s  %d/%d  %s\n", l, right[l], all[l], tally(wrong[l]))
	}
	return nil
}

// tally lists the five commonest of counts, "lang:n" each.
func tally(counts map[string]int) string {
	var ws []string
	for l, n := range counts {
		ws = append(ws, fmt.Sprintf("%s:%d", l, n))
	}
	slices.SortFunc(ws, func(a, b string) int {
		_, x, _ := strings.Cut(a, ":")
		_, y, _ := strings.Cut(b, ":")
		return len(y) - len(x) + strings.Compare(y, x)
	})
	return strings.Join(ws[:min(len(ws), 5)], " ")
}

// exportQA writes each set as loaded, for engines outside Go (xapian_qa.py):
// DIR/NAME/docs.tsv (id, text with tabs and newlines as spaces),
// queries.tsv of the chosen half, qrels.tsv, and lang.
func exportQA(dir string, sets []*qaSet, which string) error {
	flat := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, s := range sets {
		d := filepath.Join(dir, s.name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		var docs, qs, qrels strings.Builder
		for _, doc := range s.c.Docs {
			fmt.Fprintf(&docs, "%s\t%s\n", doc.ID, flat.Replace(doc.Text))
		}
		queries, judged := s.split(which)
		for _, q := range queries {
			fmt.Fprintf(&qs, "%s\t%s\n", q.id, flat.Replace(q.text))
			for doc, rel := range judged[q.id] {
				fmt.Fprintf(&qrels, "%s\t0\t%s\t%d\n", q.id, doc, rel)
			}
		}
		for name, body := range map[string]string{"docs.tsv": docs.String(), "queries.tsv": qs.String(), "qrels.tsv": qrels.String(), "lang": s.lang + "\n"} {
			if err := os.WriteFile(filepath.Join(d, name), []byte(body), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeRanking writes a run as "qid docid rank" lines (ireval.ReadRun's
// three-column form), questions in sorted order.
func writeRanking(path string, run ireval.Run) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	for _, q := range slices.Sorted(maps.Keys(run)) {
		for i, d := range run[q] {
			fmt.Fprintf(&b, "%s %s %d\n", q, d, i+1)
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
