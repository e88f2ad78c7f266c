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
		"ko":      {other: "%d초"},
		"uk": {
			one:   "%d секунду",
			few:   "%d секунди",
			many:  "%d секунд",
			other: "%d секунди",
		},
		"it": {
			one:   "%d secondo",
			other: "%d secondi",
		},
		"nl": {
			one:   "%d seconde",
			other: "%d seconden",
		},
		"pl": {
			one:   "%d sekundę",
			few:   "%d sekundy",
			many:  "%d sekund",
			other: "%d sekundy",
		},
		"tr": {other: "%d saniye"},
		"vi": {other: "%d giây"},
		"id": {other: "%d detik"},
		"hi": {other: "%d सेकंड"},
		"th": {other: "%d วินาที"},
		"cs": {
			one:   "%d sekundu",
			few:   "%d sekundy",
			other: "%d sekund",
		},
		"sv": {
			one:   "%d sekund",
			other: "%d sekunder",
		},
		"da": {
			one:   "%d sekund",
			other: "%d sekunder",
		},
		"nb": {
			one:   "%d sekund",
			other: "%d sekunder",
		},
		"fi": {other: "%d sekunnin"},
		"el": {
			one:   "%d δευτερόλεπτο",
			other: "%d δευτερόλεπτα",
		},
		"ro": {
			one:   "%d secundă",
			few:   "%d secunde",
			other: "%d de secunde",
		},
		"hu": {other: "%d másodperc"},
		"bg": {
			one:   "%d секунда",
			other: "%d секунди",
		},
		"hr": {
			one:   "%d sekundu",
			few:   "%d sekunde",
			other: "%d sekundi",
		},
		"lt": {
			one:   "%d sekundės",
			few:   "%d sekundžių",
			other: "%d sekundžių",
		},
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
		"ko":      {other: "%d분"},
		"uk": {
			one:   "%d хвилину",
			few:   "%d хвилини",
			many:  "%d хвилин",
			other: "%d хвилини",
		},
		"it": {
			one:   "%d minuto",
			other: "%d minuti",
		},
		"nl": {
			one:   "%d minuut",
			other: "%d minuten",
		},
		"pl": {
			one:   "%d minutę",
			few:   "%d minuty",
			many:  "%d minut",
			other: "%d minuty",
		},
		"tr": {other: "%d dakika"},
		"vi": {other: "%d phút"},
		"id": {other: "%d menit"},
		"hi": {other: "%d मिनट"},
		"th": {other: "%d นาที"},
		"cs": {
			one:   "%d minutu",
			few:   "%d minuty",
			other: "%d minut",
		},
		"sv": {
			one:   "%d minut",
			other: "%d minuter",
		},
		"da": {
			one:   "%d minut",
			other: "%d minutter",
		},
		"nb": {
			one:   "%d minutt",
			other: "%d minutter",
		},
		"fi": {other: "%d minuutin"},
		"el": {
			one:   "%d λεπτό",
			other: "%d λεπτά",
		},
		"ro": {
			one:   "%d minut",
			few:   "%d minute",
			other: "%d de minute",
		},
		"hu": {other: "%d perc"},
		"bg": {
			one:   "%d минута",
			other: "%d минути",
		},
		"hr": {
			one:   "%d minutu",
			few:   "%d minute",
			other: "%d minuta",
		},
		"lt": {
			one:   "%d minutės",
			few:   "%d minučių",
			other: "%d minučių",
		},
	},
	QuestionsAhead: {
		"en": {
			one:   "⏳ One question is ahead of yours; I'll answer as soon as I can.",
			other: "⏳ %d questions are ahead of yours; I'll answer as soon as I can.",
		},
		"fr": {
			one:   "⏳ Une question passe avant la vôtre\u202f; je réponds dès que possible.",
			other: "⏳ %d questions passent avant la vôtre\u202f; je réponds dès que possible.",
		},
		"de": {
			one:   "⏳ Eine Frage ist vor Ihrer an der Reihe; ich antworte, so schnell ich kann.",
			other: "⏳ %d Fragen sind vor Ihrer an der Reihe; ich antworte, so schnell ich kann.",
		},
		"es": {
			one:   "⏳ Hay una pregunta antes que la suya; responderé en cuanto pueda.",
			other: "⏳ Hay %d preguntas antes que la suya; responderé en cuanto pueda.",
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
		"ko":      {other: "⏳ 앞에 질문이 %d개 있습니다. 최대한 빨리 답변하겠습니다."},
		"uk": {
			one:   "⏳ Перед вашим запитанням у черзі %d запитання; відповім, щойно зможу.",
			few:   "⏳ Перед вашим запитанням у черзі %d запитання; відповім, щойно зможу.",
			many:  "⏳ Перед вашим запитанням у черзі %d запитань; відповім, щойно зможу.",
			other: "⏳ Перед вашим запитанням у черзі %d запитання; відповім, щойно зможу.",
		},
		"it": {
			one:   "⏳ C'è una domanda prima della tua; risponderò appena possibile.",
			other: "⏳ Ci sono %d domande prima della tua; risponderò appena possibile.",
		},
		"nl": {
			one:   "⏳ Er staat één vraag vóór de jouwe; ik antwoord zo snel ik kan.",
			other: "⏳ Er staan %d vragen vóór de jouwe; ik antwoord zo snel ik kan.",
		},
		"pl": {
			one:   "⏳ Przed Twoim pytaniem jest w kolejce %d pytanie; odpowiem, gdy tylko będę mógł.",
			few:   "⏳ Przed Twoim pytaniem są w kolejce %d pytania; odpowiem, gdy tylko będę mógł.",
			many:  "⏳ Przed Twoim pytaniem jest w kolejce %d pytań; odpowiem, gdy tylko będę mógł.",
			other: "⏳ Przed Twoim pytaniem jest w kolejce %d pytania; odpowiem, gdy tylko będę mógł.",
		},
		"tr": {
			one:   "⏳ Sorunuzdan önce bir soru var; en kısa sürede yanıtlayacağım.",
			other: "⏳ Sorunuzdan önce %d soru var; en kısa sürede yanıtlayacağım.",
		},
		"vi": {other: "⏳ Có %d câu hỏi đứng trước câu hỏi của bạn; tôi sẽ trả lời sớm nhất có thể."},
		"id": {other: "⏳ Ada %d pertanyaan sebelum pertanyaan Anda; saya akan menjawab secepat mungkin."},
		"hi": {
			one:   "⏳ आपके सवाल से पहले %d सवाल है; मैं जितनी जल्दी हो सके जवाब दूँगा।",
			other: "⏳ आपके सवाल से पहले %d सवाल हैं; मैं जितनी जल्दी हो सके जवाब दूँगा।",
		},
		"th": {other: "⏳ มีคำถามอยู่ก่อนคุณ %d ข้อ จะตอบให้เร็วที่สุด"},
		"cs": {
			one:   "⏳ Před vaší otázkou je ve frontě %d otázka; odpovím, jakmile to půjde.",
			few:   "⏳ Před vaší otázkou jsou ve frontě %d otázky; odpovím, jakmile to půjde.",
			other: "⏳ Před vaší otázkou je ve frontě %d otázek; odpovím, jakmile to půjde.",
		},
		"sv": {
			one:   "⏳ En fråga ligger före din; jag svarar så snart jag kan.",
			other: "⏳ %d frågor ligger före din; jag svarar så snart jag kan.",
		},
		"da": {
			one:   "⏳ Der er ét spørgsmål foran dit; jeg svarer, så snart jeg kan.",
			other: "⏳ Der er %d spørgsmål foran dit; jeg svarer, så snart jeg kan.",
		},
		"nb": {
			one:   "⏳ Det er ett spørsmål foran ditt; jeg svarer så snart jeg kan.",
			other: "⏳ Det er %d spørsmål foran ditt; jeg svarer så snart jeg kan.",
		},
		"fi": {
			one:   "⏳ Kysymystäsi ennen jonossa on yksi kysymys; vastaan niin pian kuin voin.",
			other: "⏳ Kysymystäsi ennen jonossa on %d kysymystä; vastaan niin pian kuin voin.",
		},
		"el": {
			one:   "⏳ Υπάρχει μία ερώτηση πριν από τη δική σας· θα απαντήσω το συντομότερο.",
			other: "⏳ Υπάρχουν %d ερωτήσεις πριν από τη δική σας· θα απαντήσω το συντομότερο.",
		},
		"ro": {
			one:   "⏳ Înaintea întrebării dvs. mai este o întrebare; răspund cât pot de repede.",
			few:   "⏳ Înaintea întrebării dvs. mai sunt %d întrebări; răspund cât pot de repede.",
			other: "⏳ Înaintea întrebării dvs. mai sunt %d de întrebări; răspund cât pot de repede.",
		},
		"hu": {
			one:   "⏳ Egy kérdés van a tiéd előtt; amint tudok, válaszolok.",
			other: "⏳ %d kérdés van a tiéd előtt; amint tudok, válaszolok.",
		},
		"bg": {
			one:   "⏳ Преди вашия въпрос има още един въпрос; ще отговоря веднага щом мога.",
			other: "⏳ Преди вашия въпрос има още %d въпроса; ще отговоря веднага щом мога.",
		},
		"hr": {
			one:   "⏳ Ispred vašeg pitanja u redu je %d pitanje; odgovorit ću čim budem mogao.",
			few:   "⏳ Ispred vašeg pitanja u redu su %d pitanja; odgovorit ću čim budem mogao.",
			other: "⏳ Ispred vašeg pitanja u redu je %d pitanja; odgovorit ću čim budem mogao.",
		},
		"lt": {
			one:   "⏳ Prieš jūsų klausimą eilėje yra %d klausimas; atsakysiu, kai tik galėsiu.",
			few:   "⏳ Prieš jūsų klausimą eilėje yra %d klausimai; atsakysiu, kai tik galėsiu.",
			other: "⏳ Prieš jūsų klausimą eilėje yra %d klausimų; atsakysiu, kai tik galėsiu.",
		},
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
		"ko":      {other: "문서 %d개"},
		"uk": {
			one:   "%d документ",
			few:   "%d документи",
			many:  "%d документів",
			other: "%d документа",
		},
		"it": {
			one:   "%d documento",
			other: "%d documenti",
		},
		"nl": {
			one:   "%d document",
			other: "%d documenten",
		},
		"pl": {
			one:   "%d dokument",
			few:   "%d dokumenty",
			many:  "%d dokumentów",
			other: "%d dokumentu",
		},
		"tr": {other: "%d belge"},
		"vi": {other: "%d tài liệu"},
		"id": {other: "%d dokumen"},
		"hi": {other: "%d दस्तावेज़"},
		"th": {other: "เอกสาร %d ฉบับ"},
		"cs": {
			one:   "%d dokument",
			few:   "%d dokumenty",
			other: "%d dokumentů",
		},
		"sv": {other: "%d dokument"},
		"da": {
			one:   "%d dokument",
			other: "%d dokumenter",
		},
		"nb": {
			one:   "%d dokument",
			other: "%d dokumenter",
		},
		"fi": {
			one:   "%d asiakirja",
			other: "%d asiakirjaa",
		},
		"el": {
			one:   "%d έγγραφο",
			other: "%d έγγραφα",
		},
		"ro": {
			one:   "%d document",
			few:   "%d documente",
			other: "%d de documente",
		},
		"hu": {other: "%d dokumentum"},
		"bg": {
			one:   "%d документ",
			other: "%d документа",
		},
		"hr": {
			one:   "%d dokument",
			few:   "%d dokumenta",
			other: "%d dokumenata",
		},
		"lt": {
			one:   "%d dokumentas",
			few:   "%d dokumentai",
			other: "%d dokumentų",
		},
	},
	MoreDocuments: {
		"en":      {other: "…and %d more: type more of the title."},
		"fr":      {one: "…et %d autre\u00a0: précisez le titre.", other: "…et %d autres\u00a0: précisez le titre."},
		"de":      {one: "…und %d weiteres: Geben Sie mehr vom Titel ein.", other: "…und %d weitere: Geben Sie mehr vom Titel ein."},
		"es":      {other: "…y %d más: escriba una parte mayor del título."},
		"pt":      {other: "…e mais %d: digite uma parte maior do título."},
		"ru":      {other: "…и ещё %d: введите больше слов из названия."},
		"ar":      {other: "…وغيرها (%d): اكتب جزءًا أطول من العنوان."},
		"ja":      {other: "…ほか%d件。タイトルをもっと入力してください。"},
		"zh":      {other: "…还有 %d 个：请输入更多标题文字。"},
		"zh-Hant": {other: "…還有 %d 份：請輸入更多標題文字。"},
		"ko":      {other: "…외 %d개: 제목을 더 입력해 주세요."},
		"uk":      {other: "…і ще %d: введіть більше слів із назви."},
		"it": {
			one:   "…e %d altro: scrivi una parte più lunga del titolo.",
			other: "…e altri %d: scrivi una parte più lunga del titolo.",
		},
		"nl": {other: "…en nog %d: typ meer van de titel."},
		"pl": {other: "…i jeszcze %d: wpisz więcej z tytułu."},
		"tr": {other: "…ve %d belge daha: başlıktan daha fazlasını yazın."},
		"vi": {other: "…và %d tài liệu khác: hãy gõ thêm tiêu đề."},
		"id": {other: "…dan %d lainnya: ketik lebih banyak bagian judul."},
		"hi": {other: "…और %d: शीर्षक का ज़्यादा हिस्सा टाइप करें।"},
		"th": {other: "…และอีก %d ฉบับ: พิมพ์ชื่อเรื่องเพิ่ม"},
		"cs": {other: "…a dalších %d: napište víc z názvu."},
		"sv": {other: "…och %d till: skriv mer av titeln."},
		"da": {other: "…og %d mere: skriv mere af titlen."},
		"nb": {other: "…og %d til: skriv mer av tittelen."},
		"fi": {other: "…ja %d muuta: kirjoita otsikkoa pidemmälle."},
		"el": {other: "…και %d ακόμη: πληκτρολογήστε περισσότερο από τον τίτλο."},
		"ro": {other: "…și încă %d: scrieți mai mult din titlu."},
		"hu": {other: "…és még %d: gépelj be többet a címből."},
		"bg": {other: "…и още %d: въведете повече от заглавието."},
		"hr": {other: "…i još %d: upišite više iz naslova."},
		"lt": {other: "…ir dar %d: įveskite daugiau pavadinimo."},
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
		"ko":      {other: "%d자"},
		"uk": {
			one:   "%d символ",
			few:   "%d символи",
			many:  "%d символів",
			other: "%d символу",
		},
		"it": {
			one:   "%d carattere",
			other: "%d caratteri",
		},
		"nl": {
			one:   "%d teken",
			other: "%d tekens",
		},
		"pl": {
			one:   "%d znak",
			few:   "%d znaki",
			many:  "%d znaków",
			other: "%d znaku",
		},
		"tr": {other: "%d karakter"},
		"vi": {other: "%d ký tự"},
		"id": {other: "%d karakter"},
		"hi": {other: "%d अक्षर"},
		"th": {other: "%d ตัวอักษร"},
		"cs": {
			one:   "%d znak",
			few:   "%d znaky",
			other: "%d znaků",
		},
		"sv": {other: "%d tecken"},
		"da": {other: "%d tegn"},
		"nb": {other: "%d tegn"},
		"fi": {
			one:   "%d merkki",
			other: "%d merkkiä",
		},
		"el": {
			one:   "%d χαρακτήρας",
			other: "%d χαρακτήρες",
		},
		"ro": {
			one:   "%d caracter",
			few:   "%d caractere",
			other: "%d de caractere",
		},
		"hu": {other: "%d karakter"},
		"bg": {
			one:   "%d знак",
			other: "%d знака",
		},
		"hr": {
			one:   "%d znak",
			few:   "%d znaka",
			other: "%d znakova",
		},
		"lt": {
			one:   "%d simbolis",
			few:   "%d simboliai",
			other: "%d simbolių",
		},
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
		"ko":      {other: "%d단어"},
		"uk": {
			one:   "%d слово",
			few:   "%d слова",
			many:  "%d слів",
			other: "%d слова",
		},
		"it": {
			one:   "%d parola",
			other: "%d parole",
		},
		"nl": {
			one:   "%d woord",
			other: "%d woorden",
		},
		"pl": {
			one:   "%d słowo",
			few:   "%d słowa",
			many:  "%d słów",
			other: "%d słowa",
		},
		"tr": {other: "%d sözcük"},
		"vi": {other: "%d từ"},
		"id": {other: "%d kata"},
		"hi": {other: "%d शब्द"},
		"th": {other: "%d คำ"},
		"cs": {
			one:   "%d slovo",
			few:   "%d slova",
			other: "%d slov",
		},
		"sv": {other: "%d ord"},
		"da": {other: "%d ord"},
		"nb": {other: "%d ord"},
		"fi": {
			one:   "%d sana",
			other: "%d sanaa",
		},
		"el": {
			one:   "%d λέξη",
			other: "%d λέξεις",
		},
		"ro": {
			one:   "%d cuvânt",
			few:   "%d cuvinte",
			other: "%d de cuvinte",
		},
		"hu": {other: "%d szó"},
		"bg": {
			one:   "%d дума",
			other: "%d думи",
		},
		"hr": {
			one:   "%d riječ",
			few:   "%d riječi",
			other: "%d riječi",
		},
		"lt": {
			one:   "%d žodis",
			few:   "%d žodžiai",
			other: "%d žodžių",
		},
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
		"ko":      {other: "단락 %d개"},
		"uk": {
			one:   "%d фрагмент",
			few:   "%d фрагменти",
			many:  "%d фрагментів",
			other: "%d фрагмента",
		},
		"it": {
			one:   "%d brano",
			other: "%d brani",
		},
		"nl": {
			one:   "%d fragment",
			other: "%d fragmenten",
		},
		"pl": {
			one:   "%d fragment",
			few:   "%d fragmenty",
			many:  "%d fragmentów",
			other: "%d fragmentu",
		},
		"tr": {other: "%d pasaj"},
		"vi": {other: "%d đoạn"},
		"id": {other: "%d cuplikan"},
		"hi": {other: "%d अंश"},
		"th": {other: "%d ย่อหน้า"},
		"cs": {
			one:   "%d úryvek",
			few:   "%d úryvky",
			other: "%d úryvků",
		},
		"sv": {other: "%d avsnitt"},
		"da": {other: "%d afsnit"},
		"nb": {other: "%d avsnitt"},
		"fi": {
			one:   "%d katkelma",
			other: "%d katkelmaa",
		},
		"el": {
			one:   "%d απόσπασμα",
			other: "%d αποσπάσματα",
		},
		"ro": {
			one:   "%d pasaj",
			few:   "%d pasaje",
			other: "%d de pasaje",
		},
		"hu": {other: "%d szakasz"},
		"bg": {
			one:   "%d откъс",
			other: "%d откъса",
		},
		"hr": {
			one:   "%d odlomak",
			few:   "%d odlomka",
			other: "%d odlomaka",
		},
		"lt": {
			one:   "%d fragmentas",
			few:   "%d fragmentai",
			other: "%d fragmentų",
		},
	},
}
