package embedded

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/sdkg/sdkg/graph"
)

// Store is the embedded graph store. See the package comment.
type Store struct {
	wmu    sync.Mutex   // one writer at a time (plan, log, commit)
	mu     sync.RWMutex // readers vs the commit of a write
	st     *state
	log    *wal // nil in memory mode
	dir    string
	lock   *os.File
	closed atomic.Bool
	// broken is set when a batch's log write failed after some of its
	// documents were committed in memory (ApplyBatch).
	broken atomic.Bool
	opt    options
	// snapBytes is the size of the last snapshot written or read: with the
	// log's size, a good guess of the next one's.
	snapBytes int
}

var _ graph.Store = (*Store)(nil)

type options struct {
	snapshotBytes int64
	repairTail    bool
}

// Option configures Open.
type Option func(*options)

// SnapshotEvery makes the store write a snapshot and empty its log once the
// log holds n bytes (default 16 MiB, some 90k edges: replaying that much
// after a crash takes about as long as applying it), or half the size of
// the last snapshot if that is more: a snapshot costs in proportion to
// the whole graph, so a large graph takes one after proportionally more
// writes, and its cost per write stays bounded. Close always snapshots a
// non-empty log.
func SnapshotEvery(n int64) Option { return func(o *options) { o.snapshotBytes = n } }

// RepairTail makes Open cut a torn or corrupt log tail instead of failing:
// the operations after the damage are lost, none is loaded partially.
func RepairTail() Option { return func(o *options) { o.repairTail = true } }

// Open opens the store kept in dir, creating dir and an empty store when
// needed. It loads the snapshot, replays the log after it and takes an
// exclusive lock on the directory (EUNAVAILABLE when another process holds
// it). A torn or corrupt log is EINTERNAL naming the file and offset.
func Open(dir string, opts ...Option) (*Store, error) {
	s := &Store{dir: dir, opt: options{snapshotBytes: 16 << 20}}
	for _, o := range opts {
		o(&s.opt)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, graph.Wrap(graph.EINTERNAL, err, "data directory %s", dir)
	}
	if err := s.lockDir(); err != nil {
		return nil, err
	}
	if err := s.load(); err != nil {
		s.lock.Close()
		return nil, err
	}
	return s, nil
}

// OpenMemory returns a store that keeps nothing on disk.
func OpenMemory() *Store {
	return &Store{st: newState()}
}

func (s *Store) lockDir() error {
	path := filepath.Join(s.dir, "LOCK")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return graph.Wrap(graph.EINTERNAL, err, "lock %s", path)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return graph.Wrap(graph.EUNAVAILABLE, err, "data directory %s is in use by another process", s.dir)
	}
	s.lock = f
	return nil
}

// load reads the snapshot and replays the log records after it.
func (s *Store) load() error {
	st, seq, err := readSnapshot(s.dir)
	if err != nil {
		return err
	}
	w, recs, err := openLog(s.dir, s.opt.repairTail)
	if err != nil {
		return err
	}
	w.seq = seq
	for _, r := range recs {
		if r.seq <= seq {
			continue
		}
		if err := replay(st, r); err != nil {
			w.f.Close()
			return graph.Wrap(graph.EINTERNAL, err, "log %s: record %d cannot be replayed", w.path, r.seq)
		}
		w.seq = r.seq
	}
	s.st, s.log = st, w
	if fi, err := os.Stat(filepath.Join(s.dir, snapName)); err == nil {
		s.snapBytes = int(fi.Size())
	}
	return nil
}

// replay applies one logged operation to the state.
func replay(st *state, r logRecord) error {
	d := &decoder{b: r.body}
	switch r.op {
	case opApply:
		f := d.facts()
		if d.err != nil {
			return d.err
		}
		p, _, err := st.planApply(&f)
		if err != nil {
			return err
		}
		if p != nil {
			st.commitApply(p)
		}
	case opDelete:
		id := d.str()
		if _, err := st.planDelete(id); err != nil {
			return err
		}
		st.commitDelete(id)
	case opMerge:
		keep, drop := d.str(), d.str()
		if err := st.checkMerge(keep, drop); err != nil {
			return err
		}
		st.commitMerge(keep, drop)
	case opAlias:
		id, alias := d.str(), d.str()
		if _, err := st.checkAlias(id, alias); err != nil {
			return err
		}
		st.commitAlias(id, alias)
	default:
		return graph.Errorf(graph.EINTERNAL, "unknown operation %d", r.op)
	}
	return d.err
}

// check returns the error a call must fail with before it starts: the
// store closed or ctx done.
func (s *Store) check(ctx context.Context) error {
	if s.closed.Load() {
		return graph.Errorf(graph.EUNAVAILABLE, "embedded store is closed")
	}
	if s.broken.Load() {
		return graph.Errorf(graph.EUNAVAILABLE, "embedded store: a batch could not be logged after it was applied in memory; reopen the store")
	}
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "request ended")
	}
	return nil
}

// change is a planned write: the op and body of its log record and the
// mutation of the state.
type change struct {
	op     byte
	body   func(*encoder)
	commit func(*state)
}

// write runs one write: plan (under wmu only, readers keep going), then the
// log record, then commit under mu. A nil change means nothing to do.
func (s *Store) write(ctx context.Context, plan func(st *state) (*change, error)) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	c, err := plan(s.st)
	if err != nil || c == nil {
		return err
	}
	if s.log != nil {
		b := s.log.batch()
		if err := b.add(c.op, c.body); err != nil {
			return err
		}
		if err := b.commit(); err != nil {
			return err
		}
	}
	s.mu.Lock()
	c.commit(s.st)
	s.mu.Unlock()
	s.maybeSnapshot()
	return nil
}

// maybeSnapshot takes a snapshot when the log has grown enough. Called
// with wmu held, after a write is durable in the log: a failed snapshot
// only leaves the log longer, and the next write tries again.
func (s *Store) maybeSnapshot() {
	if s.log != nil && s.log.size >= s.snapshotAt() {
		_ = s.snapshot()
	}
}

// snapshotAt is the log size that calls for a snapshot (SnapshotEvery).
func (s *Store) snapshotAt() int64 {
	return max(s.opt.snapshotBytes, int64(s.snapBytes)/2)
}

// snapshot writes the state and empties the log. Called with wmu held.
func (s *Store) snapshot() error {
	data := s.st.encodeSnapshot(s.log.seq, s.snapBytes+int(s.log.size))
	if err := writeSnapshot(s.dir, data); err != nil {
		return err
	}
	s.snapBytes = len(data)
	return s.log.reset()
}

// Apply implements graph.Store.
func (s *Store) Apply(ctx context.Context, f *graph.Facts) (graph.ApplySummary, error) {
	if f == nil {
		return graph.ApplySummary{}, graph.Errorf(graph.EINVALID, "apply: nil facts")
	}
	var sum graph.ApplySummary
	err := s.write(ctx, func(st *state) (*change, error) {
		p, sm, err := st.planApply(f)
		sum = sm
		if err != nil || p == nil {
			return nil, err
		}
		return &change{opApply, p.record, func(st *state) { st.commitApply(p) }}, nil
	})
	return sum, err
}

// record writes the body of the plan's log record: the document with its
// hash, then the canonical facts.
func (p *applyPlan) record(e *encoder) {
	e.document(&p.doc)
	e.b = append(e.b, p.canon...)
}

// ApplyBatch implements graph.Store: each document is planned and
// committed in memory in turn, as Apply does, and its log record (the one
// Apply writes, so that replay and torn-tail handling are Apply's: a torn
// tail loses whole documents, never part of one) is framed into one
// buffer; the records are written together and synced once, before
// ApplyBatch returns.
//
// Readers may see the batch's documents before the sync, each one whole,
// as with Apply in turn; none is acknowledged before the sync. A failed
// write or sync after documents were committed in memory would leave
// memory ahead of the log: the log is cut back to its size before the
// batch and the store is marked broken, so that every later call fails
// EUNAVAILABLE until the store is reopened, which loads what the log
// holds (none of the batch).
func (s *Store) ApplyBatch(ctx context.Context, fs []*graph.Facts) ([]graph.ApplySummary, error) {
	if err := graph.ValidateBatch(fs); err != nil {
		return nil, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	var b *logBatch
	if s.log != nil {
		b = s.log.batch()
	}
	sums, stop, logErr := s.applyEach(ctx, fs, b)
	if logErr == nil && b != nil {
		logErr = b.commit()
	}
	if logErr != nil {
		if len(sums) > 0 {
			s.broken.Store(true)
		}
		return nil, logErr
	}
	s.maybeSnapshot()
	return sums, stop
}

// applyEach plans, logs into b (when not nil) and commits each document in
// turn, until one cannot be applied or ctx is done. It returns the
// summaries of the documents committed, the error that stopped it, naming
// the document, and the failure of the log if one did.
func (s *Store) applyEach(ctx context.Context, fs []*graph.Facts, b *logBatch) (sums []graph.ApplySummary, stop, logErr error) {
	sums = make([]graph.ApplySummary, 0, len(fs))
	for i, f := range fs {
		p, sum, err := s.planInBatch(ctx, f, b)
		if err != nil {
			return sums, graph.BatchError(err, fs, i), nil
		}
		if p != nil {
			s.mu.Lock()
			s.st.commitApply(p)
			s.mu.Unlock()
		}
		sums = append(sums, sum)
		if b != nil {
			if err := b.spill(false); err != nil {
				return sums, nil, err
			}
		}
	}
	return sums, nil, nil
}

// planInBatch plans f (validated) and frames its log record into b.
func (s *Store) planInBatch(ctx context.Context, f *graph.Facts, b *logBatch) (*applyPlan, graph.ApplySummary, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.ApplySummary{}, graph.Wrap(graph.EUNAVAILABLE, err, "request ended")
	}
	p, sum, err := s.st.planValidated(f)
	if err == nil && p != nil && b != nil {
		err = b.add(opApply, p.record)
	}
	return p, sum, err
}

// DeleteDocument implements graph.Store.
func (s *Store) DeleteDocument(ctx context.Context, id string) (graph.ApplySummary, error) {
	var sum graph.ApplySummary
	err := s.write(ctx, func(st *state) (*change, error) {
		sm, err := st.planDelete(id)
		sum = sm
		if err != nil {
			return nil, err
		}
		return &change{opDelete, func(e *encoder) { e.str(id) }, func(st *state) { st.commitDelete(id) }}, nil
	})
	return sum, err
}

// MergeNodes implements graph.Store.
func (s *Store) MergeNodes(ctx context.Context, keep, drop string) (graph.Node, error) {
	err := s.write(ctx, func(st *state) (*change, error) {
		if err := st.checkMerge(keep, drop); err != nil {
			return nil, err
		}
		body := func(e *encoder) { e.str(keep); e.str(drop) }
		return &change{opMerge, body, func(st *state) { st.commitMerge(keep, drop) }}, nil
	})
	if err != nil {
		return graph.Node{}, err
	}
	return s.nodeView(keep), nil
}

// AddAlias implements graph.Store.
func (s *Store) AddAlias(ctx context.Context, id, alias string) (graph.Node, error) {
	err := s.write(ctx, func(st *state) (*change, error) {
		fresh, err := st.checkAlias(id, alias)
		if err != nil || !fresh {
			return nil, err
		}
		body := func(e *encoder) { e.str(id); e.str(alias) }
		return &change{opAlias, body, func(st *state) { st.commitAlias(id, alias) }}, nil
	})
	if err != nil {
		return graph.Node{}, err
	}
	return s.nodeView(id), nil
}

func (s *Store) nodeView(id string) graph.Node {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if r := s.st.nodes[id]; r != nil {
		return r.view()
	}
	return graph.Node{}
}

// Ping implements graph.Store.
func (s *Store) Ping(ctx context.Context) error { return s.check(ctx) }

// Totals implements graph.Store.
func (s *Store) Totals(ctx context.Context) (graph.Totals, error) {
	if err := s.check(ctx); err != nil {
		return graph.Totals{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return graph.Totals{Nodes: len(s.st.nodes), Edges: len(s.st.edges), Documents: len(s.st.docs), Evidence: s.st.evidence}, nil
}

// Close snapshots a non-empty log and releases the directory. Later calls
// return EUNAVAILABLE.
func (s *Store) Close() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed.Swap(true) || s.log == nil {
		return nil
	}
	var err error
	if s.log.size > 0 {
		err = s.snapshot()
	}
	if cerr := s.log.f.Close(); err == nil && cerr != nil {
		err = graph.Wrap(graph.EINTERNAL, cerr, "log %s: close", s.log.path)
	}
	s.lock.Close()
	return err
}
