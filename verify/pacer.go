package verify

import "corpusbot/text"

// Pacer tells a caller streaming a reply when a Render can show more: a
// partial Render shows the sentences that are complete, and a sentence is
// complete once the next one opens, so a piece that opens no sentence
// renders what the last render did. Rendering the whole reply after every
// piece makes a reply's cost grow with the square of its length; a caller
// that renders only when Write reports true (and always at the end)
// renders about once a sentence, and shows what it would have shown.
//
// Write reports true at a piece where a word opens after a sentence's
// final mark (. ! ? and the like, with the closing quotes and citation
// markers after it) and white space, after a full-width mark (。！？) or
// after a line break: where text.Sentences may open a sentence. It leans
// to true: "e.g. this" and "3. Item" count, being cheaper to render than
// to tell apart. What it can miss is rare and only late, never wrong: a
// code block held until the reply cites its passage, a table's header row
// held until the line under it shows it is none, a line opening with its
// citation held until a bracket in it shows that no ending moves the
// citation (withLeadingCitationsMoved); those show at the next sentence or
// at the end.
//
// The zero Pacer is ready; one Pacer serves one reply.
type Pacer struct {
	ended  bool // a final mark, no word after it yet
	spaced bool // white space after the mark
	now    bool // a line break or full-width mark: the next word opens a sentence, spaced or not
	depth  int  // brackets opened after the mark: a citation marker ("[2]") belongs to its sentence
	code   bool // an inline code span opened after the mark
	// line is the first character of the line, when it may open a code
	// fence or a table row: the line break after such a line may end a
	// code block, or show whether a row heads a table.
	line rune
	mid  bool // the line has begun
	// br is how much of an HTML line break ("<br>", "<br/>", "<br />")
	// has come: 1 "<", 2 "<b", 3 "<br" and spaces or "/". It reads as a
	// line break (withoutHTMLFormatting), so the next word may open a
	// sentence, a mark before it or not.
	br int
}

// Write takes the next piece of the reply and reports whether it may open
// a sentence.
func (p *Pacer) Write(piece string) bool {
	opens := false
	for _, r := range piece {
		switch br := p.br; {
		case r == '<':
			p.br = 1
		case br == 1 && (r == 'b' || r == 'B'), br == 2 && (r == 'r' || r == 'R'):
			p.br++
		case br == 3 && (r == ' ' || r == '/'):
		case br == 3 && r == '>':
			*p = Pacer{ended: true, spaced: true, now: true}
			continue
		default:
			p.br = 0
		}
		switch {
		case r == '\n' || r == '\u2029':
			opens = opens || p.line == '`' || p.line == '~' || p.line == '|'
			*p = Pacer{ended: true, spaced: true, now: true}
			continue
		case text.IsSpace(r):
			p.spaced = p.spaced || p.ended
			continue
		}
		if !p.mid {
			p.line, p.mid = r, true
		}
		switch {
		case !p.ended:
			if text.IsTerminal(r) {
				p.ended, p.now = true, fullWidth(r)
			}
		case p.code:
			// Code after the mark and a space opens a sentence once
			// it closes: open, it is held back. Its closing backticks
			// too, while they may grow, so the mark stands till the
			// next word.
			if r == '`' {
				opens = opens || p.now || p.spaced
				p.code = false
			}
		case p.depth > 0:
			if isCloseBracket(r) || isCloseParen(r) || r == '>' {
				p.depth--
			} else if isOpenAny(r) || r == '<' {
				p.depth++
			}
		case r == '`':
			p.code = true
		case isOpenAny(r):
			p.depth++
		case r == '<':
			// A tag ends the reply where it stands ("<|im_end|>",
			// "</think>"), spaced or not; left out, the mark stands.
			opens = true
			p.depth++
		case text.IsTerminal(r):
			p.now = p.now || fullWidth(r)
		case text.IsCloser(r):
		default: // a word's first character
			opens = opens || p.now || p.spaced
			p.reset()
		}
	}
	return opens
}

// reset forgets the mark: a word follows it.
func (p *Pacer) reset() { *p = Pacer{line: p.line, mid: p.mid, br: p.br} }

// fullWidth reports the marks that end a sentence with nothing after them,
// as text.Sentences has them.
func fullWidth(r rune) bool {
	switch r {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}
