package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/internal/cputime"
	"corpusbot/internal/gentext"
	"corpusbot/retrieval"
	"corpusbot/snapshot"
)

// The 1-million-passage figures of docs/benchmarks.md (issue 15, item 4):
//
//	go test -run '^$' -bench 'Snapshot1M' -benchtime 1x -timeout 2h .
//
// The corpus is generated once into $CORPUSBOT_BENCH_DIR (default: the
// system's temporary folder; CORPUSBOT_BENCH_FILES=N makes a smaller one to
// try it): 125,000 plain-text files of 8 paragraphs,
// each paragraph sentences drawn at random from the abstracts of BEIR
// SciFact (../shared/eval/ir/scifact), so the words, their frequencies and
// the stopwords are those of real scientific English. Each measurement
// runs in a fresh process (this test binary again), as a restart would,
// so that its resident memory is its own.

const (
	gen1MFiles      = 125_000
	gen1MParagraphs = 8 // one passage each: 100–180 words
	gen1MVersion    = "v1"
)

// corpus1M returns the generated corpus folder, making it when missing.
func corpus1M(tb testing.TB) string {
	tb.Helper()
	root := os.Getenv("CORPUSBOT_BENCH_DIR")
	if root == "" {
		root = os.TempDir()
	}
	files := gen1MFiles
	if n, err := strconv.Atoi(os.Getenv("CORPUSBOT_BENCH_FILES")); err == nil && n > 0 {
		files = n // a smaller corpus, to try the benchmark out
	}
	dir := filepath.Join(root, fmt.Sprintf("corpusbot-gen-%s-%d", gen1MVersion, files))
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return dir
	}
	src := sciFactSource(tb)
	os.RemoveAll(dir)
	r := rand.New(rand.NewPCG(15, 4))
	var sb strings.Builder
	for f := range files {
		sb.Reset()
		src.Document(&sb, r, f, gen1MParagraphs)
		p := filepath.Join(dir, fmt.Sprintf("%03d", f/1000), fmt.Sprintf("doc%06d.txt", f))
		if f%1000 == 0 {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				tb.Fatal(err)
			}
		}
		if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// sciFactSource reads SciFact's sentences and titles.
func sciFactSource(tb testing.TB) *gentext.Source {
	tb.Helper()
	dir := os.Getenv("CORPUSBOT_EVAL_DIR")
	if dir == "" {
		dir = filepath.Join("..", "shared", "eval", "ir")
	}
	dir = filepath.Join(dir, "scifact", "docs")
	src, err := gentext.ReadSciFact(dir)
	if err != nil {
		tb.Fatalf("SciFact not found at %s: %v (it is ../shared/eval/ir/scifact beside the repository; set CORPUSBOT_EVAL_DIR)", dir, err)
	}
	return src
}

// childReport is what a measuring process prints.
type childReport struct {
	Phases    map[string]float64 // seconds
	CPU       map[string]float64 // seconds of CPU (user+system), all threads
	Docs      int
	Passages  int
	Postings  int
	FilesRead int // by the key from the manifest
	Terms     int
	TextBytes int64 // the documents' text
	SnapBytes int64
	RSS       map[string]int64 // bytes, from /proc/self/status, by moment
	HeapLive  int64            // live heap after the last GC
	Mapped    bool
	QueryP50  float64 // seconds per question, Search k=8
	QueryP99  float64
	QueryCPU  float64 // seconds of CPU per question, the mean of the 1,000
}

// BenchmarkSnapshot1M measures a full build (load, index: ready to
// answer; then hash the files for the key, save the snapshot and map it:
// saved) and then a restart from the snapshot, each in a fresh process.
func BenchmarkSnapshot1M(b *testing.B) {
	dir := corpus1M(b)
	data := dir + "-data" // kept, so that restart can be run alone after a build
	if err := os.MkdirAll(data, 0o755); err != nil {
		b.Fatal(err)
	}
	// Every file read once, untimed, so that each run finds them in the
	// page cache, as a process restarted on a running machine does: this
	// machine's cache was found emptied between runs at times, and a first
	// read from the disk costs several times the rest of a build.
	if err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			_, err = os.ReadFile(p)
		}
		return err
	}); err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"build", "restart", "restart-phases"} {
		b.Run(mode, func(b *testing.B) {
			var rep childReport
			for b.Loop() {
				b.StopTimer()
				if mode == "build" {
					os.Remove(filepath.Join(data, snapshotFile))
				}
				b.StartTimer()
				rep = runChild(b, mode, dir, data)
			}
			for k, v := range rep.Phases {
				b.ReportMetric(v, k+"-s")
			}
			for k, v := range rep.CPU {
				b.ReportMetric(v, k+"-cpu-s")
			}
			for k, v := range rep.RSS {
				b.ReportMetric(float64(v)/float64(rep.TextBytes), "rss-"+k+"/text")
			}
			b.ReportMetric(float64(rep.FilesRead), "files-read")
			b.ReportMetric(float64(rep.Passages), "passages")
			b.ReportMetric(float64(rep.Postings), "postings")
			b.ReportMetric(float64(rep.Terms), "terms")
			b.ReportMetric(float64(rep.TextBytes)/1e6, "text-MB")
			b.ReportMetric(float64(rep.SnapBytes)/1e6, "snapshot-MB")
			b.ReportMetric(float64(rep.HeapLive)/float64(rep.TextBytes), "heap/text")
			b.ReportMetric(rep.QueryP50*1e6, "query-p50-µs")
			b.ReportMetric(rep.QueryP99*1e6, "query-p99-µs")
			b.ReportMetric(rep.QueryCPU*1e6, "query-cpu-µs")
			out, _ := json.Marshal(rep)
			b.Logf("%s: %s", mode, out)
		})
	}
}

func runChild(b *testing.B, mode, dir, data string) childReport {
	cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^BenchmarkSnapshotChild$", "-test.benchtime=1x")
	cmd.Env = append(os.Environ(), "CORPUSBOT_SNAPSHOT_CHILD="+mode, "CORPUSBOT_CHILD_CORPUS="+dir, "CORPUSBOT_CHILD_DATA="+data)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("child %s: %v\n%s", mode, err, out)
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if j, ok := strings.CutPrefix(line, "CHILD "); ok {
			var rep childReport
			if err := json.Unmarshal([]byte(j), &rep); err != nil {
				b.Fatal(err)
			}
			return rep
		}
	}
	b.Fatalf("child %s printed no report:\n%s", mode, out)
	return childReport{}
}

// BenchmarkSnapshotChild is one measuring process of BenchmarkSnapshot1M;
// alone it does nothing.
func BenchmarkSnapshotChild(b *testing.B) {
	mode := os.Getenv("CORPUSBOT_SNAPSHOT_CHILD")
	if mode == "" {
		b.Skip("run by BenchmarkSnapshot1M")
	}
	for b.Loop() {
		rep := measure(b, mode, os.Getenv("CORPUSBOT_CHILD_CORPUS"), os.Getenv("CORPUSBOT_CHILD_DATA"))
		j, _ := json.Marshal(rep)
		fmt.Printf("CHILD %s\n", j)
	}
}

func measure(b *testing.B, mode, dir, data string) childReport {
	ctx := context.Background()
	cfg, err := loadConfig(envMap(map[string]string{"DATA_DIR": data, "LOG_LEVEL": "warn"}))
	if err != nil {
		b.Fatal(err)
	}
	e := &env{cfg: cfg, log: newLogger(cfg, os.Stderr), stdout: os.Stdout, stderr: os.Stderr}
	rep := childReport{Phases: map[string]float64{}, CPU: map[string]float64{}, RSS: map[string]int64{}}
	var cpu time.Duration
	// Resident memory is sampled every 20 ms: the most of each phase is
	// reported as max-<phase> (VmRSS) and max-<phase>-anon (RssAnon), to
	// tell where the peak (VmHWM) was reached and of what it is made.
	peaks := sampleRSS(20 * time.Millisecond)
	defer peaks.stop()
	phase := func(name string, start time.Time) {
		rep.Phases[name] = time.Since(start).Seconds()
		now := cputime.Now()
		rep.CPU[name] = (now - cpu).Seconds()
		cpu = now
		rep.RSS["max-"+name], rep.RSS["max-"+name+"-anon"] = peaks.take()
	}
	all, cpuAll := time.Now(), cputime.Now()
	cpu = cpuAll

	// The key as loadIndexed makes it, but for a fixed program name, so
	// that a restart can be measured again after the test binary is rebuilt
	// (with the executable's hash every new build rebuilds once, as it
	// should). Hashing the executable is timed on its own.
	t := time.Now()
	if _, err := programHash(); err != nil {
		b.Fatal(err)
	}
	phase("program", t)
	path := filepath.Join(data, snapshotFile)
	kcfg := snapshot.KeyConfig{Program: []byte("BenchmarkSnapshot1M"), Corpus: corpus.Config{MaxFileBytes: cfg.MaxFileBytes}}
	var (
		c    *corpus.Corpus
		ix   *retrieval.Index
		info snapshot.Info
		p    *answer.Pipeline
	)
	switch mode {
	case "build":
		// As loadIndexed does with no snapshot: every file given to the
		// hasher as it is loaded, the index built, the pipeline answering
		// (ready); then, as the bot does in the background, the key made
		// (the texts the load kept hashed), the snapshot written, mapped
		// and swapped in for the heap copy (saved).
		// The texts are read into the snapshot's file (buildIndexed's
		// arena) unless CORPUSBOT_BENCH_NO_ARENA is set.
		t = time.Now()
		h := snapshot.NewLoadHasher(os.DirFS(dir), kcfg, nil) // the folder listed by the load
		var a *snapshot.Arena
		var texts func(int) []byte
		var err error
		if os.Getenv("CORPUSBOT_BENCH_NO_ARENA") == "" {
			if a, err = snapshot.NewArena(data); err != nil {
				b.Fatal(err)
			}
			texts = a.Alloc
		}
		c0, err := e.loadCorpusRead(ctx, dir, h, texts)
		if err != nil {
			b.Fatal(err)
		}
		a.Evict() // as loadIndex does
		phase("load", t)
		loaded := rss() // the loader's peak, apart from the index build's
		rep.RSS["loaded"], rep.RSS["loaded-peak"] = loaded["VmRSS"], loaded["VmHWM"]
		t = time.Now()
		stop := a.Trim(arenaTrim)
		ix0, err := answer.Index(retrieval.Config{}, c0)
		if err != nil {
			b.Fatal(err)
		}
		stop()
		phase("index", t)
		t = time.Now()
		if p, err = answer.NewIndexed(answer.Config{}, c0, ix0, nil); err != nil {
			b.Fatal(err)
		}
		phase("pipeline", t)
		rep.Phases["ready"] = time.Since(all).Seconds()
		rep.CPU["ready"] = (cputime.Now() - cpuAll).Seconds()
		built := rss()
		rep.RSS["built"], rep.RSS["built-peak"] = built["VmRSS"], built["VmHWM"]
		// As adopt does, but timing the key (the texts kept by the load
		// hashed), the write and the swap apart.
		t = time.Now()
		ps := &pendingSnapshot{path: path, h: h, c: c0, ix: ix0, arena: a}
		if err := ps.keyed(ctx); err != nil {
			b.Fatal(err)
		}
		rep.FilesRead = ps.man.Read()
		phase("key", t)
		t = time.Now()
		if c, ix, info, err = e.saveMapped(ctx, ps); err != nil {
			b.Fatal(err)
		}
		phase("write", t)
		t = time.Now()
		if err := p.ReloadIndexed(c, ix); err != nil {
			b.Fatal(err)
		}
		c0, ix0, ps = nil, nil, nil
		a.Evict()            // as adopt does: the heap copy's texts are not read now
		debug.FreeOSMemory() // as adopt does: the heap copy is garbage
		phase("remap", t)
	case "restart":
		// As loadIndexed does: the folder is hashed, with the previous
		// manifest sparing the files that did not change, while the
		// snapshot is checked and decoded, and it is used only if the key
		// is the snapshot's, which the build took from every file.
		t = time.Now()
		o := openSnapshot(path, func() (snapshot.Key, *snapshot.Manifest, error) {
			prev, err := snapshot.ReadManifest(path)
			if err != nil {
				return snapshot.Key{}, nil, err
			}
			return snapshot.ContentKey(ctx, os.DirFS(dir), kcfg, prev)
		})
		if err := cmp.Or(o.keyErr, o.err); err != nil {
			b.Fatal(err)
		}
		c, ix, info = o.c, o.ix, o.info
		rep.FilesRead = o.man.Read()
		phase("hash+open", t)
	default:
		// restart-phases: a restart one step after the other, to see what
		// each costs.
		t = time.Now()
		prev, err := snapshot.ReadManifest(path)
		if err != nil {
			b.Fatal(err)
		}
		phase("manifest", t)
		t = time.Now()
		key, man, err := snapshot.ContentKey(ctx, os.DirFS(dir), kcfg, prev)
		if err != nil {
			b.Fatal(err)
		}
		phase("hash", t)
		rep.FilesRead = man.Read()
		t = time.Now()
		if c, ix, info, err = snapshot.Open(path, key); err != nil {
			b.Fatal(err)
		}
		phase("open", t)
	}
	rep.RSS["open-snapshot"] = mappedRSS(path)
	runtime.GC()
	rep.RSS["opengc-snapshot"] = mappedRSS(path)
	if p == nil {
		t = time.Now()
		if p, err = answer.NewIndexed(answer.Config{}, c, ix, nil); err != nil {
			b.Fatal(err)
		}
		phase("pipeline", t)
		rep.Phases["ready"] = time.Since(all).Seconds()
		rep.CPU["ready"] = (cputime.Now() - cpuAll).Seconds()
	}
	rep.RSS["pipeline-snapshot"] = mappedRSS(path)
	rep.Phases["total"] = time.Since(all).Seconds()
	rep.CPU["total"] = (cputime.Now() - cpuAll).Seconds()
	runtime.GC()
	for k, v := range rss() {
		if k != "VmHWM" {
			rep.RSS["start-"+k] = v
		}
	}
	rep.RSS["start-snapshot"] = mappedRSS(path)
	rep.RSS["peak"] = rss()["VmHWM"]

	// Questions: 1,000 sentences of the corpus's own vocabulary, shuffled.
	sentences := sciFactSource(b).Sentences
	r := rand.New(rand.NewPCG(7, 7))
	var lat []float64
	qcpu := cputime.Now()
	for range 1000 {
		q := sentences[r.IntN(len(sentences))]
		if w := strings.Fields(q); len(w) > 12 {
			q = strings.Join(w[:12], " ")
		}
		t := time.Now()
		if _, err := p.Search(ctx, q, 8); err != nil && !errors.Is(err, answer.ErrNoSearchableWords) && !errors.Is(err, retrieval.ErrNoTerms) {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t).Seconds())
	}
	rep.QueryCPU = (cputime.Now() - qcpu).Seconds() / float64(len(lat))
	slices.Sort(lat)
	rep.QueryP50, rep.QueryP99 = lat[len(lat)/2], lat[len(lat)*99/100]
	runtime.GC()
	for k, v := range rss() {
		if k != "VmHWM" {
			rep.RSS["queries-"+k] = v
		}
	}
	rep.RSS["queries-snapshot"] = mappedRSS(path)
	if parts, err := ix.Parts(); err == nil {
		rep.Postings = len(parts.PostItem)
		rep.Terms = len(parts.TermID)
	}
	rep.Docs = len(c.Docs)
	for _, d := range c.Docs {
		rep.Passages += len(d.Passages)
		rep.TextBytes += int64(len(d.Text))
	}
	rep.SnapBytes, rep.Mapped = info.Bytes, info.Mapped
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	rep.HeapLive = int64(s[0].Value.Uint64())
	runtime.KeepAlive(p)
	return rep
}

// rssPeaks samples resident memory; take returns the most since the last
// take.
type rssPeaks struct {
	mu        sync.Mutex
	rss, anon int64
	done      chan struct{}
	wg        sync.WaitGroup
}

func sampleRSS(every time.Duration) *rssPeaks {
	p := &rssPeaks{done: make(chan struct{})}
	p.wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			m := rss()
			p.mu.Lock()
			p.rss, p.anon = max(p.rss, m["VmRSS"]), max(p.anon, m["RssAnon"])
			p.mu.Unlock()
			select {
			case <-p.done:
				return
			case <-t.C:
			}
		}
	})
	return p
}

func (p *rssPeaks) take() (int64, int64) {
	m := rss()
	p.mu.Lock()
	defer p.mu.Unlock()
	r, a := max(p.rss, m["VmRSS"]), max(p.anon, m["RssAnon"])
	p.rss, p.anon = 0, 0
	return r, a
}

func (p *rssPeaks) stop() {
	close(p.done)
	p.wg.Wait()
}

// rss reads the resident-memory lines of /proc/self/status, in bytes:
// VmRSS (all resident pages), RssAnon (heap, stacks), RssFile (pages of
// mapped files: the snapshot and the binary), VmHWM (the peak).
func rss() map[string]int64 {
	out := map[string]int64{}
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || (k != "VmRSS" && k != "RssAnon" && k != "RssFile" && k != "VmHWM") {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		out[k] = n << 10
	}
	return out
}

// mappedRSS is the resident part of the mapping of path (the snapshot),
// from /proc/self/smaps.
func mappedRSS(path string) int64 {
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return -1
	}
	var total int64
	in := false
	for line := range strings.SplitSeq(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			in = f[len(f)-1] == path
			continue
		}
		if in && len(f) == 3 && f[0] == "Rss:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			total += n << 10
		}
	}
	return total
}
