package embedded

import (
	"encoding/binary"
	"hash/crc32"
	"reflect"
	"sort"
	"testing"

	"github.com/sdkg/sdkg/graph"
	"github.com/sdkg/sdkg/graph/gen"
)

// encodeSnapshotV1 writes the version 1 format (references by id), as
// stores wrote it before version 2, so that reading it stays tested.
func (s *state) encodeSnapshotV1(seq uint64) []byte {
	e := &encoder{b: []byte(snapMagicV1)}
	e.uvar(seq)
	e.uvar(uint64(len(s.docs)))
	for _, d := range s.docs {
		e.document(&d.d)
	}
	e.uvar(uint64(len(s.nodes)))
	for _, r := range s.nodes {
		e.node(&r.n)
		var ids []string
		for dr := range r.docs.all() {
			ids = append(ids, dr.d.ID)
		}
		e.strs(ids)
	}
	e.uvar(uint64(len(s.edges)))
	for _, r := range s.edges {
		e.str(string(r.e.Type))
		e.str(r.e.From)
		e.str(r.e.To)
		e.str(r.e.Date)
		e.uvar(uint64(len(r.sup)))
		for _, c := range r.sup {
			e.str(c.doc)
			e.f64(c.conf)
			e.str(c.rule)
			e.props(c.props)
			e.uvar(uint64(len(c.ev)))
			for i := range c.ev {
				e.evidence(&c.ev[i])
			}
		}
	}
	for _, m := range []map[string]string{s.redirect, s.names} {
		e.uvar(uint64(len(m)))
		for k, v := range m {
			e.str(k)
			e.str(v)
		}
	}
	return binary.LittleEndian.AppendUint32(e.b, crc32.Checksum(e.b, castagnoli))
}

// stateView lists what a state holds, by key, in a comparable form.
type stateView struct {
	Nodes map[string]graph.Node
	Docs  map[string][]string // node id → supporting documents, sorted
	Edges map[string]graph.Edge
	Sup   map[string][]contrib
	Lists map[string][2][]string // document → its node ids and edge keys, sorted
	Maps  [2]map[string]string
	Evid  int
}

func viewOf(s *state) stateView {
	v := stateView{Nodes: map[string]graph.Node{}, Docs: map[string][]string{}, Edges: map[string]graph.Edge{},
		Sup: map[string][]contrib{}, Lists: map[string][2][]string{}, Maps: [2]map[string]string{s.redirect, s.names}, Evid: s.evidence}
	for id, r := range s.nodes {
		v.Nodes[id] = r.view()
		var ds []string
		for d := range r.docs.all() {
			ds = append(ds, d.d.ID)
		}
		sort.Strings(ds)
		v.Docs[id] = ds
	}
	for k, r := range s.edges {
		v.Edges[k] = r.e
		v.Sup[k] = r.sup
	}
	for id, d := range s.docs {
		ns, es := append([]string(nil), d.nodes...), append([]string(nil), d.edges...)
		sort.Strings(ns)
		sort.Strings(es)
		v.Lists[id] = [2][]string{ns, es}
	}
	return v
}

func TestSnapshotVersionsLoadTheSameState(t *testing.T) {
	st := newState()
	docs := gen.Generate(gen.Config{Edges: 3000, Seed: 3})
	for i := range docs {
		p, _, err := st.planApply(&docs[i])
		if err != nil {
			t.Fatal(err)
		}
		st.commitApply(p)
	}
	// A merge fills the redirect tables and moves edges.
	ids := sortedKeys(st.nodes)
	for i := 1; i < len(ids); i++ {
		if st.checkMerge(ids[0], ids[i]) == nil {
			st.commitMerge(ids[0], ids[i])
			break
		}
	}
	if len(st.redirect) == 0 {
		t.Fatal("no merge happened: the test covers less than it says")
	}
	want := viewOf(st)
	for name, data := range map[string][]byte{"v1": st.encodeSnapshotV1(7), "v2": st.encodeSnapshot(7, 0)} {
		got, seq, err := decodeSnapshot(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if seq != 7 {
			t.Errorf("%s: seq %d, want 7", name, seq)
		}
		if g := viewOf(got); !reflect.DeepEqual(g, want) {
			t.Errorf("%s: the loaded state differs from the encoded one", name)
		}
	}
}
