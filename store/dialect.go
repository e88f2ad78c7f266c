package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
)

// dialect is what differs between the two databases the store runs on.
// Queries are written once, in the SQL both accept, with ? placeholders
// (?N to repeat an argument); the few statements that cannot be shared
// take their differing words from here, and each dialect has its own
// migration files under migrations/<name>/, with the same versions.
type dialect struct {
	name   string // "sqlite" or "postgres", also the migrations folder
	driver string // database/sql driver name
	// numbered rewrites ? and ?N to $N (PostgreSQL); SQLite takes ? as is.
	numbered bool
	// indexedBy names an index SQLite's planner would not pick on its own;
	// PostgreSQL's planner needs no hint.
	indexedBy func(index string) string
	// joinInOrder joins the next table after the one before: SQLite's
	// planner keeps CROSS JOIN's order; PostgreSQL's picks its own.
	joinInOrder string
	// nowMillis is the database's clock, in milliseconds since 1970: the
	// one clock every process sharing the database agrees on.
	nowMillis string
	// forShare locks the rows a SELECT reads until the transaction ends,
	// where the database locks rows (SQLite has one writer at a time).
	forShare string
	// resetIdentity, when set, is the statement that makes a table's id
	// numbering continue past the ids inserted explicitly (SQLite's
	// AUTOINCREMENT does so by itself).
	resetIdentity func(table string) string
	// ilike matches a LIKE pattern ignoring the case of ASCII letters.
	ilike string
	// trigramMatch, when set, is the condition that a question contains
	// each of words (three characters or more), through a trigram index,
	// and its argument. Without it every word is matched with ilike (which
	// PostgreSQL serves from its own trigram index).
	trigramMatch func(words []string) (cond string, arg any)

	binds sync.Map // query → rewritten query
}

var sqliteDialect = &dialect{
	name:        "sqlite",
	driver:      "sqlite",
	indexedBy:   func(index string) string { return "INDEXED BY " + index },
	joinInOrder: "CROSS JOIN",
	nowMillis:   "CAST(unixepoch('subsec') * 1000 AS INTEGER)",
	ilike:       "LIKE",
	// The FTS5 trigram index (answers_fts) finds any part of a question,
	// in any case; a phrase in quotes is taken as it is.
	trigramMatch: func(words []string) (string, any) {
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
		return `rowid IN (SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?)`, strings.Join(quoted, " ")
	},
}

var postgresDialect = &dialect{
	name:        "postgres",
	driver:      "pgx",
	numbered:    true,
	indexedBy:   func(string) string { return "" },
	joinInOrder: "JOIN",
	nowMillis:   "CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS bigint)",
	forShare:    "FOR SHARE",
	resetIdentity: func(table string) string {
		return `SELECT setval(pg_get_serial_sequence('` + table + `', 'id'), coalesce((SELECT max(id) FROM ` + table + `), 0) + 1, false)`
	},
	// The pg_trgm GIN index answers_question_trgm serves ILIKE.
	ilike: "ILIKE",
}

// bind returns q with its placeholders in the dialect's syntax.
func (d *dialect) bind(q string) string {
	if !d.numbered {
		return q
	}
	if b, ok := d.binds.Load(q); ok {
		return b.(string)
	}
	b := numberPlaceholders(q)
	d.binds.Store(q, b)
	return b
}

// numberPlaceholders rewrites SQLite's ? and ?N placeholders as $N, as
// SQLite numbers them: a bare ? is one more than the largest number so
// far. Quoted strings, quoted names and comments are left alone.
func numberPlaceholders(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	largest := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(q[i+1:], c)
			if end < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+end+2])
			i += end + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			end := strings.IndexByte(q[i:], '\n')
			if end < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+end+1])
			i += end
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			n := largest + 1
			if j > i+1 {
				var err error
				if n, err = strconv.Atoi(q[i+1 : j]); err != nil || n > 65535 {
					// Not a parameter either database takes: left as written.
					b.WriteString(q[i:j])
					i = j - 1
					continue
				}
			}
			largest = max(largest, n)
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// txn is a transaction that speaks the store's dialect: its queries are
// written with ? placeholders.
type txn struct {
	*sql.Tx
	d *dialect
}

func (t txn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.d.bind(q), args...)
}

func (t txn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.d.bind(q), args...)
}

func (t txn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.d.bind(q), args...)
}

// handle is the database handle, speaking the store's dialect, for single
// statements outside a transaction.
type handle struct {
	*sql.DB
	d *dialect
}

func (h handle) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return h.DB.ExecContext(ctx, h.d.bind(q), args...)
}

func (h handle) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return h.DB.QueryContext(ctx, h.d.bind(q), args...)
}

func (h handle) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return h.DB.QueryRowContext(ctx, h.d.bind(q), args...)
}
