package embedded

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"syscall"

	"github.com/sdkg/sdkg/graph"
)

// The write-ahead log is a sequence of records, each
//
//	length  uint32 LE  (of payload)
//	crc     uint32 LE  (CRC-32C of payload)
//	payload: seq uint64 LE, op byte, op body (codec.go)
//
// appended and fsynced before an operation is acknowledged (the records of
// an ApplyBatch, one per document, with one fsync). Records whose seq is
// not above the snapshot's are already in the snapshot and skipped.

const (
	walName     = "wal.log"
	headerSize  = 8
	maxRecord   = 1 << 30
	opApply     = 1
	opDelete    = 2
	opMerge     = 3
	opAlias     = 4
	payloadHead = 9 // seq + op
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type wal struct {
	path string
	f    *os.File
	size int64  // bytes of synced records: the file is cut back here on failure
	seq  uint64 // seq of the last synced record
	// broken is set when a failed write could not be cut back: the tail may
	// hold a partial record, so no record may follow it.
	broken bool
	buf    []byte // the last batch's buffer, reused by the next
}

// maxKeptBuf is the largest record buffer kept for reuse.
const maxKeptBuf = 4 << 20

// logBatch is a run of records framed in memory, written (in pieces of
// spillBytes when large) and synced together by commit.
type logBatch struct {
	w       *wal
	e       encoder
	framed  int   // records in e.b
	written int   // records written to the file, not yet synced
	bytes   int64 // bytes written to the file, not yet synced
}

// spillBytes is the size from which a batch's framed records are written
// to the file before the commit, so that a large batch does not sit whole
// in memory.
const spillBytes = 4 << 20

// batch starts a run of records.
func (w *wal) batch() *logBatch {
	return &logBatch{w: w, e: encoder{b: w.buf[:0]}}
}

// add frames a record of op, its body written by body, with the seq after
// those already in the batch. EINVALID (and nothing added) when the record
// is too large.
func (b *logBatch) add(op byte, body func(*encoder)) error {
	start := len(b.e.b)
	b.e.b = append(b.e.b, make([]byte, headerSize)...)
	b.e.b = binary.LittleEndian.AppendUint64(b.e.b, b.w.seq+uint64(b.written+b.framed)+1)
	b.e.b = append(b.e.b, op)
	body(&b.e)
	payload := b.e.b[start+headerSize:]
	if len(payload) > maxRecord {
		b.e.b = b.e.b[:start]
		return graph.Errorf(graph.EINVALID, "operation too large for one log record (%d bytes)", len(payload))
	}
	binary.LittleEndian.PutUint32(b.e.b[start:], uint32(len(payload)))
	binary.LittleEndian.PutUint32(b.e.b[start+4:], crc32.Checksum(payload, castagnoli))
	b.framed++
	return nil
}

// spill appends the framed records to the file, unsynced, once they reach
// spillBytes, or when all is set.
func (b *logBatch) spill(all bool) error {
	if b.framed == 0 || !all && len(b.e.b) < spillBytes {
		return nil
	}
	if b.w.broken {
		return graph.Errorf(graph.EUNAVAILABLE, "log %s: an earlier write failed; reopen the store", b.w.path)
	}
	if _, err := b.w.f.Write(b.e.b); err != nil {
		return b.undo(err)
	}
	b.written += b.framed
	b.bytes += int64(len(b.e.b))
	b.framed, b.e.b = 0, b.e.b[:0]
	return nil
}

// commit writes the records left and syncs the file once (fdatasync: the
// data and the file size, which is all a log append changes); the records
// are then durable. On failure it cuts the file back to its size before the
// batch, so that no torn record stays behind.
func (b *logBatch) commit() error {
	if err := b.spill(true); err != nil {
		return err
	}
	if b.written == 0 {
		return nil
	}
	if err := syscall.Fdatasync(int(b.w.f.Fd())); err != nil {
		return b.undo(err)
	}
	b.w.size += b.bytes
	b.w.seq += uint64(b.written)
	if cap(b.e.b) <= maxKeptBuf {
		b.w.buf = b.e.b[:0]
	}
	b.written, b.bytes = 0, 0
	return nil
}

func (b *logBatch) undo(cause error) error {
	b.framed, b.written, b.bytes, b.e.b = 0, 0, 0, b.e.b[:0]
	w := b.w
	if err := w.f.Truncate(w.size); err != nil {
		w.broken = true
		return graph.Wrap(graph.EINTERNAL, err, "log %s: write failed (%v) and could not be undone", w.path, cause)
	}
	return graph.Wrap(graph.EUNAVAILABLE, cause, "log %s: write failed", w.path)
}

// reset empties the log after a snapshot has made its records redundant.
func (w *wal) reset() error {
	if err := w.f.Truncate(0); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "log %s: truncate", w.path)
	}
	if err := w.f.Sync(); err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "log %s: sync", w.path)
	}
	w.size = 0
	return nil
}

// logRecord is one decoded record: its seq, op and body.
type logRecord struct {
	seq  uint64
	op   byte
	body []byte
}

// tornError reports a log whose tail cannot be read.
type tornError struct {
	path   string
	offset int64
	why    string
}

func (e *tornError) Error() string {
	return fmt.Sprintf("log %s: %s at offset %d", e.path, e.why, e.offset)
}

// readLog parses every record of data. It stops at the first record that
// is torn (shorter than its header says) or corrupt (CRC mismatch) and
// returns the records before it, the offset where the good prefix ends and
// a *tornError describing the problem.
func readLog(path string, data []byte) ([]logRecord, int64, error) {
	var recs []logRecord
	off := 0
	for off < len(data) {
		rest := data[off:]
		if len(rest) < headerSize {
			return recs, int64(off), &tornError{path, int64(off), "torn record header"}
		}
		n := int(binary.LittleEndian.Uint32(rest))
		sum := binary.LittleEndian.Uint32(rest[4:])
		if n < payloadHead || n > maxRecord {
			return recs, int64(off), &tornError{path, int64(off), fmt.Sprintf("corrupt record length %d", n)}
		}
		if len(rest)-headerSize < n {
			return recs, int64(off), &tornError{path, int64(off), "torn record"}
		}
		payload := rest[headerSize : headerSize+n]
		if crc32.Checksum(payload, castagnoli) != sum {
			return recs, int64(off), &tornError{path, int64(off), "checksum mismatch"}
		}
		recs = append(recs, logRecord{seq: binary.LittleEndian.Uint64(payload), op: payload[8], body: payload[payloadHead:]})
		off += headerSize + n
	}
	return recs, int64(off), nil
}

// openLog reads the log of dir and opens it for appending. A bad tail is an
// EINTERNAL error naming the file and offset, unless repair is set: then
// the file is cut at the end of its good prefix.
func openLog(dir string, repair bool) (*wal, []logRecord, error) {
	path := filepath.Join(dir, walName)
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return nil, nil, graph.Wrap(graph.EINTERNAL, err, "log %s: read", path)
	}
	recs, good, rerr := readLog(path, data)
	if rerr != nil && !repair {
		return nil, nil, graph.Wrap(graph.EINTERNAL, rerr, "%v; nothing was loaded (open with RepairTail to cut the log there)", rerr)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o644)
	if err != nil {
		return nil, nil, graph.Wrap(graph.EINTERNAL, err, "log %s: open", path)
	}
	if rerr != nil {
		if err := f.Truncate(good); err != nil {
			f.Close()
			return nil, nil, graph.Wrap(graph.EINTERNAL, err, "log %s: cut at %d", path, good)
		}
	}
	return &wal{path: path, f: f, size: good}, recs, nil
}
