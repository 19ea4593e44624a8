package review

import (
	"fmt"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"LinkMarker", "Minister Rao [signed](#) the accord.", "Minister Rao signed the accord."},
		{"LinkWithURL", "See [the report](https://example.org/a_b) now.", "See the report now."},
		{"Image", "![a map](map.png) shows it.", "a map shows it."},
		{"Bold", "The **Lima Accord** entered force.", "The Lima Accord entered force."},
		{"Italic", "The *Kuafu-1* probe and _Xihe_ satellite.", "The Kuafu-1 probe and Xihe satellite."},
		{"UnderscoreInsideWordKept", "The file snake_case_name stays.", "The file snake_case_name stays."},
		{"HyphenKept", "A sample-return mission, Chang'e-6.", "A sample-return mission, Chang'e-6."},
		{"Superscript", "The 40<sup>th</sup> anniversary.", "The 40th anniversary."},
		{"LineBreakTag", "First line<br>second line.", "First line second line."},
		{"CurlyQuotesKept", "He said “ready” and ‘set’.", "He said “ready” and ‘set’."},
		{"WhitespaceCollapsed", "  Two\n\n  lines\tand   spaces  ", "Two lines and spaces"},
		{"NoBreakSpace", "Rio\u00a0de Janeiro", "Rio de Janeiro"},
		{"LessThanIsNotTag", "Growth <5% and a<b remain.", "Growth <5% and a<b remain."},
		{"BracketWithoutLinkKept", "Cited [1] here.", "Cited [1] here."},
		{"EscapedStar", `Rated 5 \* 3 here.`, "Rated 5 * 3 here."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanMapsEveryByteToItsSource(t *testing.T) {
	src := "A **bold** [link](#) and 9<sup>th</sup>\n\nnext."
	var c cleaner
	out, orig := c.clean(src, 0, len(src))
	if len(orig) != len(out) {
		t.Fatalf("len(orig) = %d, want %d", len(orig), len(out))
	}
	for i := range out {
		if out[i] != ' ' && src[orig[i]] != out[i] {
			t.Errorf("byte %d %q maps to source %d %q", i, out[i], orig[i], src[orig[i]])
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Plain", "One thing happened. Another followed! Did a third? Yes.", []string{"One thing happened.", "Another followed!", "Did a third?", "Yes."}},
		{"Titles", "Prof. Lin met Dr. Osei and Ms. Varga. Mr. Diaz and Mrs. Ito came.", []string{"Prof. Lin met Dr. Osei and Ms. Varga.", "Mr. Diaz and Mrs. Ito came."}},
		{"Saint", "They flew to St. Petersburg. Talks began.", []string{"They flew to St. Petersburg.", "Talks began."}},
		{"NumberAndMonth", "Resolution No. 5 passed on Sept. 18 and Jan. 3 in Rome. It held.", []string{"Resolution No. 5 passed on Sept. 18 and Jan. 3 in Rome.", "It held."}},
		{"DottedAcronyms", "The U.S. Department and the U.K. agency agreed, i.e. Two sides. Then e.g. Rome.", []string{"The U.S. Department and the U.K. agency agreed, i.e. Two sides.", "Then e.g. Rome."}},
		{"Initials", "J. R. Okafor and M. Qasim Jan spoke. Others listened.", []string{"J. R. Okafor and M. Qasim Jan spoke.", "Others listened."}},
		{"Decimals", "Output grew 3.5 percent to 1.2 million. Prices fell.", []string{"Output grew 3.5 percent to 1.2 million.", "Prices fell."}},
		{"InsideCurlyQuotes", "She said “We are ready. The work starts now.” Then she left.", []string{"She said “We are ready. The work starts now.”", "Then she left."}},
		{"InsideStraightQuotes", `He said "It is done. We move on." The end.`, []string{`He said "It is done. We move on."`, "The end."}},
		{"UnbalancedQuoteIgnored", "He said “It is done. We move on. The end.", []string{"He said “It is done.", "We move on.", "The end."}},
		{"LowercaseAfterPeriodContinues", "The rocket flew approx. ten minutes. It landed.", []string{"The rocket flew approx. ten minutes.", "It landed."}},
		{"ClosingParenthesis", "It was founded (in 2011.) Later it grew.", []string{"It was founded (in 2011.)", "Later it grew."}},
		{"Ellipsis", "They waited… Then rain came.", []string{"They waited…", "Then rain came."}},
		{"NoSpaceNoSplit", "Both sides.8642 units.", []string{"Both sides.8642 units."}},
		{"SentenceStartingWithDigit", "It ended in 2011. 20 projects followed.", []string{"It ended in 2011.", "20 projects followed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(tt.in, nil) {
				got = append(got, tt.in[sp[0]:sp[1]])
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEndsOpen(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"cooperation in earth science research,", true},
		{"Deputy Director of the Lunar", true},
		{"a delegation headed by Prof.", true},
		{"the meeting ended.", false},
		{"as he said “it is over.”", false},
		{"the following:", false},
		{"the “Green Day”", true},
		{"Was it?", false},
	}
	for _, tt := range tests {
		if got := endsOpen(tt.in); got != tt.want {
			t.Errorf("endsOpen(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
