package store

import (
	"errors"
	"regexp"
	"testing"
)

func TestHashUser(t *testing.T) { eachBackend(t, testHashUser) }

func testHashUser(t *testing.T, b backend) {
	db := newDB(t, b)
	s := openCfg(t, db)
	other := openTest(t, b) // another database, another salt

	hexHash := regexp.MustCompile(`^[0-9a-f]{32}$`)
	const id = "80351110224678912"
	h := s.HashUser(id)
	if !hexHash.MatchString(h) {
		t.Errorf("HashUser(%s) = %q, want 32 lowercase hex digits", id, h)
	}
	if got := s.HashUser(id); got != h {
		t.Errorf("HashUser is not stable: got %s, want %s", got, h)
	}
	if got := s.HashUser("80351110224678913"); got == h {
		t.Errorf("two users hash alike: %s", got)
	}
	if got := other.HashUser(id); got == h {
		t.Errorf("two databases with different salts give the same hash %s", got)
	}
	s.Close()
	if got := openCfg(t, db).HashUser(id); got != h {
		t.Errorf("HashUser after reopen = %s, want %s", got, h)
	}
}

func TestCheckUserHash(t *testing.T) {
	tests := []struct {
		name     string
		hash     string
		required bool
		wantErr  bool
	}{
		{"hash", "0123456789abcdef0123456789abcdef", true, false},
		{"empty optional", "", false, false},
		{"empty required", "", true, true},
		{"raw discord id", "80351110224678912", false, true},
		{"upper case", "0123456789ABCDEF0123456789ABCDEF", false, true},
		{"32 non-hex", "0123456789abcdef0123456789abcdeg", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkUserHash("UserHash", tt.hash, tt.required)
			if got := err != nil; got != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("got error %v, want ErrInvalid", err)
			}
		})
	}
}
