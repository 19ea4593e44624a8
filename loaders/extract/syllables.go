package extract

import "strings"

var syllableInitials = []string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
	"j", "q", "x", "r", "z", "c", "s", "y", "w", ""}

var syllableFinals = set(`a o e i u v ai ei ui ao ou iu ie ve ue er an en in un vn ang eng ing ong ia
	iao ian iang iong ua uo uai uan uang`)

// isMandarinName reports whether w (a capitalised word such as "Jianguo" or
// "Xiaoming") splits into one to three romanised Mandarin syllables.
func isMandarinName(w string) bool {
	if len(w) < 2 || len(w) > 14 {
		return false
	}
	var buf [14]byte
	n := 0
	for _, r := range w {
		switch {
		case r == '\'' || r == '’' || r == '-':
			continue // "Xi'an", "Jian-guo"
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r < 'a' || r > 'z':
			return false
		}
		buf[n] = byte(r)
		n++
	}
	return syllableSplit(string(buf[:n]), 3)
}

// syllableSplit reports whether s is a sequence of at most max syllables.
func syllableSplit(s string, max int) bool {
	if s == "" {
		return true
	}
	if max == 0 {
		return false
	}
	for _, ini := range syllableInitials {
		if !strings.HasPrefix(s, ini) {
			continue
		}
		rest := s[len(ini):]
		for n := min(4, len(rest)); n >= 1; n-- {
			if syllableFinals[rest[:n]] && syllableSplit(rest[n:], max-1) {
				return true
			}
		}
	}
	return false
}
