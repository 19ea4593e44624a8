package extract

import "strings"

// wordFilter summarises a set of words in 1,024 bits (a hash of length,
// first two and last byte): a clear bit proves a word absent without the
// map lookup; a set bit may be a false positive.
type wordFilter [16]uint64

func filterBit(w string) uint {
	if w == "" {
		return 0
	}
	h := uint32(w[0]) | uint32(w[len(w)-1])<<8 | uint32(len(w))<<16
	if len(w) > 1 {
		h |= uint32(w[1]) << 24
	}
	return uint((h * 0x9E3779B1) >> 22)
}

// add records w in the filter.
func (f *wordFilter) add(w string) { b := filterBit(w); f[b/64] |= 1 << (b % 64) }

// may reports whether w may be in the set.
func (f *wordFilter) may(w string) bool { b := filterBit(w); return f[b/64]&(1<<(b%64)) != 0 }

// filterOf returns the filter of a set's words.
func filterOf(words map[string]bool) (f wordFilter) {
	for w := range words {
		f.add(w)
	}
	return f
}

// set builds a lookup table from a space-separated word list.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// orgHeads end or start institution names ("... Academy of Sciences").
var orgHeads = set(`Ministry Academy Academies University Universities Institute Institutes
	Administration Foundation Center Centre Centres Centers Observatory Observatories Agency Forum
	Council Commission Organization Organisation Laboratory Laboratories Lab Labs Society
	Association Corporation Company Bureau Department Committee Authority Network Alliance
	Consortium Union Bank Fund College School Museum Cluster Federation Office Group Station
	Secretariat Partnership Programme Garden Gardens`)

// weakOrgHeads name institutions only with words before them that are not
// generic ("Beijing Office", not "Office").
var weakOrgHeads = set(`Office Group Station Network Union Bank Fund Partnership Programme Secretariat`)

// eventHeads end event names ("Ocean Science Day", "Ministerial Meeting").
var eventHeads = set(`Meeting Meetings Session Summit Conference Congress Symposium Dialogue Workshop
	Expo Exhibition Day Week Festival Ceremony Assembly Fair Seminar Roundtable Consultation
	Consultations Talks Games Olympiad Colloquium`)

// agreementHeads end agreement titles ("Nairobi Declaration", "Joint Work Plan").
var agreementHeads = set(`Declaration Agreement Accord Treaty Protocol Statement Communique Communiqué
	Roadmap Memorandum Charter Convention`)

// weakAgreementHeads are titles only when a sign verb precedes them.
var weakAgreementHeads = set(`Charter Convention Statement Protocol Roadmap`)

// agreementNouns are the lower-case words of untitled agreements.
var agreementNouns = set(`agreement memorandum accord treaty protocol mou MoU MOU contract`)

// placeHeads end names of sites ("Jiuquan Satellite Launch Center").
var placeSuffixes = [][]string{
	{"Satellite", "Launch", "Center"}, {"Satellite", "Launch", "Centre"}, {"Launch", "Center"},
	{"Launch", "Centre"}, {"Launch", "Site"}, {"Spaceport"}, {"Cosmodrome"}, {"Space", "Center"},
	{"Province"}, {"Autonomous", "Region"}, {"Special", "Administrative", "Region"},
}

// projectNouns introduce a named project in apposition ("a model, TIDEWATCH,").
var projectNouns = set(`model models platform system tool database programme program project
	telescope software algorithm initiative facility supercomputer chip dataset app network
	satellite probe rover instrument payload observatory detector camera spectrometer robot vaccine
	reactor engine sensor`)

// projectFilter filters projectNouns.
var projectFilter = filterOf(projectNouns)

// missionNouns introduce a named mission ("the mission, Fengyun-4").
var missionNouns = set(`mission missions expedition probe spacecraft lander rover orbiter`)

// titleHeads are the heads of titles and roles held by persons.
var titleHeads = set(`President President-elect Premier Minister Secretary Secretary-General Director
	Director-General Chairman Chairwoman Chair Chairperson CEO CTO CFO COO Head Dean Ambassador
	Administrator Governor Mayor Chancellor Vice-Chancellor Commissioner Counsellor Counselor
	Founder Professor Academician Spokesperson Spokesman Spokeswoman Rector Provost Consul
	Consul-General Envoy Representative Principal Leader Commander Chief Researcher Scientist
	Engineer Astronaut Taikonaut Cosmonaut Vice-President Vice-Minister Secretary-general
	head director president chairman chair minister researcher scientist engineer professor
	founder astronaut dean spokesperson spokesman spokeswoman leader chief ambassador
	secretary administrator governor commander fellow Fellow academician author co-author
	coordinator Coordinator Manager manager`)

// titleModifiers precede title heads ("Deputy Director").
var titleModifiers = set(`Vice Deputy Executive Chief Senior Associate Assistant Acting Former former
	Permanent Principal Party General Managing First Second Prime Foreign Science Lead lead
	senior chief deputy vice executive associate assistant acting principal postdoctoral
	corresponding visiting`)

// honorifics precede personal names ("Prof. Liu").
var honorifics = set(`Prof Professor Dr Mr Ms Mrs Miss Sir Dame Academician Madam Sheikh Sheikha`)

// fieldWords fill the "of ..." part of a title ("Minister of Science and
// Technology"), so that the name after it can be told apart.
var fieldWords = set(`Science Sciences Technology Technologies Innovation Innovations Education Higher
	Research Affairs Foreign Industry Industries Information Culture Cultural Health Agriculture
	Environment Environmental Energy Natural Resources Ecology Ecological Space Commerce Trade
	Defence Defense Finance Economy Economic Development Communications Digital Universities
	State Interior Water Transport Tourism Sport Sports Youth Labour Labor Planning Public
	Security International Cooperation Relations Climate Change Marine Fisheries Mines Mining
	Petroleum Oil Gas Electricity Power Telecommunications Post Posts Justice Home National
	Internal External Social Welfare Women Children Family Rural Urban Housing Works
	Infrastructure Aviation Civil Outer Astronautics Aeronautics Engineering Medical Medicine
	Food Forestry Land Maritime Ocean Oceans Polar Arctic Antarctic Meteorology Geology
	Statistics Standards Intellectual Property Strategy Policy Government Cabinet Board
	Executive General Council Exploration Lunar Programme Program Affairs, Studies Academic
	Enterprise Enterprises Technological Scientific Prevention Responsible Councilor Councillor`)

// capStop lists capitalised words that do not start or continue names.
var capStop = set(`The A An In On At By For From To Of With And But Or As After Before During Since
	Until While When Where Which Who Whose What This That These Those It Its Their His Her Our
	We They He She I Meanwhile However Moreover Furthermore Also Subsequent Subsequently
	According Following Parallel Strengthening Within Besides Despite Although Though Under
	Over Between Among Amid Through Today Yesterday Tomorrow Once Once, Both All Some Many
	Several Each Every Other Another Such Its Then Thus Here There Last Next New Is Are Was
	Were Be Been Has Have Had Will Would Can Could May Might Must Shall Should Do Does Did
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
	June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
	Oct Nov Dec Biologists Scientists
	Researchers Experts Officials Chinese-made`)

// months are never part of names.
var months = set(`January February March April May June July August September October November
	December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`)

// ordinals start event names ("Third Ministerial Meeting").
var ordinals = set(`First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh
	Twelfth Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth
	first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
	Inaugural inaugural Annual annual`)

// nameConnectors may join capitalised words inside organisation names.
var nameConnectors = set(`of for on and & the de du des la le del der für`)

// researcherNouns head groups of researchers ("Biologists from A and B").
var researcherNouns = set(`researchers scientists biologists chemists physicists astronomers engineers
	teams team experts specialists scholars academics geologists ecologists mathematicians
	Researchers Scientists Biologists Chemists Physicists Astronomers Engineers Teams Experts`)

// chineseSurnames are the commonest Chinese family names in romanised Mandarin; with a
// romanised Mandarin given name after them they make a personal name.
var chineseSurnames = set(`Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin
	Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang
	Cai Du Ye Cheng Su Wei Lu Ding Ren Shen Yao Fan Fang Shi Tan Liao Zou Xiong Jin Hao Kong Bai
	Cui Kang Mao Qiu Qin Gu Hou Shao Meng Long Wan Duan Lei Qian Tang Yi Chang Wu Qiao Lai
	Gong Wen Dai Niu Bao Ji Zhai Jia Mu Che Hou Ou Ouyang Situ Zhuge Xia Fu Wei
	Chu Zhan Ning Lian Geng Huo Sheng Ge Xin Pang Miao Bi Tong Hong Rao Zhong Xue Yan Lou`)

// celestial names are not persons, places or organisations by themselves.
var celestial = set("Earth Moon Mars Sun Venus Jupiter Saturn Mercury")

// Word classes as bits, so that a token's classes cost one lookup.
const (
	fCapStop uint16 = 1 << iota
	fMonth
	fTitle
	fHonorific
	fOrgHead
	fModifier
	fCelestial
	fField
)

// lex maps a word to its classes.
var lex = buildLex()

func buildLex() map[string]uint16 {
	m := map[string]uint16{}
	for _, c := range []struct {
		words map[string]bool
		flag  uint16
	}{{capStop, fCapStop}, {months, fMonth}, {titleHeads, fTitle}, {honorifics, fHonorific},
		{orgHeads, fOrgHead}, {titleModifiers, fModifier}, {celestial, fCelestial}, {fieldWords, fField}} {
		for w := range c.words {
			m[w] |= c.flag
		}
	}
	return m
}
