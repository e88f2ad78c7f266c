package answer

import (
	"regexp"
	"strings"
	"unicode"

	"corpusbot/text"
)

// asksPlace reports a question asking where, in English, French, Arabic
// or Chinese: "Where do I open the HotROD demo?", "Où se trouve le
// fichier ?", "أين …", "在哪里…". In a team's documents the place a reader
// opens, reaches or finds is mostly written as an address: a URL, a
// path, a file.
//
// Only where the question asks where to open, reach or find something, or
// where it is kept: "Where do organizations publish their charts?" asks
// for a kind of place (container registries), "Where can values come
// from?" for sources, "Where was Tesla born?" for a town, none of them an
// address.
func asksPlace(first, q string) bool {
	if addressNoun(q) != "" {
		return true
	}
	if !placeWords[first] && !containsAny(q, zhWhere) {
		return false
	}
	l := strings.ToLower(q)
	for w := range text.Words(l) {
		if reachVerbs[l[w.Start:w.End]] {
			return true
		}
	}
	return containsAny(q, zhReach)
}

var (
	// placeWords open a question asking where; "وأين" is Arabic's "and
	// where".
	placeWords = setOf(strings.Fields("where où أين وأين"))
	// reachVerbs open, reach or find a thing, or keep it somewhere, in
	// English, French and Arabic.
	reachVerbs = setOf(strings.Fields(`
		open opens opened find finds found access accessed reach reached see view browse navigate visit go get download
		locate located store stores stored live lives kept keep put saved save written write writes
		ouvrir ouvre trouver trouve trouvent accéder accède voir consulter télécharger stocké stockée stockés stockées
		situé située enregistré enregistrée écrit écrits
		أفتح نفتح يفتح أجد نجد يوجد توجد يقع تقع يُخزن يخزن تخزن تُخزن أصل الوصول أحمل تحميل`))
	// zhReach open, reach or find a thing, or keep it, in Chinese.
	zhReach = []string{"打开", "打開", "找到", "访问", "訪問", "查看", "下载", "下載", "位于", "位於", "存放", "存储", "存儲", "保存"}
	// zhWhere ask where in Chinese; "在哪" alone is also "在哪一年", in
	// which year.
	zhWhere = []string{"哪里", "哪裡", "哪儿", "哪兒"}
)

// addressNoun returns the noun of a question asking which address: "At
// what address can I open the UI?", "Which URL …", "What is the URL of
// …", "Quelle adresse …", "什么地址": the question word opens it (after a
// preposition), the noun within its first words. "" for any other
// question ("How do I set the address?" asks how).
func addressNoun(q string) string {
	if containsAny(q, zhWhat) {
		for _, n := range zhAddress {
			if strings.Contains(q, n) {
				return n
			}
		}
	}
	l := strings.ToLower(q)
	n := 0
	opened := false
	for w := range text.Words(l) {
		word := l[w.Start:w.End]
		switch {
		case n == 0 && addressPreps[word]:
			continue
		case !opened && !whatWords[word]:
			return ""
		case addressNouns[word]:
			return word
		}
		opened = true
		if n++; n > 4 {
			break
		}
	}
	return ""
}

var (
	// addressNouns name an address in English, French and Arabic.
	addressNouns = setOf(strings.Fields("address addresses url urls uri link adresse adresses lien عنوان رابط"))
	// whatWords open a question asking which thing.
	whatWords = setOf(strings.Fields("what which quel quelle quels quelles ما ماذا أي"))
	// addressPreps may stand before the question word: "At what address".
	addressPreps = setOf(strings.Fields("at on to from à sur"))
	zhWhat       = []string{"什么", "什麼", "哪个", "哪個"}
	zhAddress    = []string{"地址", "网址", "網址", "链接", "鏈接"}
)

// holdsAddress reports whether a sentence writes an address a reader can
// open: a URL ("http://localhost:8080"), a host and port
// ("localhost:9090", "127.0.0.1:16686"), a path ("/etc/helm",
// "~/.config/helm", "conf/prometheus.yml") or a file name with a file's
// extension ("values.yaml"). "and/or" or "1/2" are none: a path's parts
// are words, and a bare one needs a leading slash, dot or tilde, or two
// slashes.
func holdsAddress(sentence string) bool {
	if strings.Contains(sentence, "://") {
		return true
	}
	for _, w := range strings.Fields(sentence) {
		w = strings.Trim(w, "`'\"“”‘’()[]{}<>,;.!?:")
		if w == "" {
			continue
		}
		if hostPort.MatchString(w) || fileName.MatchString(w) || isPath(w) {
			return true
		}
	}
	return false
}

var (
	hostPort = regexp.MustCompile(`^(localhost|\d{1,3}(\.\d{1,3}){3}|[\pL\pN-]+(\.[\pL\pN-]+)+):\d{2,5}(/.*)?$`)
	fileName = regexp.MustCompile(`^[\pL\pN_.-]+\.(ya?ml|json|toml|conf|cfg|ini|env|properties|xml|html?|sh|tpl|txt|pem|crt|key|log|lock)$`)
	pathPart = regexp.MustCompile(`^[\pL\pN_.{}$-]*$`)
)

// isPath reports a word that is a file system or URL path: "/etc/helm",
// "./bin", "~/.kube/config", "charts/mychart/values.yaml".
func isPath(w string) bool {
	if !strings.Contains(w, "/") {
		return false
	}
	lead := strings.HasPrefix(w, "/") || strings.HasPrefix(w, "./") || strings.HasPrefix(w, "../") || strings.HasPrefix(w, "~/")
	parts := strings.Split(strings.TrimLeft(w, "./~"), "/")
	words := 0
	for _, p := range parts {
		if !pathPart.MatchString(p) {
			return false
		}
		if strings.ContainsFunc(p, unicode.IsLetter) {
			words++
		}
	}
	return words > 0 && (lead || len(parts) >= 3)
}
