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
