package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// A Jupyter notebook as Jupyter writes it (nbformat 4, keys sorted, one
// source line a JSON string on a line of its own, outputs before the
// source), made up in the form of round six's tree of Thai NLP tutorials.
const thaiNotebook = `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Thai Tokenizer Tour\n",
    "\n",
    "Examples of the tokenizers in ` + "`pythainlp`" + `."
   ]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "## Word\n",
    "The default word tokenizer (\"newmm\") uses maximal matching.\n",
    "ตัวตัดคำเริ่มต้นคือ newmm"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 3,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "['ทดสอบ', 'ตัด', 'คำ']\n"
     ]
    },
    {
     "data": {
      "application/vnd.jupyter.widget-view+json": {"model_id": "01cf5b2e", "version_major": 2},
      "text/plain": ["HBox(children=(IntProgress(value=0),))"]
     },
     "metadata": {},
     "output_type": "display_data"
    },
    {
     "data": {
      "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "text/plain": [
       "<Figure size 640x480 with 1 Axes>"
      ]
     },
     "metadata": {},
     "output_type": "display_data"
    }
   ],
   "source": [
    "from pythainlp import word_tokenize\n",
    "print(word_tokenize(\"ทดสอบตัดคำ\"))"
   ]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": "## Normalization\n\n` + "`normalize()`" + ` removes zero-width spaces and repeated vowels."
  }
 ],
 "metadata": {
  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
 },
 "nbformat": 4,
 "nbformat_minor": 4
}
`

func TestLoadNotebook(t *testing.T) {
	d := loadOne(t, "notebooks/tokenizers.ipynb", thaiNotebook)
	if d.Format != FormatNotebook || d.Title != "Thai Tokenizer Tour" {
		t.Errorf("format %q, title %q; want notebook, Thai Tokenizer Tour", d.Format, d.Title)
	}
	for _, bad := range []string{`"cell_type"`, "iVBORw0", "execution_count", "HBox(", "model_id", `\n"`, "<Figure size"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("the notebook's JSON in its text (%q):\n%s", bad, d.Text)
		}
	}
	tests := []placed{
		{"Examples of the tokenizers in pythainlp.", nil, 9},
		{`The default word tokenizer ("newmm") uses maximal matching.`, []string{"Word"}, 17},
		{"from pythainlp import word_tokenize", []string{"Word"}, 0}, // code: its line below
		{"['ทดสอบ', 'ตัด', 'คำ']", []string{"Word"}, 54},             // an output: its cell's code
		{"normalize() removes zero-width spaces and repeated vowels.", []string{"Normalization"}, 60},
	}
	checkPlaced(t, d, tests)
	if p := passageWith(t, d, "from pythainlp import word_tokenize"); p.LineStart > 53 || p.LineEnd < 54 {
		t.Errorf("the code cell at lines %d–%d, want 53–54", p.LineStart, p.LineEnd)
	}
}

// A notebook that is not JSON, or holds no text, is named with its
// reason, never read as text nor loaded empty.
func TestLoadNotebookSkipped(t *testing.T) {
	fsys := fstest.MapFS{
		"broken.ipynb": file(`{"cells": [ {"cell_type": "markdown", "source": ["# Cut`),
		"empty.ipynb":  file(`{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`),
		"ok.ipynb":     file(thaiNotebook),
	}
	loadSkipping(t, fsys, "ok", map[string]SkipKind{"broken.ipynb": SkipMalformed, "empty.ipynb": SkipEmpty})
}

// loadSkipping loads fsys and checks that it loads the document id alone
// and skips each file of want as its kind says; it returns the skipped.
func loadSkipping(t *testing.T, fsys fstest.MapFS, id string, want map[string]SkipKind) []Warning {
	t.Helper()
	c, err := Load(context.Background(), fsys, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || c.Docs[0].ID != id {
		t.Fatalf("loaded %d documents, want %s alone", len(c.Docs), id)
	}
	for _, w := range c.Skipped() {
		if want[w.Path] != w.Kind {
			t.Errorf("%s skipped as %q (%s), want %q", w.Path, w.Kind, w.Reason, want[w.Path])
		}
		delete(want, w.Path)
	}
	if len(want) > 0 {
		t.Errorf("not skipped: %v", want)
	}
	return c.Skipped()
}

// The nbformat 3 notebooks of older trees: cells in worksheets, a code
// cell's source under "input", heading cells.
func TestLoadNotebookV3(t *testing.T) {
	src := `{"metadata": {"name": ""}, "nbformat": 3, "worksheets": [{"cells": [
{"cell_type": "heading", "level": 1, "metadata": {}, "source": ["Old Notebook"]},
{"cell_type": "markdown", "metadata": {}, "source": ["Some prose here."]},
{"cell_type": "code", "input": ["x = 1"], "language": "python", "outputs": [{"output_type": "pyout", "text": ["1"]}]}
]}]}`
	d := loadOne(t, "old.ipynb", src)
	if d.Title != "Old Notebook" {
		t.Errorf("title %q", d.Title)
	}
	passageWith(t, d, "Some prose here.")
	passageWith(t, d, "x = 1")
}
