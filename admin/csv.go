package admin

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxCSVRows bounds a questions export: more than a year of a busy team.
const maxCSVRows = 200_000

func (s *Server) questionsCSV(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	f, _, _ := questionFilter(r, p)
	f.Offset, f.Limit = 0, maxCSVRows
	rows, _, err := s.cfg.Source.Questions(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cw := startCSV(w, "questions", p)
	_ = cw.Write([]string{"asked_at", "question", "outcome", "failure", "language", "channel_kind", "latency_ms",
		"unverified", "weak", "votes_up", "votes_down", "prompt_tokens", "completion_tokens", "sources", "answer", "answer_id"})
	for _, q := range rows {
		var docs []string
		for _, src := range q.Sources {
			docs = append(docs, src.DocID)
		}
		latency := ""
		if q.Latency > 0 {
			latency = strconv.FormatInt(q.Latency.Milliseconds(), 10)
		}
		_ = cw.Write(cells(q.At.UTC().Format(time.RFC3339), q.Question, q.Outcome, q.Failure, q.Lang, q.ChannelKind, latency,
			strconv.Itoa(q.Unverified), strconv.Itoa(q.Weak), strconv.Itoa(q.Up), strconv.Itoa(q.Down),
			strconv.Itoa(q.PromptTokens), strconv.Itoa(q.CompletionTokens), strings.Join(docs, " "), q.Answer, q.ID))
	}
	cw.Flush()
}

func (s *Server) gapsCSV(w http.ResponseWriter, r *http.Request) {
	p := s.periodOf(r)
	topics, _, err := s.topics(r, p.Range())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cw := startCSV(w, "gaps", p)
	_ = cw.Write([]string{"topic", "question", "asked", "abstained", "marked", "voted_down", "first_asked", "last_asked",
		"nearest_documents", "answer_id"})
	for _, t := range topics {
		for _, g := range t.Questions {
			_ = cw.Write(cells(strings.Join(t.Label, " "), g.Question, strconv.Itoa(g.Asked), strconv.Itoa(g.Abstained),
				strconv.Itoa(g.Marked), strconv.Itoa(g.VotedDown), g.First.UTC().Format(time.RFC3339),
				g.Last.UTC().Format(time.RFC3339), strings.Join(g.Nearest, " "), g.AnswerID))
		}
	}
	cw.Flush()
}

func startCSV(w http.ResponseWriter, name string, p period) *csv.Writer {
	from := "start"
	if !p.All {
		from = p.From.Format(time.DateOnly)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="corpusbot-%s-%s-to-%s.csv"`, name, from, p.To.Format(time.DateOnly)))
	return csv.NewWriter(w)
}

// cells defuses text a spreadsheet would run as a formula: questions are
// typed by anyone, and "=HYPERLINK(…)" in a cell is an attack on whoever
// opens the export.
func cells(vs ...string) []string {
	for i, v := range vs {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			vs[i] = "'" + v
		}
	}
	return vs
}
