package review

import (
	"fmt"
	"strings"
	"testing"
)

// mention formats a DateMention compactly for comparisons.
func mention(m DateMention) string {
	s := fmt.Sprintf("%q=%s", m.Text, m.Value)
	if m.Until != "" {
		s += ".." + m.Until
	}
	return s
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		issued   string
		want     []string
	}{
		{"DayMonthWithOn", "The forum opened on 13 May in Rome.", "2024-05", []string{`"on 13 May"=2024-05-13`}},
		{"DayMonthBare", "Talks held 4 June ended well.", "2024-06", []string{`"4 June"=2024-06-04`}},
		{"MonthDay", "Delegates met May 13 in Lima.", "2023-05", []string{`"May 13"=2023-05-13`}},
		{"MonthDayYear", "It was signed on May 13, 2021 in Lima.", "2024-05", []string{`"on May 13, 2021"=2021-05-13`}},
		{"DayMonthYear", "The probe landed 3 January 2019.", "2020-01", []string{`"3 January 2019"=2019-01-03`}},
		{"Ordinal", "The 2nd of March meeting and the 5th April visit.", "2022-04", []string{`"2nd of March"=2022-03-02`, `"5th April"=2022-04-05`}},
		{"AbbreviatedMonth", "Launch came Sept. 18 after a delay.", "2023-09", []string{`"Sept. 18"=2023-09-18`}},
		{"DayRangeTakesOpeningDay", "The summit ran from 16 to 20 September.", "2019-09", []string{`"from 16 to 20 September"=2019-09-16`}},
		{"InYear", "The centre was founded in 2011 by the agency.", "2025-05", []string{`"in 2011"=2011`}},
		{"InMonthYear", "Work began in March 2021.", "2025-05", []string{`"in March 2021"=2021-03`}},
		{"InMonthResolved", "A working group will meet in May.", "2019-03", []string{`"in May"=2019-05`}},
		{"MidYear", "Launch is planned for mid-2026.", "2025-01", []string{`"mid-2026"=2026`}},
		{"EarlyYear", "It opened in early 2020.", "2025-01", []string{`"in early 2020"=2020`}},
		{"PeriodInParentheses", "An action plan (2025-2027) was adopted.", "2025-05", []string{`"(2025-2027)"=2025..2027`}},
		{"PeriodBare", "The 2021–2025 programme continues.", "2021-05", []string{`"2021–2025"=2021..2025`}},
		{"PeriodShort", "The 2021-24 plan was renewed.", "2021-05", []string{`"2021-24"=2021..2024`}},
		{"PeriodFromTo", "Phase two runs from 2026 to 2035.", "2021-05", []string{`"from 2026 to 2035"=2026..2035`}},
		{"PeriodBetween", "Launch is expected between 2024 and 2025.", "2022-11", []string{`"between 2024 and 2025"=2024..2025`}},
		{"ISODay", "Signed 2024-06-03 in Beijing.", "2024-06", []string{`"2024-06-03"=2024-06-03`}},
		{"ISOMonth", "Report of 2024-06 published.", "2024-06", []string{`"2024-06"=2024-06`}},
		{"JanuaryIssueDecemberIsPreviousYear", "The rover was launched on 28 December.", "2019-01", []string{`"on 28 December"=2018-12-28`}},
		{"TwoMonthsAheadSameYear", "Talks are set for 10 March.", "2019-01", []string{`"10 March"=2019-03-10`}},
		{"WeekdayWithDateline", "The meeting opened on Monday in Beijing.", "2019-05-15", []string{`"on Monday"=2019-05-13`}},
		{"WeekdayWithoutDayIsSkipped", "The meeting opened on Monday.", "2019-05", nil},
		{"YearlessWithoutIssueSkipped", "It opened on 13 May.", "", nil},
		{"CountIsNotDate", "All 33 participating countries agreed.", "2025-05", nil},
		{"OrdinalIsNotDate", "The 75th anniversary of relations.", "2025-05", nil},
		{"CodesAreNotDates", "The asteroid 2016h03 and comet 311P.", "2025-05", nil},
		{"NameYearIsNotDate", "The UN 2030 Agenda and the Shijian-21 mission.", "2025-05", nil},
		{"YearOutOfRange", "Built in 1850 and planned in 2150.", "2025-05", nil},
		{"ModalMayIsNotMonth", "The agencies may sign in 2025.", "2024-05", []string{`"in 2025"=2025`}},
		{"LowercaseMonthIsNotMonth", "They march on 12 may.", "2024-05", nil},
		{"InvalidDaySkipped", "It was held on 31 April.", "2024-05", nil},
		{"ThisYear", "He was promoted earlier this year to vice minister.", "2024-12", []string{`"this year"=2024`}},
		{"LastAndNextYear", "Last year it signed; next year it launches.", "2024-12", []string{`"Last year"=2023`, `"next year"=2025`}},
		{"ThisYearWithoutCapitals", "it was built this year", "2021-03", []string{`"this year"=2021`}},
		{"ThatYearIsNotResolved", "It hosted the meeting that year.", "2024-12", nil},
		{"DecimalIsNotYear", "Growth reached 2020.5 units in 2021.", "2024-05", []string{`"in 2021"=2021`}},
		{"Several", "Launched on 8 December, it landed on 3 January, and Queqiao flew in May 2018.", "2019-01",
			[]string{`"on 8 December"=2018-12-08`, `"on 3 January"=2019-01-03`, `"in May 2018"=2018-05`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindDates(tt.sentence, tt.issued)
			var gs []string
			for _, m := range got {
				gs = append(gs, mention(m))
				if tt.sentence[m.Start:m.End] != m.Text {
					t.Errorf("offsets [%d,%d] slice %q, Text %q", m.Start, m.End, tt.sentence[m.Start:m.End], m.Text)
				}
			}
			if fmt.Sprintf("%q", gs) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("FindDates(%q, %q)\n got %v\nwant %v", tt.sentence, tt.issued, gs, tt.want)
			}
		})
	}
}

func TestResolveDayMonth(t *testing.T) {
	tests := []struct {
		name       string
		day, month int
		issued     string
		want       string
	}{
		{"SameMonth", 13, 5, "2025-05", "2025-05-13"},
		{"EarlierMonth", 2, 1, "2025-05", "2025-01-02"},
		{"TwoMonthsLaterSameYear", 1, 7, "2025-05", "2025-07-01"},
		{"ThreeMonthsLaterPreviousYear", 1, 8, "2025-05", "2024-08-01"},
		{"JanuaryIssueDecember", 28, 12, "2019-01", "2018-12-28"},
		{"DayPrecisionIssued", 28, 12, "2019-01-05", "2018-12-28"},
		{"YearPrecisionIssued", 28, 12, "2019", "2019-12-28"},
		{"LeapDay", 29, 2, "2024-03", "2024-02-29"},
		{"NoLeapDay", 29, 2, "2023-03", ""},
		{"BadIssued", 1, 1, "May 2025", ""},
		{"EmptyIssued", 1, 1, "", ""},
		{"BadMonth", 1, 13, "2025-05", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ResolveDayMonth(tt.day, tt.month, tt.issued); got != tt.want {
				t.Errorf("ResolveDayMonth(%d, %d, %q) = %q, want %q", tt.day, tt.month, tt.issued, got, tt.want)
			}
		})
	}
}

// TestStartFilter checks that the start filter lets every start word
// through in any case and stops most other words.
func TestStartFilter(t *testing.T) {
	for w := range startWords {
		for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if !startFilter.may(v) {
				t.Errorf("start word %q rejected", v)
			}
		}
	}
	stopped := 0
	others := strings.Fields("Minister signed the Memorandum of Understanding with Kenya and Peru at Beijing University yesterday")
	for _, w := range others {
		if _, ok := startWords[strings.ToLower(w)]; !ok && !startFilter.may(w) {
			stopped++
		}
	}
	if stopped < 9 {
		t.Errorf("only %d of %d other words stopped", stopped, len(others))
	}
}
