package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"corpusbot/i18n"
)

// Round eleven of the adversarial tests (docs/benchmarks.md, "Adversarial
// round eleven"): a new team's larger tree, PingCAP's Chinese TiDB docs,
// whose pages write product names as {{{ .starter }}} for the site's build
// to fill in from variables.json, and whose TOC.md is the site's menu.
// Made up here in that tree's form. Through discordgo and the fakes, the
// scripted model quotes the page as a reader sees it ("TiDB Cloud
// Starter"): that quote must verify, the claim it does not back must be
// marked, no "{{{" may show, and the menu is never a source.
func round11Docs() fstest.MapFS {
	return fstest.MapFS{
		"variables.json": {Data: []byte(`{"starter": "TiDB Cloud Starter", "company": "PingCAP"}`)},
		"TOC.md": {Data: []byte("<!-- markdownlint-disable MD007 -->\n\n- 关于 TiDB\n  - [TiDB 简介](/overview.md)\n- 应用开发\n" +
			"  - [Connect to a {{{ .starter }}} instance](/develop/connect-starter.md)\n  - [Create a table](/develop/create-table.md)\n")},
		"overview.md": {Data: []byte("---\ntitle: TiDB 简介\n---\n\n# TiDB 简介\n\n" +
			"TiDB 是 {{{ .company }}} 公司自主设计、研发的开源分布式关系型数据库，同时支持在线事务处理与在线分析处理。\n")},
		"develop/connect-starter.md": {Data: []byte("---\ntitle: Connect to a {{{ .starter }}} instance\n---\n\n# Connect to a {{{ .starter }}} instance\n\n" +
			"A {{{ .starter }}} instance requires TLS connections, so USE_SSL must be set to true.\n\n" +
			"Copy the connection string from the Connect dialog of the instance's overview page.\n")},
		"develop/create-table.md": {Data: []byte("# Create a table\n\nA table's primary key decides how its rows are stored.\n")},
	}
}

var round11Cases = []round5Case{
	{
		lang: "en", question: "Does a TiDB Cloud Starter instance need TLS?",
		reply: "A TiDB Cloud Starter instance requires TLS connections [%N{requires TLS}] «A TiDB Cloud Starter instance requires TLS connections». " +
			"It also requires a VPN [%N{requires TLS}] «it also requires a VPN».",
		marked:   []string{"It also requires a VPN"},
		unmarked: []string{"A TiDB Cloud Starter instance requires TLS connections"},
	},
	{
		lang: "zh", question: "TiDB 是哪家公司研发的？",
		reply: "TiDB 是 PingCAP 公司研发的开源分布式关系型数据库 [%N{开源分布式}] «TiDB 是 PingCAP 公司自主设计、研发的开源分布式关系型数据库»。" +
			"TiDB 由 Google 研发 [%N{开源分布式}] «TiDB 由 Google 研发»。",
		marked:   []string{"TiDB 由 Google 研发"},
		unmarked: []string{"TiDB 是 PingCAP 公司研发的开源分布式关系型数据库"},
	},
}

var round11Sources = map[string]string{
	"Does a TiDB Cloud Starter instance need TLS?": "Connect to a TiDB Cloud Starter instance — develop/connect-starter.md (line",
	"TiDB 是哪家公司研发的？":                               "TiDB 简介 — overview.md",
}

func TestRound11SiteVariablesAndMenuThroughDiscord(t *testing.T) {
	t.Parallel()
	runRoundCases(t, round11Docs(), round11Cases, nil, func(t *testing.T, path string, c round5Case, content string) {
		src := content[strings.LastIndex(content, i18n.Text(c.lang, i18n.Sources)):]
		if !strings.Contains(src, round11Sources[c.question]) {
			t.Errorf("%s %q: Sources do not name %q:\n%s", path, c.question, round11Sources[c.question], content)
		}
		for _, s := range []string{"{{{", ".starter", "TOC.md"} {
			if strings.Contains(content, s) {
				t.Errorf("%s %q: %q in sight:\n%s", path, c.question, s, content)
			}
		}
	})
}
