package graph

import (
	"errors"
	"fmt"
)

// Error codes. They are stable: the API exposes them as extensions.code.
const (
	ENOTFOUND    = "ENOTFOUND"    // the thing asked for does not exist
	EINVALID     = "EINVALID"     // the input is malformed or breaks the ontology
	ECONFLICT    = "ECONFLICT"    // the request contradicts the stored state
	EUNAVAILABLE = "EUNAVAILABLE" // the store cannot be reached or is closed
	EINTERNAL    = "EINTERNAL"    // a bug or an unexpected failure
)

// Error is a coded domain error. Message is safe to show to API clients;
// Err (if any) is the underlying cause, for logs only.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Code + ": " + e.Err.Error()
	}
	if e.Err != nil {
		return e.Code + ": " + e.Message + ": " + e.Err.Error()
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns a coded error with a formatted, client-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns a coded error with a client-safe message and a cause kept for logs.
func Wrap(code string, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the message of the
// first *Error in its chain, or "internal error" for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		if e.Code == EINTERNAL {
			return "internal error"
		}
		return e.Message
	}
	return "internal error"
}
