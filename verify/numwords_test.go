package verify

import (
	"fmt"
	"testing"

	"corpusbot/retrieval"
)

// numberPassages are made up for these tests, one a language.
var numberPassages = testPassages{
	{"Hook useState trả về một cặp giá trị: biến state và hàm setter. Hàm tải dữ liệu trả về ba giá trị: dữ liệu, lỗi và hàm tải lại.", "vi"},
	{"La función devuelve dos valores. El proyecto publicó veinticinco versiones.", "es"},
	{"The function returns three values. In 2020 the project shipped a release.", "en"},
	{"يستخدم التطبيق أكثر من مليار مستخدم. تعيد الدالة ثلاثة أعداد.", "ar"},
	{"Функция возвращает два значения.", "ru"},
}

func numberReader(t testing.TB, question string) *Reader {
	t.Helper()
	var items []retrieval.Item
	for i, p := range numberPassages {
		items = append(items, retrieval.Item{Doc: fmt.Sprint("doc", i), Text: p.text, Lang: p.lang})
	}
	ix, err := retrieval.New(retrieval.Config{}, items)
	if err != nil {
		t.Fatalf("index the passages: %v", err)
	}
	return NewReader(numberPassages, ix, question)
}

// A claim in one language quoting a passage in another is compared by
// its figures, and a figure may be written in words on either side
// ("three", "ba", "dos", "ثلاثة"). Before, only figures in digits were
// compared: "three values" quoting "một cặp giá trị" (a pair of values)
// was verified, and "3 values" quoting "ba giá trị" (three values) was
// marked.
func TestNumberWordsAcrossLanguages(t *testing.T) {
	rd := numberReader(t, "What does it return?")
	for _, tt := range []struct {
		reply  string
		want   Support
		detail string
	}{
		{"useState returns three values [1] «Hook useState trả về một cặp giá trị».", Weak, "three"},
		{"useState returns a pair of values [1] «Hook useState trả về một cặp giá trị».", Verified, ""},
		{"The loader returns 3 values [1] «Hàm tải dữ liệu trả về ba giá trị».", Verified, ""},
		{"The loader returns three values [1] «Hàm tải dữ liệu trả về ba giá trị».", Verified, ""},
		{"The loader returns four values [1] «Hàm tải dữ liệu trả về ba giá trị».", Weak, "four"},
		{"The function returns two values [2] «La función devuelve dos valores».", Verified, ""},
		{"The function returns three values [2] «La función devuelve dos valores».", Weak, "three"},
		{"The project published twenty-five versions [2] «El proyecto publicó veinticinco versiones».", Verified, ""},
		{"The project published twenty-six versions [2] «El proyecto publicó veinticinco versiones».", Weak, "twenty-six"},
		{"Hàm trả về ba giá trị [3] «The function returns three values».", Verified, ""},
		{"Hàm trả về bốn giá trị [3] «The function returns three values».", Weak, "bốn"},
		// One is the article, zero "not" in Vietnamese; a word beside a
		// year is the year's noun ("năm 2020", the year 2020).
		{"Năm 2020 dự án có một bản phát hành [3] «In 2020 the project shipped a release».", Verified, ""},
		{"Die Funktion gibt drei Werte zurück [3] «The function returns three values».", Verified, ""},
		{"Die Funktion gibt vier Werte zurück [3] «The function returns three values».", Weak, "vier"},
		{"The app has more than 1 billion users [4] «يستخدم التطبيق أكثر من مليار مستخدم».", Verified, ""},
		{"The function returns three numbers [4] «تعيد الدالة ثلاثة أعداد».", Verified, ""},
		{"The function returns 4 numbers [4] «تعيد الدالة ثلاثة أعداد».", Weak, "4"},
		{"The function returns two values [5] «Функция возвращает два значения».", Verified, ""},
		{"The function returns five values [5] «Функция возвращает два значения».", Weak, "five"},
	} {
		r := rd.Render(tt.reply, false)
		if len(r.Claims) != 1 {
			t.Errorf("%q: claims %+v", tt.reply, r.Claims)
			continue
		}
		c := r.Claims[0]
		if c.Support != tt.want || tt.want == Weak && (c.Reason != ReasonNumber || c.Detail != tt.detail) {
			t.Errorf("%q: %s %s %q, want %s %q", tt.reply, c.Support, c.Reason, c.Detail, tt.want, tt.detail)
		}
	}
}
