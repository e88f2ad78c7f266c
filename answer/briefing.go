package answer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"corpusbot/corpus"
	"corpusbot/prompts"
	"corpusbot/text"
	"corpusbot/verify"
)

// maxBriefingPoints bounds the passages a briefing is written from, and
// so its points (one a passage without a model), whatever the prompt's
// budget: a briefing is read in a channel every day, and a large model's
// CONTEXT_TOKENS would otherwise make it a point for each of a hundred
// passages (tidb-cn, 32,000 tokens: 164 points, 22,741 characters).
// The bot shows a "Show passage" button for 20 sources.
const maxBriefingPoints = maxDocLeads

// Brief writes a team briefing on r.Topic, or on the whole corpus when the
// topic is "": then the best passages of every document, body text before
// asides, taken in turn so that each document is heard. Passages in
// r.Exclude are not used; when nothing else is left the error is
// ErrNothingNew. The model groups points by theme, one cited point per
// bullet; without a model (or with r.Fallback) each document gives one
// point, its lead sentence.
func (p *Pipeline) Brief(ctx context.Context, r BriefingRequest) (*Result, error) {
	topic := clean(r.Topic)
	if topic != "" {
		var err error
		if topic, err = p.checkQuestion(topic); err != nil {
			return nil, fmt.Errorf("brief: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	st := p.state.Load().asking()
	write, lang := replyLangs(r.Lang, topic)
	res := &Result{ID: newID(), Kind: KindBriefing, Question: topic}

	var items []int
	asked := topic // what was searched for
	if topic != "" {
		cands, queries, usage, err := p.retrieve(ctx, st, topic, nil, searchLang(topic, lang))
		if err != nil {
			return nil, fmt.Errorf("brief: %w", err)
		}
		res.Usage = usage
		asked = strings.Join(queries, " ")
		rel := st.relevantOnly(cands)
		if len(rel) == 0 {
			return st.abstain(res, lang, st.nearest(cands)), nil
		}
		for _, c := range rel {
			items = append(items, c.item)
		}
	} else {
		items = st.spread()
	}
	var fresh []int
	for _, it := range items {
		ps, d := st.passage(it)
		if !r.Exclude[Ref(d.ID, ps.Index)] {
			fresh = append(fresh, it)
		}
	}
	if len(fresh) == 0 {
		return nil, fmt.Errorf("brief: %w: all %d passages already covered", ErrNothingNew, len(items))
	}
	model := p.model != nil && !r.Fallback
	// Without a model each passage stays a block of its own: a point quotes
	// one passage, and only that one counts as covered.
	pk := newPacker(st, p.cfg.ContextTokens, maxBriefingPoints, model)
	for _, it := range fresh {
		if pk.full() {
			break
		}
		pk.add(it)
	}
	blocks := pk.blocks

	if !model {
		var picks []pick
		if topic != "" {
			// A point a document, but a topic few documents cover
			// still gets a few points.
			picks = readingOrder(st.bestSentences(blocks, topic, max(len(st.corpus.Docs), maxLeads), spreadOver(blocks, maxLeads, 1), nil), blocks)
		} else {
			picks = st.leadSentences(blocks, len(st.corpus.Docs), 1, leadWords, true)
		}
		if len(picks) == 0 {
			return nil, fmt.Errorf("brief: %w: no usable sentence in %d new passages", ErrNothingNew, len(fresh))
		}
		st.extractive(res, blocks, picks, "- ", asked, lang)
		res.Points = points(res.Text, res.Sources)
		res.Fallback = r.Fallback && p.model != nil
		return res, nil
	}

	system, err := p.prompts.System(prompts.SystemData{Task: prompts.TaskBriefing, Language: langName(write)})
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	user, err := p.prompts.Briefing(prompts.BriefingData{Topic: topic, Language: langName(write), Passages: st.promptPassages(blocks)})
	if err != nil {
		return nil, fmt.Errorf("brief: %w", err)
	}
	rd := verify.NewReader(givenBlocks{st, blocks}, st.index, asked)
	resp, err := p.generate(ctx, system, user, r.OnDelta, rd, true)
	res.Usage = addUsage(res.Usage, resp.Usage)
	// Bullets that cite nothing are not presented: every point is cited.
	resp.Content = dropUncitedBullets(resp.Content, len(blocks))
	if err != nil {
		_, err = p.finishCut(st, res, blocks, rd, resp, asked, lang, err, "brief")
	} else {
		_, err = p.finish(st, res, blocks, rd, resp, asked, lang)
	}
	if err != nil {
		return nil, err
	}
	if !res.Abstained {
		res.Points = points(res.Text, res.Sources)
		// The daily briefing's language is the server's (the bot
		// passes it as r.Lang), so it is checked as /briefing is.
		res.AnsweredIn = verify.OtherLanguage(res.Text, askedLanguage(topic, lang, Question{Lang: r.Lang}))
	}
	return res, nil
}

// spread orders the whole corpus for a briefing without a topic: the
// documents take turns, each giving its body passages in order (news puts
// what matters first), passages too short to say much (a title, captions)
// after the rest; asides come last, the same way.
func (st *state) spread() []int {
	const short = 25 // words
	ids := make([]string, len(st.corpus.Docs))
	for i, d := range st.corpus.Docs {
		ids[i] = d.ID
	}
	order := bySection(ids)
	var out []int
	for _, tier := range []func(corpus.Passage) bool{
		func(ps corpus.Passage) bool { return ps.Kind == corpus.Body && text.CountWords(ps.Text) >= short },
		func(ps corpus.Passage) bool { return ps.Kind == corpus.Body && text.CountWords(ps.Text) < short },
		func(ps corpus.Passage) bool { return ps.Kind != corpus.Body },
	} {
		queues := make([][]int, 0, len(order))
		for _, di := range order {
			var q []int
			for pi, ps := range st.corpus.Docs[di].Passages {
				if tier(ps) {
					q = append(q, st.first[di]+pi)
				}
			}
			queues = append(queues, q)
		}
		for round := 0; ; round++ {
			added := false
			for _, q := range queues {
				if round < len(q) {
					out = append(out, q[round])
					added = true
				}
			}
			if !added {
				break
			}
		}
	}
	return out
}

// bySection orders documents so that the sections of a tree take turns:
// the first document of each top folder (below the folder all share; the
// files beside those folders are one section, where the first of them
// stands), then the second of each, and so on; each folder's documents in
// the order given. A documentation tree is read in path order, and a briefing
// that fills up on "about/" and "api/" never hears from "guide/".
func bySection(ids []string) []int {
	prefix := ""
	if len(ids) > 0 {
		prefix = ids[0]
		for _, id := range ids[1:] {
			for !strings.HasPrefix(id, prefix) {
				prefix = prefix[:len(prefix)-1]
			}
		}
		prefix = prefix[:strings.LastIndexByte(prefix, '/')+1] // whole folders only
	}
	// One folder beside a few files (a repository's README beside its
	// docs/), with folders of its own, is sectioned inside: otherwise the
	// whole tree is one section, heard from its first folder in path
	// order (Business Central's Spanish docs: 13 of 14 points from
	// LocalFunctionality/Spain, none from its other five folders).
	for {
		folders, deeper := map[string]bool{}, false
		for _, id := range ids {
			if rest, ok := strings.CutPrefix(id, prefix); ok {
				if top, below, in := strings.Cut(rest, "/"); in {
					folders[top] = true
					deeper = deeper || strings.Contains(below, "/")
				}
			}
		}
		if len(folders) != 1 || !deeper {
			break
		}
		for f := range folders {
			prefix += f + "/"
		}
	}
	var sections [][]int
	at := map[string]int{}
	for i, id := range ids {
		// The files at the top are one section, not one each: a tree
		// of hundreds of pages beside its folders would otherwise be
		// heard from its first pages by name only.
		rest, under := strings.CutPrefix(id, prefix)
		top, _, inFolder := strings.Cut(rest, "/")
		if !inFolder || !under {
			top = ""
		}
		k, ok := at[top]
		if !ok {
			k = len(sections)
			at[top] = k
			sections = append(sections, nil)
		}
		sections[k] = append(sections[k], i)
	}
	out := make([]int, 0, len(ids))
	for round := 0; len(out) < len(ids); round++ {
		for _, sec := range sections {
			if round < len(sec) {
				out = append(out, sec[round])
			}
		}
	}
	return out
}

// isBullet reports whether a line is a list item, and returns its text.
func isBullet(line string) (string, bool) {
	t := strings.TrimSpace(line)
	for _, m := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	// "1. point"
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return strings.TrimSpace(t[i+2:]), true
	}
	return "", false
}

// dropUncitedBullets removes list items without a valid citation. An
// item's citation may be on the lines under it (wrappedCitation: a model
// wrapping its lines puts "[1] «…»." there): the item and those lines go
// or stay together.
func dropUncitedBullets(reply string, given int) string {
	lines := strings.Split(reply, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		j := i + 1
		if _, ok := isBullet(lines[i]); ok {
			for j < len(lines) && wrappedCitation(lines[j]) {
				if _, ok := isBullet(lines[j]); ok {
					break
				}
				j++
			}
			if !verify.ReplyCites(strings.Join(lines[i:j], "\n"), given) {
				i = j
				continue
			}
		}
		out = append(out, lines[i:j]...)
		i = j
	}
	return strings.Join(out, "\n")
}

// wrappedCitation reports whether a line opens with a citation ("[1]
// «…».", "  [^2]"): under a list item, the item's own, wrapped.
func wrappedCitation(line string) bool {
	t := strings.TrimLeft(line, " \t")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "["), "^")
	return len(t) < len(strings.TrimLeft(line, " \t")) && t != "" && t[0] >= '0' && t[0] <= '9'
}

// points lists the bullets of a briefing with the passage refs they
// cite, from its sources.
func points(text string, sources []Source) []Point {
	var out []Point
	for _, line := range strings.Split(text, "\n") {
		body, ok := isBullet(line)
		if !ok {
			continue
		}
		var refs []string
		seen := map[string]bool{}
		verify.ScanCitations(body, func(_, _ int, nums []int) {
			for _, n := range nums {
				if n < 1 || n > len(sources) {
					continue
				}
				s := sources[n-1]
				for i := s.Passage; i <= s.LastPassage; i++ {
					if r := Ref(s.DocID, i); !seen[r] {
						seen[r] = true
						refs = append(refs, r)
					}
				}
			}
		})
		if len(refs) == 0 {
			continue
		}
		out = append(out, Point{Key: pointKey(body), Text: body, Sources: refs})
	}
	return out
}

// pointKey hashes a point's words without its citations, so the key
// survives renumbering, spacing, case and punctuation changes.
func pointKey(text string) string {
	norm := strings.Join(words(verify.ParseCitations(verify.StripMark(text), 0).Text), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:8])
}
