// Package docgen writes synthetic review documents for benchmarks and load
// tests: deterministic for a seed, shaped like real reviews (a title block
// with the issue month, headed sections, titles, organisations, dated
// meetings and signings), with names drawn from small word lists so that
// entities recur across documents.
package docgen

import (
	"fmt"
	"math/rand"
	"strings"
)

var (
	surnames  = []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Hu"}
	given     = []string{"Wei", "Fang", "Jun", "Lei", "Ming", "Hua", "Jing", "Qiang", "Yan", "Tao", "Xiaoling", "Haoran"}
	western   = []string{"Anna Berg", "Carlos Mendes", "Amina Diallo", "Lars Holm", "Sofia Rossi", "Kwame Boateng", "Ines Duarte", "Mark Ellis"}
	countries = []string{"Brazil", "Kenya", "Denmark", "Chile", "Pakistan", "Egypt", "Italy", "Indonesia", "Argentina", "Nigeria"}
	adjs      = []string{"Brazilian", "Kenyan", "Danish", "Chilean", "Pakistani", "Egyptian", "Italian", "Indonesian", "Argentine", "Nigerian"}
	fields    = []string{"Automation", "Geology", "Botany", "Physics", "Oceanology", "Microbiology", "Remote Sensing", "Mechanics"}
	cities    = []string{"Beijing", "Shanghai", "Wuhan", "Nairobi", "Copenhagen", "Santiago", "Cairo", "Rome", "Jakarta", "Lagos"}
	topics    = []string{"Climate Research", "Space Science", "Marine Biology", "Clean Energy", "Digital Agriculture", "Earth Observation"}
	months    = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Document returns synthetic document number i of a run seeded with seed.
func Document(seed int64, i int) string {
	r := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
	year, month := 2019+r.Intn(7), 1+r.Intn(12)
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated Science Review No. %d\nsdkg generated corpus — %s %d\n\n", i, months[month-1], year)
	for e := 0; e < 5; e++ {
		fmt.Fprintf(&b, "## Cooperation Item %d of Issue %d\n", e+1, i)
		for k := 0; k < 5; k++ {
			b.WriteString(sentence(r, month))
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func pick(r *rand.Rand, xs []string) string { return xs[r.Intn(len(xs))] }

func person(r *rand.Rand) string {
	if r.Intn(3) == 0 {
		return pick(r, western)
	}
	return pick(r, surnames) + " " + pick(r, given)
}

// sentence writes one sentence from a random template.
func sentence(r *rand.Rand, month int) string {
	day := 1 + r.Intn(28)
	c := r.Intn(len(countries))
	switch r.Intn(7) {
	case 0:
		return fmt.Sprintf("On %d %s the Chinese Minister of Science and Technology %s and %s Minister of Science %s signed a Memorandum of Understanding on %s.",
			day, months[month-1], person(r), adjs[c], person(r), pick(r, topics))
	case 1:
		return fmt.Sprintf("The Institute of %s of the Chinese Academy of Sciences, in collaboration with the University of %s, developed a new model, %s%d.",
			pick(r, fields), pick(r, cities), strings.ToUpper(pick(r, fields)[:3]), r.Intn(90)+10)
	case 2:
		return fmt.Sprintf("The %s-China %s Forum was held on %d %s in %s and attended by %s, President of the University of %s.",
			countries[c], pick(r, topics), day, months[month-1], pick(r, cities), person(r), pick(r, cities))
	case 3:
		return fmt.Sprintf("%s, a researcher from the Institute of %s, said the results would be shared with partners in %s.",
			person(r), pick(r, fields), countries[c])
	case 4:
		return fmt.Sprintf("China launched the Shijian-%d mission on %d %s from the Wenchang Space Launch Site.", r.Intn(9)+1, day, months[month-1])
	case 5:
		return fmt.Sprintf("The %s Centre for %s was established in %d by the National Natural Science Foundation of China in %s.",
			adjs[c], pick(r, topics), 2000+r.Intn(20), pick(r, cities))
	default:
		return fmt.Sprintf("Scientists from the University of %s and the %s Academy of Sciences published joint work on %s.",
			pick(r, cities), adjs[c], strings.ToLower(pick(r, topics)))
	}
}
