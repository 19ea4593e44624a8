package review

import (
	"strconv"
	"strings"
	"time"
)

// precision of a date phrase.
type precision int

const (
	precYear precision = iota + 1
	precMonth
	precDay
)

// rawDate is a date phrase before resolution against an issue date. Year is
// 0 when the phrase names no year ("on 13 May", "in May").
type rawDate struct {
	start, end int // byte offsets in the scanned string
	year       int
	month      int
	day        int
	until      int // last year of a period, 0 if none
	prec       precision
	weekday    time.Weekday // valid when isWeekday
	isWeekday  bool
	relYear    int // years after the issue year, valid when isRelYear
	isRelYear  bool
}

// FindDates returns the date phrases of sentence, in order, with their values
// resolved against issued (YYYY, YYYY-MM or YYYY-MM-DD: the issue month of the
// document, or the dateline of a wire story). It recognises "13 May 2024",
// "on 13 May", "May 13", "on May 13, 2024", "Sept. 18", "13-15 May" (the
// opening day), "in March 2021", "March 2021", "in May", "in 2011", "mid-2024",
// ISO dates ("2024-06-03", "2024-06"), and periods ("(2025-2027)", "2025-2027",
// "from 2025 to 2027", "between 2024 and 2025") whose Value is the first year
// and Until the last. A phrase without a year takes it from issued by the rule
// of ResolveDayMonth; when issued is empty or malformed such phrases are left
// out. "On Tuesday" is resolved only when issued has day precision, to the
// latest such weekday on or before it; "this year", "last year" and "next
// year" are the issue year, the one before and the one after. Years outside 1900-2100, numbers such
// as "33 countries", "75th", "2016h03" or "311P" are not dates. Value is ISO at
// the precision stated.
func FindDates(sentence string, issued string) []DateMention {
	raws := scanDates(sentence)
	if len(raws) == 0 {
		return nil
	}
	out := make([]DateMention, 0, len(raws))
	for _, r := range raws {
		m, ok := resolve(r, issued)
		if !ok {
			continue
		}
		m.Text = sentence[m.Start:m.End]
		out = append(out, m)
	}
	return out
}

// ResolveDayMonth returns the ISO date ("2025-05-13") of a day and month
// written without a year, in a document issued on issued (YYYY, YYYY-MM or
// YYYY-MM-DD). The year is the issue year, except that a month more than two
// months after the issue month belongs to the previous year (a January
// issue's "28 December"). It returns "" when issued is malformed or the day
// does not exist in that month.
func ResolveDayMonth(day, month int, issued string) string {
	y, ok := resolveYear(month, issued)
	if !ok || !validDay(y, month, day) {
		return ""
	}
	return isoDay(y, month, day)
}

// resolveYear returns the year of a month named without one.
func resolveYear(month int, issued string) (int, bool) {
	y, m, _, ok := parseISO(issued)
	if !ok || month < 1 || month > 12 {
		return 0, false
	}
	if m > 0 && month > m+2 {
		y--
	}
	return y, true
}

// resolve turns a raw phrase into a mention, or false when it cannot be dated.
func resolve(r rawDate, issued string) (DateMention, bool) {
	m := DateMention{Start: r.start, End: r.end}
	if r.isWeekday {
		v, ok := resolveWeekday(r.weekday, issued)
		m.Value = v
		return m, ok
	}
	if r.isRelYear {
		y, _, _, ok := parseISO(issued)
		m.Value = strconv.Itoa(y + r.relYear)
		return m, ok
	}
	y := r.year
	if y == 0 {
		var ok bool
		if y, ok = resolveYear(r.month, issued); !ok {
			return m, false
		}
	}
	switch r.prec {
	case precYear:
		m.Value = strconv.Itoa(y)
	case precMonth:
		m.Value = isoMonth(y, r.month)
	default:
		if !validDay(y, r.month, r.day) {
			return m, false
		}
		m.Value = isoDay(y, r.month, r.day)
	}
	if r.until > 0 {
		m.Until = strconv.Itoa(r.until)
	}
	return m, true
}

// resolveWeekday returns the latest date on or before issued (which must
// have day precision) that falls on wd.
func resolveWeekday(wd time.Weekday, issued string) (string, bool) {
	y, m, d, ok := parseISO(issued)
	if !ok || d == 0 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	back := (int(t.Weekday()) - int(wd) + 7) % 7
	return t.AddDate(0, 0, -back).Format("2006-01-02"), true
}

// parseISO reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; absent parts are 0.
func parseISO(s string) (y, m, d int, ok bool) {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return 0, 0, 0, false
	}
	y, ok = atoiN(s[:4])
	if !ok || y < 1900 || y > 2100 {
		return 0, 0, 0, false
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return 0, 0, 0, false
		}
		if m, ok = atoiN(s[5:7]); !ok || m < 1 || m > 12 {
			return 0, 0, 0, false
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return 0, 0, 0, false
		}
		if d, ok = atoiN(s[8:10]); !ok || !validDay(y, m, d) {
			return 0, 0, 0, false
		}
	}
	return y, m, d, true
}

// validIssued reports whether s is an acceptable Issued value.
func validIssued(s string) bool {
	_, _, _, ok := parseISO(s)
	return ok
}

func atoiN(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isoMonth(y, m int) string {
	var b [7]byte
	putDigits(b[:4], y)
	b[4] = '-'
	putDigits(b[5:7], m)
	return string(b[:])
}

func isoDay(y, m, d int) string {
	var b [10]byte
	putDigits(b[:4], y)
	b[4] = '-'
	putDigits(b[5:7], m)
	b[7] = '-'
	putDigits(b[8:10], d)
	return string(b[:])
}

// putDigits writes n into b as len(b) decimal digits, zero-padded.
func putDigits(b []byte, n int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

// months maps month names and their abbreviations, lower case, to numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthNumber returns the month a capitalised word names, or 0. Lower-case
// words are not months ("may", "march" are verbs).
func monthNumber(w string) int {
	if len(w) < 3 || len(w) > len("september") || w[0] < 'A' || w[0] > 'Z' {
		return 0
	}
	var buf [len("september")]byte
	return months[string(lowerASCII(buf[:], w))]
}

// lowerASCII lower-cases the ASCII letters of w into buf (which must be
// long enough); m[string(result)] looks up without allocating.
func lowerASCII(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// isAbbrevMonth reports whether w is a month abbreviation (which may take a
// period: "Sept.").
func isAbbrevMonth(w string) bool {
	return len(w) <= 4 && monthNumber(w) > 0 && !strings.EqualFold(w, "may") && !strings.EqualFold(w, "june") && !strings.EqualFold(w, "july")
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}
