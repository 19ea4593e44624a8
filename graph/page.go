package graph

import (
	"encoding/base64"
	"strings"
)

// Page asks for one page of a keyset-paged list.
type Page struct {
	// First is the page size; 0 means DefaultPageSize; more than
	// MaxPageSize is EINVALID.
	First int
	// After is the EndCursor of the previous page, "" for the first page.
	After string
	// WithTotal asks for the total count of matching items, which costs an
	// extra scan; without it Total is -1.
	WithTotal bool
}

// Page sizes.
const (
	DefaultPageSize = 50
	MaxPageSize     = 1000
)

// Size returns the effective page size, or EINVALID.
func (p Page) Size() (int, error) {
	switch {
	case p.First < 0:
		return 0, Errorf(EINVALID, "page size %d is negative", p.First)
	case p.First == 0:
		return DefaultPageSize, nil
	case p.First > MaxPageSize:
		return 0, Errorf(EINVALID, "page size %d exceeds the maximum of %d", p.First, MaxPageSize)
	}
	return p.First, nil
}

// PageInfo ends every paged result.
type PageInfo struct {
	EndCursor   string
	HasNextPage bool
	// Total is the count of all matching items when asked, else -1.
	Total int
}

// EncodeCursor makes an opaque cursor from the sort key of the last item.
func EncodeCursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "\x00")))
}

// DecodeCursor reverses EncodeCursor, expecting n parts; a malformed cursor
// is EINVALID.
func DecodeCursor(c string, n int) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return nil, Errorf(EINVALID, "malformed cursor %q", c)
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != n {
		return nil, Errorf(EINVALID, "malformed cursor %q", c)
	}
	return parts, nil
}
