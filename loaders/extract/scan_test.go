package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sdkg/sdkg/loaders/internal/docgen"
	"github.com/sdkg/sdkg/loaders/review"
)

// templates are invented sentences with placeholders, the text the rule
// patterns run on.
var templates = []string{
	"{P0}, President of the {I1}, and {P2}, Director of the {I3}, signed a {A4} on {D5}.",
	"The {A0} was signed by {P1} and the {I2} on {D3} in {L4}.",
	"The {E0} was held on {D1} in {L2} and attended by {P3}, President of the {I4}.",
	"{C0} launched the {M1} mission on {D2} from the {L3}.",
	"The {I0} was established in {D1} by the {I2} in {L3}.",
	"The {I0} of the {I1}, in collaboration with the {I2}, developed a new model, {J3}.",
	"{P0}, a researcher from the {I1}, said the results would be shared with partners in {C2}.",
	"Scientists from the {I0} and the {I1} published joint work on marine biology.",
	"THE {A0} WAS SIGNED BY {P1} AND {P2}.",
	"The {I0}, which the {I1} set up in {D2}, opened a branch.",
	"{E0}, hosted by the {I1} and the {C2}, gathered delegations from {C3} and {C4}.",
	"{P0} served as president of the {I1} and held posts at the {I2}.",
	"The {M0} carries instruments from the {I1} and the {C2}; it was developed by the {I3}.",
	"Nothing here names anything at all.",
}

// TestNeededIsSound checks that a template a pattern matches always has
// what the pattern needs: the filter never hides a match.
func TestNeededIsSound(t *testing.T) {
	patterns := []*regexp.Regexp{signedByRe, signedBetweenRe, establishedByRe, establishedRe, whichSetUpRe,
		collabWithRe, developedByRe, launchedByRe, launchedThatRe, heldInRe, eventHeldRe, eventInRe, hostedByRe,
		hostActiveRe, attendedRe, attendedByRe, payloadFromRe, crewRe, instInRe, partOfRe, locatedRe, servedAsRe,
		postsAtRe, betweenRe, renewalRe, atEventRe, groupFromListRe, apposCountryRe, possessiveRe, subsidiaryRe}
	matches, filtered := 0, 0
	for _, re := range patterns {
		q := needed(re)
		for _, text := range templates {
			for _, v := range []string{text, strings.ToUpper(text), strings.ToLower(text)} {
				admitted := q.admits(asciiLower(v), oddFolds(v))
				if re.MatchString(v) {
					matches++
					if !admitted {
						t.Errorf("%s matches %q but needs %q", re, v, q.clauses)
					}
				} else if !admitted {
					filtered++
				}
			}
		}
	}
	if matches < 25 || filtered < 500 {
		t.Errorf("%d matches and %d texts filtered out: the templates no longer exercise the patterns", matches, filtered)
	}
}

func TestNeeded(t *testing.T) {
	t.Run("ConcatNeedsEveryPart", func(t *testing.T) {
		q := needed(regexp.MustCompile(`(?i)held in (\{L\d+\})`))
		if !q.admits("it was held in {l3}", false) || q.admits("it was held at {l3}", false) || q.admits("held in paris", false) {
			t.Errorf("clauses %q", q.clauses)
		}
	})
	t.Run("AlternationNeedsOneBranch", func(t *testing.T) {
		q := needed(regexp.MustCompile(`(?i)\b(?:signed|adopted) the`))
		for _, s := range []string{"they signed the text", "they adopted the text"} {
			if !q.admits(s, false) {
				t.Errorf("%q not admitted, clauses %q", s, q.clauses)
			}
		}
		if q.admits("they rejected the text", false) {
			t.Errorf("clauses %q admit a text without the verbs", q.clauses)
		}
	})
	t.Run("OptionalPartsNeedNothing", func(t *testing.T) {
		q := needed(regexp.MustCompile(`(?:held )?x*`))
		if !q.none() {
			t.Errorf("clauses %q for a pattern that matches the empty string", q.clauses)
		}
	})
	t.Run("OddFoldsAdmitEverything", func(t *testing.T) {
		re := regexp.MustCompile(`(?i)signed`)
		text := "\u017figned" // long s: (?i) matches it as "signed"
		if !re.MatchString(text) || !needed(re).admits(asciiLower(text), oddFolds(text)) {
			t.Error("a long s hid a match")
		}
	})
	t.Run("NonASCIIFoldingLiteralNeedsNothing", func(t *testing.T) {
		if q := needed(regexp.MustCompile(`(?i)é`)); !q.none() {
			t.Errorf("clauses %q: the lowered template keeps É", q.clauses)
		}
	})
}

// TestPhraseLocs compares phraseLocs with the regexp it replaces.
func TestPhraseLocs(t *testing.T) {
	re := regexp.MustCompile(`(?i)\b(?:established|founded|set up|created)\b`)
	for _, text := range append(slices.Clone(templates),
		"Re-established and FOUNDED, set up twice; unfounded, setup, set upon, created_x, created.",
		"founded", "", "xfounded founded") {
		want := re.FindAllStringIndex(text, -1)
		got := phraseLocs(asciiLower(text), establishVerbs, -1)
		if len(got) != len(want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
			continue
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Errorf("%q: got %v, want %v", text, got, want)
			}
		}
	}
	if got := phraseLocs("founded and created", establishVerbs, 1); len(got) != 1 || got[0] != [2]int{0, 7} {
		t.Errorf("first only: %v", got)
	}
}

// TestBilateralKey compares bilateralKey with the pattern it implements.
func TestBilateralKey(t *testing.T) {
	re := regexp.MustCompile(`^([A-Z][\w]*)(?:-| and )([A-Z][\w]*) (.+)$`)
	for _, name := range []string{
		"China-Brazil Joint Laboratory", "Brazil and China Joint Laboratory", "Brazil-China Joint Laboratory",
		"China-Brazil", "China-Brazil ", "china-Brazil Lab", "China-brazil Lab", "China - Brazil Lab",
		"China and Brazil\nLab", "Sino-Danish Centre", "A-B C", "Academy of Sciences", "",
	} {
		want := ""
		if m := re.FindStringSubmatch(name); m != nil {
			a, b := m[1], m[2]
			if a > b {
				a, b = b, a
			}
			want = normName(a + " " + b + " " + m[3])
		}
		if got := bilateralKey(name); got != want {
			t.Errorf("bilateralKey(%q) = %q, want %q", name, got, want)
		}
	}
	if bilateralKey("China-Brazil Joint Laboratory") != bilateralKey("Brazil and China Joint Laboratory") {
		t.Error("the two spellings of one bilateral body differ")
	}
}

func TestBeforeBrace(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		want string
	}{
		{", President of the {I2} and {P3}", 2, ", President of the {I2} and "},
		{", President of the {I2}.", 2, ", President of the {I2}."},
		{"no braces", 1, "no braces"},
		{"{A}{B}", 1, ""},
	} {
		if got := beforeBrace(c.text, c.n); got != c.want {
			t.Errorf("beforeBrace(%q, %d) = %q, want %q", c.text, c.n, got, c.want)
		}
	}
}

// TestWordFilter checks that a filter never rejects a word of its set and
// rejects most others.
func TestWordFilter(t *testing.T) {
	var f wordFilter
	words := []string{"Beijing", "Province", "a", "", "Xi'an", "São"}
	for _, w := range words {
		f.add(w)
	}
	for _, w := range words {
		if !f.may(w) {
			t.Errorf("%q added but rejected", w)
		}
	}
	rejected := 0
	for _, w := range strings.Fields("the of and in on for with by from at was were signed held minister academy") {
		if !f.may(w) {
			rejected++
		}
	}
	if rejected < 12 {
		t.Errorf("only %d of 15 other words rejected", rejected)
	}
	for w := range knownPlaces {
		if !placeFirsts.may(w) {
			t.Errorf("place word %q rejected", w)
		}
	}
}

func TestDayCount(t *testing.T) {
	for w, want := range map[string]int{"two-day": 2, "Three-day": 3, "10-day": 10, "day": 0, "two-days": 0, "many-day": 0, "0-day": 0} {
		if got := dayCount(w); got != want {
			t.Errorf("dayCount(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestExtractConcurrent extracts the same documents on several goroutines
// at once: the pooled buffers and shared caches must give each call the
// facts a lone call gives.
func TestExtractConcurrent(t *testing.T) {
	var docs []*review.Document
	for i := 0; i < 8; i++ {
		d, err := review.Parse([]byte(docgen.Document(3, i)), review.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = fmt.Sprint(edgeList(Extract(d, gaz)))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(docs))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range docs {
				if got := fmt.Sprint(edgeList(Extract(d, gaz))); got != want[i] {
					errs <- fmt.Sprintf("document %d: got %s\nwant %s", i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
