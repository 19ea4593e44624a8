package embedded

// Crash abandons the store as a killed process would: files are closed
// without a snapshot and the directory lock is released.
func (s *Store) Crash() {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.closed.Store(true)
	s.log.f.Close()
	s.lock.Close()
}

// BreakLog closes the log file under the store, so that the next write to
// it fails as a full or failing disk would.
func (s *Store) BreakLog() { s.log.f.Close() }
