package i18n

import "golang.org/x/text/feature/plural"

// forms are a counted message's wordings by CLDR plural category. Other
// is always there: it is also the fallback for a category a language
// leaves out. Russian waits and limits are in the case their sentence
// needs (через/подождите take the accusative, не больше the genitive);
// Arabic counts are nominative, or in the case of their sentence.
type forms map[plural.Form]string

const (
	zero  = plural.Zero
	one   = plural.One
	two   = plural.Two
	few   = plural.Few
	many  = plural.Many
	other = plural.Other
)

var counts = [numCountKeys]map[string]forms{
	Seconds: {
		"en":      {one: "%d second", other: "%d seconds"},
		"fr":      {one: "%d seconde", other: "%d secondes"},
		"de":      {one: "%d Sekunde", other: "%d Sekunden"},
		"es":      {one: "%d segundo", other: "%d segundos"},
		"pt":      {one: "%d segundo", other: "%d segundos"},
		"ru":      {one: "%d секунду", few: "%d секунды", many: "%d секунд", other: "%d секунды"},
		"ar":      {zero: "%d ثانية", one: "ثانية واحدة", two: "ثانيتين", few: "%d ثوانٍ", many: "%d ثانية", other: "%d ثانية"},
		"ja":      {other: "%d秒"},
		"zh":      {other: "%d 秒"},
		"zh-Hant": {other: "%d 秒"},
	},
	Minutes: {
		"en":      {one: "%d minute", other: "%d minutes"},
		"fr":      {one: "%d minute", other: "%d minutes"},
		"de":      {one: "%d Minute", other: "%d Minuten"},
		"es":      {one: "%d minuto", other: "%d minutos"},
		"pt":      {one: "%d minuto", other: "%d minutos"},
		"ru":      {one: "%d минуту", few: "%d минуты", many: "%d минут", other: "%d минуты"},
		"ar":      {zero: "%d دقيقة", one: "دقيقة واحدة", two: "دقيقتين", few: "%d دقائق", many: "%d دقيقة", other: "%d دقيقة"},
		"ja":      {other: "%d分"},
		"zh":      {other: "%d 分钟"},
		"zh-Hant": {other: "%d 分鐘"},
	},
	QuestionsAhead: {
		"en": {
			one:   "⏳ One question is ahead of yours; I'll answer as soon as I can.",
			other: "⏳ %d questions are ahead of yours; I'll answer as soon as I can.",
		},
		"fr": {
			one:   "⏳ Une question passe avant la vôtre ; je réponds dès que possible.",
			other: "⏳ %d questions passent avant la vôtre ; je réponds dès que possible.",
		},
		"de": {
			one:   "⏳ Eine Frage ist vor deiner dran; ich antworte, so schnell ich kann.",
			other: "⏳ %d Fragen sind vor deiner dran; ich antworte, so schnell ich kann.",
		},
		"es": {
			one:   "⏳ Hay una pregunta antes que la tuya; responderé en cuanto pueda.",
			other: "⏳ Hay %d preguntas antes que la tuya; responderé en cuanto pueda.",
		},
		"pt": {
			one:   "⏳ Há uma pergunta na frente da sua; vou responder assim que puder.",
			other: "⏳ Há %d perguntas na frente da sua; vou responder assim que puder.",
		},
		"ru": {
			one:   "⏳ Перед вашим вопросом в очереди %d вопрос; отвечу, как только смогу.",
			few:   "⏳ Перед вашим вопросом в очереди %d вопроса; отвечу, как только смогу.",
			many:  "⏳ Перед вашим вопросом в очереди %d вопросов; отвечу, как только смогу.",
			other: "⏳ Перед вашим вопросом в очереди %d вопроса; отвечу, как только смогу.",
		},
		"ar": {
			one:   "⏳ أمام سؤالك سؤال واحد؛ سأجيب في أقرب وقت ممكن.",
			two:   "⏳ أمام سؤالك سؤالان؛ سأجيب في أقرب وقت ممكن.",
			few:   "⏳ أمام سؤالك %d أسئلة؛ سأجيب في أقرب وقت ممكن.",
			many:  "⏳ أمام سؤالك %d سؤالًا؛ سأجيب في أقرب وقت ممكن.",
			other: "⏳ أمام سؤالك %d سؤال؛ سأجيب في أقرب وقت ممكن.",
		},
		"ja":      {other: "⏳ あなたの前に%d件の質問があります。できるだけ早く回答します。"},
		"zh":      {other: "⏳ 你前面还有 %d 个问题；我会尽快回答。"},
		"zh-Hant": {other: "⏳ 你前面還有 %d 個問題；我會盡快回答。"},
	},
	Documents: {
		"en":      {one: "%d document", other: "%d documents"},
		"fr":      {one: "%d document", other: "%d documents"},
		"de":      {one: "%d Dokument", other: "%d Dokumente"},
		"es":      {one: "%d documento", other: "%d documentos"},
		"pt":      {one: "%d documento", other: "%d documentos"},
		"ru":      {one: "%d документ", few: "%d документа", many: "%d документов", other: "%d документа"},
		"ar":      {zero: "%d وثيقة", one: "وثيقة واحدة", two: "وثيقتان", few: "%d وثائق", many: "%d وثيقة", other: "%d وثيقة"},
		"ja":      {other: "%d件の文書"},
		"zh":      {other: "%d 个文档"},
		"zh-Hant": {other: "%d 份文件"},
	},
	MoreDocuments: {
		"en":      {other: "…and %d more: type more of the title."},
		"fr":      {one: "…et %d autre : précisez le titre.", other: "…et %d autres : précisez le titre."},
		"de":      {one: "…und %d weiteres: Tippe mehr vom Titel.", other: "…und %d weitere: Tippe mehr vom Titel."},
		"es":      {other: "…y %d más: escribe más del título."},
		"pt":      {other: "…e mais %d: digite mais do título."},
		"ru":      {other: "…и ещё %d: введите больше слов из названия."},
		"ar":      {other: "…وغيرها (%d): اكتب جزءًا أطول من العنوان."},
		"ja":      {other: "…ほか%d件。タイトルをもっと入力してください。"},
		"zh":      {other: "…还有 %d 个：请输入更多标题文字。"},
		"zh-Hant": {other: "…還有 %d 份：請輸入更多標題文字。"},
	},
	Characters: {
		"en":      {one: "%d character", other: "%d characters"},
		"fr":      {one: "%d caractère", other: "%d caractères"},
		"de":      {other: "%d Zeichen"},
		"es":      {one: "%d carácter", other: "%d caracteres"},
		"pt":      {one: "%d caractere", other: "%d caracteres"},
		"ru":      {one: "%d символа", few: "%d символов", many: "%d символов", other: "%d символа"},
		"ar":      {zero: "%d حرف", one: "حرف واحد", two: "حرفان", few: "%d أحرف", many: "%d حرفًا", other: "%d حرف"},
		"ja":      {other: "%d文字"},
		"zh":      {other: "%d 个字符"},
		"zh-Hant": {other: "%d 個字元"},
	},
	Words: {
		"en":      {one: "%d word", other: "%d words"},
		"fr":      {one: "%d mot", other: "%d mots"},
		"de":      {one: "%d Wort", other: "%d Wörter"},
		"es":      {one: "%d palabra", other: "%d palabras"},
		"pt":      {one: "%d palavra", other: "%d palavras"},
		"ru":      {one: "%d слово", few: "%d слова", many: "%d слов", other: "%d слова"},
		"ar":      {zero: "%d كلمة", one: "كلمة واحدة", two: "كلمتان", few: "%d كلمات", many: "%d كلمة", other: "%d كلمة"},
		"ja":      {other: "%d語"},
		"zh":      {other: "%d 个词"},
		"zh-Hant": {other: "%d 個詞"},
	},
	Passages: {
		"en":      {one: "%d passage", other: "%d passages"},
		"fr":      {one: "%d passage", other: "%d passages"},
		"de":      {one: "%d Abschnitt", other: "%d Abschnitte"},
		"es":      {one: "%d pasaje", other: "%d pasajes"},
		"pt":      {one: "%d trecho", other: "%d trechos"},
		"ru":      {one: "%d фрагмент", few: "%d фрагмента", many: "%d фрагментов", other: "%d фрагмента"},
		"ar":      {zero: "%d مقطع", one: "مقطع واحد", two: "مقطعان", few: "%d مقاطع", many: "%d مقطعًا", other: "%d مقطع"},
		"ja":      {other: "%d段落"},
		"zh":      {other: "%d 个段落"},
		"zh-Hant": {other: "%d 個段落"},
	},
}
