package extract

import "strings"

var pinyinInitials = []string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
	"j", "q", "x", "r", "z", "c", "s", "y", "w", ""}

var pinyinFinals = set(`a o e i u v ai ei ui ao ou iu ie ve ue er an en in un vn ang eng ing ong ia
	iao ian iang iong ua uo uai uan uang`)

// isPinyinName reports whether w (a capitalised word such as "Hejun" or
// "Xiankang") splits into one to three pinyin syllables.
func isPinyinName(w string) bool {
	if len(w) < 2 || len(w) > 14 {
		return false
	}
	s := strings.ToLower(strings.NewReplacer("'", "", "’", "", "-", "").Replace(w))
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return pinyinSplit(s, 3)
}

// pinyinSplit reports whether s is a sequence of at most max syllables.
func pinyinSplit(s string, max int) bool {
	if s == "" {
		return true
	}
	if max == 0 {
		return false
	}
	for _, ini := range pinyinInitials {
		if !strings.HasPrefix(s, ini) {
			continue
		}
		rest := s[len(ini):]
		for n := min(4, len(rest)); n >= 1; n-- {
			if pinyinFinals[rest[:n]] && pinyinSplit(rest[n:], max-1) {
				return true
			}
		}
	}
	return false
}
