package retrieval

// Highlight returns the spans of item's Text that match the query's terms,
// in order, overlapping spans (CJK bigrams) merged. It returns nil for an
// item out of range or a query with no terms.
func (ix *Index) Highlight(item int, query string) []Span {
	if item < 0 || item >= len(ix.items) {
		return nil
	}
	q := ix.parseQuery(query, maxQueryBytes, maxQueryTerms)
	if len(q.terms) == 0 {
		return nil
	}
	want := make(map[string]bool, len(q.terms))
	for _, t := range q.terms {
		want[t.text] = true
	}
	b := ix.bufs.Get().(*analysisBuf)
	defer ix.bufs.Put(b)
	b.keepStops = false
	defer func() { b.keepStops = true }()

	var spans []Span
	for _, t := range ix.analyzers[ix.itemAn[item]].analyze(b, ix.items[item].Text) {
		if !want[string(t.term)] {
			continue
		}
		if n := len(spans); n > 0 && t.start <= spans[n-1].End {
			spans[n-1].End = max(spans[n-1].End, t.end)
			continue
		}
		spans = append(spans, Span{t.start, t.end})
	}
	return spans
}
