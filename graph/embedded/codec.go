package embedded

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math"

	"github.com/sdkg/sdkg/graph"
)

// A compact binary encoding, used by log records and snapshots: unsigned
// varints for counts and lengths, length-prefixed strings, IEEE 754 bits
// for floats. Maps are written in key order so that equal states encode to
// equal bytes.

type encoder struct{ b []byte }

func (e *encoder) uvar(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) str(s string)  { e.uvar(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) f64(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }

func (e *encoder) strs(ss []string) {
	e.uvar(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) props(m map[string]string) {
	e.uvar(uint64(len(m)))
	if len(m) == 1 { // the common case needs no sorted copy of the keys
		for k, v := range m {
			e.str(k)
			e.str(v)
		}
		return
	}
	for _, k := range sortedKeys(m) {
		e.str(k)
		e.str(m[k])
	}
}

func (e *encoder) evidence(ev *graph.Evidence) {
	e.str(ev.Document)
	e.str(ev.Entry)
	e.str(ev.Sentence)
	e.int(ev.Start)
	e.int(ev.End)
}

func (e *encoder) document(d *graph.Document) {
	e.uvar(7) // as strs would write the seven fields
	for _, s := range [...]string{d.ID, d.Title, d.Publisher, d.Issued, d.Source, d.Format, d.Hash} {
		e.str(s)
	}
	e.uvar(uint64(len(d.Entries)))
	for _, en := range d.Entries {
		e.uvar(3)
		e.str(en.ID)
		e.str(en.Heading)
		e.str(en.Date)
		e.int(en.Start)
		e.int(en.End)
	}
}

func (e *encoder) node(n *graph.Node) {
	e.str(n.ID)
	e.str(string(n.Kind))
	e.str(n.Name)
	e.strs(n.Aliases)
	e.str(n.Country)
	e.props(n.Props)
}

// factsEdgeAs writes an edge of facts with the given endpoints: identity,
// props, evidence, confidence and rule.
func (e *encoder) factsEdgeAs(x *graph.Edge, from, to string) {
	e.str(string(x.Type))
	e.str(from)
	e.str(to)
	e.str(x.Date)
	e.props(x.Props)
	if x.Evidence != nil {
		e.uvar(1)
		e.evidence(x.Evidence)
	} else {
		e.uvar(0)
	}
	e.f64(x.Confidence)
	e.str(x.Rule)
}

var errShort = errors.New("truncated or malformed encoding")

// decoder reads what encoder wrote; the first error sticks and later reads
// return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() { d.err = errShort; d.b = nil }

func (d *decoder) uvar() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// count reads a length and checks it against the bytes left (each item
// takes at least one byte), so corrupt input cannot ask for huge slices.
func (d *decoder) count() int {
	n := d.uvar()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

// bytes returns the next length-prefixed string without copying it; the
// slice aliases the input.
func (d *decoder) bytes() []byte {
	n := d.count()
	if d.err != nil {
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) f64() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) props() map[string]string {
	n := d.count()
	if n == 0 {
		return nil
	}
	m := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

func (d *decoder) evidence() graph.Evidence {
	return graph.Evidence{Document: d.str(), Entry: d.str(), Sentence: d.str(), Start: d.int(), End: d.int()}
}

func (d *decoder) document() graph.Document {
	s := d.strs()
	if len(s) != 7 {
		d.fail()
		return graph.Document{}
	}
	doc := graph.Document{ID: s[0], Title: s[1], Publisher: s[2], Issued: s[3], Source: s[4], Format: s[5], Hash: s[6]}
	n := d.count()
	for i := 0; i < n; i++ {
		e := d.strs()
		if len(e) != 3 {
			d.fail()
			return doc
		}
		doc.Entries = append(doc.Entries, graph.Entry{ID: e[0], Heading: e[1], Date: e[2], Start: d.int(), End: d.int()})
	}
	return doc
}

func (d *decoder) node() graph.Node {
	n := graph.Node{ID: d.str(), Kind: graph.Kind(d.str()), Name: d.str(), Aliases: d.strs()}
	n.Country = d.str()
	n.Props = d.props()
	return n
}

func (d *decoder) factsEdge() graph.Edge {
	e := graph.Edge{Type: graph.EdgeType(d.str()), From: d.str(), To: d.str(), Date: d.str()}
	e.Props = d.props()
	if d.uvar() == 1 {
		ev := d.evidence()
		e.Evidence = &ev
	}
	e.Confidence = d.f64()
	e.Rule = d.str()
	return e
}

func (d *decoder) facts() graph.Facts {
	f := graph.Facts{Document: d.document()}
	n := d.count()
	f.Nodes = make([]graph.Node, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		f.Nodes = append(f.Nodes, d.node())
	}
	n = d.count()
	f.Edges = make([]graph.Edge, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		f.Edges = append(f.Edges, d.factsEdge())
	}
	return f
}

// canonical appends to buf the nodes and edges of f in a canonical order
// (nodes by id, edges normalised and by key, as scratch.order sorts them)
// as the tail of an encoded Facts: the log record of an Apply is the
// encoded document followed by these bytes, and the document hash is
// computed over the same bytes.
func canonical(buf []byte, f *graph.Facts, nodes []nodeOrd, edges []edgeOrd) []byte {
	e := &encoder{b: buf}
	e.uvar(uint64(len(nodes)))
	for _, o := range nodes {
		e.node(&f.Nodes[o.i])
	}
	e.uvar(uint64(len(edges)))
	for _, o := range edges {
		e.factsEdgeAs(&f.Edges[o.i], o.from, o.to)
	}
	return e.b
}

// factsHash is the embedded store's Document.Hash: SHA-256 (first 16
// bytes, hex) over the encoded document (its Hash empty) and the canonical
// nodes and edges, so that it does not depend on their order. It stands in
// for graph.Facts.ComputeHash, whose JSON encoding costs more than the rest
// of an Apply.
func factsHash(doc graph.Document, canon []byte) string {
	doc.Hash = ""
	e := &encoder{}
	e.document(&doc)
	h := sha256.New()
	h.Write(e.b)
	h.Write(canon)
	return hex.EncodeToString(h.Sum(nil)[:16])
}
