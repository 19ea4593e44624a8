package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/loaders/gazetteer"
	"github.com/sdkg/sdkg/loaders/review"
)

var gaz = gazetteer.Default()

// extractText parses a one-section review issued in June 2024 and
// extracts it.
func extractText(t testing.TB, body string) *graph.Facts {
	t.Helper()
	text := "# Test Review\nsdkg tests — June 2024\n\n## Section\n" + body + "\n"
	doc, err := review.Parse([]byte(text), review.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Extract(doc, gaz)
}

// edgeList renders edges as "TYPE from-name -> to-name date rule".
func edgeList(f *graph.Facts) []string {
	names := map[string]string{}
	for _, n := range f.Nodes {
		names[n.ID] = n.Name
	}
	var out []string
	for _, e := range f.Edges {
		out = append(out, fmt.Sprintf("%s %s -> %s %s %s", e.Type, names[e.From], names[e.To], e.Date, e.Rule))
	}
	return out
}

// TestRules checks each rule on sentences written for it: the edge it
// must state (type, endpoints, date and rule, as a prefix of the rendered
// edge) and edges it must not state.
func TestRules(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
		not        []string
	}{
		{"TitleBeforeName", "Kenyan Minister of Education Julius Ogamba visited Beijing.",
			[]string{"AFFILIATED_WITH Julius Ogamba -> Kenya  title-before-name"}, nil},
		{"TitleAfterName", "Zhou Qifeng, President of the Peking University, met students.",
			[]string{"AFFILIATED_WITH Zhou Qifeng -> Peking University  title-after-name"}, nil},
		{"ResearcherFrom", "According to Li Ming, a researcher from the Institute of Geology, the data are new.",
			[]string{"AFFILIATED_WITH Li Ming -> Institute of Geology  title-after-name"}, nil},
		{"HeldInPlace", "The Third Ocean Science Forum Meeting was held on 4 June in Qingdao.",
			[]string{"HOSTED Qingdao -> Third Ocean Science Forum Meeting 2024-06-04 held-in-place"}, nil},
		{"SignedByPersons", "On 12 June the Chilean Minister of Science Aisen Etcheverry and Zhang Wei, President of the Yunnan University, signed a Memorandum of Understanding on Astronomy Training.",
			[]string{"SIGNED Aisen Etcheverry -> Memorandum of Understanding on Astronomy Training 2024-06-12 signed-by-parties",
				"SIGNED Zhang Wei -> Memorandum of Understanding on Astronomy Training 2024-06-12"},
			[]string{"SIGNED Chile"}},
		{"ModalSignsNothing", "The Egyptian Space Agency plans to sign a Memorandum of Understanding on Satellite Data next year.",
			nil, []string{"SIGNED"}},
		{"NegationSignsNothing", "The Kenya Space Agency did not sign the Nairobi Declaration.",
			nil, []string{"SIGNED"}},
		{"ExceptAdoptsNothing", "At the end of the Second Science Ministers Meeting, all members except Peru adopted the Lima Declaration.",
			[]string{"PART_OF Lima Declaration -> Second Science Ministers Meeting  adopted-at-event"}, []string{"SIGNED"}},
		{"UntitledAgreementNamedFromParties", "The Wuhan University and the University of Nairobi signed an agreement on 2 June.",
			[]string{"SIGNED Wuhan University -> Agreement between ", "SIGNED University of Nairobi -> Agreement between "}, nil},
		{"Launched", "China launched the Shijian-19 mission on 8 June from the Jiuquan Satellite Launch Center.",
			[]string{"LAUNCHED China -> Shijian-19 2024-06-08 launched"}, nil},
		{"WillLaunchNothing", "China will launch the Haiyang-3 mission from Wenchang.", nil, []string{"LAUNCHED"}},
		{"EstablishedBy", "The Sino-Thai Joint Laboratory for Rice was established in 2019 by the Zhejiang University.",
			[]string{"ESTABLISHED Zhejiang University -> Sino-Thai Joint Laboratory for Rice 2019 established-by"}, nil},
		{"DevelopedWithCollaborator", "The Institute of Physics, in collaboration with the Tsinghua University, developed a new detector, PANDA.",
			[]string{"DEVELOPED Institute of Physics -> PANDA  developed-by", "DEVELOPED Tsinghua University -> PANDA", "COLLABORATED_WITH"}, nil},
		{"PartOfKnownBody", "Orbitron, a Danish space company, opened a lab. Orbitron of the Helios Group leads it.",
			[]string{"PART_OF Orbitron -> Helios Group  part-of-organisation"}, nil},
		{"ResearchersFrom", "Scientists from the Fudan University and the Oxford University published the genome.",
			[]string{"COLLABORATED_WITH Fudan University -> University of Oxford  researchers-from"}, nil},
		{"PayloadOfMission", "The Haiyang-9 orbiter carries the Egyptian dust detector EDC and the Nile Space Agency's OWL imager.",
			[]string{"PART_OF EDC -> Haiyang-9  payload-of-mission", "PARTICIPATED_IN Egypt -> Haiyang-9  payload-of-mission",
				"PART_OF OWL -> Haiyang-9", "PARTICIPATED_IN Nile Space Agency -> Haiyang-9"}, nil},
		{"PayloadFliesOn", "Students built the KITE-2 cubesat, which flies on Haiyang-9.",
			[]string{"PART_OF KITE-2 -> Haiyang-9  payload-of-mission"}, nil},
		{"PayloadModal", "The Haiyang-9 orbiter will carry the Egyptian dust counter EDC.", nil, []string{"PART_OF", "PARTICIPATED_IN"}},
		{"PayloadFlewOnInMonth", "The agency recalled the KITE-2 cubesat that flew on Haiyang-9 in May.",
			[]string{"PART_OF KITE-2 -> Haiyang-9 2024-05 payload-of-mission"}, []string{"PART_OF KITE-2 -> Haiyang-9  "}},
		{"PayloadFliesOnUndated", "The KITE-2 cubesat, which flies on Haiyang-9, was built in 2021.",
			[]string{"PART_OF KITE-2 -> Haiyang-9  payload-of-mission"}, []string{"PART_OF KITE-2 -> Haiyang-9 2021"}},
		{"SuppliedPayload", "The Nairobi Space Institute supplied a camera for the Haiyang-9 orbiter, and the data arrived.",
			[]string{"PARTICIPATED_IN Nairobi Space Institute -> Haiyang-9  supplied-payload"}, nil},
		{"JointlyDeveloped", "The EGY-1 cubesat was jointly developed by the Cairo University and the Zhejiang University.",
			[]string{"DEVELOPED Cairo University -> EGY-1  developed-by", "DEVELOPED Zhejiang University -> EGY-1",
				"COLLABORATED_WITH Cairo University -> Zhejiang University  developed-by"}, nil},
		{"OrdinalEventOfOwner", "Energy ministers of the ASEAN ended their 41st meeting in Vientiane on 20 June.",
			[]string{"HOSTED Vientiane -> 41st meeting of ASEAN 2024-06-20 held-in-place", "PART_OF 41st meeting of ASEAN -> Association of Southeast Asian Nations  event-of-organisation"}, nil},
		{"EventPhraseInPlace", "Engineers met at a three-day water forum in Lusaka on 3 June.",
			[]string{"HOSTED Lusaka -> Water forum in Lusaka 2024-06-03 held-in-place"}, nil},
		{"NoEventWithoutOrdinalOrPlace", "The agencies held a short meeting on 3 June.", nil, []string{"HOSTED"}},
		{"DelegationsSignedText", "The 5th meeting of the Arctic Council took place in Tromso on 4 June with delegations from Norway and Iceland. The delegations signed a joint communique on ice monitoring.",
			[]string{"SIGNED Norway -> Joint Communique on ice monitoring", "SIGNED Iceland -> Joint Communique on ice monitoring",
				"PART_OF Joint Communique on ice monitoring -> 5th meeting of the Arctic Council  participants-adopted"}, nil},
		{"DashPlaceInName", "Amara Diallo, Director of the Bureau of Mines - Conakry, visited Beijing.",
			[]string{"AFFILIATED_WITH Amara Diallo -> Bureau of Mines - Conakry  title-after-name"}, nil},
		{"SecretariatOfBody", "The Secretariat of the Nile Basin Commission moved to Cairo.",
			[]string{"PART_OF Secretariat of the Nile Basin Commission -> Nile Basin Commission  part-of-name"}, nil},
		{"StateVisit", "During Peruvian President Ana Rojas's state visit to China in June 2024, the two agencies signed a Memorandum of Understanding on Seismology.",
			[]string{"HOSTED China -> State visit of Ana Rojas to China 2024-06 visit-to", "PARTICIPATED_IN Ana Rojas -> State visit of Ana Rojas to China 2024-06 visit-to",
				"PART_OF Memorandum of Understanding on Seismology -> State visit of Ana Rojas to China  adopted-at-event"}, nil},
		{"MetInPlaceForEvent", "Ministers met in Lima for the Third Andean Science Summit on 5 June.",
			[]string{"HOSTED Lima -> Third Andean Science Summit 2024-06-05 met-in-place-for-event"}, nil},
		{"HeadSignsForBody", "Kenya Space Agency Director Jane Mwangi and Zhang Wei signed a Memorandum of Understanding on Remote Sensing.",
			[]string{"SIGNED Kenya Space Agency -> Memorandum of Understanding on Remote Sensing", "SIGNED Jane Mwangi -> Memorandum"}, nil},
		{"ExtendedIsRenewed", "On 2 June Kenya and Ghana extended their Agreement on Soil Research for five years.",
			[]string{"SIGNED Kenya -> Agreement on Soil Research 2024-06-02 signed-by-parties"}, nil},
		{"HeldItsEventWithCoHost", "The Andean Space Agency held its Third Andean Space Conference in Quito on 6 June together with the Quito Polytechnic University.",
			[]string{"HOSTED Andean Space Agency -> Third Andean Space Conference 2024-06-06 host-held-event",
				"HOSTED Quito Polytechnic University -> Third Andean Space Conference 2024-06-06 host-held-event"}, nil},
		{"WhichBodyHosts", "They met at the 12th Coral Reef Congress, which the Fiji Marine Institute is hosting in Suva together with the Pacific Community Council.",
			[]string{"HOSTED Fiji Marine Institute -> 12th Coral Reef Congress", "HOSTED Pacific Community Council -> 12th Coral Reef Congress"}, nil},
		{"TookPartInEntryEvent", "The Second Baltic Science Summit opened in Riga on 3 June. Officials from Estonia and Finland took part.",
			[]string{"PARTICIPATED_IN Estonia -> Second Baltic Science Summit 2024-06-03 took-part", "PARTICIPATED_IN Finland -> Second Baltic Science Summit"}, nil},
		{"EventAdoptedText", "Delegations from Chile and Peru attended the Fourth Pacific Ocean Dialogue on 8 June. The Fourth Pacific Ocean Dialogue adopted the Lima Ocean Statement.",
			[]string{"PART_OF Lima Ocean Statement -> Fourth Pacific Ocean Dialogue  event-adopted", "SIGNED Chile -> Lima Ocean Statement 2024-06-08 event-adopted"}, nil},
		{"NumberedSessionOfForum", "The 6th Forum on Andean Technology Transfer opened in Cusco on 9 June.",
			[]string{"HOSTED Cusco -> 6th Forum on Andean Technology Transfer 2024-06-09 held-in-place",
				"PART_OF 6th Forum on Andean Technology Transfer -> Forum on Andean Technology Transfer  event-of-organisation"}, nil},
		{"ItWasHostedBy", "The Third Sahel Water Meeting opened in Niamey on 4 June. It was hosted by the Niger Water Agency together with the Sahel Hydrology Centre.",
			[]string{"HOSTED Niger Water Agency -> Third Sahel Water Meeting 2024-06-04 hosted-by", "HOSTED Sahel Hydrology Centre -> Third Sahel Water Meeting"}, nil},
		{"AlsoKnownAs", "The Andes Joint Centre for Glaciology, also known as the Peru-Bolivia Ice Centre, was established by the Andean Research Council.",
			[]string{"ESTABLISHED Andean Research Council -> Andes Joint Centre for Glaciology"}, []string{"ESTABLISHED Andean Research Council -> Peru-Bolivia Ice Centre"}},
		{"SignedInPlaceByHeads", "The Agreement on Polar Research was signed in Oslo on 3 June by Norwegian Prime Minister Jonas Store and Chilean Minister of Science Aisen Etcheverry.",
			[]string{"SIGNED Jonas Store -> Agreement on Polar Research 2024-06-03 signed-passive", "SIGNED Norway -> Agreement on Polar Research",
				"SIGNED Aisen Etcheverry -> Agreement on Polar Research"}, []string{"SIGNED Chile"}},
		{"TwoGovernments", "Norway and Chile first cooperated in 2001. On 4 June, representatives of the two governments signed in Oslo a Protocol on Polar Data.",
			[]string{"SIGNED Norway -> Protocol on Polar Data 2024-06-04 signed-by-parties", "SIGNED Chile -> Protocol on Polar Data"}, nil},
		{"ParentMinistry", "Ana Ruiz was named to the Ministry of Mines, the parent ministry of the Geological Survey Agency.",
			[]string{"PART_OF Geological Survey Agency -> Ministry of Mines  parent-of"}, nil},
		{"HostNotSigner", "Leaders met in Lima for the Fourth Andes Summit, hosted by Peruvian President Ana Rojas, and adopted the Lima Declaration.",
			[]string{"HOSTED Ana Rojas -> Fourth Andes Summit"}, []string{"SIGNED Ana Rojas", "SIGNED Peru"}},
		{"GroupMetForEvent", "The ministers of science in Chile and Peru met online on 7 June for the Third Andean Science Meeting, held under the chairmanship of Bolivia.",
			[]string{"PARTICIPATED_IN Chile -> Third Andean Science Meeting 2024-06-07 group-met-for-event", "PARTICIPATED_IN Peru -> Third Andean Science Meeting",
				"LED Bolivia -> Third Andean Science Meeting 2024-06-07 led-by"}, nil},
		{"LeadersHeldTheirMeeting", "Leaders of Chile and Peru held their customary informal meeting on 7 June, chaired by Bolivian President Luis Arce. Li Wei and Juha Niemi took part.",
			[]string{"PARTICIPATED_IN Chile -> Informal meeting between Chile and Peru 2024-06-07 group-met-for-event",
				"PARTICIPATED_IN Juha Niemi -> Informal meeting between Chile and Peru 2024-06-07 took-part"}, []string{"HOSTED Peru", "HOSTED Chile"}},
		{"CooperatingNow", "Ghana and Kenya are also working together within the African Space Council.",
			[]string{"COLLABORATED_WITH Ghana -> Kenya  cooperated-with"}, nil},
		{"ConferenceOnTopicHeldIn", "Minister Li Wei addressed a conference on river basin management held in Wuhan on 5 June.",
			[]string{"HOSTED Wuhan -> Conference on river basin management in Wuhan 2024-06-05 held-in-place", "PARTICIPATED_IN Li Wei -> Conference on river basin management in Wuhan"}, nil},
		{"PartOfParent", "The Institute of Botany of the Chinese Academy of Sciences opened a herbarium.",
			[]string{"PART_OF Institute of Botany -> Chinese Academy of Sciences  part-of-name"}, nil},
		{"BasedInName", "The Australian Academy of Science welcomed the plan.",
			[]string{"BASED_IN Australian Academy of Science -> Australia  based-in-name"}, nil},
		{"ApposBasedIn", "Orbitron, a Danish space company, and the Beihang University signed a Memorandum of Understanding (MoU).",
			[]string{"BASED_IN Orbitron -> Denmark  apposition-based-in", "SIGNED Orbitron -> Memorandum of Understanding between Orbitron and ", "SIGNED Beihang University -> Memorandum of Understanding between Orbitron and "}, nil},
		{"DelegationHeadedBy", "On 5 June Li Hua, President of the Hunan University, held a bilateral meeting with a delegation from the University of Ghana headed by Prof. Kwame Mensah.",
			[]string{"HOSTED Li Hua -> Bilateral meeting between Hunan University and University of Ghana 2024-06-05 host-held-event",
				"PARTICIPATED_IN University of Ghana -> Bilateral meeting", "PARTICIPATED_IN Kwame Mensah -> Bilateral meeting between Hunan University and University of Ghana 2024-06-05 delegation"}, nil},
		{"LedBy", "Experts from Chile and China, led by Prof. Maria Soto, held the Andes Astronomy Day on 9 June in Santiago.",
			[]string{"LED Maria Soto -> Andes Astronomy Day 2024-06-09 led-by", "PARTICIPATED_IN Chile -> Andes Astronomy Day", "HOSTED Santiago -> Andes Astronomy Day"}, []string{"COLLABORATED_WITH"}},
		{"MetIsAMeeting", "On 4 June Zhou Wei, President of the Fudan University, met Anna Berg, Rector of the Lund University.",
			[]string{"PARTICIPATED_IN Zhou Wei -> Meeting between Fudan University and Lund University 2024-06-04 met-with",
				"PARTICIPATED_IN Lund University -> Meeting between", "PARTICIPATED_IN Anna Berg -> Meeting between"}, nil},
		{"CrewTakesPart", "Shenzhou-21 was launched from the Jiuquan Satellite Launch Center with astronauts Zhang Lu, Wu Fei and Zhang Hongzhang on board.",
			[]string{"PARTICIPATED_IN Wu Fei -> Shenzhou-21  attended", "PARTICIPATED_IN Zhang Hongzhang -> Shenzhou-21"}, nil},
		{"PayloadsFrom", "The Chang'e-7 probe will carry instruments from Egypt and Bahrain.", []string{"PARTICIPATED_IN Egypt -> Chang'e-7"}, nil},
		{"HeadedByTitle", "NASA, headed by Administrator Ann Cole, shared its data.",
			[]string{"AFFILIATED_WITH Ann Cole -> National Aeronautics and Space Administration  headed-by-person"}, nil},
		{"JointLaunchers", "China and Brazil launched CBERS-5 on 6 June.",
			[]string{"LAUNCHED China -> CBERS-5 2024-06-06", "LAUNCHED Brazil -> CBERS-5 2024-06-06"}, nil},
		{"PossessiveNotSigner", "During Kenyan President William Ruto's visit to China, the Kenya Space Agency and the CNSA signed a Memorandum of Understanding on Earth Observation.",
			[]string{"SIGNED China National Space Administration -> Memorandum of Understanding on Earth Observation"}, []string{"SIGNED William Ruto"}},
		{"InstitutionInCountry", "Engineers from the Delft University of Technology in the Netherlands visited Xi'an.",
			[]string{"BASED_IN Delft University of Technology -> Netherlands  located-in"}, nil},
		{"LedActive", "Wang Lei chaired the Second Arctic Science Summit on 7 June.",
			[]string{"LED Wang Lei -> Second Arctic Science Summit 2024-06-07 led-active"}, nil},
		{"Renewal", "After the renewal of the agreement between the Peking University and the Sorbonne University, students were exchanged.",
			[]string{"SIGNED Peking University -> Agreement between ", "SIGNED Sorbonne University -> Agreement between "}, nil},
		{"RenewalRule", "After the renewal of the agreement between the Qinghai Institute and the Andes Institute, students were exchanged.",
			[]string{"SIGNED Qinghai Institute -> Agreement between Qinghai Institute and Andes Institute  renewal-of-agreement"}, nil},
		{"SignedPassive", "The Nairobi Declaration was signed by Kenya and Ethiopia on 10 June.",
			[]string{"SIGNED Kenya -> Nairobi Declaration 2024-06-10 signed-passive", "SIGNED Ethiopia -> Nairobi Declaration"}, nil},
		{"HostedBy", "The Fifth Polar Research Forum Session, hosted by the Ocean University of China, opened on 11 June.",
			[]string{"HOSTED Ocean University of China -> Fifth Polar Research Forum Session 2024-06-11 hosted-by"}, nil},
		{"Keynote", "The Ninth Space Law Conference opened on 12 June. In her keynote speech, Chilean Minister of Science Aisen Etcheverry praised the treaty.",
			[]string{"PARTICIPATED_IN Aisen Etcheverry -> Ninth Space Law Conference 2024-06-12 keynote-at-event"}, nil},
		{"GroupFromCountries", "Officials from Laos and Cambodia attended the Mekong Water Science Forum Meeting on 13 June.",
			[]string{"PARTICIPATED_IN Laos -> Mekong Water Science Forum Meeting 2024-06-13 group-from-countries"}, nil},
		{"EstablishedInPlace", "The Sino-Kenyan Centre for Crops was established in 2015 in Nairobi.",
			[]string{"BASED_IN Sino-Kenyan Centre for Crops -> Nairobi 2015 established-in-place"}, nil},
		{"InCollaborationWith", "The Nanjing University, in collaboration with the University of Ghana, studied soil samples.",
			[]string{"COLLABORATED_WITH Nanjing University -> University of Ghana  in-collaboration-with"}, nil},
		{"Cooperated", "The Xiamen University and the University of Malaya cooperated on marine surveys.",
			[]string{"COLLABORATED_WITH Xiamen University -> University of Malaya  cooperated-with"}, nil},
		{"WillCooperateNothing", "The Xiamen University and the University of Malaya will cooperate on marine surveys.",
			nil, []string{"COLLABORATED_WITH"}},
		{"PlaceInPlace", "The rocket lifted off from the Jiuquan Satellite Launch Center in Gansu Province.",
			[]string{"BASED_IN Jiuquan Satellite Launch Center -> Gansu Province  place-in-place"}, nil},
		{"Subsidiary", "Orbital Dynamics Corporation, a subsidiary of the Helios Group, and the Tsinghua University signed a Memorandum of Understanding on Lasers.",
			[]string{"PART_OF Orbital Dynamics Corporation -> Helios Group  subsidiary-of"}, []string{"SIGNED Helios Group"}},
		{"EventOfOrganisation", "The Seventh Ministerial Meeting of the China-Pacific Islands Forum was held on 14 June in Suva.",
			[]string{"PART_OF Seventh Ministerial Meeting of the China-Pacific Islands Forum -> China-Pacific Islands Forum  event-of-organisation",
				"HOSTED Suva -> Seventh Ministerial Meeting of the China-Pacific Islands Forum 2024-06-14 held-in-place"}, nil},
		{"EventDayBeatsThisYear", "The Andes Science Summit was held in Lima on 14 June. The summit was co-chaired by Peru, which chairs the Pacific Alliance this year, and by Chile.",
			[]string{"LED Peru -> Andes Science Summit 2024-06-14 led-by", "LED Chile -> Andes Science Summit 2024-06-14"}, []string{"LED Peru -> Andes Science Summit 2024 "}},
		{"EndedTwoDayMeetingOpenedTheDayBefore", "Ministers ended their Ocean Science Meeting in Lima on 14 June. Peru chaired the two-day meeting, which brought together delegations from Chile and Ecuador.",
			[]string{"HOSTED Lima -> Ocean Science Meeting 2024-06-13", "PARTICIPATED_IN Chile -> Ocean Science Meeting 2024-06-13"},
			[]string{"HOSTED Lima -> Ocean Science Meeting 2024-06-14"}},
		{"OpenedTwoDayMeetingKeepsItsDay", "Ministers opened their Ocean Science Meeting in Lima on 14 June. Peru chaired the two-day meeting, which brought together delegations from Chile and Ecuador.",
			[]string{"HOSTED Lima -> Ocean Science Meeting 2024-06-14", "PARTICIPATED_IN Chile -> Ocean Science Meeting 2024-06-14"}, nil},
		{"DaysBeforeTheEntrysDay", "On 14 June the agencies signed a Memorandum of Understanding on Ocean Data. Two days before the signing, Chile launched the Andes-2 satellite.",
			[]string{"LAUNCHED Chile -> Andes-2 2024-06-12 launched"}, nil},
		{"ActInsideDaysAfter", "On 14 June Kenya launched the Tana-1 satellite. The launch came three days after Egypt sent its Nile-3 probe towards Mars.",
			[]string{"LAUNCHED Kenya -> Tana-1 2024-06-14", "LAUNCHED Egypt -> Nile-3 2024-06-11 launched"}, nil},
		{"MainActWeeksAfter", "On 14 June Kenya launched the Tana-1 satellite. Egypt launched its Nile-3 probe two weeks after that.",
			[]string{"LAUNCHED Egypt -> Nile-3 2024-06-28 launched"}, nil},
		{"PromotedThisYear", "Prof. Liu Qiang spoke first. Liu was promoted earlier this year to vice president of the Hainan University.",
			[]string{"AFFILIATED_WITH Liu Qiang -> Hainan University 2024 served-as"}, nil},
		{"ServedAsWithPronoun", "Prof. Liu Qiang joined the board in May. He previously served as president of the Hainan University.",
			[]string{"AFFILIATED_WITH Liu Qiang -> Hainan University  served-as"}, nil},
		{"SurnameRefers", "Prof. Liu Qiang spoke first. Liu has led the Hainan University since 2019.",
			[]string{"LED Liu Qiang -> Hainan University 2019 led-active"}, nil},
		{"TextsAdoptedAt", "Leaders adopted the Dakar Declaration and the Dakar Action Plan. Both texts were adopted at the Third Summit of the Forum on China-Africa Cooperation.",
			[]string{"PART_OF Dakar Declaration -> Third Summit of the Forum on China-Africa Cooperation  texts-adopted-at-event",
				"PART_OF Third Summit of the Forum on China-Africa Cooperation -> Forum on China-Africa Cooperation  event-of-organisation"}, nil},
		{"ParticipantsAdopted", "The Fourth Ministerial Meeting of the China-Pacific Forum was held on 2 June. The participants adopted the Suva Declaration and an Execution Plan for 2024-2026.",
			[]string{"PART_OF Suva Declaration -> Fourth Ministerial Meeting of the China-Pacific Forum  participants-adopted",
				"PART_OF Execution Plan for 2024-2026 -> Fourth Ministerial Meeting"}, nil},
		{"LedDelegation", "The Fourth Ministerial Meeting of the China-Pacific Forum was held on 2 June. Fijian Minister of Foreign Affairs Sitiveni Rabuka led his country's delegation.",
			[]string{"PARTICIPATED_IN Sitiveni Rabuka -> Fourth Ministerial Meeting of the China-Pacific Forum 2024-06-02 led-delegation",
				"PARTICIPATED_IN Fiji -> Fourth Ministerial Meeting"}, nil},
		{"AgreedToSetUpNothing", "The Chilean Space Agency and the CNSA agreed to set up the Andes Joint Laboratory.", nil, []string{"ESTABLISHED"}},
		{"Attended", "Ghana and Nigeria attended the African Space Science Conference.",
			[]string{"PARTICIPATED_IN Ghana -> African Space Science Conference", "PARTICIPATED_IN Nigeria -> African Space Science Conference"}, nil},
	}
	used := map[string]bool{}
	for _, c := range cases {
		for _, w := range c.want {
			for _, f := range strings.Fields(w) {
				used[f] = true
			}
		}
		t.Run(c.name, func(t *testing.T) {
			f := extractText(t, c.text)
			if err := f.Validate(); err != nil {
				t.Fatal(err)
			}
			got := edgeList(f)
			for _, w := range c.want {
				if !hasPrefix(got, w) {
					t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
				}
			}
			for _, n := range c.not {
				if hasPrefix(got, n) {
					t.Errorf("unexpected %q in\n%s", n, strings.Join(got, "\n"))
				}
			}
		})
	}
	for _, r := range rules {
		if !used[r.name] {
			t.Errorf("rule %s has no case naming it", r.name)
		}
	}
}

func hasPrefix(list []string, p string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// TestEvidence checks every edge names its entry and sentence with offsets
// into the original text.
func TestEvidence(t *testing.T) {
	text := "# Test Review\nsdkg tests — June 2024\n\n## Section\nThe Kenya Space Agency and the CNSA signed a Memorandum of Understanding on Remote Sensing on 3 June.\n"
	doc, err := review.Parse([]byte(text), review.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := Extract(doc, gaz)
	if len(f.Edges) == 0 {
		t.Fatal("no edges")
	}
	for _, e := range f.Edges {
		ev := e.Evidence
		if ev == nil || ev.Entry == "" || e.Rule == "" || e.Confidence <= 0 || !strings.Contains(text[ev.Start:ev.End], "signed") {
			t.Errorf("edge %+v: evidence %+v", e, ev)
		}
	}
}

// TestNodeCountries checks countries reach institutions through BASED_IN
// and persons through their affiliation.
func TestNodeCountries(t *testing.T) {
	f := extractText(t, "Orbitron, a Danish space company, opened a lab. Lars Holm, CEO of Orbitron, spoke.")
	got := map[string]string{}
	for _, n := range f.Nodes {
		got[n.Name] = n.Country
	}
	if got["Orbitron"] != "DK" || got["Lars Holm"] != "DK" {
		t.Fatalf("countries %v: want Orbitron and Lars Holm in DK", got)
	}
}
