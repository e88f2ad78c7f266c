package text

import "sort"

// ToSimplified returns the simplified Chinese form of a traditional
// character, or r itself. The table is OpenCC's complete character table
// (see gen_han.go); characters whose simplified form depends on the word
// they are in are left as they are.
func ToSimplified(r rune) rune {
	if r < hanTrad[0] || r > hanTrad[len(hanTrad)-1] {
		return r
	}
	i := sort.Search(len(hanTrad), func(i int) bool { return hanTrad[i] >= r })
	if i < len(hanTrad) && hanTrad[i] == r {
		return hanSimp[i]
	}
	return r
}
