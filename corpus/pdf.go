package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// parsePDF reduces a PDF to paragraphs, page by page, each passage located
// by its pages. Lines are rebuilt from the positions of the glyphs: a gap
// wider than a fifth of the font size is a space, a line gap much wider than
// the page's usual one ends a paragraph. A PDF that needs a password is
// skipped as encrypted; one without a text layer as scanned.
//
// github.com/ledongthuc/pdf is pure Go (rsc's reader, kept up): go run
// needs nothing else.
func parsePDF(b []byte) (s structured, kind SkipKind, reason string) {
	defer func() {
		if x := recover(); x != nil {
			s, kind, reason = structured{}, SkipMalformed, fmt.Sprintf("malformed PDF: %v", x)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return s, SkipEncrypted, "encrypted PDF: it needs a password"
		}
		return s, SkipMalformed, "malformed PDF: " + err.Error()
	}
	var lb lineBlocks
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		for _, para := range pdfParagraphs(p.Content().Text) {
			var bb blockBuilder
			bb.mark(0, i)
			text := strings.Join(para, "\n")
			text = strings.ReplaceAll(text, "-\n", "") // a word hyphenated at a line end
			bb.write(text)
			lb.emit(bb.take(blockPara), 0)
		}
	}
	if len(lb.out) == 0 {
		return s, SkipScanned, "no text layer: a scanned PDF, or only pictures"
	}
	s.blocks = lb.out
	return s, "", ""
}

// pdfParagraphs rebuilds the lines of a page from its glyphs and groups
// them into paragraphs.
func pdfParagraphs(glyphs []pdf.Text) [][]string {
	if len(glyphs) == 0 {
		return nil
	}
	type line struct {
		y    float64
		size float64
		gs   []pdf.Text
	}
	var lines []*line
	byY := map[int]*line{}
	for _, g := range glyphs {
		if g.S == "" {
			continue
		}
		k := int(math.Round(g.Y))
		l := byY[k]
		if l == nil {
			l = &line{y: g.Y, size: g.FontSize}
			byY[k] = l
			lines = append(lines, l)
		}
		l.gs = append(l.gs, g)
		l.size = math.Max(l.size, g.FontSize)
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	texts := make([]string, len(lines))
	for i, l := range lines {
		sort.SliceStable(l.gs, func(a, b int) bool { return l.gs[a].X < l.gs[b].X })
		var sb strings.Builder
		end := math.Inf(-1)
		for _, g := range l.gs {
			if sb.Len() > 0 && g.X-end > 0.2*math.Max(g.FontSize, 1) && !strings.HasSuffix(sb.String(), " ") && !strings.HasPrefix(g.S, " ") {
				sb.WriteByte(' ')
			}
			sb.WriteString(g.S)
			end = g.X + g.W
		}
		texts[i] = strings.TrimSpace(sb.String())
	}
	// The usual gap between lines: the median.
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		gaps = append(gaps, lines[i-1].y-lines[i].y)
	}
	sort.Float64s(gaps)
	usual := 0.0
	if len(gaps) > 0 {
		usual = gaps[len(gaps)/2]
	}
	var paras [][]string
	var cur []string
	for i, t := range texts {
		if i > 0 && usual > 0 && lines[i-1].y-lines[i].y > 1.5*usual {
			if len(cur) > 0 {
				paras = append(paras, cur)
			}
			cur = nil
		}
		if t != "" {
			cur = append(cur, t)
		}
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}
