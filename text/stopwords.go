package text

import (
	"slices"
	"strings"
	"sync"
)

// extraStopwords are this project's additions to the maintained lists
// (stop_table.go): question words and auxiliaries, which carry no topic in
// a question ("What did … say", "combien", "كم"), and forms the tokenizer
// leaves ("t" of French "a-t-il", English contractions without their
// apostrophe). Chinese has no maintained list: its function words and
// question words are here, as whole words (the analyser drops the
// characters and pairs that match).
func extraStopwords(lang string) string {
	switch lang {
	case "en":
		// Lucene's English set plus question words and auxiliaries; measured
		// on SciFact (docs/benchmarks.md).
		return `a an and are as at be but by for if in into is it no not of on or such that
the their then there these they this to was will with
what which who whom whose why how when where
do does did done doing has have had having been being were am
i me my we our you your he him his she her its them those
would should could can may might shall about from than so also
many much more most other some any very only just each both few
dont doesnt didnt isnt arent wasnt werent wont cant`
	case "fr":
		return `a à au aux avec ce ces cet cette ceci cela ça dans de des du elle elles en et
eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne ni nos
notre nous on ou où par pas pour qu que quel quelle quels quelles qui quoi
sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous y
est était étaient être été ai as avons avez ont avait avaient eu
dont donc comme comment pourquoi quand lorsque puisque car
combien lequel laquelle lesquels lesquelles auquel duquel t`
	case "ar":
		return `في من على إلى الى عن مع أن إن ان أو او ثم لا لم لن ما ماذا لماذا كيف كم متى أين هل
فيم بم مم عم علام إلام
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين التى
هو هي هم هن نحن أنا انا أنت انت أنتم
كان كانت يكون تكون قد لقد كل بعض غير بين حتى إذا اذا لكن بل أي أيضا
عند عندما منذ حيث قبل بعد فيه فيها منه منها عليه عليها به بها له لها لهم
و ف ب ل ك يا
تم يمكن اسم`
	case "de":
		return `wer wie was wann wo warum wieso weshalb welche welcher welches welchem welchen
wieviel wieviele woher wohin womit wodurch wurde wurden worden`
	case "es":
		// "para qué sirve" (what is it for) asks of a purpose, as
		// Portuguese's "para que serve" below.
		return `qué cuál cuáles quién quiénes cuándo dónde cómo cuánto cuánta cuántos cuántas sirve sirven`
	case "pt":
		// "Para que serve …?" (what is … for): "serve" stems with "server"
		// ("server rendering"), which then held the question (round seven).
		return `qual quais quem quando onde como quanto quanta quantos quantas porque serve servem`
	case "it":
		return `cosa chi quando dove come perché quale quali quanto quanta quanti quante`
	case "tr":
		return `kaç ne nedir neydi kim kimdir kimdi kimin kime nerede neredeydi nereden nereye hangi
hangisi nasıl neden niçin niye mi mı mu mü midir mıdır`
	case "id":
		// Question words and their -kah forms; "cara" (way) of "bagaimana
		// cara …" (how to …).
		return `siapa siapakah kapan kapankah berapa berapakah mengapa kenapa mana manakah
dimana di mana apakah bagaimanakah adakah cara`
	case "ro":
		return `cui care cine unde când cum cât câte câți de ce`
	case "ru":
		return `что кто где когда как почему какой какая какое какие каком какой сколько зачем чей чья чьи`
	case "uk":
		// Question words, as Russian's above; "чи" asks yes or no, "таке"
		// is "що таке" (what is).
		// "робить" (does) of "що робить …", and "потрібен" of "навіщо
		// потрібен …" (what is … for), as Portuguese's "serve".
		return `що хто де коли як чому навіщо який яка яке які якого якої яким якій яку скільки чий чия чиє чиї чи таке
робить роблять потрібен потрібна потрібне потрібні`
	case "hi":
		// Question words, which Savoy's list lacks but "कौन" and "कितना"
		// (who, how much), and "करती" beside its "करता", "करते" (does).
		return `क्या कैसे कैसा कैसी कब कहाँ कहां क्यों किसने किसको किसका किसकी किसके कितनी कितने कौनसी कौनसे करती`
	case "bn":
		// Question words (Bengali has no maintained list here), as Hindi's
		// and Ukrainian's above; "কি" also asks yes or no, "করে" and "হয়"
		// are "does" and "is" of "কী করে", "কিভাবে … হয়".
		return `কী কি কেন কিভাবে কীভাবে কেমন কেমনে কোন কোনটি কোনটা কোনগুলো কোথায় কোথা কখন কে কারা
কার কাকে কাদের কত কতটা কতগুলো কতজন করে হয়`
	case "th":
		// Thai's question words and the particles that ask (กี่ "how
		// many", หรือไม่ and ไหม "or not"), from the grammar: a Thai
		// question is a statement with one of them in it.
		return `อะไร ไหน ที่ไหน แบบไหน อันไหน อย่างไร ยังไง ใคร ทำไม เมื่อไร เมื่อไหร่ กี่ เท่าไร เท่าไหร่
หรือไม่ หรือเปล่า ไหม มั้ย บ้าง คือ`
	case "lo":
		// Lao's question words and the particles that ask, as Thai's above
		// (Lao writes them as Thai does: ຫຍັງ อะไร, ໃສ ไหน, ແນວໃດ
		// อย่างไร, ຈັກ กี่, ບໍ ไหม), from the grammar; ແມ່ນ is the copula
		// of "… ແມ່ນຫຍັງ" (what is …), as คือ.
		return `ຫຍັງ ແມ່ນຫຍັງ ໃຜ ໃສ ຢູ່ໃສ ໃດ ອັນໃດ ບ່ອນໃດ ແນວໃດ ຄືແນວໃດ ຢ່າງໃດ ເປັນຫຍັງ ເມື່ອໃດ ຕອນໃດ
ຈັກ ເທົ່າໃດ ຫຼາຍປານໃດ ບໍ ແມ່ນບໍ ຫຼືບໍ່ ບາງ ແມ່ນ`
	case "km":
		// Khmer's question words and particles (តើ opens a question, ឬទេ
		// and ទេ close one), from the grammar; គឺ and ជា are the copula of
		// "… គឺជាអ្វី" (what is …). Not មិន, the negation.
		return `តើ អ្វី ជាអ្វី អ្នកណា នរណា ណា ឯណា កន្លែងណា មួយណា យ៉ាងដូចម្តេច ដូចម្តេច ដូចម្ដេច យ៉ាងម៉េច ម៉េច
ហេតុអ្វី ហេតុអី ពេលណា នៅពេលណា កាលណា ប៉ុន្មាន ឬទេ ឬ ទេ គឺ ជា គឺជា`
	case "my":
		// Myanmar's question words and the particles that end a question
		// (လဲ and လား, formal နည်း and နည်း's သနည်း), from the grammar.
		return `ဘာ ဘာလဲ ဘယ် ဘယ်သူ ဘယ်မှာ ဘယ်လို ဘယ်လောက် ဘယ်နှစ် ဘယ်တော့ ဘယ်အချိန် ဘာကြောင့် ဘာဖြစ်လို့
လဲ လား နည်း သနည်း သလဲ သလား မလဲ မလား အဘယ် အဘယ်ကြောင့်`
	case "fa":
		// Question words (Persian has no maintained list here), as
		// Bengali's above, with the copula and the verbs a question is put
		// with ("است", "کنم" of "چطور … نصب کنم", "میکنند" with its non-joiner,
		// "چه کاری انجام میدهد", what does … do; written with \u200c, which
		// an editor does not show), and the object marker را and
		// prepositions that stand alone in Persian (Arabic's list does not
		// hold them: Arabic glues its own on).
		return "چه چی چیست چیه چرا چطور چطوری چگونه کدام کدوم کجا کجاست کی کیست چند چقدر چندم آیا\n" +
			"است هست هستند بود را به از در با برای که و یا این آن کنم کنیم کند کنند کنید می\u200cکند می\u200cکنند\n" +
			"می\u200cشود باید کاری انجام می\u200cدهد می\u200cدهند"
	case "ur":
		// stopwords-iso's list (isoWordsUR), and what its font-mangled
		// entries meant to hold, as Urdu writes it: the postpositions,
		// the copula and auxiliaries, and the question words ("کیا" asks
		// yes or no as Persian's آیا). Not نہیں: a negation is never
		// dropped (the support check compares them).
		return isoWordsUR + "\n" + `کا کی کے کو میں سے نے پر تک کیا کون کب کہاں کیوں کیسے کیسا کیسی کتنا کتنی کتنے
کس کسے کسی کن وہ یہ جو جس ان اس یا اور بھی ہی ہے ہیں تھا تھی تھے ہو ہوتا ہوتی ہوتے
کرتا کرتی کرتے سکتا سکتی سکتے رہا رہی رہے گیا گئی گئے والا والی والے لیے`
	case "he":
		// Question words (Hebrew has no maintained list here), as Persian's
		// above, with the words a question is put with: "זה" of "מה זה",
		// the object marker את, של, and "עושה" (does) of "מה עושה …".
		return `מה מי מתי איפה היכן לאן מאין למה מדוע איך כיצד האם כמה איזה איזו אילו
זה זו זאת הוא היא הם הן את של על עם יש אין עושה עושים עושות`
	case "zh":
		return `的 了 是 在 和 与 及 或 也 都 就 而 被 把 吗 呢 吧 啊 着 过 之 其 这 那 个
什么 哪 哪个 哪些 哪里 哪儿 谁 几 多少 怎么 怎样 怎么样 如何 为什么 为何 是否 是不是 每个`
	}
	return ""
}

// Stopwords returns the stopwords of lang (an ISO 639-1 code such as "en";
// a region suffix is ignored), or nil when it has none. The caller owns
// the slice.
func Stopwords(lang string) []string {
	lang = BaseLang(lang)
	ws := append(strings.Fields(maintainedStopwords(lang)), strings.Fields(extraStopwords(lang))...)
	slices.Sort(ws)
	return slices.Compact(ws)
}

// stopLangs are the languages with a stopword list.
var stopLangs = [...]string{"ar", "bn", "da", "de", "en", "es", "fa", "fi", "fr", "ga", "he", "hi", "hu", "id", "it", "km", "lo", "my", "nl", "no", "pt", "ro", "ru", "sv", "th", "tr", "uk", "ur", "zh"}

// notInUnion are languages whose list stays out of the union of all
// (IsStopword with ""): Urdu's holds words Arabic and Persian write the
// same and use as content (افراد, طرف, صورت, صفر), which the union would
// make stopwords of every Arabic text.
var notInUnion = [...]string{"ur"}

// stopSet is one list, or the union of all, as a set of folded words.
type stopSet struct {
	words map[string]struct{}
	// filter has the bit stopKey of each word set: a word whose bit is
	// clear is no stopword, known without hashing it. Most words of a text
	// are not stopwords, and the loader looks up every word it judges.
	filter [1 << 10]uint64
}

func (s *stopSet) add(w string) {
	s.words[w] = struct{}{}
	if w != "" {
		k := stopKey(w)
		s.filter[k>>6] |= 1 << (k & 63)
	}
}

func (s *stopSet) has(w string) bool {
	if w == "" {
		_, ok := s.words[w]
		return ok
	}
	if k := stopKey(w); s.filter[k>>6]>>(k&63)&1 == 0 {
		return false
	}
	_, ok := s.words[w]
	return ok
}

// stopLists holds every list, and the union of all.
type stopLists struct {
	byLang map[string]*stopSet
	all    *stopSet
}

var stopSets = sync.OnceValue(func() stopLists {
	sets := stopLists{byLang: make(map[string]*stopSet, len(stopLangs)), all: &stopSet{words: make(map[string]struct{})}}
	for _, lang := range stopLangs {
		set := &stopSet{words: make(map[string]struct{})}
		union := !slices.Contains(notInUnion[:], lang)
		for _, w := range Stopwords(lang) {
			for _, v := range []string{w, Fold(w)} {
				set.add(v)
				if union {
					sets.all.add(v)
				}
			}
		}
		sets.byLang[lang] = set
	}
	return sets
})

// IsStopword reports whether the lower-case word w is a stopword of lang,
// or, when lang is "", of any language that has a list. Folded forms
// (Fold) match too, and Hebrew with points ("מָה" is "מה").
func IsStopword(lang, w string) bool {
	sets := stopSets()
	set := sets.all
	if lang != "" { // the loader asks with "" for every word it judges
		var ok bool
		if set, ok = sets.byLang[BaseLang(lang)]; !ok {
			return false
		}
	}
	if set.has(w) {
		return true
	}
	// A Hebrew word starts with a letter, two bytes led by 0xD7: other
	// words, most of what the loader asks about, are told by one byte.
	if len(w) < 4 || w[0] != 0xD7 {
		return false
	}
	bare := strings.Map(func(r rune) rune {
		if IsHebrewPoint(r) {
			return -1
		}
		return r
	}, w)
	return bare != w && set.has(bare)
}

// BaseLang returns the language of a tag without its region or script, in
// lower case: "en-US" and "EN_gb" give "en".
func BaseLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// FramingPhrases returns the function phrases of lang that a question is
// put with (Chinese 用来, 如何, 为了; Japanese について, 何), or nil when
// it has none: the entries of a maintained list (for Chinese those of two
// characters or more), for a retriever that keeps them as terms but does
// not ask a passage to hold them. Only Chinese and Japanese have one. The
// caller owns the slice.
func FramingPhrases(lang string) []string {
	switch BaseLang(lang) {
	case "zh":
		return strings.Fields(isoPhrasesZH)
	case "ja":
		// Whole: its one-character entries are kana particles and the
		// pronouns and question word 何, 彼, 私, never what is asked.
		return strings.Fields(isoWordsJA)
	}
	return nil
}
