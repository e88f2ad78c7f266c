// Package squadset reads question sets in SQuAD's format (SQuAD 1.1 and
// 2.0, XQuAD, PIAF, CMRC, …): articles of paragraphs, each paragraph with
// its questions and their gold answers. The QA harness (bench) reads them
// as retrieval benchmarks, bench/abstain reads SQuAD 2.0's as an
// abstention set; both build the corpus the same way, one document a
// paragraph.
package squadset

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing/fstest"

	"corpusbot/corpus"
)

// File is a SQuAD-format file.
type File struct {
	Data []Article `json:"data"`
}

// Article is a titled list of paragraphs.
type Article struct {
	Title      string      `json:"title"`
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is a passage and the questions asked of it.
type Paragraph struct {
	Context string `json:"context"`
	QAs     []QA   `json:"qas"`
}

// QA is a question. A SQuAD 2.0 question marked is_impossible has no
// answer in its paragraph (crowd workers wrote it against the paragraph,
// to look answerable).
type QA struct {
	ID         ID     `json:"id"`
	Question   string `json:"question"`
	Impossible bool   `json:"is_impossible"`
	Answers    []struct {
		Text string `json:"text"`
	} `json:"answers"`
}

// ID is a question's ID, a string in most sets and a number in some
// (GermanQuAD).
type ID string

// UnmarshalJSON reads a string or a number.
func (id *ID) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*id = ID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("question id %s: want a string or a number", b)
	}
	*id = ID(n)
	return nil
}

// Parse reads a file's bytes. A question without an ID gets one from its
// place in the file (article, paragraph, question), so that the halves
// split it like the rest.
func Parse(b []byte) (*File, error) {
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, err
	}
	for ai := range f.Data {
		for pi := range f.Data[ai].Paragraphs {
			qas := f.Data[ai].Paragraphs[pi].QAs
			for qi := range qas {
				if qas[qi].ID == "" {
					qas[qi].ID = ID(fmt.Sprintf("a%03dp%03dq%03d", ai, pi, qi))
				}
			}
		}
	}
	return &f, nil
}

// Read reads and parses the file at path.
func Read(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// DocID is the document ID of article ai's paragraph pi in the corpus FS
// builds.
func DocID(ai, pi int) string { return fmt.Sprintf("a%03dp%03d", ai, pi) }

// FS holds every paragraph as a text file, DocID(ai, pi)+".txt".
func (f *File) FS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for ai, a := range f.Data {
		for pi, p := range a.Paragraphs {
			fsys[DocID(ai, pi)+".txt"] = &fstest.MapFile{Data: []byte(p.Context)}
		}
	}
	return fsys
}

// Corpus loads every paragraph as a document (language detected per
// document), as corpus.Load loads a folder.
func (f *File) Corpus(ctx context.Context) (*corpus.Corpus, error) {
	c, err := corpus.Load(ctx, f.FS(), corpus.Config{})
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	return c, nil
}
