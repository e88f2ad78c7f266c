package admin

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"corpusbot/store"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// page is what the layout renders around a page's own content.
type page struct {
	Title  string
	Nav    string // the section shown, for aria-current
	Period period
	Path   string // the page's path, for the range selector's links
	// NoRange hides the range selector, on a page the range does not change.
	NoRange bool
	Data    any
}

// Presets lists the range links of the selector.
func (p page) Presets() []presetLink {
	var out []presetLink
	for _, d := range presets {
		q := url.Values{"days": {strconv.Itoa(d)}}
		out = append(out, presetLink{Text: fmt.Sprintf("%d days", d), URL: p.Path + "?" + q.Encode(), Current: !p.Period.All && p.Period.Days == d})
	}
	return append(out, presetLink{Text: "All", URL: p.Path + "?days=all", Current: p.Period.All})
}

type presetLink struct {
	Text, URL string
	Current   bool
}

// Link is href for another page with the same range.
func (p page) Link(to string) string { return to + "?" + p.Period.Query().Encode() }

var funcs = template.FuncMap{
	"num":     num,
	"pct":     pct,
	"dur":     dur,
	"day":     func(t time.Time) string { return dayOf(t) },
	"when":    when,
	"add":     func(a, b int) int { return a + b },
	"join":    strings.Join,
	"f":       func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"legendX": func(x float64) float64 { return x + 16 },
	"outcomeText": func(o string) string {
		return map[string]string{store.OutcomeAnswered: "answered", store.OutcomeAbstained: "not covered", store.OutcomeFailed: "failed"}[o]
	},
	"channelText": channelText,
	"langText":    langText,
}

func parseTemplates() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("admin: template %s: %w", n, err)
		}
		out[base] = t
	}
	return out, nil
}

// render writes a page, or a short error if it cannot be built. The page is
// built in memory first, so a template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	if p.Path == "" {
		p.Path = r.URL.Path
	}
	var buf bytes.Buffer
	if err := s.tmpl[name].Execute(&buf, p); err != nil {
		s.log.Error("dashboard: rendering a page failed", "page", name, "error", err)
		http.Error(w, "The page could not be built; the log says why.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail answers a read that failed: a short page, the detail in the log.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client left
	}
	s.log.Error("dashboard: reading the store failed", "path", r.URL.Path, "error", err)
	http.Error(w, "The dashboard could not read the database; the log says why.", http.StatusInternalServerError)
}

// Overview

type overviewView struct {
	O              store.Overview
	Days           []dayPoint
	QuestionsChart chart
	TokensChart    chart
	Langs          []share
	Channels       []share
}

type share struct {
	Name  string
	Count int
	Pct   string
}

func shares(cs []store.KindCount, total int, name func(string) string) []share {
	out := make([]share, len(cs))
	for i, c := range cs {
		out[i] = share{Name: name(c.Kind), Count: c.Count, Pct: pct(c.Count, total)}
	}
	return out
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	o, err := s.cfg.Source.Overview(r.Context(), p.Range())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	days := fillDays(o.Days, p)
	v := overviewView{
		O:    o,
		Days: days,
		QuestionsChart: barChart("questions-chart", "Questions per day", "questions", days, []series{
			{"answered", "s-ok", func(d dayPoint) int { return d.Answered }},
			{"not covered", "s-gap", func(d dayPoint) int { return d.Abstained }},
			{"failed", "s-fail", func(d dayPoint) int { return d.Failed }},
		}),
		TokensChart: barChart("tokens-chart", "Model tokens per day", "tokens", days, []series{
			{"tokens", "s-tok", func(d dayPoint) int { return d.Tokens }},
		}),
		Langs:    shares(o.Langs, o.Questions, langText),
		Channels: shares(o.Channels, o.Questions, channelText),
	}
	s.render(w, r, http.StatusOK, "overview", page{Title: "Overview", Nav: "overview", Period: p, Data: v})
}

// maxChartDays bounds the days drawn; a longer range shows its last days.
const maxChartDays = 400

// fillDays gives every day of p a point, zero when nothing happened, from
// the first day with data when p is every day.
func fillDays(ds []store.DayStats, p period) []dayPoint {
	by := map[string]store.DayStats{}
	for _, d := range ds {
		by[d.Day] = d
	}
	from, to := p.From, p.To
	if p.All {
		if len(ds) == 0 {
			return nil
		}
		from, _ = time.Parse(time.DateOnly, ds[0].Day)
		if last, err := time.Parse(time.DateOnly, ds[len(ds)-1].Day); err == nil && last.After(to) {
			to = last
		}
	}
	if n := int(to.Sub(from).Hours()/24) + 1; n > maxChartDays {
		from = to.AddDate(0, 0, 1-maxChartDays)
	}
	var out []dayPoint
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		st := by[d.Format(time.DateOnly)]
		out = append(out, dayPoint{Day: d, Questions: st.Questions, Answered: st.Answered, Abstained: st.Abstained,
			Failed: st.Failed, Tokens: st.Tokens, Up: st.Up, Down: st.Down})
	}
	return out
}

// Coverage gaps

// maxTopicsShown bounds the topics on the page; the CSV has them all.
const maxTopicsShown = 100

type gapsView struct {
	Topics    []Topic
	Hidden    int // topics past maxTopicsShown
	Questions int
	Capped    bool // maxGapQuestions reached
	CSV       string
}

// topics reads the gap questions of rng and groups them into topics.
func (s *Server) topics(r *http.Request, rng store.Range) ([]Topic, int, error) {
	return s.termer.Gaps(r.Context(), s.cfg.Source, rng)
}

func (s *Server) gaps(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	topics, n, err := s.topics(r, p.Range())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := gapsView{Topics: topics, Questions: n, Capped: n == GapLimit, CSV: "/gaps.csv?" + p.Query().Encode()}
	if len(topics) > maxTopicsShown {
		v.Topics, v.Hidden = topics[:maxTopicsShown], len(topics)-maxTopicsShown
	}
	s.render(w, r, http.StatusOK, "gaps", page{Title: "Coverage gaps", Nav: "gaps", Period: p, Data: v})
}

// Questions

const (
	defaultPer = 25
	maxPer     = 200
)

type questionsView struct {
	Rows     []store.QuestionRow
	Search   string
	Outcome  string
	Outcomes []string
	Page     int
	Pages    int
	Total    int
	First    int // 1-based number of the first row shown
	Prev     string
	Next     string
	CSV      string
	Hidden   url.Values // the range and page size, carried by the search form
}

// questionFilter reads the search, outcome, page and page size of r.
func questionFilter(r *http.Request, p period) (store.QuestionFilter, int, int) {
	q := r.URL.Query()
	f := store.QuestionFilter{Range: p.Range(), Search: strings.TrimSpace(q.Get("q"))}
	switch o := q.Get("outcome"); o {
	case store.OutcomeAnswered, store.OutcomeAbstained, store.OutcomeFailed:
		f.Outcome = o
	}
	per, _ := strconv.Atoi(q.Get("per"))
	if per < 1 {
		per = defaultPer
	}
	per = min(per, maxPer)
	pg, _ := strconv.Atoi(q.Get("page"))
	pg = max(pg, 1)
	f.Limit, f.Offset = per, (pg-1)*per
	return f, pg, per
}

func (s *Server) questions(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	f, pg, per := questionFilter(r, p)
	rows, total, err := s.cfg.Source.Questions(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	keep := p.Query()
	if f.Search != "" {
		keep.Set("q", f.Search)
	}
	if f.Outcome != "" {
		keep.Set("outcome", f.Outcome)
	}
	if per != defaultPer {
		keep.Set("per", strconv.Itoa(per))
	}
	pages := max((total+per-1)/per, 1)
	link := func(n int) string {
		q := url.Values{}
		for k, v := range keep {
			q[k] = v
		}
		q.Set("page", strconv.Itoa(n))
		return "/questions?" + q.Encode()
	}
	v := questionsView{Rows: rows, Search: f.Search, Outcome: f.Outcome, Page: pg, Pages: pages, Total: total, First: f.Offset + 1,
		Outcomes: []string{store.OutcomeAnswered, store.OutcomeAbstained, store.OutcomeFailed}, CSV: "/questions.csv?" + keep.Encode()}
	if pg > 1 {
		v.Prev = link(min(pg-1, pages))
	}
	if pg < pages {
		v.Next = link(pg + 1)
	}
	v.Hidden = p.Query()
	if per != defaultPer {
		v.Hidden.Set("per", strconv.Itoa(per))
	}
	s.render(w, r, http.StatusOK, "questions", page{Title: "Questions", Nav: "questions", Period: p, Data: v})
}

// One answer

type answerView struct {
	A        store.Answer
	Up, Down int
	Sources  []sourceView
}

type sourceView struct {
	store.SourceRef
	Text  string // the passage as the documents hold it now; "" if unknown
	Gone  bool   // the passage is no longer in the documents
	Lines string
}

func (s *Server) answerPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, ok, err := s.cfg.Source.Answer(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.render(w, r, http.StatusNotFound, "notfound", page{Title: "Not found", Nav: "questions", Period: s.periodOf(r), NoRange: true,
			Data: "No answer is stored under that ID: it may be older than the retention period."})
		return
	}
	up, down, err := s.cfg.Source.Votes(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := answerView{A: a, Up: up, Down: down}
	for _, src := range a.Sources {
		sv := sourceView{SourceRef: src}
		if src.LineStart > 0 {
			sv.Lines = fmt.Sprintf("lines %d–%d", src.LineStart, src.LineEnd)
			if src.LineEnd == src.LineStart {
				sv.Lines = fmt.Sprintf("line %d", src.LineStart)
			}
		}
		if s.cfg.Passages != nil {
			if p, d, ok := s.cfg.Passages.Passage(src.DocID, src.Passage); ok {
				sv.Text = p.Text
				if sv.Title == "" {
					sv.Title = d.Title
				}
			} else {
				sv.Gone = true
			}
		}
		v.Sources = append(v.Sources, sv)
	}
	s.render(w, r, http.StatusOK, "answer", page{Title: "Answer " + a.ID, Nav: "questions", Period: s.periodOf(r), NoRange: true, Data: v})
}

// Documents

type documentsView struct {
	Cited   []store.DocumentStats
	Never   []store.DocumentStats // loaded, present, not cited in the range
	Removed []store.DocumentStats // gone from the corpus, not cited in the range
	Loaded  int
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	docs, err := s.cfg.Source.Documents(r.Context(), p.Range())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var v documentsView
	for _, d := range docs {
		if d.Loaded && !d.Removed {
			v.Loaded++
		}
		switch {
		case d.Citations > 0:
			v.Cited = append(v.Cited, d)
		case d.Removed:
			v.Removed = append(v.Removed, d)
		default:
			v.Never = append(v.Never, d)
		}
	}
	s.render(w, r, http.StatusOK, "documents", page{Title: "Documents", Nav: "documents", Period: p, Data: v})
}

// Briefings

func (s *Server) briefings(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	b, err := s.cfg.Source.BriefingHistory(r.Context(), p.Range())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "briefings", page{Title: "Briefings", Nav: "briefings", Period: p, Data: b})
}

// Formatting

// num writes n with thousands separators: 12,345.
func num(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// pct writes n/total as a whole percentage, "–" when total is 0.
func pct(n, total int) string {
	if total == 0 {
		return "–"
	}
	return strconv.Itoa((n*100+total/2)/total) + "%"
}

// dur writes a latency: 850 ms, 1.2 s, "–" when unknown.
func dur(d time.Duration) string {
	switch {
	case d <= 0:
		return "–"
	case d < time.Second:
		return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
	case d < time.Minute:
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + " s"
	}
	return d.Round(time.Second).String()
}

func dayOf(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format(time.DateOnly)
}

// when writes a time to the minute, in UTC.
func when(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format("2006-01-02 15:04") + " UTC"
}

func channelText(k string) string {
	switch k {
	case store.ChannelDM:
		return "DM"
	case store.ChannelGuild:
		return "channel"
	case store.ChannelThread:
		return "thread"
	}
	return "unknown"
}

// langText names a language for the operator in English with its code,
// for every language the detector can report ("Ukrainian (uk)").
func langText(code string) string {
	if code == "" {
		return "unknown"
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.English.Languages().Name(tag); n != "" {
		return n + " (" + code + ")"
	}
	return code
}
