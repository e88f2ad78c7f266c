package text

import "testing"

// TestStemIndonesian checks each rule of the algorithm on words of the
// Tala paper's kind (not from any evaluation set).
func TestStemIndonesian(t *testing.T) {
	tests := []struct{ word, want string }{
		{"membaca", "baca"},       // mem- before a consonant
		{"menyapu", "sapu"},       // meny- before a vowel is s
		{"mengambil", "ambil"},    // meng-
		{"dimakan", "makan"},      // di-; two vowels left: -an stays
		{"bukunya", "buku"},       // possessive
		{"kamilah", "kami"},       // particle
		{"pelajaran", "ajar"},     // pel- before ajar, then -an
		{"belajar", "ajar"},       // bel- before ajar
		{"bekerja", "kerja"},      // be- before a consonant and er
		{"perbaikan", "baik"},     // per-: -an, not -kan
		{"keberhasilan", "hasil"}, // ke-, -an, ber-
		{"televisi", "televisi"},  // -si stays
		{"diam", "diam"},          // two vowels: nothing goes
		{"sepeda", "sepeda"},      // no affix
		{"pendengar", "dengar"},   // pen- before a consonant
		{"penyanyi", "sanyi"},     // peny- before a vowel is s; -i after pe(ng) stays
		{"pemakaian", "pakai"},    // pem- before a vowel is p, then -an
		{"menuliskan", "ulis"},    // men-: the t it replaced is not restored
	}
	for _, tt := range tests {
		if got := StemIndonesian(tt.word); got != tt.want {
			t.Errorf("StemIndonesian(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
