package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"corpusbot/admin"
	"corpusbot/store"
)

// report prints the dashboard's overview and top coverage gaps:
// `corpusbot report [--since 7d] [--json]`, for cron jobs and e-mail.
func (e *env) report(ctx context.Context, args []string) error {
	fs, _ := e.newFlagSet("report") // --corpus is accepted, as by every command, and not needed
	since := fs.String("since", "7d", `how far back, in whole UTC days up to today: "7d", "30d", "24h" (today and yesterday), or "all"`)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	top := fs.Int("top", 10, "how many coverage gap topics to list")
	rest, err := e.parse(ctx, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("report takes no arguments, only flags (corpusbot report -h lists them)")
	}
	if *top < 0 {
		return usagef("--top %d: want 0 or more", *top)
	}
	now := time.Now().UTC()
	rng, label, err := sinceRange(*since, now)
	if err != nil {
		return err
	}
	if e.cfg.DatabaseURL.IsZero() {
		path := filepath.Join(e.cfg.DataDir, store.FileName)
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("no database at %s (DATA_DIR): the bot records questions there once it runs", path)
		}
	}
	st, err := store.Open(ctx, e.cfg.storeConfig(e.log, nil))
	if err != nil {
		return err
	}
	defer st.Close()
	o, err := st.Overview(ctx, rng)
	if err != nil {
		return err
	}
	tm, err := admin.NewTermer()
	if err != nil {
		return err
	}
	topics, _, err := tm.Gaps(ctx, st, rng)
	if err != nil {
		return err
	}
	if len(topics) > *top {
		topics = topics[:*top]
	}
	r := newReport(label, rng, o, topics)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return r.write(e.stdout)
}

// sinceRange turns --since into whole UTC days ending today.
func sinceRange(since string, now time.Time) (store.Range, string, error) {
	today := now.UTC().Truncate(24 * time.Hour)
	if since == "all" {
		return store.Range{To: today}, "all stored days", nil
	}
	days := 0
	if n, ok := strings.CutSuffix(since, "d"); ok {
		if v, err := strconv.Atoi(n); err == nil {
			days = v
		}
	} else if d, err := time.ParseDuration(since); err == nil && d > 0 {
		// "24h" reaches back into yesterday: both days count.
		days = int(now.Sub(now.Add(-d).Truncate(24*time.Hour)).Hours()/24) + 1
	}
	if days < 1 || days > 36500 {
		return store.Range{}, "", usagef(`--since %q: want a number of days such as "7d", hours such as "24h", or "all"`, since)
	}
	from := today.AddDate(0, 0, 1-days)
	return store.Range{From: from, To: today}, fmt.Sprintf("%s to %s (UTC)", from.Format(time.DateOnly), today.Format(time.DateOnly)), nil
}

// reportJSON is the report's JSON form; its field names are kept stable
// for scripts.
type reportJSON struct {
	Range     string         `json:"range"`
	From      string         `json:"from,omitempty"`
	To        string         `json:"to"`
	Questions int            `json:"questions"`
	Answered  int            `json:"answered"`
	Abstained int            `json:"abstained"`
	Failed    int            `json:"failed"`
	Marked    int            `json:"marked"`
	VotesUp   int            `json:"votes_up"`
	VotesDown int            `json:"votes_down"`
	P50ms     int64          `json:"latency_p50_ms"`
	P95ms     int64          `json:"latency_p95_ms"`
	Prompt    int            `json:"prompt_tokens"`
	Complete  int            `json:"completion_tokens"`
	Languages map[string]int `json:"languages"`
	Channels  map[string]int `json:"channels"`
	Gaps      []reportGap    `json:"gaps"`
}

type reportGap struct {
	Topic     []string `json:"topic"`
	Asked     int      `json:"asked"`
	Abstained int      `json:"abstained"`
	Marked    int      `json:"marked"`
	VotedDown int      `json:"voted_down"`
	First     string   `json:"first_asked"`
	Last      string   `json:"last_asked"`
	Nearest   []string `json:"nearest_documents"`
	Questions []string `json:"questions"`
}

func newReport(label string, rng store.Range, o store.Overview, topics []admin.Topic) reportJSON {
	r := reportJSON{
		Range: label, To: rng.To.Format(time.DateOnly),
		Questions: o.Questions, Answered: o.Answered, Abstained: o.Abstained, Failed: o.Failed, Marked: o.Marked,
		VotesUp: o.Up, VotesDown: o.Down, P50ms: o.P50.Milliseconds(), P95ms: o.P95.Milliseconds(),
		Prompt: o.PromptTokens, Complete: o.CompletionTokens,
		Languages: map[string]int{}, Channels: map[string]int{}, Gaps: []reportGap{},
	}
	if !rng.From.IsZero() {
		r.From = rng.From.Format(time.DateOnly)
	}
	for _, l := range o.Langs {
		r.Languages[cmp.Or(l.Kind, "unknown")] = l.Count
	}
	for _, c := range o.Channels {
		r.Channels[cmp.Or(c.Kind, "unknown")] = c.Count
	}
	for _, t := range topics {
		g := reportGap{Topic: t.Label, Asked: t.Asked, Abstained: t.Abstained, Marked: t.Marked, VotedDown: t.VotedDown,
			First: t.First.UTC().Format(time.RFC3339), Last: t.Last.UTC().Format(time.RFC3339), Nearest: t.Nearest}
		if g.Nearest == nil {
			g.Nearest = []string{}
		}
		for _, q := range t.Questions {
			g.Questions = append(g.Questions, q.Question)
		}
		r.Gaps = append(r.Gaps, g)
	}
	return r
}

func (r reportJSON) write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	share := func(n int) string {
		if r.Questions == 0 {
			return ""
		}
		return fmt.Sprintf(" (%d%%)", (n*100+r.Questions/2)/r.Questions)
	}
	fmt.Fprintf(tw, "corpusbot report, %s\n\n", r.Range)
	fmt.Fprintf(tw, "Questions\t%d\n", r.Questions)
	fmt.Fprintf(tw, "Answered\t%d%s\n", r.Answered, share(r.Answered))
	fmt.Fprintf(tw, "Not covered\t%d%s\n", r.Abstained, share(r.Abstained))
	fmt.Fprintf(tw, "Failed\t%d%s\n", r.Failed, share(r.Failed))
	fmt.Fprintf(tw, "Marked answers\t%d\n", r.Marked)
	fmt.Fprintf(tw, "Votes\t%d up, %d down\n", r.VotesUp, r.VotesDown)
	fmt.Fprintf(tw, "Latency\tp50 %s, p95 %s\n", msText(r.P50ms), msText(r.P95ms))
	fmt.Fprintf(tw, "Model tokens\t%d in, %d out\n", r.Prompt, r.Complete)
	fmt.Fprintf(tw, "Languages\t%s\n", countsText(r.Languages))
	fmt.Fprintf(tw, "Where asked\t%s\n", countsText(r.Channels))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if len(r.Gaps) == 0 {
		_, err := fmt.Fprintln(w, "No coverage gaps: every question was answered without marks or down votes.")
		return err
	}
	fmt.Fprintln(w, "Top coverage gaps (questions not covered, marked, or voted down):")
	for i, g := range r.Gaps {
		var why []string
		for _, p := range []struct {
			n    int
			text string
		}{{g.Abstained, "not covered"}, {g.Marked, "marked"}, {g.VotedDown, "voted down"}} {
			if p.n > 0 {
				why = append(why, fmt.Sprintf("%d %s", p.n, p.text))
			}
		}
		fmt.Fprintf(w, "%2d. %s: asked %d times (%s), last %s\n", i+1, strings.Join(g.Topic, ", "), g.Asked, strings.Join(why, ", "), g.Last[:10])
		if len(g.Nearest) > 0 {
			fmt.Fprintf(w, "    nearest documents: %s\n", strings.Join(g.Nearest, ", "))
		}
		for j, q := range g.Questions {
			if j == 3 {
				fmt.Fprintf(w, "    … and %d more\n", len(g.Questions)-3)
				break
			}
			fmt.Fprintf(w, "    - %s\n", oneLine(q, 160))
		}
	}
	return nil
}

func msText(ms int64) string {
	switch {
	case ms <= 0:
		return "–"
	case ms < 1000:
		return fmt.Sprintf("%d ms", ms)
	}
	return fmt.Sprintf("%.1f s", float64(ms)/1000)
}

func countsText(m map[string]int) string {
	if len(m) == 0 {
		return "–"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Most first, then by name, so the output is the same each run.
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
