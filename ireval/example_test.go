package ireval_test

import (
	"fmt"
	"strings"

	"corpusbot/ireval"
)

func Example() {
	qrels, _ := ireval.ReadQrels(strings.NewReader("q1\td1\t1\nq1\td2\t1\nq2\td3\t1\n"))
	run, _ := ireval.ReadRun(strings.NewReader(
		"q1 Q0 d1 1 3.2 bm25\nq1 Q0 d9 2 2.1 bm25\nq1 Q0 d2 3 1.0 bm25\nq2 Q0 d3 1 5.0 bm25\n"))
	fmt.Printf("nDCG@10 %.4f\n", ireval.NDCG(qrels, run, 10))
	fmt.Printf("Recall@100 %.4f\n", ireval.Recall(qrels, run, 100))
	fmt.Printf("MRR@10 %.4f\n", ireval.MRR(qrels, run, 10))
	// Output:
	// nDCG@10 0.9599
	// Recall@100 1.0000
	// MRR@10 1.0000
}
