package embedded

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// A snapshot is the whole state at a log seq:
//
//	magic "SDKGSNP2", body (codec.go), crc uint32 LE (CRC-32C of magic+body)
//
// written to a temporary file, fsynced and renamed over the previous one.
// Indexes and merged edge views are rebuilt on load. The body lists the
// documents, then the nodes, each with its documents by ordinal (position
// in the list), then the edges with their type, endpoints and documents by
// ordinal, so that loading looks nothing up by string. Version 1
// ("SDKGSNP1", written before) named them by id; it is still read.

const (
	snapName    = "snapshot.bin"
	snapMagic   = "SDKGSNP2"
	snapMagicV1 = "SDKGSNP1"
)

// encodeSnapshot encodes the state at seq into a buffer of about hint
// bytes. Maps are walked in their own order: decoding needs only the
// sections in order (documents, nodes, edges, merge tables), and sorting a
// large state's keys would cost more than encoding it.
func (s *state) encodeSnapshot(seq uint64, hint int) []byte {
	e := &encoder{b: append(make([]byte, 0, hint+1024), snapMagic...)}
	e.uvar(seq)
	e.uvar(uint64(len(s.docs)))
	docOrd := make(map[*docRec]uint64, len(s.docs))
	for _, d := range s.docs {
		docOrd[d] = uint64(len(docOrd))
		e.document(&d.d)
	}
	e.uvar(uint64(len(s.nodes)))
	nodeOrd := make([]uint64, s.lastIdx+1) // by nodeRec.idx
	n := uint64(0)
	for _, r := range s.nodes {
		nodeOrd[r.idx] = n
		n++
		e.node(&r.n)
		e.uvar(uint64(r.docs.len()))
		for dr := range r.docs.all() {
			e.uvar(docOrd[dr])
		}
	}
	e.uvar(uint64(len(s.edges)))
	for _, r := range s.edges {
		e.uvar(uint64(r.t))
		e.uvar(nodeOrd[r.from.idx])
		e.uvar(nodeOrd[r.to.idx])
		e.str(r.e.Date)
		e.uvar(uint64(len(r.sup)))
		for _, c := range r.sup {
			e.uvar(docOrd[s.docs[c.doc]])
			e.f64(c.conf)
			e.str(c.rule)
			e.props(c.props)
			e.uvar(uint64(len(c.ev)))
			for i := range c.ev { // the document is the contribution's
				ev := &c.ev[i]
				e.str(ev.Entry)
				e.str(ev.Sentence)
				e.int(ev.Start)
				e.int(ev.End)
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

// snapRefs reads the references of a snapshot body: by ordinal in
// version 2, by id in version 1.
type snapRefs struct {
	v1    bool
	s     *state
	docs  []*docRec  // by ordinal
	nodes []*nodeRec // by ordinal
}

func (x *snapRefs) doc(d *decoder) *docRec {
	if x.v1 {
		return x.s.docs[string(d.bytes())]
	}
	if i := d.uvar(); i < uint64(len(x.docs)) {
		return x.docs[i]
	}
	return nil
}

func (x *snapRefs) node(d *decoder) *nodeRec {
	if x.v1 {
		return x.s.nodes[string(d.bytes())]
	}
	if i := d.uvar(); i < uint64(len(x.nodes)) {
		return x.nodes[i]
	}
	return nil
}

func (x *snapRefs) edgeType(d *decoder) (int, bool) {
	if x.v1 {
		t, ok := typeIndex[graph.EdgeType(d.bytes())]
		return t, ok
	}
	t := d.uvar()
	return int(t), t < numTypes
}

func (x *snapRefs) evidence(d *decoder, doc string) graph.Evidence {
	if x.v1 {
		return d.evidence()
	}
	return graph.Evidence{Document: doc, Entry: d.str(), Sentence: d.str(), Start: d.int(), End: d.int()}
}

// decodeSnapshot rebuilds a state from snapshot bytes and returns its seq.
func decodeSnapshot(path string, data []byte) (*state, uint64, error) {
	bad := func(why string) error { return graph.Errorf(graph.EINTERNAL, "snapshot %s: %s", path, why) }
	if len(data) < len(snapMagic)+4 {
		return nil, 0, bad("not a snapshot")
	}
	x := &snapRefs{v1: bytes.HasPrefix(data, []byte(snapMagicV1))}
	if !x.v1 && !bytes.HasPrefix(data, []byte(snapMagic)) {
		return nil, 0, bad("not a snapshot")
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, 0, bad("checksum mismatch")
	}
	d := &decoder{b: body[len(snapMagic):]}
	s := newState()
	x.s = s
	seq := d.uvar()
	nd := d.count()
	s.docs = make(map[string]*docRec, nd)
	x.docs = make([]*docRec, 0, nd)
	for n := nd; n > 0 && d.err == nil; n-- {
		dr := &docRec{d: d.document()}
		s.docs[dr.d.ID] = dr
		x.docs = append(x.docs, dr)
	}
	nn := d.count()
	s.nodes = make(map[string]*nodeRec, nn)
	x.nodes = make([]*nodeRec, 0, nn)
	for n := nn; n > 0 && d.err == nil; n-- {
		r := &nodeRec{n: d.node()}
		for m := d.count(); m > 0 && d.err == nil; m-- {
			dr := x.doc(d)
			if dr == nil {
				return nil, 0, bad("node supported by an unknown document")
			}
			r.docs.add(dr)
			dr.nodes = append(dr.nodes, r.n.ID)
		}
		s.indexNode(r)
		x.nodes = append(x.nodes, r)
	}
	ne := d.count()
	s.edges = make(map[string]*edgeRec, ne)
	for n := ne; n > 0 && d.err == nil; n-- {
		if err := s.loadEdge(d, x); err != nil {
			return nil, 0, bad(err.Error())
		}
	}
	for _, m := range []map[string]string{s.redirect, s.names} {
		for n := d.count(); n > 0 && d.err == nil; n-- {
			k := d.str()
			m[k] = d.str()
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, 0, bad("malformed body")
	}
	return s, seq, nil
}

func (s *state) loadEdge(d *decoder, x *snapRefs) error {
	t, ok := x.edgeType(d)
	from, to := x.node(d), x.node(d)
	date := d.str()
	if !ok || from == nil || to == nil {
		return errShort
	}
	// Share the stored nodes' id strings instead of decoding copies.
	e := graph.Edge{Type: graph.EdgeTypes[t], From: from.n.ID, To: to.n.ID, Date: date}
	e.Normalize()
	if e.From != from.n.ID { // a symmetric edge written the other way round
		from, to = to, from
	}
	r := &edgeRec{e: e}
	var docs []*docRec
	for n := d.count(); n > 0 && d.err == nil; n-- {
		dr := x.doc(d)
		if dr == nil {
			return errShort
		}
		c := contrib{doc: dr.d.ID, conf: d.f64(), rule: d.str(), props: d.props()}
		if m := d.count(); m > 0 {
			c.ev = make([]graph.Evidence, 0, m)
			for ; m > 0 && d.err == nil; m-- {
				c.ev = append(c.ev, x.evidence(d, c.doc))
			}
		}
		if r.sup == nil {
			r.sup0[0] = c
			r.sup = r.sup0[:1:1]
		} else {
			r.sup = append(r.sup, c)
		}
		docs = append(docs, dr)
	}
	if d.err != nil || len(r.sup) == 0 {
		return errShort
	}
	if !slices.IsSortedFunc(r.sup, func(a, b contrib) int { return strings.Compare(a.doc, b.doc) }) {
		return errShort // snapshots keep contributions in document order
	}
	s.refresh(r)
	s.linkEdge(r, from, to)
	for _, dr := range docs {
		dr.edges = append(dr.edges, r.e.ID)
	}
	return nil
}

// writeSnapshot writes data as dir's snapshot atomically and durably.
func writeSnapshot(dir string, data []byte) error {
	path := filepath.Join(dir, snapName)
	tmp, err := os.CreateTemp(dir, snapName+".*.tmp")
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "snapshot %s: create", path)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return graph.Wrap(graph.EINTERNAL, err, "snapshot %s: write", path)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return graph.Wrap(graph.EINTERNAL, err, "snapshot %s: sync", path)
	}
	if err := tmp.Close(); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "snapshot %s: close", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "snapshot %s: rename", path)
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "data directory %s: open", dir)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "data directory %s: sync", dir)
	}
	return nil
}

// readSnapshot loads dir's snapshot, or an empty state at seq 0 when there
// is none.
func readSnapshot(dir string) (*state, uint64, error) {
	path := filepath.Join(dir, snapName)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return newState(), 0, nil
	}
	if err != nil {
		return nil, 0, graph.Wrap(graph.EINTERNAL, err, "snapshot %s: read", path)
	}
	return decodeSnapshot(path, data)
}
