package answer

import (
	"fmt"

	"corpusbot/i18n"
	"corpusbot/text"
)

// say returns message k of the catalogue in lang, English when the
// catalogue lacks lang.
func say(lang string, k i18n.Key, args ...any) string { return i18n.Text(lang, k, args...) }

func notCoveredText(lang string) string { return say(lang, i18n.NotCovered) }

// NearestHeading titles the list of nearest documents of an abstention, in
// the result's language.
func (r *Result) NearestHeading() string { return say(r.Lang, i18n.Nearest) }

// Notes are the lines to show below the result, in its language: why each
// marked sentence is marked (opening with its mark and its first words),
// whether the answer was cut short, whether the model answered in another
// language than the question's, whether a failed briefing was written
// without the model, and whether a document's summary drew on part of it.
func (r *Result) Notes() []string {
	var out []string
	marked := false
	for _, c := range r.Claims {
		if !c.Marked() {
			continue
		}
		if !marked {
			out = append(out, say(r.Lang, i18n.CheckSentences))
			marked = true
		}
		quoted := say(r.Lang, i18n.Quoted, text.Clip(text.OneLine(c.Text), 61))
		out = append(out, fmt.Sprintf("%s %s — %s", c.MarkText(), quoted, c.Why(r.Lang)))
	}
	switch r.Cut {
	case CutLength:
		out = append(out, say(r.Lang, i18n.CutLength))
	case CutStream, CutFilter:
		out = append(out, say(r.Lang, i18n.CutStream))
	}
	if r.AnsweredIn != "" {
		// A summary or a briefing answers no question: the note says so
		// in words that fit it.
		key := i18n.AnsweredOther
		if r.Kind == KindSummary || r.Kind == KindBriefing {
			key = i18n.WroteOther
		}
		out = append(out, say(r.Lang, key, i18n.LanguageNames(r.Lang, []string{r.AnsweredIn})))
	}
	if r.Fallback {
		out = append(out, say(r.Lang, i18n.FallbackNote))
	}
	if r.SummarisedOf > 0 && !r.Abstained {
		out = append(out, say(r.Lang, i18n.SummarisedPart, i18n.Count(r.Lang, i18n.Passages, r.SummarisedFrom), r.SummarisedOf))
	}
	return out
}

// ExtractiveNote says, in the result's language, that no model wrote it:
// the sentences are the corpus' own. "" for a model's result or an
// abstention.
func (r *Result) ExtractiveNote() string {
	if !r.Extractive || r.Abstained || r.Fallback {
		return ""
	}
	return say(r.Lang, i18n.ExtractiveNote)
}
