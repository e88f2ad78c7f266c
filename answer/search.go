package answer

import (
	"context"
	"fmt"

	"corpusbot/retrieval"
)

// Search returns the k best passages for query as the index ranks them,
// without rewriting or budget: what /search and the CLI show. k ≤ 0 means
// Config.K. A query with nothing searchable in it is an error wrapping
// retrieval.ErrNoTerms.
func (p *Pipeline) Search(ctx context.Context, query string, k int) ([]Match, error) {
	if k <= 0 {
		k = p.cfg.K
	}
	query, err := p.checkQuestion(query)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	st := p.state.Load()
	hits, err := st.index.Search(query, k)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]Match, len(hits))
	for i, h := range hits {
		ps, d := st.passage(h.Item)
		ref := st.items[h.Item]
		loc := st.locate(ref.doc, ref.passage, ref.passage)
		out[i] = Match{
			Rank:       i + 1,
			DocID:      d.ID,
			Title:      d.Title,
			Path:       loc.Path,
			URL:        loc.URL,
			Unit:       loc.Unit,
			Passage:    *ps,
			Score:      h.Score,
			Relevant:   st.index.Relevant(h),
			Highlights: st.index.Highlight(h.Item, query),
		}
	}
	return out, nil
}

// SearchDocs ranks documents, each by its best passage, for TREC runs.
// DocHit.Doc is the document ID; k ≤ 0 means Config.K.
func (p *Pipeline) SearchDocs(ctx context.Context, query string, k int) ([]retrieval.DocHit, error) {
	if k <= 0 {
		k = p.cfg.K
	}
	query, err := p.checkQuestion(query)
	if err != nil {
		return nil, fmt.Errorf("search documents: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search documents: %w", err)
	}
	hits, err := p.state.Load().index.SearchDocs(query, k)
	if err != nil {
		return nil, fmt.Errorf("search documents: %w", err)
	}
	return hits, nil
}
