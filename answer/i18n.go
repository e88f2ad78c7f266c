package answer

import (
	"fmt"
	"strings"
)

// Words the reader sees around an answer, in the languages the bot detects
// well enough to answer in: English, French, Arabic and Chinese. Other
// languages get English.
type phrase int

const (
	phNotCovered phrase = iota
	phNotVerified
	phNearest
	phCheck
	phNoQuote
	phShortQuote
	phNotFound
	phOtherPassage
	phOtherUncited
	phNumber
	phName
	phNegation
	phUncited
	phCutLength
	phCutStream
	phExtractive
	phFallback
)

var phrases = map[string]map[phrase]string{
	"en": {
		phNotCovered:   "The corpus does not cover this.",
		phNotVerified:  "I could not verify an answer to this in the documents.",
		phNearest:      "Nearest documents",
		phCheck:        "Check these sentences against the sources:",
		phNoQuote:      "its citation %s quotes nothing from the passage",
		phShortQuote:   "its quote is too short to check",
		phNotFound:     "its quote is not in passage %s",
		phOtherPassage: "its quote is from passage %s, which it does not cite",
		phOtherUncited: "its quote is from a passage it does not cite",
		phNumber:       "the quoted sentence does not give the figure %s",
		phName:         "the quoted sentence does not name %s",
		phNegation:     "the sentence and its quote disagree on a negation",
		phUncited:      "it cites no passage",
		phCutLength:    "The answer reached the length limit and was cut off here.",
		phCutStream:    "The model's reply was interrupted; this is what was verified before it stopped.",
		phExtractive:   "No language model is configured: these are the best-matching sentences, quoted.",
		phFallback:     "The language model could not write today's briefing: these are the documents' lead sentences, quoted.",
	},
	"fr": {
		phNotCovered:   "Le corpus ne couvre pas ce sujet.",
		phNotVerified:  "Je n'ai pas pu vérifier de réponse à cette question dans les documents.",
		phNearest:      "Documents les plus proches",
		phCheck:        "Vérifiez ces phrases dans les sources :",
		phNoQuote:      "sa citation %s ne cite aucun extrait du passage",
		phShortQuote:   "son extrait est trop court pour être vérifié",
		phNotFound:     "son extrait ne figure pas dans le passage %s",
		phOtherPassage: "son extrait vient du passage %s, qu'elle ne cite pas",
		phOtherUncited: "son extrait vient d'un passage qu'elle ne cite pas",
		phNumber:       "la phrase citée ne donne pas le chiffre %s",
		phName:         "la phrase citée ne nomme pas %s",
		phNegation:     "la phrase et son extrait ne s'accordent pas sur une négation",
		phUncited:      "elle ne cite aucun passage",
		phCutLength:    "La réponse a atteint la longueur maximale et s'arrête ici.",
		phCutStream:    "La réponse du modèle a été interrompue ; voici ce qui était vérifié avant l'arrêt.",
		phExtractive:   "Aucun modèle de langue n'est configuré : voici les phrases les plus proches, citées.",
		phFallback:     "Le modèle de langue n'a pas pu rédiger le point du jour : voici les premières phrases des documents, citées.",
	},
	"ar": {
		phNotCovered:   "لا تتناول وثائق المجموعة هذا الموضوع.",
		phNotVerified:  "لم أتمكن من التحقق من إجابة عن هذا السؤال في الوثائق.",
		phNearest:      "أقرب الوثائق",
		phCheck:        "تحقق من هذه الجمل في المصادر:",
		phNoQuote:      "الإحالة %s لا تقتبس شيئًا من المقطع",
		phShortQuote:   "الاقتباس أقصر من أن يُتحقق منه",
		phNotFound:     "الاقتباس غير موجود في المقطع %s",
		phOtherPassage: "الاقتباس من المقطع %s الذي لا تحيل إليه",
		phOtherUncited: "الاقتباس من مقطع لا تحيل إليه",
		phNumber:       "الجملة المقتبسة لا تذكر الرقم %s",
		phName:         "الجملة المقتبسة لا تذكر %s",
		phNegation:     "الجملة واقتباسها يختلفان في النفي",
		phUncited:      "لا تحيل إلى أي مقطع",
		phCutLength:    "بلغت الإجابة الحد الأقصى للطول وتوقفت هنا.",
		phCutStream:    "انقطع رد النموذج؛ هذا ما تم التحقق منه قبل توقفه.",
		phExtractive:   "لا يوجد نموذج لغوي مهيأ: هذه أقرب الجمل، مقتبسة.",
		phFallback:     "تعذر على النموذج اللغوي كتابة موجز اليوم: هذه الجمل الأولى من الوثائق، مقتبسة.",
	},
	"zh": {
		phNotCovered:   "語料庫沒有涉及這個問題。",
		phNotVerified:  "我無法在文件中核實這個問題的答案。",
		phNearest:      "最相關的文件",
		phCheck:        "請對照來源核實以下句子：",
		phNoQuote:      "引用 %s 沒有摘錄段落原文",
		phShortQuote:   "摘錄太短，無法核實",
		phNotFound:     "摘錄不在段落 %s 中",
		phOtherPassage: "摘錄來自段落 %s，但句子沒有引用它",
		phOtherUncited: "摘錄來自句子沒有引用的段落",
		phNumber:       "所引句子沒有提到數字 %s",
		phName:         "所引句子沒有提到 %s",
		phNegation:     "句子與摘錄在否定上不一致",
		phUncited:      "沒有引用任何段落",
		phCutLength:    "回答達到長度上限，在此中斷。",
		phCutStream:    "模型的回覆中斷了；以下是中斷前已核實的內容。",
		phExtractive:   "未配置語言模型：以下是最相關的原文句子。",
		phFallback:     "語言模型未能撰寫今天的簡報：以下是各文件的開頭句子。",
	},
}

// say returns a phrase in lang, English when lang has none.
func say(lang string, p phrase, args ...any) string {
	s, ok := phrases[lang][p]
	if !ok {
		s = phrases["en"][p]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

func notCoveredText(lang string) string { return say(lang, phNotCovered) }

// NearestHeading titles the list of nearest documents of an abstention, in
// the result's language.
func (r *Result) NearestHeading() string { return say(r.Lang, phNearest) }

// Notes are the lines to show below the result, in its language: why each
// marked sentence is marked (opening with its mark and its first words),
// whether the answer was cut short, and whether a failed briefing was
// written without the model.
func (r *Result) Notes() []string {
	var out []string
	marked := false
	for _, c := range r.Claims {
		if !c.Marked() {
			continue
		}
		if !marked {
			out = append(out, say(r.Lang, phCheck))
			marked = true
		}
		out = append(out, fmt.Sprintf("%s “%s” — %s", markText(c), truncateRunes(oneLine(c.Text), 60), c.why(r.Lang)))
	}
	switch r.Cut {
	case CutLength:
		out = append(out, say(r.Lang, phCutLength))
	case CutStream:
		out = append(out, say(r.Lang, phCutStream))
	}
	if r.Fallback {
		out = append(out, say(r.Lang, phFallback))
	}
	return out
}

// ExtractiveNote says, in the result's language, that no model wrote it:
// the sentences are the corpus' own. "" for a model's result or an
// abstention.
func (r *Result) ExtractiveNote() string {
	if !r.Extractive || r.Abstained || r.Fallback {
		return ""
	}
	return say(r.Lang, phExtractive)
}

// why says, in lang, why c is marked.
func (c Claim) why(lang string) string {
	cites := citeList(c.Cites)
	switch c.Reason {
	case ReasonNoQuote:
		return say(lang, phNoQuote, cites)
	case ReasonShortQuote:
		return say(lang, phShortQuote)
	case ReasonNotFound:
		return say(lang, phNotFound, cites)
	case ReasonOtherPassage:
		if c.Detail != "" {
			return say(lang, phOtherPassage, c.Detail)
		}
		return say(lang, phOtherUncited)
	case ReasonNumber:
		return say(lang, phNumber, c.Detail)
	case ReasonName:
		return say(lang, phName, c.Detail)
	case ReasonNegation:
		return say(lang, phNegation)
	default:
		return say(lang, phUncited)
	}
}

func citeList(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString("[" + itoa(n) + "]")
	}
	return b.String()
}
