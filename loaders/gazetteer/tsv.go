package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sdkg/sdkg/graph"
)

// row is one data line of a TSV file, its fields keyed by column name.
type row struct {
	file   string
	line   int
	fields map[string]string
}

// get returns the trimmed value of a column ("" when the line is short).
func (r row) get(col string) string { return strings.TrimSpace(r.fields[col]) }

// list returns a "|"-separated column as a list without empty items.
func (r row) list(col string) []string {
	var out []string
	for _, v := range strings.Split(r.get(col), "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// errorf returns an EINVALID error naming the file, line and column.
func (r row) errorf(col, format string, args ...any) error {
	return graph.Errorf(graph.EINVALID, "%s line %d, field %q: %s", r.file, r.line, col, fmt.Sprintf(format, args...))
}

// readTSV reads a tab-separated file whose first non-comment line names its
// columns; it requires exactly the columns in want, in that order. Lines
// starting with "#" and blank lines are skipped. A line may omit trailing
// empty fields but never have more fields than the header.
func readTSV(file string, r io.Reader, want []string) ([]row, error) {
	if r == nil {
		return nil, graph.Errorf(graph.EINVALID, "%s: no reader", file)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var header []string
	var rows []row
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if header == nil {
			if err := checkHeader(file, n, cells, want); err != nil {
				return nil, err
			}
			header = want
			continue
		}
		if len(cells) > len(header) {
			return nil, graph.Errorf(graph.EINVALID, "%s line %d: %d fields, the header names %d", file, n, len(cells), len(header))
		}
		rw := row{file: file, line: n, fields: make(map[string]string, len(header))}
		for i, c := range cells {
			rw.fields[header[i]] = c
		}
		rows = append(rows, rw)
	}
	if err := sc.Err(); err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "%s: read", file)
	}
	if header == nil {
		return nil, graph.Errorf(graph.EINVALID, "%s: no header line (want %s)", file, strings.Join(want, ", "))
	}
	return rows, nil
}

func checkHeader(file string, line int, cells, want []string) error {
	got := make([]string, len(cells))
	for i, c := range cells {
		got[i] = strings.ToLower(strings.TrimSpace(c))
	}
	if strings.Join(got, "\t") != strings.Join(want, "\t") {
		return graph.Errorf(graph.EINVALID, "%s line %d: header %q, want columns %s", file, line, strings.Join(got, ","), strings.Join(want, ","))
	}
	return nil
}
