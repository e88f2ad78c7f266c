package corpus

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"corpusbot/internal/cputime"
	"corpusbot/internal/gentext"
	"corpusbot/text"
)

// sciFactDir is the retrieval benchmark's corpus (DESIGN §3), shared beside
// the repository (or under CORPUSBOT_EVAL_DIR): 5,183 abstracts, line 1 the
// title. Its absence fails the test: CI has ../shared beside the clone.
func sciFactDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("CORPUSBOT_EVAL_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "eval", "ir")
	}
	docs := filepath.Join(dir, "scifact", "docs")
	if _, err := os.Stat(docs); err != nil {
		tb.Fatalf("SciFact not found at %s: %v\n(it is ../shared/eval/ir/scifact beside the repository; set CORPUSBOT_EVAL_DIR to the folder holding scifact/)", docs, err)
	}
	return docs
}

func BenchmarkLoadSciFact(b *testing.B) {
	fsys := os.DirFS(sciFactDir(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), fsys, Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadSciFact guards what the retrieval evaluation relies on: every
// abstract loads, without warnings, titled by its first line, in a few
// Body passages with nothing dropped.
func TestLoadSciFact(t *testing.T) {
	docs := sciFactDir(t)
	c, err := Load(context.Background(), os.DirFS(docs), Config{})
	if err != nil {
		t.Fatalf("Load(%s): %v", docs, err)
	}
	if len(c.Docs) != 5183 || len(c.Warnings) != 0 {
		t.Fatalf("got %d documents and warnings %v, want 5183 and none", len(c.Docs), c.Warnings)
	}
	notEnglish := 0
	for i := range c.Docs {
		d := &c.Docs[i]
		checkPassages(t, d)
		line, _, _ := strings.Cut(d.Text, "\n")
		line = strings.Join(strings.Fields(line), " ")
		if d.Title != line && !(strings.HasSuffix(d.Title, "…") && strings.HasPrefix(line, strings.TrimSuffix(d.Title, "…"))) {
			t.Errorf("%s: got title %q, want line 1 %q", d.ID, d.Title, line)
		}
		if got, want := d.Words(), text.CountWords(d.Text); got != want {
			t.Errorf("%s: passages hold %d of %d words, want all", d.ID, got, want)
		}
		for _, p := range d.Passages {
			if p.Kind != Body {
				t.Errorf("%s passage %d: got %s, want body", d.ID, p.Index, p.Kind)
			}
		}
		if w := d.Words(); w >= 150 && w <= 350 && (len(d.Passages) < 1 || len(d.Passages) > 3) {
			t.Errorf("%s: got %d passages for %d words, want 1–3", d.ID, len(d.Passages), w)
		}
		if d.Lang != "en" {
			notEnglish++
		}
	}
	if notEnglish > len(c.Docs)/100 {
		t.Errorf("got %d documents not detected as English, want under 1%%", notEnglish)
	}
}

// markdownTree is n Markdown files made from the public samples
// (testdata/public): front matter, headings, lists, code, tables,
// admonitions and shortcodes, every line numbered so that no two files
// share a passage.
func markdownTree(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	var srcs []string
	err := filepath.WalkDir(filepath.Join("testdata", "public"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (formatOf(p) == FormatMarkdown || formatOf(p) == FormatMDX) {
			b, err := os.ReadFile(p)
			if err == nil {
				srcs = append(srcs, string(b))
			}
			return err
		}
		return err
	})
	if err != nil || len(srcs) == 0 {
		tb.Fatalf("no Markdown samples: %v", err)
	}
	fsys := fstest.MapFS{}
	for i := range n {
		src := srcs[i%len(srcs)]
		lines := strings.Split(src, "\n")
		for j, l := range lines {
			if strings.HasSuffix(l, ".") {
				lines[j] = fmt.Sprintf("%s Copy %d.", l, i)
			}
		}
		fsys[fmt.Sprintf("docs/section-%d/page-%d.md", i%40, i)] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	}
	return fsys
}

// BenchmarkLoadMarkdown loads 3,000 Markdown files (about 20 MB).
func BenchmarkLoadMarkdown(b *testing.B) {
	benchmarkLoad(b, markdownTree(b, 3000))
}

// textTree is n plain-text files shaped as those of the 1-million-passage
// benchmark (index_snapshot_bench_test.go): a title line, then 8
// paragraphs of 100–180 words, sentences drawn at random from SciFact's
// abstracts, so every file is a few Body passages that the noise rules
// judge in full.
func textTree(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	src, err := gentext.ReadSciFact(sciFactDir(tb))
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(15, 4))
	fsys := fstest.MapFS{}
	var sb strings.Builder
	for f := range n {
		sb.Reset()
		src.Document(&sb, r, f, 8)
		fsys[fmt.Sprintf("%03d/doc%06d.txt", f/1000, f)] = &fstest.MapFile{Data: []byte(sb.String())}
	}
	return fsys
}

// BenchmarkLoadText loads 2,000 plain-text files of 8 paragraphs (16,000
// passages, 16 MB): the path of the 1-million-passage benchmark.
func BenchmarkLoadText(b *testing.B) {
	benchmarkLoad(b, textTree(b, 2000))
}

// BenchmarkLoadTextDisk loads 12,500 plain-text files from disk (a tenth
// of the 1-million-passage corpus, the same files: 98,000 passages, 108
// MB), as the 1 M benchmark does, through os.DirFS: listing, Stat, open
// and read of every file included. They are written first, and are in the
// page cache when loaded.
func BenchmarkLoadTextDisk(b *testing.B) {
	dir, size := textTreeOnDisk(b, 12_500)
	benchmarkLoadFS(b, DirFS(dir), size)
}

// textTreeOnDisk writes textTree(n) to a temporary folder, returning it
// and the bytes of its files.
func textTreeOnDisk(b *testing.B, n int) (dir string, size int) {
	dir = b.TempDir()
	for name, f := range textTree(b, n) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		size += len(f.Data)
	}
	return dir, size
}

// BenchmarkReadFilesDisk reads the 12,500 files of BenchmarkLoadTextDisk
// as Load does (loader.read: open, Stat, read, close), on one goroutine,
// through os.DirFS and through DirFS.
func BenchmarkReadFilesDisk(b *testing.B) {
	dir, size := textTreeOnDisk(b, 12_500)
	for name, fsys := range map[string]fs.FS{"os.DirFS": os.DirFS(dir), "DirFS": DirFS(dir)} {
		b.Run(name, func(b *testing.B) {
			l := newLoader(fsys, Config{})
			paths, regular, err := l.listTyped(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			buf := make([]byte, 0, 64<<10)
			b.SetBytes(int64(size))
			start := cputime.Now()
			for b.Loop() {
				for i, p := range paths {
					if _, _, kind, reason := l.read(p, regular[i], func(int64) []byte { return buf[:0] }); kind != "" {
						b.Fatal(p, reason)
					}
				}
			}
			b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// benchmarkLoad loads fsys b.N times, reporting its bytes, allocations and
// CPU time per load (user and system, all threads: on a shared machine
// the wall time says more about the other users than about Load).
func benchmarkLoad(b *testing.B, fsys fstest.MapFS) {
	size := 0
	for _, f := range fsys {
		size += len(f.Data)
	}
	benchmarkLoadFS(b, fsys, size)
}

// benchmarkLoadFS is benchmarkLoad of any fsys holding size bytes.
func benchmarkLoadFS(b *testing.B, fsys fs.FS, size int) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		if _, err := Load(context.Background(), fsys, Config{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkTeaserTail is the stray check of the last paragraphs
// (markTeaserTail, rule 7) alone over the 2,000 files of BenchmarkLoadText,
// whose random sentences make it read far up: a third of loading them.
func BenchmarkTeaserTail(b *testing.B) {
	type doc struct {
		text string
		ps   []para
	}
	var docs []doc
	rules := newNoiseRules()
	for _, f := range textTree(b, 2000) {
		text := string(f.Data)
		ps := paragraphs(text)
		rules.classifyLines(text, ps, 0)
		dropFooter(text, ps, 0)
		docs = append(docs, doc{text, ps})
	}
	scratch := make([]para, 0, 64)
	start := cputime.Now()
	for b.Loop() {
		for _, d := range docs {
			scratch = append(scratch[:0], d.ps...)
			keys := newKeyIndex(d.text, scratch)
			markTeaserTail(d.text, scratch, keys)
			keys.release()
		}
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkPassageWords sizes every paragraph of the 2,000 files of
// BenchmarkLoadText (16 MB), as paragraphs does for every document.
func BenchmarkPassageWords(b *testing.B) {
	var ts []string
	size := 0
	for _, f := range textTree(b, 2000) {
		text := string(f.Data)
		for _, p := range paragraphs(text) {
			ts = append(ts, text[p.start:p.end])
			size += p.end - p.start
		}
	}
	b.SetBytes(int64(size))
	start := cputime.Now()
	for b.Loop() {
		for _, t := range ts {
			passageWords(t)
		}
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkDecodeText decodes the 2,000 files of BenchmarkLoadText
// (16 MB): the binary sniff, the UTF-8 check and the copy into a string.
func BenchmarkDecodeText(b *testing.B) {
	var files [][]byte
	size := 0
	for _, f := range textTree(b, 2000) {
		files = append(files, f.Data)
		size += len(f.Data)
	}
	b.SetBytes(int64(size))
	start := cputime.Now()
	for b.Loop() {
		for _, f := range files {
			if _, kind, _ := decodeText(f); kind != "" {
				b.Fatal(kind)
			}
		}
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkDedupePassages finds the repeated passages of 125,000 documents
// of 8 passages of about 1 KB, as the 1-million-passage benchmark's corpus
// has (one in a thousand a copy of another document's): a step that runs
// on one core once the files are loaded.
func BenchmarkDedupePassages(b *testing.B) {
	const docs, per = 125_000, 8
	r := rand.New(rand.NewPCG(15, 4))
	pool := make([]byte, 8<<20)
	for i := range pool {
		pool[i] = "abcdefghijklmnopqrstuvwxyz     "[r.IntN(31)]
	}
	text := string(pool)
	orig := make([]Document, docs)
	for i := range orig {
		d := &orig[i]
		d.ID = fmt.Sprintf("doc%06d", i)
		d.Passages = make([]Passage, per)
		for j := range d.Passages {
			n := 900 + r.IntN(300)
			at := r.IntN(len(text) - n)
			if i > 0 && r.IntN(1000) == 0 {
				d.Passages[j] = orig[r.IntN(i)].Passages[j]
				d.Passages[j].AlsoIn = nil
				continue
			}
			d.Passages[j] = Passage{DocID: d.ID, Index: j, Text: text[at : at+n]}
		}
	}
	ds := make([]Document, docs)
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		copy(ds, orig)
		for i := range ds {
			for j := range ds[i].Passages {
				ds[i].Passages[j].AlsoIn = nil
			}
		}
		b.StartTimer()
		start := cputime.Now()
		dedupePassages(ds)
		cpu += cputime.Now() - start
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
}
