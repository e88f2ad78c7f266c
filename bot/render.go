package bot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"corpusbot/answer"
	"corpusbot/corpus"
	"corpusbot/i18n"
	"corpusbot/text"
	"corpusbot/verify"
)

// renderResult lays out an answer, summary or briefing as messages: the
// text formatted for Discord and split at paragraph or sentence ends, the
// sources list in the last message (or after it when it does not fit), and
// the buttons under the last one. header, when set, opens the first message.
func renderResult(res *answer.Result, header string) []reply {
	body := closeFence(Format(res.Text))
	if header != "" {
		body = header + "\n\n" + body
	}
	var notes []string
	if res.Abstained && len(res.Nearest) > 0 {
		var b strings.Builder
		b.WriteString("**" + escapeMarkdown(res.NearestHeading()) + "**")
		for _, n := range res.Nearest {
			fmt.Fprintf(&b, "\n- %s — %s", Neutralize(escapeMarkdown(text.OneLine(n.Title))), Neutralize(escapeMarkdown(n.DocID)))
		}
		notes = append(notes, b.String())
	}
	// Why each marked sentence is marked, and whether the answer is cut
	// short: small print under the answer, in its language. The sentences'
	// words come from the model, so they are escaped and neutralised.
	for _, n := range res.Notes() {
		notes = append(notes, "-# "+Neutralize(escapeMarkdown(text.OneLine(n))))
	}
	if n := res.ExtractiveNote(); n != "" {
		notes = append(notes, "-# "+n)
	}
	if len(notes) > 0 {
		body += "\n\n" + strings.Join(notes, "\n")
	}
	texts := layout(body, sourcesBlock(res.Sources, res.Lang))
	out := make([]reply, len(texts))
	for i, t := range texts {
		out[i] = reply{content: t}
	}
	if len(out) > 0 && res.ID != "" && validAnswerID(res.ID) {
		out[len(out)-1].components = answerButtons(res.ID, len(res.Sources), res.Lang)
	}
	return out
}

// closeFence closes a code block that text leaves open, as a model's
// answer cut short may: otherwise the notes and sources laid out after it
// would show as code.
func closeFence(text string) string {
	fs := parseFences(text)
	if len(fs) == 0 || fs[len(fs)-1].bodyEnd != len(text) {
		return text
	}
	return strings.TrimRightFunc(text, unicode.IsSpace) + "\n" + strings.Repeat("`", fs[len(fs)-1].ticks)
}

// sourcesBlock is the compact list
// "[1] Title › Heading — path/file.md (lines 12–30) <link>".
func sourcesBlock(sources []answer.Source, lang string) string {
	if len(sources) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("**" + i18n.Text(lang, i18n.Sources) + "**")
	for _, s := range sources {
		fmt.Fprintf(&b, "\n[%d] %s", s.N, sourceLine(s, lang))
	}
	return b.String()
}

// sourceLine says where a source is. Titles, headings and paths are the
// documents' text: escaped so that they show as written and can mention
// no one. The link, made by sourcelink from a percent-encoded path, is in
// <…> so that Discord shows no preview of it.
func sourceLine(s answer.Source, lang string) string {
	safe := func(t string, n int) string { return Neutralize(escapeMarkdown(text.Clip(text.OneLine(t), n))) }
	head := safe(s.Title, 100)
	for _, h := range s.Headings {
		head += " › " + safe(h, 60)
	}
	file := s.Path
	if file == "" {
		file = s.DocID
	}
	line := head + " — " + safe(file, 120)
	if span := answer.SpanIn(lang, s.Unit, s.LineStart, s.LineEnd, s.PageStart, s.PageEnd); span != "" {
		line += " (" + span + ")"
	}
	if s.URL != "" && !strings.ContainsAny(s.URL, "<> \n") {
		line += " <" + s.URL + ">"
	}
	return line
}

// layout splits body into messages and adds tail to the last one, or
// after it when it does not fit.
func layout(body, tail string) []string {
	parts := Split(body, MaxMessageLen)
	if tail == "" {
		return parts
	}
	if n := len(parts); n > 0 && runes(parts[n-1])+2+runes(tail) <= MaxMessageLen {
		parts[n-1] += "\n\n" + tail
		return parts
	}
	return append(parts, Split(tail, MaxMessageLen)...)
}

// answerButtons is "Show passage [n]" for each source (at most 20, five
// to a row) and a row of votes: five rows at most, as Discord allows.
func answerButtons(answerID string, sources int, lang string) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	var row []discordgo.MessageComponent
	for n := 1; n <= min(sources, maxButtonSources); n++ {
		row = append(row, discordgo.Button{
			Label:    i18n.Text(lang, i18n.ShowPassage, n),
			Style:    discordgo.SecondaryButton,
			CustomID: passageCustomID(answerID, n),
		})
		if len(row) == 5 {
			rows = append(rows, discordgo.ActionsRow{Components: row})
			row = nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: row})
	}
	rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: i18n.Text(lang, i18n.Helpful), Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"}, CustomID: voteCustomID(answerID, 1)},
		discordgo.Button{Label: i18n.Text(lang, i18n.NotHelpful), Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"}, CustomID: voteCustomID(answerID, -1)},
	}})
	return rows
}

// partialReply shows text still streaming: formatted, cut to one message.
func partialReply(raw string) reply {
	t := Format(strings.TrimSpace(raw))
	if runes(t) > MaxMessageLen-2 {
		t = text.Clip(t, MaxMessageLen-2)
	}
	return reply{content: t + " ▌"}
}

// Search results: the passages as an embed, one field each.
const (
	searchSnippetRunes = 600
	embedTitleRunes    = 256
	fieldNameRunes     = 256
	fieldValueRunes    = 1024
	embedTotalRunes    = 6000
)

func renderSearch(query string, matches []answer.Match, lang string) reply {
	if len(matches) == 0 {
		return reply{content: i18n.Text(lang, i18n.NoMatch, Neutralize(escapeMarkdown(text.Clip(text.OneLine(query), 200))))}
	}
	e := &discordgo.MessageEmbed{
		Title:       text.Clip(i18n.Text(lang, i18n.SearchTitle, Neutralize(escapeMarkdown(text.OneLine(query)))), embedTitleRunes),
		Description: i18n.Text(lang, i18n.SearchHelp),
	}
	total := runes(e.Title) + runes(e.Description)
	for _, m := range matches {
		mark := ""
		if m.Relevant {
			mark = " ✓"
		}
		f := &discordgo.MessageEmbedField{
			Name:  text.Clip(fmt.Sprintf("%d. %s — %s #%d · %.2f%s", m.Rank, text.OneLine(headingPath(m.Title, m.Passage.Headings)), m.DocID, m.Passage.Index, m.Score, mark), fieldNameRunes),
			Value: snippet(m, searchSnippetRunes, lang),
		}
		// Discord refuses embeds over 6000 characters in all.
		if total += runes(f.Name) + runes(f.Value); total > embedTotalRunes || len(e.Fields) == 25 {
			break
		}
		e.Fields = append(e.Fields, f)
	}
	return reply{embeds: []*discordgo.MessageEmbed{e}}
}

// snippet is the start of a passage with the query's terms in bold, then
// where it is, linked when SOURCE_URL is set; at most fieldValueRunes.
func snippet(m answer.Match, n int, lang string) string {
	p := m.Passage
	body := p.Text
	cut := len(body)
	if utf8.RuneCountInString(body) > n {
		cut = len(text.Clip(body, n)) - len("…")
	}
	var b strings.Builder
	last := 0
	for _, s := range m.Highlights {
		if s.Start < last || s.End > cut || s.Start >= s.End {
			continue
		}
		b.WriteString(escapeMarkdown(body[last:s.Start]))
		b.WriteString("**" + escapeMarkdown(body[s.Start:s.End]) + "**")
		last = s.End
	}
	b.WriteString(escapeMarkdown(body[last:cut]))
	if cut < len(body) {
		b.WriteString("…")
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	where := answer.SpanIn(lang, m.Unit, p.LineStart, p.LineEnd, p.PageStart, p.PageEnd)
	if m.Path != "" {
		where = escapeMarkdown(text.OneLine(text.Clip(m.Path, 120))) + " · " + where
	}
	if m.URL != "" && !strings.ContainsAny(m.URL, "<>() \n") {
		where = "[" + where + "](<" + m.URL + ">)" // an embed shows no preview of it
	}
	tail := "\n*" + where + "*"
	return text.Clip(out, fieldValueRunes-runes(tail)) + tail
}

// headingPath is "Title › Section › Subsection".
func headingPath(title string, headings []string) string {
	return strings.Join(append([]string{title}, headings...), " › ")
}

// renderDocuments lists the corpus for /sources.
func renderDocuments(docs []corpus.Document, lang string) []reply {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", i18n.Count(lang, i18n.Documents, len(docs)))
	for _, d := range docs {
		fmt.Fprintf(&b, "\n- **%s** — %s · %s · %s, %s",
			Neutralize(escapeMarkdown(text.OneLine(d.Title))), inlineCode(d.ID), d.Lang,
			i18n.Count(lang, i18n.Words, d.Words()), i18n.Count(lang, i18n.Passages, len(d.Passages)))
	}
	texts := Split(b.String(), MaxMessageLen)
	out := make([]reply, len(texts))
	for i, t := range texts {
		out[i] = reply{content: t, ephemeral: true}
	}
	return out
}

// Discord allows 4096 characters in an embed's description, 6000 in all
// the embeds of a message and ten embeds; a passage is cut into chunks
// that stay under these once escaped and emphasised.
const (
	passageChunkRunes = 3500
	messageEmbedRunes = 5800
	maxEmbeds         = 10
)

// renderBlock shows citation [n]: every passage of the cited block with its
// lines or pages, the verified quote the answer relied on in bold, in as
// many ephemeral messages as it needs (pages).
func renderBlock(n int, d corpus.Document, ps []corpus.Passage, quote, lang string) []reply {
	block, offs := blockText(d, ps)
	qs, qe := -1, -1
	if s, e, ok := verify.QuoteSpan(block, quote); ok && quote != "" {
		qs, qe = s, e
	}
	var embeds []*discordgo.MessageEmbed
	for pi, p := range ps {
		where := answer.SpanIn(lang, d.Unit(), p.LineStart, p.LineEnd, p.PageStart, p.PageEnd)
		title := i18n.Text(lang, i18n.PassageTitle, p.Index)
		if where != "" {
			title += " · " + where
		}
		if p.Kind == corpus.Aside {
			title += " · " + i18n.Text(lang, i18n.AsideNote)
		}
		chunks := chunkText(p.Text, passageChunkRunes)
		for i, c := range chunks {
			t := title
			if len(chunks) > 1 {
				t += fmt.Sprintf(" (%d/%d)", i+1, len(chunks))
			}
			start := offs[pi] + c.start
			embeds = append(embeds, &discordgo.MessageEmbed{
				Title:       text.Clip(t, embedTitleRunes),
				Description: text.Clip(emphasise(p.Text[c.start:c.end], qs-start, qe-start), 4096),
			})
		}
	}
	head := fmt.Sprintf("**[%d] %s** — %s", n, Neutralize(escapeMarkdown(text.OneLine(d.Title))), inlineCode(d.ID))
	if len(ps) > 0 {
		span := answer.SpanIn(lang, d.Unit(), ps[0].LineStart, ps[len(ps)-1].LineEnd, ps[0].PageStart, ps[len(ps)-1].PageEnd)
		if span != "" {
			head += ", " + span
		}
	}
	switch {
	case qs >= 0:
		head += "\n" + i18n.Text(lang, i18n.QuoteBold)
	case quote != "":
		head += "\n" + i18n.Text(lang, i18n.QuoteChanged)
	default:
		head += "\n" + i18n.Text(lang, i18n.QuoteNone)
	}
	var pages [][]*discordgo.MessageEmbed
	size := 0
	for _, e := range embeds {
		r := runes(e.Title) + runes(e.Description)
		if len(pages) == 0 || size+r > messageEmbedRunes || len(pages[len(pages)-1]) == maxEmbeds {
			pages = append(pages, nil)
			size = 0
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], e)
		size += r
	}
	out := make([]reply, len(pages))
	for i, pg := range pages {
		content := head
		if len(pages) > 1 {
			page := i18n.Text(lang, i18n.PageOf, i+1, len(pages))
			content = head + "\n-# " + page
			if i > 0 {
				content = fmt.Sprintf("**[%d]** -# %s", n, page)
			}
		}
		out[i] = reply{content: text.Clip(content, MaxMessageLen), embeds: pg, ephemeral: true}
	}
	if len(out) == 0 {
		out = []reply{{content: text.Clip(head, MaxMessageLen), ephemeral: true}}
	}
	return out
}

// blockText is the text of a block of adjacent passages as the document
// has it, gaps included, and where each passage starts in it; passages
// whose document text is not at hand are joined by blank lines.
func blockText(d corpus.Document, ps []corpus.Passage) (string, []int) {
	offs := make([]int, len(ps))
	if len(ps) == 0 {
		return "", offs
	}
	first, last := ps[0].Start, ps[len(ps)-1].End
	whole := first <= last && last <= len(d.Text)
	for _, p := range ps {
		whole = whole && p.Start >= first && p.End <= last && d.Text[p.Start:p.End] == p.Text
	}
	if whole {
		for i, p := range ps {
			offs[i] = p.Start - first
		}
		return d.Text[first:last], offs
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		offs[i] = b.Len()
		b.WriteString(p.Text)
	}
	return b.String(), offs
}

// chunkText cuts s into byte ranges that take at most n runes once shown
// (see shownRunes), at a line break or space when there is one in the last
// quarter.
func chunkText(s string, n int) []span {
	var out []span
	for start := 0; start < len(s); {
		end, count := start, 0
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if count+shownRunes(r) > n && end > start {
				break
			}
			end += size
			count += shownRunes(r)
		}
		if end < len(s) {
			if i := strings.LastIndexAny(s[start:end], "\n "); i > 0 && start+i > start+(end-start)*3/4 {
				end = start + i + 1
			}
		}
		out = append(out, span{start, end})
		start = end
	}
	return out
}

// shownRunes is how many runes r takes in an embed once escaped and
// neutralised: two for a character escapeMarkdown escapes, two for "@"
// (Neutralize may follow it with a zero-width space), else one. A passage
// of code or a table is full of them: counted as one, a chunk of it
// outgrew the embed and was cut.
func shownRunes(r rune) int {
	if r == '@' || r < utf8.RuneSelf && strings.ContainsRune("\\*_`~|>[]<", r) {
		return 2
	}
	return 1
}

// emphasise escapes text for Discord and puts the bytes [qs, qe) of it, as
// far as they fall inside, in bold.
func emphasise(text string, qs, qe int) string {
	qs, qe = max(qs, 0), min(qe, len(text))
	if qs >= qe {
		return Neutralize(escapeMarkdown(text))
	}
	return Neutralize(escapeMarkdown(text[:qs]) + "**" + escapeMarkdown(text[qs:qe]) + "**" + escapeMarkdown(text[qe:]))
}

// docChoices answers /summary's autocomplete: documents whose ID or title
// contains value, case-insensitively, at most 25; all (the first 25) for
// an empty value.
func docChoices(docs []corpus.Document, value string) []*discordgo.ApplicationCommandOptionChoice {
	v := strings.ToLower(strings.TrimSpace(value))
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, d := range docs {
		if len(out) == 25 {
			break
		}
		if v != "" && !strings.Contains(strings.ToLower(d.ID), v) && !strings.Contains(strings.ToLower(d.Title), v) {
			continue
		}
		if len(d.ID) > 100 {
			continue // a value Discord cannot carry
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{
			Name:  text.Clip(text.OneLine(d.Title)+" — "+d.ID, 100),
			Value: d.ID,
		})
	}
	return out
}

// inlineCode shows a document ID (a file's path) as code. A backtick in it
// would end the code span and let the rest be read as Markdown or a
// mention, so it becomes a look-alike.
func inlineCode(s string) string {
	return "`" + strings.ReplaceAll(text.OneLine(s), "`", "ˋ") + "`"
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "~", `\~`, "|", `\|`, ">", `\>`,
	"[", `\[`, "]", `\]`, "<", `\<`)

// escapeMarkdown makes corpus text show as written inside bold or lists:
// no emphasis, code, quote, masked link ("[text](url)") or Discord tag
// ("<#channel>", "<t:…>") can come from a document's title or path.
func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

func runes(s string) int { return utf8.RuneCountInString(s) }
