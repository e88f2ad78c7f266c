package answer

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A Thai question on Thai prose is answered with its sentence, without a
// model. Before, a Thai run between spaces was one word: a sentence of
// fewer than four runs ("ตัวตัดคำเริ่มต้นคือ newmm") never passed
// extractive's four-word gate, and the question's own question words
// (คือ, อะไร) were focus words no answer holds. Made-up pages in the form
// of adversarial round six's (docs/benchmarks.md).
func TestThaiQuestionOnThaiProse(t *testing.T) {
	fsys := fstest.MapFS{
		"tokenize.md": {Data: []byte("# การตัดคำ\n\nตัวตัดคำเริ่มต้นคือ newmm\n\nตัวตัดคำแบบพจนานุกรมทำงานเร็วกว่าตัวตัดคำแบบโครงข่ายประสาท\n")},
		"model.md":    {Data: []byte("# โมเดล\n\nโมเดลจำแนกข้อความมีความแม่นยำร้อยละเก้าสิบสอง\n\nการฝึกโมเดลใช้เวลาสามชั่วโมงบนการ์ดจอหนึ่งใบ\n")},
	}
	c := loadFS(t, fsys)
	p := newPipeline(t, c, nil)
	tests := []struct{ question, want string }{
		{"ตัวตัดคำเริ่มต้นคืออะไร", "ตัวตัดคำเริ่มต้นคือ newmm"},
		{"ความแม่นยำของโมเดลจำแนกข้อความเท่าไร", "ความแม่นยำร้อยละเก้าสิบสอง"},
		{"ตัวตัดคำรองรับภาษาลาวหรือไม่", ""}, // the pages do not say: abstain
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			res, err := p.Ask(context.Background(), Question{Text: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if !res.Abstained {
					t.Fatalf("Ask(%q) = %q, want an abstention", tt.question, res.Text)
				}
				return
			}
			if res.Abstained || !strings.Contains(res.Text, tt.want) {
				t.Fatalf("Ask(%q) = %q (abstained %v), want the sentence holding %q", tt.question, res.Text, res.Abstained, tt.want)
			}
		})
	}
}
