package bot_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Round six of the adversarial tests (docs/benchmarks.md, "Adversarial
// round six"): a Jupyter notebook with Thai prose, a Hindi page and a
// manual page in troff, made up here in the forms of the round's public
// trees, through discordgo and the fakes; a scripted model labels its
// citations in the reader's language, writes Devanagari digits, drops or
// adds a negation, and declines part of the question.
var round6Docs = fstest.MapFS{
	"th/tokenize.ipynb": {Data: []byte(`{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# การตัดคำภาษาไทย\n", "\n", "ตัวตัดคำเริ่มต้นคือ newmm ซึ่งใช้อัลกอริทึมการจับคู่คำที่ยาวที่สุด\n", "\n", "ตัวตัดคำ newmm ไม่ลบช่องว่างออกจากข้อความ"]},
  {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [{"name": "stdout", "output_type": "stream", "text": ["['ทดสอบ', 'ตัด', 'คำ']\n"]}],
   "source": ["from pythainlp import word_tokenize\n", "print(word_tokenize(\"ทดสอบตัดคำ\"))"]}
 ],
 "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
 "nbformat": 4, "nbformat_minor": 5
}`)},
	"hi/usememo.md": {Data: []byte("---\ntitle: useMemo\n---\n\n<Intro>\n\n`useMemo` एक React हुक है जो री-रेंडर के बीच कैलकुलेशन के रिजल्ट को कैश करता है।\n\n</Intro>\n\n" +
		"## उपयोग {/*usage*/}\n\nuseMemo हर रेंडर पर कैलकुलेशन को दोबारा नहीं चलाता है।\n")},
	"man/man2/flushd.2": {Data: []byte(".\\\" Made-up page for a test.\n.TH FLUSHD 2 2026-12-07 \"Linux\" \"Linux Programmer's Manual\"\n" +
		".SH NAME\nflushd \\- push a file's buffered state to its device\n.SH DESCRIPTION\n.BR flushd ()\ntransfers all modified data of the file\nreferred to by\n.I fd\nto the disk device.\n" +
		".PP\nThe call does not return until the device reports completion.\n.SH ERRORS\n.TP\n.B EBADF\n.I fd\nis not a valid open file descriptor.\n")},
}

var round6Cases = []round5Case{
	{
		lang: "th", question: "ตัวตัดคำเริ่มต้นคืออะไร",
		reply: "ตัวตัดคำเริ่มต้นคือ newmm [แหล่งที่มา %N{ตัวตัดคำเริ่มต้น}] «ตัวตัดคำเริ่มต้นคือ newmm». " +
			"ตัวตัดคำ newmm ลบช่องว่างออกจากข้อความ [%N{ตัวตัดคำเริ่มต้น}] «ตัวตัดคำ newmm ไม่ลบช่องว่างออกจากข้อความ». " +
			"เอกสารไม่ได้กล่าวถึงความเร็วของ newmm",
		marked:   []string{"ตัวตัดคำ newmm ลบช่องว่างออกจากข้อความ"},
		unmarked: []string{"ตัวตัดคำเริ่มต้นคือ newmm", "เอกสารไม่ได้กล่าวถึงความเร็วของ newmm"},
	},
	{
		lang: "hi", question: "useMemo क्या करता है?",
		reply: "useMemo री-रेंडर के बीच कैलकुलेशन के रिजल्ट को कैश करता है [स्रोत %D{कैलकुलेशन के रिजल्ट}] «री-रेंडर के बीच कैलकुलेशन के रिजल्ट को कैश करता है»। " +
			"useMemo हर रेंडर पर कैलकुलेशन को दोबारा चलाता है [%D{दोबारा नहीं}] «useMemo हर रेंडर पर कैलकुलेशन को दोबारा नहीं चलाता है»। " +
			"दस्तावेज़ों में useMemo की गति के बारे में जानकारी नहीं है।",
		marked:   []string{"useMemo हर रेंडर पर कैलकुलेशन को दोबारा चलाता है"},
		unmarked: []string{"useMemo री-रेंडर के बीच कैलकुलेशन के रिजल्ट को कैश करता है", "दस्तावेज़ों में useMemo की गति के बारे में जानकारी नहीं है।"},
	},
	{
		lang: "el", question: "Τι κάνει η flushd;",
		reply: "Η flushd μεταφέρει όλα τα τροποποιημένα δεδομένα στη συσκευή [Πηγή %N{transfers all}] «transfers all modified data of the file». " +
			"Η flushd δεν μεταφέρει τα τροποποιημένα δεδομένα [%N{transfers all}] «transfers all modified data of the file». " +
			"Τα έγγραφα δεν αναφέρουν την ταχύτητα της flushd.",
		marked:   []string{"Η flushd δεν μεταφέρει τα τροποποιημένα δεδομένα"},
		unmarked: []string{"Η flushd μεταφέρει όλα τα τροποποιημένα δεδομένα στη συσκευή", "Τα έγγραφα δεν αναφέρουν την ταχύτητα της flushd."},
	},
}

func TestRound6NotebooksManPagesAndScriptsThroughDiscord(t *testing.T) {
	t.Parallel()
	// The Greek question on the English page, rewritten into English as
	// a model does.
	rewrites := map[string]string{"flushd": "en: what does flushd transfer"}
	runRoundCases(t, round6Docs, round6Cases, rewrites, func(t *testing.T, path string, c round5Case, content string) {
		body := withoutNotes(content)
		for _, s := range []string{"[แหล่งที่มา", "[स्रोत", "[Πηγή", "१", "२", "cell_type", `\-`, ".BR", "<Intro>", "{/*"} {
			if strings.Contains(body, s) {
				t.Errorf("%s %s: %q in sight:\n%s", path, c.lang, s, content)
			}
		}
	})
}
