package text_test

import (
	"fmt"
	"strings"

	"corpusbot/text"
)

// Fold is the normalisation for matching: a quote checked against a
// passage matches when its folding occurs in the passage's folding.
func ExampleFold() {
	fmt.Println(text.Fold("ＡＬＩＰＡＹ’s  “Ant\u00a0Group”"))
	fmt.Println(text.Fold("支付寶 劉強東 創業"))
	fmt.Println(text.Fold("الصَّغِيرَةُ أكثر من ٢٢٬٠٠٠"))
	fmt.Println(text.Fold("Straße — 12.8 %"))

	passage := "Regulators told Alipay’s parent, Ant Group, to\nspin off its micro-loan business."
	quote := "alipay's parent, ant group, to spin off"
	fmt.Println(strings.Contains(text.Fold(passage), text.Fold(quote)))
	// Output:
	// alipay's "ant group"
	// 支付宝 刘强东 创业
	// الصغيره اكثر من 22,000
	// strasse - 12.8 %
	// true
}

func ExampleSentences() {
	s := "If no hook deletion policy annotation is specified, the `before-hook-creation`\nbehavior applies. See v1.2.3 of the U.S. edition… Then stop."
	for _, sp := range text.Sentences(s) {
		fmt.Printf("%q\n", s[sp.Start:sp.End])
	}
	// Output:
	// "If no hook deletion policy annotation is specified, the `before-hook-creation`\nbehavior applies."
	// "See v1.2.3 of the U.S. edition…"
	// "Then stop."
}

func ExampleCountWords() {
	fmt.Println(text.CountWords("Gold hit US$5,600 an ounce, up 12.8%."))
	fmt.Println(text.CountWords("支付寶 Alipay"))
	// Output:
	// 8
	// 4
}

func ExampleDetectLanguage() {
	fmt.Println(text.DetectLanguage("Alipay (支付寶) was told to spin off its micro-loan business."))
	fmt.Println(text.DetectLanguage("Le ministère a proposé des normes pour les services de messagerie."))
	fmt.Println(text.DetectLanguage("أمرت الهيئات التنظيمية بإجراء تغييرات شاملة على Alipay"))
	// Output:
	// en
	// fr
	// ar
}

func ExampleClip() {
	fmt.Println(text.Clip("Chinese regulators have ordered sweeping changes to the country’s biggest payment app", 60))
	// Output: Chinese regulators have ordered sweeping changes to the…
}

// A claim's figures against the passage it cites, in another language:
// "450 million" is "4.5亿"; "45 million" is not.
func ExampleMissingFigure() {
	passage := "支付宝拥有4.5亿实名用户"
	for _, claim := range []string{"Alipay has 450 million real-name users", "Alipay has 45 million real-name users"} {
		f, missing := text.MissingFigure(claim, []string{passage}, false)
		fmt.Printf("%q missing=%v\n", f.Text, missing)
	}
	// Output:
	// "" missing=false
	// "45 million" missing=true
}

// A Hebrew word's joined prefixes come off, so that "in the component"
// and "the component" meet "component"; a word whose opening letters are
// its own (מערכת, system) keeps them.
func ExampleHebrewStem() {
	for _, w := range []string{"בקומפוננטה", "הקומפוננטה", "קומפוננטה", "מערכת", "install"} {
		fmt.Println(text.HebrewStem(w))
	}
	// Output:
	// קומפוננטה
	// קומפוננטה
	// קומפוננטה
	// מערכת
	// install
}

// The words of the Thai list a text writes: Thai writes no spaces between
// words, so every word of the list starting at every character is one,
// the shorter ones a longer one opens with too (ภา, ภาษ, ภาษา, ภาษาไทย).
func ExampleThaiWordsIn() {
	text.ThaiWordsIn("ภาษาไทย and ภาษา", func(id int) {
		fmt.Println(text.ThaiWordOf(id))
	})
	// Output:
	// ภา
	// ภาษ
	// ภาษา
	// ภาษาไทย
	// ไท
	// ไทย
	// ภา
	// ภาษ
	// ภาษา
}

// Vietnamese writes a space between syllables: VietWords finds the words
// of more than one, and VietHolds tells a word from a syllable of a longer
// one ("giá", price, is not held by "giá trị", value).
func ExampleVietWords() {
	s := "Có thể dùng giá trị mặc định không?"
	for w := range text.VietWords(s) {
		fmt.Printf("%q\n", s[w.Start:w.End])
	}
	fmt.Println(text.VietHolds("Giá trị mặc định là 10.", "giá"), text.VietHolds("Giá là 10 đô.", "giá"))
	// Output:
	// "Có thể"
	// "giá trị"
	// "mặc định"
	// false true
}

// What the detector knows of its languages, for a caller deciding how far
// to trust it: Serbian is written in Cyrillic and may be read as Russian
// (not the reverse); Polish is named from a few words only.
func ExampleConfusable() {
	fmt.Println(text.Script("sr"), text.Confusable("sr", "ru"), text.Confusable("ru", "sr"))
	fmt.Println(text.Script("pl"), text.FewMarkers("pl"), text.FewMarkers("fr"))
	// Output:
	// Cyrl true false
	// Latn true false
}
