// Package ireval scores ranked retrieval runs against relevance judgements
// the way trec_eval does (as ../shared/eval/ir/ndcg.py documents): nDCG@k
// with linear gain and a 1/log2(rank+1) discount, Recall@k and MRR@k,
// averaged over every judged query that has a relevant document, a query
// missing from the run counting 0.
package ireval
