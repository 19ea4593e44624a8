package extract

import (
	"testing"

	"github.com/sdkg/sdkg/loaders/resolve"
	"github.com/sdkg/sdkg/loaders/review"
)

// FuzzExtract checks that no parsed document makes Extract panic or
// produce facts that fail validation after resolution.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"# R\nx — May 2025\n\n## A\nThe Kenya Space Agency (KSA) and the CNSA signed a Memorandum of Understanding (MoU) on 3 May.\n",
		"# R\nx — May 2025\n\n## A\nProf. Li Wei, President of the Institute of X of the Chinese Academy of Sciences, held a bilateral meeting with a delegation from Chile headed by Dr. Ana Ruiz.\n",
		"# R\nx — May 2025\n\n## A\n(( ) (A) (the B) Forum, Ministry of , of the of ( MoU ) Haiyang-2 , a satellite ,\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := review.Parse([]byte(text), review.Options{})
		if err != nil {
			return
		}
		facts := resolve.Resolve(Extract(doc, gaz))
		if err := facts.Validate(); err != nil {
			t.Fatalf("invalid facts: %v", err)
		}
	})
}
