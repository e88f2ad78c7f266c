package main

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The arrows of DESIGN §2: which corpusbot packages each package may import
// directly. Anything not listed may import no corpusbot package at all.
var allowedImports = map[string][]string{
	"corpusbot":            {"*"},
	"corpusbot/bot":        {"answer", "verify", "store", "corpus", "retrieval", "llm", "secret", "health", "text", "i18n", "internal/mdtable"},
	"corpusbot/answer":     {"verify", "retrieval", "prompts", "llm", "corpus", "sourcelink", "text", "i18n", "synonyms", "wordfreq"},
	"corpusbot/verify":     {"prompts", "text", "i18n", "wordfreq"},
	"corpusbot/llm":        {"secret"},
	"corpusbot/retrieval":  {"text"},
	"corpusbot/corpus":     {"text"},
	"corpusbot/snapshot":   {"corpus", "retrieval", "internal/mapfile"},
	"corpusbot/text":       {"wordfreq"},
	"corpusbot/i18n":       {"text"},
	"corpusbot/prompts":    {},
	"corpusbot/store":      {"secret"},
	"corpusbot/leader":     {},
	"corpusbot/secret":     {},
	"corpusbot/ireval":     {},
	"corpusbot/health":     {"text", "internal/httpserve"},
	"corpusbot/sourcelink": {},
	"corpusbot/synonyms":   {},
	"corpusbot/wordfreq":   {},
	"corpusbot/sentvec":    {},
	"corpusbot/admin":      {"store", "retrieval", "corpus", "secret", "text", "internal/httpserve"},
	// The abstention evaluation drives the pipeline like a user would, on a
	// set's corpus it loads.
	"corpusbot/internal/abstaineval": {"answer", "corpus", "text"},
	// Tests' stores start from a migrated file it makes with the store.
	"corpusbot/internal/storetest": {"store"},
}

// Third-party libraries with exactly one owner, so a change of library is a
// change of one package.
var soleImporter = map[string][]string{
	"github.com/bwmarrin/discordgo":     {"corpusbot/bot", "corpusbot/internal/discordtest"},
	"github.com/sashabaranov/go-openai": {"corpusbot/llm"},
	"modernc.org/sqlite":                {"corpusbot/store"},
	"github.com/jackc/pgx/v5":           {"corpusbot/store", "corpusbot/internal/pgtest"},
	"github.com/joho/godotenv":          {"corpusbot"},
}

// Packages that must stay pure: nothing of Discord, the LLM, the database or
// the network in their dependency graph.
var pureDeps = map[string][]string{
	"corpusbot/retrieval": {"github.com/bwmarrin/discordgo", "github.com/sashabaranov/go-openai", "modernc.org/sqlite", "net/http"},
	"corpusbot/corpus":    {"github.com/bwmarrin/discordgo", "github.com/sashabaranov/go-openai", "modernc.org/sqlite", "net/http"},
	"corpusbot/answer":    {"github.com/bwmarrin/discordgo", "modernc.org/sqlite", "corpusbot/bot", "corpusbot/store"},
	"corpusbot/prompts":   {"github.com/bwmarrin/discordgo", "github.com/sashabaranov/go-openai"},
	"corpusbot/text":      {"github.com/bwmarrin/discordgo", "github.com/sashabaranov/go-openai", "modernc.org/sqlite", "net/http"},
	"corpusbot/verify":    {"github.com/bwmarrin/discordgo", "github.com/sashabaranov/go-openai", "modernc.org/sqlite", "net/http", "corpusbot/retrieval", "corpusbot/corpus"},
	"corpusbot/i18n":      {"github.com/bwmarrin/discordgo", "github.com/sashabaranov/go-openai", "modernc.org/sqlite", "net/http"},
}

type listedPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func listPackages(t *testing.T) []listedPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decode go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found %d packages; want the whole module", len(pkgs))
	}
	return pkgs
}

func TestLayoutArrowsPointDown(t *testing.T) {
	for _, p := range listPackages(t) {
		allowed, known := allowedImports[p.ImportPath]
		if strings.HasPrefix(p.ImportPath, "corpusbot/internal/") {
			known = true // test fakes: no corpusbot imports
		}
		if !known {
			t.Errorf("package %s is not in DESIGN §2's layout; add it to allowedImports with its arrows", p.ImportPath)
			continue
		}
		for _, imp := range p.Imports {
			name, ok := strings.CutPrefix(imp, "corpusbot/")
			if !ok || slices.Contains(allowed, "*") {
				continue
			}
			if !slices.Contains(allowed, name) {
				t.Errorf("%s imports %s: that arrow is not in DESIGN §2", p.ImportPath, imp)
			}
		}
		for lib, owners := range soleImporter {
			if slices.ContainsFunc(p.Imports, func(s string) bool { return s == lib || strings.HasPrefix(s, lib+"/") }) &&
				!slices.Contains(owners, p.ImportPath) {
				t.Errorf("%s imports %s; only %v may", p.ImportPath, lib, owners)
			}
		}
		for _, banned := range pureDeps[p.ImportPath] {
			if slices.Contains(p.Deps, banned) {
				t.Errorf("%s depends on %s (directly or not); it must stay free of it", p.ImportPath, banned)
			}
		}
	}
}

// README's "How it works" names every package a newcomer will find at the
// top of the tree, and each of internal/'s, so that its map of the arrows is
// the whole map.
func TestReadmeLayoutNamesEveryPackage(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "## How it works")
	if !ok {
		t.Fatal("README has no How it works section")
	}
	parts := strings.SplitN(after, "```", 3)
	if len(parts) < 3 {
		t.Fatal("README's How it works has no layout block")
	}
	layout := parts[1]
	for _, p := range listPackages(t) {
		name, ok := strings.CutPrefix(p.ImportPath, "corpusbot/")
		if !ok {
			continue // package main is named by its files
		}
		if sub, ok := strings.CutPrefix(name, "internal/"); ok {
			// internal/'s line names each package in brackets.
			if !regexp.MustCompile(`[(, ]` + regexp.QuoteMeta(sub) + `[),]`).MatchString(layout) {
				t.Errorf("README's How it works does not name internal/%s", sub)
			}
			continue
		}
		if !strings.Contains(layout, "\n  "+name+"/") {
			t.Errorf("README's How it works does not name %s/", name)
		}
	}
}
