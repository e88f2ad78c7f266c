package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"corpusbot/internal/openaitest"
)

func TestTableWriter(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		columns int
		want    string
	}{
		{
			name: "a table between paragraphs, marks and citations kept",
			in:   "Two plans [1].\n\n| Plan | Price |\n|---|--:|\n| Basic | 5 € [1] |\n⚠¹ | Pro | 120 € [2] |\n\nThat is all.",
			want: "Two plans [1].\n\nPlan   |     Price\n-------+----------\nBasic  |   5 € [1]\n⚠¹ Pro | 120 € [2]\n\nThat is all.",
		},
		{
			name: "wide characters take two columns",
			in:   "| 名称 | x |\n|:-:|---|\n| 支付宝 | 1 |\n| ab | 2 |",
			want: " 名称  | x\n-------+--\n支付宝 | 1\n  ab   | 2",
		},
		{
			name:    "wider than the terminal: a row a line",
			in:      "| Name | Description |\n|---|---|\n| helm | The package manager for Kubernetes [1] |\n| kubectl | |\n",
			columns: 30,
			want:    "- Name: helm — Description: The package manager for Kubernetes [1]\n- Name: kubectl\n",
		},
		{
			name: "pipes in a code block are code",
			in:   "Run [1]:\n```\n| a | b |\n|---|---|\n```\n",
			want: "Run [1]:\n```\n| a | b |\n|---|---|\n```\n",
		},
		{
			name: "a header without a delimiter row is text",
			in:   "| a | b |\nnot a table\n",
			want: "| a | b |\nnot a table\n",
		},
		{
			name: "a line with a pipe inside is text",
			in:   "Use a || b [1].\n|---|\n",
			want: "Use a || b [1].\n|---|\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := writeTables(tt.in, tt.columns, len(tt.in)); got != tt.want {
				t.Errorf("whole:\ngot\n%s\nwant\n%s", got, tt.want)
			}
			for size := 1; size < len(tt.in); size++ {
				if got := writeTables(tt.in, tt.columns, size); got != tt.want {
					t.Fatalf("in pieces of %d bytes:\n%s\nwant\n%s", size, got, tt.want)
				}
			}
		})
	}
}

// writeTables writes s through a tableWriter in pieces of about size
// bytes, cut at rune boundaries, as a stream arrives.
func writeTables(s string, columns, size int) string {
	var b strings.Builder
	w := newTableWriter(&b, columns)
	for s != "" {
		n := min(size, len(s))
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		w.write(s[:n])
		s = s[n:]
	}
	w.flush()
	return b.String()
}

// FuzzTableWriter: however a text streams in, the terminal shows the
// same; text outside tables is written as it came.
func FuzzTableWriter(f *testing.F) {
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |\ntext", 3, 40)
	f.Add("x\n```\n| a |\n|---|\n```\n⚠¹ | a |\n|-|\n", 1, 10)
	f.Fuzz(func(t *testing.T, s string, size, columns int) {
		if !utf8.ValidString(s) || size <= 0 || size > 64 {
			return
		}
		whole := writeTables(s, columns, len(s)+1)
		if got := writeTables(s, columns, size); got != whole {
			t.Fatalf("in pieces of %d: %q, whole: %q", size, got, whole)
		}
		if !strings.Contains(s, "|") && whole != s {
			t.Fatalf("text without a table changed: %q -> %q", s, whole)
		}
	})
}

// TestAskLaysOutAModelsTable: `corpusbot ask` with a model answering in a
// Markdown table shows it in aligned columns, its citations and marks in
// its cells (the second row's quote does not name Ant Group).
func TestAskLaysOutAModelsTable(t *testing.T) {
	llm := openaitest.New(t)
	llm.SetResponder(func(r openaitest.Request) openaitest.Reply {
		n := passageNumber(r.Text(), "control of data")
		if n == "" {
			return openaitest.Reply{Text: "Alipay micro-loan spin-off"}
		}
		return openaitest.Reply{Text: "What regulators asked [" + n + "] «spin off its profitable micro-loan business»:\n\n" +
			"| Who | What |\n|---|---|\n" +
			"| Alipay | spin off its micro-loan business [" + n + "] «spin off its profitable micro-loan business» |\n" +
			"| Ant Group | end its control of data [" + n + "] «monopoly power comes from their control of data» |\n"}
	})
	out, errOut, code := runCLI(t, map[string]string{"OPENAI_BASE_URL": llm.URL(), "LLM_TIMEOUT": "5s", "COLUMNS": "100"}, "ask", "Why was Alipay told to spin off its micro-loan business?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "Who          | What\n" +
		"-------------+-------------------------------------\n" +
		"Alipay       | spin off its micro-loan business [1]\n" +
		"⚠¹ Ant Group | end its control of data [1]\n"
	if !strings.Contains(out, want) {
		t.Errorf("the table is not laid out:\n%s\nwant\n%s", out, want)
	}
}
