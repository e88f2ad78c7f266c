package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Framing is taken out in every supported language; what is asked stays.
func TestWithoutFraming(t *testing.T) {
	st := newPipeline(t, embeddedCorpus(t), nil).state.Load()
	tests := []struct{ in, want string }{
		{"What is Quanzi? Please explain briefly.", "What is Quanzi?"},
		{"hey bot, what is Quanzi", "what is Quanzi"},
		{"Can you tell me what Quanzi is, thanks", "what Quanzi is"},
		{"@everyone who is Zhao Zhiguo?", "who is Zhao Zhiguo?"},
		{"S'il vous plaît, qui est Liu Xu ? Merci", "qui est Liu Xu ?"},
		{"من فضلك، كم عدد مستخدمي Alipay؟ شكرا", "كم عدد مستخدمي Alipay؟"},
		{"请问Quanzi是什么？谢谢", "Quanzi是什么？"},
		{"In Shanghai, who runs Alipay?", "In Shanghai, who runs Alipay?"},
		{"please", "please"}, // nothing else: left whole
	}
	for _, tt := range tests {
		// What counts is what is searched for: the analysed terms.
		got := st.withoutFraming(tt.in)
		if g, w := strings.Join(st.index.Analyze(got), " "), strings.Join(st.index.Analyze(tt.want), " "); g != w {
			t.Errorf("withoutFraming(%q) = %q (%s), want %q (%s)", tt.in, got, g, tt.want, w)
		}
	}
}

// A question's names are what it shares with the corpus; its focus is the
// rest, and a sentence must hold both.
func TestFocus(t *testing.T) {
	st := newPipeline(t, embeddedCorpus(t), nil).state.Load()
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"How old is Jack Ma?", "Regulators pulled the plug after founder Jack Ma criticized officials.", false},
		{"Who founded Ant Group?", "Ant Group's founder Jack Ma criticized officials.", true},
		{"What is Quanzi?", "The service, named Quanzi or Circle in English, builds communities.", true},
		{"Who is the CEO of Alipay?", "Alipay did not immediately respond to questions.", false},
		{"Qui est le PDG de Huawei ?", "Parmi les entreprises présentes figuraient Baidu, Huawei et Xiaomi.", false},
		{"How many users does WeChat have?", "WeChat is a mobile messaging app with many users.", false}, // no figure
		{"How many users does WeChat have?", "WeChat has more than 800 million users.", true},
		// A synonym holds half a word: with another word of the
		// question it answers, alone it does not.
		{"Who spoke for Alipay in the statement?", "Alipay talks about the statement.", true},
		{"Who spoke for Alipay?", "Alipay talks.", false},
		{"Who spoke for Alipay?", "Alipay spoke.", true},
	}
	for _, tt := range tests {
		f := st.focusOf(st.withoutFraming(tt.question))
		got := kindOf(tt.question).fits(tt.sentence) && f.covers(st.index.Analyze(tt.sentence), around{}, DefaultFocusCoverage)
		if got != tt.want {
			t.Errorf("%q answered by %q: got %v, want %v (names %v, focus %v)", tt.question, tt.sentence, got, tt.want, f.names, f.words)
		}
	}
}

// A figure is a word that opens with a digit; a name's digits are none.
func TestHasNumber(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Life360 creates technology that helps families.", false},
		{"We serve 700k requests a second.", true},
		{"It launched in 2015.", true},
		{"Version v2 of the API.", false},
		{"Prix : 3,5 milliards.", true},
	}
	for _, tt := range tests {
		if got := hasNumber(tt.s); got != tt.want {
			t.Errorf("hasNumber(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// A Chinese figure is a numeral that counts: not an ordinal, and not 一
// alone, which is mostly "a".
func TestChineseFigure(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"缩进用几个空格？", "缩进使用两个空格。", true},
		{"仓库里有多少个模板？", "仓库里共有三百个模板。", true},
		{"仓库里有多少个模板？", "仓库里有一百个模板。", true},
		{"有几种安装方式？", "一共有三种安装方式。", true},
		{"文件最大可以有多大？", "编写文件的第一条准则是保持简单。", false},
		{"需要多少台服务器？", "部署需要一个集群和一台电脑。", false},
		{"需要多少台服务器？", "部署需要一个集群和 3 台服务器。", true},
	} {
		if got := kindOf(tt.question).fits(tt.sentence); got != tt.want {
			t.Errorf("%q answered by %q: fits %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// An Arabic figure, date or frequency may be written in a word's other
// forms (ثلاث beside ثلاثة, a tens in -ين, a dual), with a conjunction,
// preposition or article written onto it; "لست" (I am not) is no six.
func TestArabicFigureForms(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"كم عدد السلالات؟", "تنتمي إلى واحدة من ثلاث سلالات.", true},
		{"كم عدد اللاعبين؟", "ضم الفريق خمسين لاعبا.", true},
		{"كم عدد الأخطاء؟", "وأربعة مرات أجبر الخصم على الخطأ.", true},
		{"متى بدأت الحركة؟", "بدأت الحركة في منتصف القرن الثامن عشر.", true},
		{"متى عاد الاهتمام؟", "تجدد الاهتمام منذ التسعينيات.", true},
		{"كم مرة فاز الفريق بالكأس؟", "وفاز الفريق بالكأس مرتين.", true},
		{"كم عدد اللاعبين؟", "لست متأكدا من اللاعبين.", false},
		{"متى بدأت الحركة؟", "بدأت الحركة داخل الكنيسة.", false},
	} {
		if got := kindOf(tt.question).fits(tt.sentence); got != tt.want {
			t.Errorf("%q answered by %q: fits %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// Terms a stemmer leaves apart are one family when they share a long
// beginning; short or merely similar words are not.
func TestSameFamily(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"introduit", "introduct", true},
		{"monitor", "monitoring", true},
		{"user", "used", false},       // too short to tell
		{"product", "produit", false}, // "produ" is under three quarters of either
		{"organis", "organ", true},    // five letters, the whole shorter term
	}
	for _, tt := range tests {
		if got := sameFamily(tt.a, tt.b); got != tt.want {
			t.Errorf("sameFamily(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A focus word held only by the sentence before or after counts for half:
// enough when the sentence itself holds much of the focus, never alone.
// A word asked twice ("messaging … messages") counts once.
func TestFocusNeighbours(t *testing.T) {
	st := newPipeline(t, embeddedCorpus(t), nil).state.Load()
	f := st.focusOf("Which regulators ordered the payment app to spin off its loans?")
	sentence := st.index.Analyze("Regulators have ordered it to change.")
	near := st.index.Analyze("The payment app must spin off its loans.")
	if f.covers(sentence, around{}, DefaultFocusCoverage) {
		t.Fatalf("the sentence alone covers the focus %v: the test needs one that does not", f.words)
	}
	if !f.covers(sentence, around{near: near}, DefaultFocusCoverage) {
		t.Errorf("with its neighbour the sentence does not cover the focus %v (weights %v)", f.words, f.weights)
	}
	if f.covers(st.index.Analyze("Nothing here is asked about at all."), around{near: near}, DefaultFocusCoverage) {
		t.Errorf("a sentence holding no focus word covers it through its neighbour")
	}
	g := st.focusOf("Which messaging system carries messages?")
	seen := map[string]int{}
	for _, w := range g.words {
		seen[strings.Join(w, " ")]++
	}
	for w, n := range seen {
		if n > 1 {
			t.Errorf("focus word %q counted %d times", w, n)
		}
	}
}

// A heading that asks the question is answered by its section: the
// section's first sentence holds what the heading asks without repeating
// its words, and the heading's words count for it.
func TestFocusHeadings(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"faq.md": {Data: []byte("# Frequently asked questions\n\n" +
			"## Can the gateway be made highly available?\n\n" +
			"Yes, run two identical gateways on separate machines.\n\n" +
			"Clients retry against the other one when a machine fails.\n\n" +
			"## What language is the gateway written in?\n\n" +
			"The gateway is written in Go, with a few scripts in Python.\n")},
		"intro.md": {Data: []byte("# Introduction\n\n" +
			"The gateway routes requests between services and keeps their logs. " +
			"High availability of the database is left to its replicas, which are made by the operators.\n")},
	})
	p := newPipeline(t, c, nil)
	res, err := p.Ask(context.Background(), Question{Text: "How can the gateway be made highly available?"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Abstained || !strings.HasPrefix(res.Text, "Yes, run two identical gateways") {
		t.Errorf("answered %q (abstained %v), want the section's first sentence first", res.Text, res.Abstained)
	}
	// Only a heading that asks what the question asks counts.
	st := p.state.Load()
	f := st.focusOf("How can the gateway be made highly available?")
	sentence := st.index.Analyze("Yes, run two identical gateways on separate machines.")
	for _, tt := range []struct {
		heading string
		want    bool
	}{
		{"", false},
		{"Can the gateway be made highly available?", true},
		{"What language is the gateway written in?", false},
	} {
		if got := f.covers(sentence, around{heading: st.index.Analyze(tt.heading)}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("under the heading %q: covers %v, want %v", tt.heading, got, tt.want)
		}
	}
}

// "How many X" is answered by a figure of X, not by any figure near X.
func TestCounted(t *testing.T) {
	st := newPipeline(t, embeddedCorpus(t), nil).state.Load()
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"How many users does WeChat have?", "WeChat, its messaging app with more than 800 million users, leads.", true},
		{"How many users does WeChat have?", "WeChat users sent 70,000 packets over the holiday.", false},
		{"How many customers does Acme have?", "Our customers work in banks and shops in 40 countries.", false},
		{"How many Gmail users imported data?", "Gmail has imported data for 3 million users with our API.", true},
		{"Combien d'utilisateurs compte WeChat ?", "WeChat compte plus de 800 millions d'utilisateurs.", true},
		{"Combien d'utilisateurs compte WeChat ?", "En 2011, Tencent a lancé WeChat pour attirer de nouveaux utilisateurs.", false},
		{"كم عدد مستخدمي Alipay؟", "لدى Alipay أكثر من مليار مستخدم في الصين.", true},
		// "كم" alone asks how much, how old, how often: what follows
		// it is no counted thing ("عمر", age; "ارتفعت", rose).
		{"كم عمر مؤسس الشركة؟", "أسس الشركة في سن 35.", true},
		{"كم ارتفعت الأسعار في 2020؟", "زادت الأسعار بنسبة 12 في المئة.", true},
		{"What does Alipay do?", "Alipay has many users.", true}, // counts nothing
		// The words before the first stopword are what is counted, not
		// only the first.
		{"How many musical instruments were loaned to the museum?", "The museum has the loan of 35 instruments.", true},
		{"How many musical instruments were loaned to the museum?", "The museum was founded 35 years ago.", false},
		{"How many mobile payment users does Alipay have?", "Alipay counts 500 million payment users.", true},
		{"How many users does WeChat have in 2015?", "In 2015 WeChat had 2015 new features.", false},
	}
	for _, tt := range tests {
		q := st.withoutFraming(tt.question)
		if got := st.countsIt(tt.sentence, st.counted(q)); got != tt.want {
			t.Errorf("%q answered by %q: got %v, want %v (counted %v)", tt.question, tt.sentence, got, tt.want, st.counted(q))
		}
	}
}

// A word the corpus writes with a capital is a name, and only that word:
// not every word its stem is shared with.
func TestCorpusNamesByWord(t *testing.T) {
	c := loadFS(t, fstest.MapFS{"notes.md": {Data: []byte("# Notes\n\n" +
		"Our machines run the Operating System from the vendor. We update the Operating System monthly. " +
		"The team of operators restarts the machines on Sundays. Support comes from alipay's partner Acme.\n")}})
	st := newPipeline(t, c, nil).state.Load()
	tests := []struct {
		question string
		names    int
	}{
		{"which operating system do the machines run?", 2}, // as the corpus writes them
		{"which operators restart the machines?", 0},       // same stem, not a name
		{"who supports acme's machines?", 1},               // a possessive of a name
	}
	for _, tt := range tests {
		if f := st.focusOf(tt.question); len(f.nameWords) != tt.names {
			t.Errorf("%q: names %v, want %d", tt.question, f.nameWords, tt.names)
		}
	}
}

// A lead-in ending with ":" shows the code or list it introduces, in its
// passage, a few lines at most.
func TestIntroduced(t *testing.T) {
	docs := fstest.MapFS{
		"start.md": {Data: []byte("# Start\n\nTo start the server, change to its folder and run:\n\n    ./server --config=server.yml\n\n" +
			"The server should start up. The labels it sets are:\n\n* job: api\n* instance: host:5670\n\nThat is all.\n")},
		// A numbered list is as much a list as a bulleted one.
		"ways.md": {Data: []byte("# Options\n\nThere are three exclusive ways to define the install options of the server:\n\n" +
			"1. In a configuration file\n1. In the command-line arguments\n1. As environment variables\n\nThat is all.\n")},
	}
	p := newPipeline(t, loadFS(t, docs), nil)
	tests := []struct{ question, want string }{
		{"How do I start the server?", "and run: `./server --config=server.yml` [1]"},
		{"Which labels does it set?", "The labels it sets are: • job: api • instance: host:5670 [1]"},
		{"In what ways can I define the install options?", "ways to define the install options of the server: 1. In a configuration file 2. In the command-line arguments 3. As environment variables [1]"},
	}
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Text, tt.want) {
			t.Errorf("%q: answer %q lacks %q", tt.question, res.Text, tt.want)
		}
		for _, c := range res.Claims {
			if strings.Contains(c.Text, "That is all") {
				t.Errorf("%q: %q shows prose past the list", tt.question, c.Text)
			}
		}
	}
}

// A run of ideographs has no word boundaries: a bigram that straddles two
// words (之前本地 → 前本) is not something asked, while a word the corpus
// lacks (费用, cost) is, and a sentence without it does not answer.
func TestFocusIdeographs(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"deploy.md": {Data: []byte("# 部署\n\n" +
			"部署之前需要准备一个集群和一台安装了命令行工具的电脑。\n\n" +
			"开始使用之前，你需要以下条件：一个集群，以及本地配置好的命令行工具。\n\n" +
			"部署完成以后，服务会自动启动并写入日志。\n")},
		"backup.md": {Data: []byte("# 备份\n\n" +
			"每天晚上系统会把数据库备份到另一个机房。\n\n" +
			"恢复数据时先停止服务，再导入最近的备份。\n")},
	})
	st := newPipeline(t, c, nil).state.Load()
	const (
		prepare = "部署之前需要准备一个集群和一台安装了命令行工具的电脑。"
		needs   = "开始使用之前，你需要以下条件：一个集群，以及本地配置好的命令行工具。"
	)
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"部署之前要准备什么？", prepare, true},
		{"开始之前本地要配置什么工具？", needs, true}, // counting 前本, 地要 … as asked left it under the share
		{"使用之前需要准备哪些条件？", needs, true},
		{"部署的费用是多少？", prepare, false},
		{"使用之前需要付多少费用？", needs, false},
		{"部署之前需要买保险吗？", prepare, false},
	} {
		f := st.focusOf(tt.question)
		if got := f.covers(st.index.Analyze(tt.sentence), around{}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q answered by %q: covers %v, want %v (focus %v, weights %v)", tt.question, tt.sentence, got, tt.want, f.words, f.weights)
		}
	}
}

// A pair of characters counts as a word asked about when it is one (产生,
// 删掉, 日志), not when it joins the end of one word to the start of the
// next (会产, 会删, 空日), even where the corpus writes it too (试是); a
// character the corpus never uses counts once, within its word (日志, not
// 日 and 志 again).
func TestFocusIdeographPairs(t *testing.T) {
	c := loadFS(t, fstest.MapFS{
		"release.md": {Data: []byte("# 发布\n\n" +
			"每当你执行安装命令的时候，都会创建一个新的版本。\n\n" +
			"卸载一个版本，就是删除它的所有资源以及历史记录。\n\n" +
			"测试是一种钩子，也写在模板里。\n")},
	})
	st := newPipeline(t, c, nil).state.Load()
	for _, tt := range []struct {
		question   string
		has, lacks []string
	}{
		{"每次执行安装命令会产生什么？", []string{"产生", "每次", "命令"}, []string{"会产", "令会", "产"}},
		{"卸载时会删掉哪些记录？", []string{"删掉", "卸载", "记录"}, []string{"会删", "掉"}},
		{"卸载时会清空日志吗？", []string{"清空", "日志"}, []string{"会清", "空日", "日", "志"}},
		{"测试是什么样的资源？", []string{"测试", "资源"}, []string{"试是"}},
	} {
		f := st.focusOf(tt.question)
		in := map[string]bool{}
		for _, w := range f.words {
			for _, t := range w {
				in[t] = true
			}
		}
		for _, w := range tt.has {
			if !in[w] {
				t.Errorf("%q: focus %v lacks %s", tt.question, f.words, w)
			}
		}
		for _, w := range tt.lacks {
			if in[w] {
				t.Errorf("%q: focus %v holds %s, which is no word", tt.question, f.words, w)
			}
		}
	}
}

// Among sentences that hold as much of the question, the one that holds
// its words together is quoted first.
func TestNearTieBreak(t *testing.T) {
	docs := fstest.MapFS{
		"store.md": {Data: []byte("# Storage\n\nThe server stores all data as series, each series for the same metric in a block.\n\n" +
			"The server collects and stores its metrics as series on the local disk.\n")},
	}
	p := newPipeline(t, loadFS(t, docs), nil)
	res, err := p.Ask(context.Background(), Question{Text: "How does the server store its metrics?"})
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(res.Text, "\n"); !strings.Contains(first, "stores its metrics") {
		t.Errorf("first sentence %q, want the one holding \"stores its metrics\" (answer %q)", first, res.Text)
	}
}

// toolCorpus is a small documentation tree of a made-up tool, for the rules
// that weigh a question's words against what the pages say.
func toolCorpus(t testing.TB) *Pipeline {
	return newPipeline(t, loadFS(t, fstest.MapFS{
		"guide.md": {Data: []byte("# Packaging guide\n\n" +
			"Large archives will get compressed with zstd in some cases. " +
			"Releases are published to the registry by the release job. " +
			"The registry keeps every release for a year.\n\n" +
			"## Verifying\n\n" +
			"Verify an archive with the checksum file before unpacking it. " +
			"Archives are built by the packaging job on each tag.\n")},
		"ops.md": {Data: []byte("# Operations\n\n" +
			"Operators rotate the registry keys every month. " +
			"The release job retries a failed upload three times.\n")},
	}), nil)
}

// A word the corpus never uses weighs the most, unless it is common in the
// language: then it frames the question, and the pages say it otherwise.
func TestFocusCommonUnknownWord(t *testing.T) {
	st := toolCorpus(t).state.Load()
	sentence := st.index.Analyze("Large archives will get compressed with zstd in some cases.")
	for _, tt := range []struct {
		question string
		want     bool
	}{
		// "happen" is common English and nowhere in the pages: framing.
		{"What can happen to large archives?", true},
		// "salary" is as absent, and rare: what is asked, and missing.
		{"What is the salary of large archives?", false},
		// Rare and absent, beside words the sentence holds.
		{"Are large archives encrypted?", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		if got := f.covers(sentence, around{}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q: covers %v, want %v (focus %v, weights %v)", tt.question, got, tt.want, f.words, f.weights)
		}
	}
	// Other languages have no frequency table: no word of theirs is common.
	if commonOf("Que peut-il arriver aux archives ?")("arriver") {
		t.Errorf("a French word counted as common English")
	}
}

// The verb a "how do I" or "who" question governs must be held: by the
// sentence, its headings, a synonym or the sentence either side.
func TestGovernedWord(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"How do I sign an archive?", "sign"},
		{"How can we rotate the keys?", "rotate"},
		{"how to verify an archive", "verify"},
		{"Who publishes releases?", "publishes"},
		{"Who is the maintainer?", ""},
		{"How does the release job work?", ""}, // a subject a parser would need
		{"How many releases are kept?", ""},
		{"What is an archive?", ""},
	} {
		if got := governedWord(tt.q); got != tt.want {
			t.Errorf("governedWord(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
	st := toolCorpus(t).state.Load()
	for _, tt := range []struct {
		question, sentence, heading, near string
		want                              bool
	}{
		{"How do I verify an archive?", "Verify an archive with the checksum file before unpacking it.", "", "", true},
		// The topic's words without the verb: not how to sign it.
		{"How do I sign an archive before unpacking it?", "Verify an archive with the checksum file before unpacking it.", "", "", false},
		// The heading holds the verb.
		{"How do I verify an archive?", "Use the checksum file before unpacking an archive.", "Verifying", "", true},
		// So does the sentence before.
		{"How do I verify an archive?", "Use the checksum file before unpacking an archive.", "", "Verify it as follows.", true},
		{"Who publishes releases to the registry?", "Releases are published to the registry by the release job.", "", "", true},
		{"Who deletes releases from the registry?", "Releases are published to the registry by the release job.", "", "", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		a := around{}
		if tt.heading != "" {
			a.heading = st.index.Analyze(tt.heading)
		}
		if tt.near != "" {
			a.near = st.index.Analyze(tt.near)
		}
		if got := f.covers(st.index.Analyze(tt.sentence), a, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q answered by %q: covers %v, want %v (focus %v)", tt.question, tt.sentence, got, tt.want, f.words)
		}
	}
}

// A sentence whose every term a chosen sentence already holds adds nothing
// to an answer: a page's synopsis line after the sentence that says it.
func TestChooseDropsHeldSentences(t *testing.T) {
	st := toolCorpus(t).state.Load()
	terms := func(s string) []string { return st.index.Analyze(s) }
	for _, tt := range []struct {
		name  string
		texts []string
		want  []string
	}{
		{"synopsis after its sentence",
			[]string{"This command rolls back a release to a previous revision.", "roll back a release to a previous revision", "The registry keeps every release."},
			[]string{"This command rolls back a release to a previous revision.", "The registry keeps every release."}},
		{"a longer sentence after a shorter one adds words",
			[]string{"roll back a release", "This command rolls back a release to a previous revision."},
			[]string{"roll back a release", "This command rolls back a release to a previous revision."}},
		{"different words",
			[]string{"Releases are published to the registry.", "Operators rotate the registry keys."},
			[]string{"Releases are published to the registry.", "Operators rotate the registry keys."}},
	} {
		var all []pick
		for i, s := range tt.texts {
			all = append(all, pick{block: i, doc: i, text: s, terms: terms(s), order: i})
		}
		var got []string
		for _, p := range choose(all, maxExtractive, maxPerDocAnswer, nil) {
			got = append(got, p.text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: chose %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A question that names a document by its title ("What does crate pack
// do?" of the page "crate pack") is answered by the page's opening prose,
// the definition, before a usage line that only repeats the name.
func TestDefinitionFromTitle(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"pack.md": {Data: []byte("---\ntitle: crate pack\n---\n\n" +
			"bundle a crate into an archive\n\n" +
			"## Synopsis\n\n" +
			"This command reads a crate folder and writes one compressed archive that installers accept.\n\n" +
			"```\ncrate pack PATH [flags]\n```\n\n" +
			"Use crate pack before every upload of a crate.\n")},
		"install.md": {Data: []byte("---\ntitle: Installing crate\n---\n\n" +
			"The crate tool ships as one binary for every platform we build.\n\n" +
			"Download it and put it on your path.\n")},
	}), nil)
	for _, tt := range []struct{ q, first string }{
		{"What does crate pack do?", "This command reads a crate folder"},
		// "Installing crate" is not what "What is crate pack?" names.
		{"What is crate pack?", "This command reads a crate folder"},
	} {
		res, err := p.Ask(context.Background(), Question{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Abstained || !strings.HasPrefix(res.Text, tt.first) {
			t.Errorf("%q answered %q (abstained %v), want it to open with %q", tt.q, res.Text, res.Abstained, tt.first)
		}
	}
	st := p.state.Load()
	for _, tt := range []struct {
		q, title string
		want     bool
	}{
		{"What does crate pack do?", "crate pack", true},
		{"What is crate?", "Installing crate", false},
		{"When was crate pack added?", "crate pack", false},
	} {
		if got := st.focusOf(tt.q).isTitle(st.index.Analyze(tt.title)); got != tt.want {
			t.Errorf("isTitle(%q, %q) = %v, want %v", tt.q, tt.title, got, tt.want)
		}
	}
}

// A table's rows answer one by one, each shown with its header; the row
// alone is the quote.
func TestTableRows(t *testing.T) {
	for _, tt := range []struct{ header, row, want string }{
		{"Tool Version | Supported Platforms", "2.1.x | linux, darwin", "Tool Version: 2.1.x; Supported Platforms: linux, darwin"},
		// A cell holding " | ": the header line before the row.
		{"Name | Note", "pipe | a | b", "Name | Note — pipe | a | b"},
	} {
		if got := withHeader(tt.header, tt.row); got != tt.want {
			t.Errorf("withHeader(%q, %q) = %q, want %q", tt.header, tt.row, got, tt.want)
		}
	}
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"support.md": {Data: []byte("# Support policy\n\n" +
			"Each release of the tool runs on the platforms below. Older platforms are dropped.\n\n" +
			"| Tool Version | Supported Platforms |\n|---|---|\n" +
			"| 2.1.x | linux, darwin, freebsd |\n| 2.0.x | linux, darwin |\n| 1.9.x | linux |\n\n" +
			"Releases before 1.9 get no fixes.\n")},
	}), nil)
	st := p.state.Load()
	var rows []string
	for i := range st.items {
		ps, _ := st.passage(i)
		a := st.analysis(i)
		for k, sp := range a.sentences {
			if a.header[k] != "" {
				rows = append(rows, ps.Text[sp.Start:sp.End])
				if a.header[k] != "Tool Version | Supported Platforms" {
					t.Errorf("row %q under header %q", ps.Text[sp.Start:sp.End], a.header[k])
				}
			}
		}
	}
	if want := "2.1.x | linux, darwin, freebsd|2.0.x | linux, darwin|1.9.x | linux"; strings.Join(rows, "|") != want {
		t.Errorf("rows %q, want %q", rows, want)
	}
	res, err := p.Ask(context.Background(), Question{Text: "Which platforms does tool version 2.0 support?"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Tool Version: 2.0.x; Supported Platforms: linux, darwin [1]"; res.Abstained || !strings.HasPrefix(res.Text, want) {
		t.Errorf("answered %q (abstained %v), want it to open with %q", res.Text, res.Abstained, want)
	}
	if len(res.Claims) == 0 || res.Claims[0].Quotes[0] != "2.0.x | linux, darwin" {
		t.Errorf("claims %+v: want the row alone as the first quote", res.Claims)
	}
}

// A word an identifier's part is split off ("sql" of "MySQL") is its own
// word, and a sentence names it only by the whole.
func TestFocusSplitParts(t *testing.T) {
	for _, tt := range []struct {
		t, a, b string
		want    bool
	}{
		{"sql", "mysql", "sql", true},
		{"messag", "messaging", "messages", false},
		{"mysql", "mysql", "mysql", false},
		{"مستخدم", "المستخدمين", "مستخدم", false}, // not letters a–z: the stemmer's, whatever it strips
	} {
		if got := splitPart(tt.t, tt.a, tt.b); got != tt.want {
			t.Errorf("splitPart(%q, %q, %q) = %v, want %v", tt.t, tt.a, tt.b, got, tt.want)
		}
	}
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"db.md": {Data: []byte("# Storage\n\n" +
			"The SQL storage backend keeps every release in one table of PostgreSQL. " +
			"Operators grant each team its own role on that table.\n")},
		"apps.md": {Data: []byte("# Example apps\n\n" +
			"The example installs MySQL with one replica for testing.\n")},
	}), nil)
	st := p.state.Load()
	f := st.focusOf("Can the SQL storage backend keep releases in MySQL?")
	if got := len(f.nameWords); got != 2 {
		t.Fatalf("names %v: want SQL and MySQL apart", f.nameWords)
	}
	sentence := st.index.Analyze("The SQL storage backend keeps every release in one table of PostgreSQL.")
	if f.covers(sentence, around{names: setOf(sentence)}, DefaultFocusCoverage) {
		t.Errorf("a sentence naming SQL, not MySQL, covers a question about MySQL")
	}
}

// A version ("6.11.2") counts nothing: "how many X" is not answered by a
// version number before X.
func TestCountedNotVersion(t *testing.T) {
	st := toolCorpus(t).state.Load()
	counted := st.counted("How many archives are kept?")
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"The registry keeps 40 archives.", true},
		{"6.11.2 archives tool for Linux", false},
		{"Version 1.36.1 archives are kept.", false},
	} {
		if got := st.countsIt(tt.sentence, counted); got != tt.want {
			t.Errorf("countsIt(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// An identifier a question writes is one focus word, held by a sentence
// that writes it, not by one that shares its words.
func TestFocusCompounds(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"How do I load a value with --set-file?", []string{"set-file"}},
		{"What does the app.kubernetes.io/created-by label mean?", []string{"app.kubernetes.io/created-by"}},
		{"Is values.schema.json read?", []string{"values.schema.json"}},
		{"Does Helm 4.2 support Kubernetes 1.36.1?", nil}, // numbers
		{"Is the chart pre-installed?", nil},              // a hyphenated word is a word
	} {
		var got []string
		for _, c := range compoundsOf(tt.q) {
			got = append(got, c.text)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("compoundsOf(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
	st := toolCorpus(t).state.Load()
	f := st.focusOf("How do I verify an archive with archive.sha256.txt?")
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"Verify an archive with archive.sha256.txt before unpacking it.", true},
		// Its words, not the identifier.
		{"Verify an archive with a txt file before unpacking it.", false},
	} {
		if got := f.covers(st.index.Analyze(tt.sentence), around{text: tt.sentence}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q: covers %v, want %v (focus %v, compounds %q)", tt.sentence, got, tt.want, f.words, f.compound)
		}
	}
}

// "When" in the present asks on what condition; in the past or the
// future, a date.
func TestKindOfWhen(t *testing.T) {
	tests := []struct {
		question string
		want     answerKind
		answer   string // a made-up sentence it must accept
	}{
		{"When does a cleanup job run?", anyKind, "Runs after every deploy step completed."},
		{"When is a widget considered stale?", anyKind, "A widget is stale once it deviates from its source."},
		{"When should a setting be a flag?", anyKind, "A setting should be a flag under the following conditions."},
		{"When did the project start?", dateKind, "The project started in 2014."},
		{"When was the company founded?", dateKind, "It was founded last year."},
		{"When will the next version ship?", dateKind, "It ships in March."},
		{"What happens when the disk fills up?", anyKind, "Writes fail."},
		{"Quand la société a-t-elle été fondée ?", dateKind, "Elle a été fondée en 2010."},
	}
	for _, tt := range tests {
		k := kindOf(tt.question)
		if k != tt.want {
			t.Errorf("kindOf(%q) = %v, want %v", tt.question, k, tt.want)
		}
		if !k.fits(tt.answer) {
			t.Errorf("%q: %q does not fit", tt.question, tt.answer)
		}
	}
	if dateKind.fits("Runs after every deploy step completed.") {
		t.Error("a date question fits a sentence with no date")
	}
}

// Among sentences holding as much of the question, a lead-in that shows
// what it introduces (a list, a command) answers more than one that
// mentions the same words in passing.
func TestLeadInTieBreak(t *testing.T) {
	tests := []struct {
		name, page, question, want string
	}{
		{"list", "# Settings\n\nThis guide covers settings for the server.\n\n" +
			"There are two sources of settings:\n\n- the config file\n- the command line flags\n\n" +
			"Settings are read once at start.\n", "Where can settings come from?", "two sources of settings"},
		{"command", "# Backups\n\nOperators take backups every night.\n\n" +
			"To take backups, run:\n\n```\nregistry dump --all\n```\n\n" +
			"Backups are kept for a week.\n", "How do I take backups?", "registry dump"},
	}
	for _, tt := range tests {
		res := askPage(t, tt.page, tt.question)
		if first, _, _ := strings.Cut(res.Text, "\n"); !strings.Contains(first, tt.want) {
			t.Errorf("%s: first sentence %q, want the lead-in with %q (answer %q)", tt.name, first, tt.want, res.Text)
		}
	}
}

// A word the corpus never uses that is built on one it does (a
// comparative's adjective, a prefixed word's base) is that word: held by
// it and weighed as it, not as the rarest.
func TestFocusBases(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"gateway.md": {Data: []byte("# Gateway\n\n" +
			"For the latest gateway, we recommend the stable database. " +
			"A new gateway ships every month. " +
			"Keep the plugins under a directory like conf/plugins for more isolation. " +
			"The cache will serve stale entries for a minute.\n")},
	}), nil).state.Load()
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		// "newest" is new, which the pages use: it weighs as new.
		{"Which database do you recommend with the newest gateway?", "For the latest gateway, we recommend the stable database.", true},
		// "priciest" is built on no word of the pages: what is asked, and missing.
		{"Which database do you recommend with the priciest gateway?", "For the latest gateway, we recommend the stable database.", false},
		// A subdirectory is a directory.
		{"Can I keep the plugins in a subdirectory?", "Keep the plugins under a directory like conf/plugins for more isolation.", true},
		{"Can I keep the plugins in a subsidiary?", "Keep the plugins under a directory like conf/plugins for more isolation.", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		if got := f.covers(st.index.Analyze(tt.sentence), around{}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q by %q: covers %v, want %v (focus %v, weights %v)", tt.question, tt.sentence, got, tt.want, f.words, f.weights)
		}
	}
	// A noun in -er is no comparative: "server" is not serve.
	f := st.focusOf("Which server keeps stale entries?")
	for _, w := range f.words {
		if slices.Contains(w, "serv") || slices.Contains(w, "serve") {
			t.Errorf("server read as serve: focus %v", f.words)
		}
	}
	// Only English questions are read so.
	if basesOf("Quelle base de données pour la passerelle la plus récente ?") != nil {
		t.Errorf("a French question given English bases")
	}
}

// A "why" question is answered with the reason the next sentence gives.
func TestWhyTakesTheReason(t *testing.T) {
	tests := []struct {
		question, want string
		ok             bool
	}{
		{"Why are short names preferred?", "The reason for this is that they are easier to type.", true},
		{"Which names are preferred?", "The reason for this", false}, // no reason asked: the sentence alone
	}
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"names.md": {Data: []byte("# Naming\n\nIn most cases, short names should be preferred over long ones. " +
			"The reason for this is that they are easier to type.\n\nLong names appear in old releases.\n")},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
	}), nil)
	for _, tt := range tests {
		res, err := p.Ask(context.Background(), Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(res.Text, "\n")
		if got := strings.Contains(first, tt.want); got != tt.ok || !strings.Contains(first, "short names should be preferred") {
			t.Errorf("%q: first line %q, want %q in it: %v", tt.question, first, tt.want, tt.ok)
		}
		if tt.ok && len(res.Claims) > 0 && !strings.Contains(res.Claims[0].Quotes[0], "easier to type") {
			t.Errorf("%q: quote %q does not span the reason", tt.question, res.Claims[0].Quotes[0])
		}
	}
}

// A word derived from the question's (WordNet's derivations: fail →
// failure) holds it as a synonym does, at half its weight.
func TestFocusDerived(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"uploads.md": {Data: []byte("# Uploads\n\n" +
			"A retry follows every upload failure within a minute. " +
			"The upload job runs nightly.\n")},
	}), nil).state.Load()
	sentence := st.index.Analyze("A retry follows every upload failure within a minute.")
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"What follows when an upload fails?", true},
		{"What follows when an upload stalls?", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		if got := f.covers(sentence, around{}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q: covers %v, want %v (focus %v, weights %v, alts %v)", tt.question, got, tt.want, f.words, f.weights, f.alts)
		}
	}
}

// "One" after a determiner stands for a noun said before it: no focus word.
func TestFocusProForm(t *testing.T) {
	st := toolCorpus(t).state.Load()
	for _, tt := range []struct {
		question string
		one      bool // "one" is a focus word
	}{
		{"Is the release job newer than the one the registry keeps?", false},
		{"Which ones of the archives are verified?", false},
		{"Does the release job retry one upload or all of them?", true},
		{"Can one archive hold every release?", true},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		got := slices.ContainsFunc(f.words, func(w []string) bool { return slices.Contains(w, "one") })
		if got != tt.one {
			t.Errorf("%q: \"one\" a focus word %v, want %v (focus %v)", tt.question, got, tt.one, f.words)
		}
	}
}

// Two words of a question a page writes as one ("rate limiting",
// "ratelimiting"; "key space", "keyspace") are held by that one word.
func TestFocusClosedCompound(t *testing.T) {
	st := newPipeline(t, loadFS(t, fstest.MapFS{
		"sampling.md": {Data: []byte("# Sampling\n\n" +
			"Ratelimiting caps the traces of each service. " +
			"Each keyspace holds its tables apart. " +
			"The disk sets the rate, and the limiting factor is the network.\n")},
	}), nil).state.Load()
	for _, tt := range []struct {
		question, sentence string
		want               bool
	}{
		{"What does rate limiting cap?", "Ratelimiting caps the traces of each service.", true},
		{"What does rate-limiting cap?", "Ratelimiting caps the traces of each service.", true},
		{"What does each key space hold apart?", "Each keyspace holds its tables apart.", true},
		// Not the word the page writes.
		{"What does limiting rate cap?", "Ratelimiting caps the traces of each service.", false},
	} {
		f := st.focusOf(st.withoutFraming(tt.question))
		if got := f.covers(st.index.Analyze(tt.sentence), around{text: tt.sentence}, DefaultFocusCoverage); got != tt.want {
			t.Errorf("%q by %q: covers %v, want %v (focus %v, weights %v)", tt.question, tt.sentence, got, tt.want, f.words, f.weights)
		}
	}
}

// A numbered list's item opens with its number: the word after it opens
// the sentence, and its capital makes no name ("2. Removing the member
// …" does not make "removing" one).
func TestCorpusNamesAfterListNumber(t *testing.T) {
	c := loadFS(t, fstest.MapFS{"steps.md": {Data: []byte("# Replacing a member\n\n" +
		"1. Checking the health of the cluster first.\n2. Removing the old member from the cluster.\n" +
		"3. Removing its data directory.\n4) Adding the new member.\n\nThe cluster keeps its quorum when removing a member.\n")}})
	st := newPipeline(t, c, nil).state.Load()
	for _, w := range []string{"removing", "adding", "checking"} {
		if _, ok := st.corpusNames()[nameKey(w)]; ok {
			t.Errorf("%q read as a name: %v", w, st.corpusNames())
		}
	}
}

// "One" after an adjective after a determiner stands for a noun said
// before it ("the broken one"), as after the determiner alone.
func TestFocusProFormAfterAdjective(t *testing.T) {
	st := toolCorpus(t).state.Load()
	for _, q := range []string{"Should I add the new member before removing the broken one?", "Is the newest one better than the old ones?"} {
		for _, w := range st.focusOf(q).everyWord {
			if w == "one" || w == "ones" {
				t.Errorf("%q: %q counted as a focus word", q, w)
			}
		}
	}
}

// A why-question's sentence that only says what the question says ("It is
// recommended to have an odd number of members …" for "Why should a
// cluster have an odd number of members?") is quoted with the sentence
// after it, which says why, whatever its first words.
func TestWhyRestatedTakesTheNext(t *testing.T) {
	p := newPipeline(t, loadFS(t, fstest.MapFS{
		"faq.md": {Data: []byte("# FAQ\n\n## Sizing\n\nA cluster needs a majority of members to agree on each update to its state.\n\n" +
			"It is recommended to have an odd number of members in a cluster. " +
			"Such a cluster tolerates the same failures as a bigger one with fewer machines. " +
			"Members are added one at a time.\n\n## Adding members\n\n" +
			"Adding a member to bring a cluster up to an even number of members buys no fault tolerance. " +
			"During a partition, an odd number of members keeps a majority on one side.\n")},
		"other.md": {Data: []byte("# Logging\n\nThe server writes its log to the journal.\n\nLog lines carry a timestamp and a level.\n")},
	}), nil)
	res, err := p.Ask(context.Background(), Question{Text: "Why should a cluster have an odd number of members?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "tolerates the same failures") {
		t.Errorf("answer %q: want the sentence after the restatement", res.Text)
	}
}

// "How long …" is answered by a duration written without a digit: a
// number word ("two weeks") or an article and a unit of time ("an hour",
// "a day"); "a second" before a noun counts nothing, and an article
// before another word is no duration.
func TestDurationWithoutDigits(t *testing.T) {
	k := kindOf("How long is a selected TLS certificate cached for a server name?")
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Once selected, it is cached for an hour.", true},
		{"Once a TLS certificate has been selected as the \"best\" TLS certificate for a server name, it is cached for an hour, avoiding the selection process for further connections.", true},
		{"Each entry is kept for a day before it is dropped.", true},
		{"Entries are kept for two weeks.", true},
		{"Logs rotate after a month.", true},
		{"The certificate is cached in memory.", false},
		{"A token is issued by the server.", false},
		{"Add a second listener to the entry point.", false},
	} {
		if got := k.fitsIn(tt.s, "en"); got != tt.want {
			t.Errorf("how long fits %q = %v, want %v", tt.s, got, tt.want)
		}
	}
	if figureKind.fitsIn("Le certificat reste en cache une heure.", "en") {
		t.Errorf("a French unit counts for an English question")
	}
}
