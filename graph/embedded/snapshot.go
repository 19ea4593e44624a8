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
//	magic "SDKGSNP1", body (codec.go), crc uint32 LE (CRC-32C of magic+body)
//
// written to a temporary file, fsynced and renamed over the previous one.
// Indexes and merged edge views are rebuilt on load.

const (
	snapName  = "snapshot.bin"
	snapMagic = "SDKGSNP1"
)

// encodeSnapshot encodes the state at seq into a buffer of about hint
// bytes. Maps are walked in their own order: decoding needs only the
// sections in order (documents, nodes, edges, merge tables), and sorting a
// large state's keys would cost more than encoding it.
func (s *state) encodeSnapshot(seq uint64, hint int) []byte {
	e := &encoder{b: append(make([]byte, 0, hint+1024), snapMagic...)}
	e.uvar(seq)
	e.uvar(uint64(len(s.docs)))
	for _, d := range s.docs {
		e.document(&d.d)
	}
	e.uvar(uint64(len(s.nodes)))
	for _, r := range s.nodes {
		e.node(&r.n)
		e.uvar(uint64(r.docs.len()))
		for dr := range r.docs.all() {
			e.str(dr.d.ID)
		}
	}
	e.uvar(uint64(len(s.edges)))
	for _, r := range s.edges {
		encodeEdgeRec(e, r)
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

func encodeEdgeRec(e *encoder, r *edgeRec) {
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

// decodeSnapshot rebuilds a state from snapshot bytes and returns its seq.
func decodeSnapshot(path string, data []byte) (*state, uint64, error) {
	bad := func(why string) error { return graph.Errorf(graph.EINTERNAL, "snapshot %s: %s", path, why) }
	if len(data) < len(snapMagic)+4 || !bytes.HasPrefix(data, []byte(snapMagic)) {
		return nil, 0, bad("not a snapshot")
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, 0, bad("checksum mismatch")
	}
	d := &decoder{b: body[len(snapMagic):]}
	s := newState()
	seq := d.uvar()
	nd := d.count()
	s.docs = make(map[string]*docRec, nd)
	for n := nd; n > 0 && d.err == nil; n-- {
		doc := d.document()
		s.docs[doc.ID] = &docRec{d: doc}
	}
	nn := d.count()
	s.nodes = make(map[string]*nodeRec, nn)
	for n := nn; n > 0 && d.err == nil; n-- {
		r := &nodeRec{n: d.node()}
		for m := d.count(); m > 0 && d.err == nil; m-- {
			dr := s.docs[string(d.bytes())]
			if dr == nil {
				return nil, 0, bad("node supported by an unknown document")
			}
			r.docs.add(dr)
			dr.nodes = append(dr.nodes, r.n.ID)
		}
		s.indexNode(r)
	}
	ne := d.count()
	s.edges = make(map[string]*edgeRec, ne)
	for n := ne; n > 0 && d.err == nil; n-- {
		if err := s.loadEdge(d); err != nil {
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

func (s *state) loadEdge(d *decoder) error {
	t, ok := typeIndex[graph.EdgeType(d.bytes())]
	from, to := s.nodes[string(d.bytes())], s.nodes[string(d.bytes())]
	date := d.str()
	if !ok || from == nil || to == nil {
		return errShort
	}
	// Share the stored nodes' id strings instead of decoding copies.
	e := graph.Edge{Type: graph.EdgeTypes[t], From: from.n.ID, To: to.n.ID, Date: date}
	e.Normalize()
	r := &edgeRec{e: e}
	var docs []*docRec
	for n := d.count(); n > 0 && d.err == nil; n-- {
		dr := s.docs[string(d.bytes())]
		if dr == nil {
			return errShort
		}
		c := contrib{doc: dr.d.ID, conf: d.f64(), rule: d.str(), props: d.props()}
		for m := d.count(); m > 0 && d.err == nil; m-- {
			c.ev = append(c.ev, d.evidence())
		}
		r.sup = append(r.sup, c)
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
