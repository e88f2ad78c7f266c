package corpus

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A manual page in troff's man(7) macros, made up in the form of the Linux
// man-pages project (round six): a comment block, .TH, NAME, a SYNOPSIS in
// no-fill mode with font macros, tagged paragraphs, a tbl table, escapes.
const manPage = `.\" Copyright (c) 2026 Nobody
.\" %%%LICENSE_START(VERBATIM)
.\" Permission is granted to copy this made-up page.
.\" %%%LICENSE_END
.\"
.TH FLUSHD 2 2026-12-07 "Linux" "Linux Programmer's Manual"
.SH NAME
flushd, flushd_data \- push a file's buffered state to its device
.SH SYNOPSIS
.nf
.B #include <flush.h>
.PP
.BI "int flushd(int " fd );
.fi
.SH DESCRIPTION
.BR flushd ()
transfers (\(lqflushes\(rq) all modified data of the file
referred to by the file descriptor
.I fd
to the disk device.
The call blocks until the device reports that the transfer has completed.
.PP
.BR flushd_data ()
is similar to
.BR flushd (),
but does not flush modified metadata.\" a comment after text
.SS Limits
The buffer holds at most 65,536 bytes
(see
.BR pipe (7)).
.SH ERRORS
.TP
.B EBADF
.I fd
is not a valid open file descriptor.
.TP
.BR EINTR " or " EIO
The call was interrupted, or an I/O error occurred.
.SH VERSIONS
.TS
l l.
Architecture	Stack size
_
i386	2 MB
x86_64	8 MB
.TE
.SH EXAMPLES
.EX
int fd = open("a", O_RDONLY);
if (flushd(fd) == \-1)
    perror("flushd");
.EE
.SH SEE ALSO
.BR sync (2),
.BR fsync (2)
`

func TestLoadManPage(t *testing.T) {
	d := loadOne(t, "man2/flushd.2", manPage)
	if d.Format != FormatMan || d.Title != "flushd" {
		t.Errorf("format %q, title %q; want man, flushd", d.Format, d.Title)
	}
	if d.Description != "flushd, flushd_data - push a file's buffered state to its device" {
		t.Errorf("description %q", d.Description)
	}
	for _, bad := range []string{`.\"`, "LICENSE", ".BR", `\-`, `\(`, ".TP", ".TS", "l l.", "\\f"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("troff markup %q in the text:\n%s", bad, d.Text)
		}
	}
	tests := []placed{
		{"flushd() transfers (“flushes”) all modified data of the file referred to by the file descriptor fd to the disk device.", []string{"DESCRIPTION"}, 16},
		{"flushd_data() is similar to flushd(), but does not flush modified metadata.", []string{"DESCRIPTION"}, 23},
		{"The buffer holds at most 65,536 bytes (see pipe(7)).", []string{"DESCRIPTION", "Limits"}, 28},
		{"#include <flush.h>", []string{"SYNOPSIS"}, 11},
		{"int flushd(int fd);", []string{"SYNOPSIS"}, 13},
		{"EBADF: fd is not a valid open file descriptor.", []string{"ERRORS"}, 33},
		{"EINTR or EIO: The call was interrupted, or an I/O error occurred.", []string{"ERRORS"}, 37},
		{"x86_64 | 8 MB", []string{"VERSIONS"}, 45},
		{"if (flushd(fd) == -1)", []string{"EXAMPLES"}, 50},
		{"sync(2), fsync(2)", []string{"SEE ALSO"}, 54},
	}
	checkPlaced(t, d, tests)
}

// A page of only ".so" is another page under a second name (1,426 of the
// man-pages project's 2,500): counted as a copy, not loaded. A file named
// like a page that holds no troff is not read as one.
func TestLoadManAliases(t *testing.T) {
	fsys := fstest.MapFS{
		"man2/flushd.2":      file(manPage),
		"man2/flushd_data.2": file(".so man2/flushd.2\n"),
		"notes.1":            file("A rotated log, not a manual page.\n"),
	}
	skipped := loadSkipping(t, fsys, "man2/flushd", map[string]SkipKind{"man2/flushd_data.2": SkipDuplicate, "notes.1": SkipUnsupported})
	for _, w := range skipped {
		if w.Path == "man2/flushd_data.2" && !strings.Contains(w.Reason, "man2/flushd.2") {
			t.Errorf("the alias's reason %q does not name its page", w.Reason)
		}
	}
}

func TestManInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\fBbold\fR and \fIitalic\fP`, "bold and italic"},
		{`a\-b \(em c\(aqd \e \&.x`, `a-b — c'd \ .x`},
		{`\[lq]q\[rq] \*(lqs\*(rq`, "“q” “s”"},
		{`size \s-1SMALL\s0 here`, "size SMALL here"},
		{`x\" comment`, "x"},
		{`\f(CWcode\fP`, "code"},
		{`\f[B]x\f[]`, "x"},
	}
	for _, tt := range tests {
		if got := manInline(tt.in); got != tt.want {
			t.Errorf("manInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestManFont(t *testing.T) {
	tests := []struct{ req, args, want string }{
		{"BR", `fsync (2),`, "fsync(2),"},
		{"B", `"#include <unistd.h>"`, "#include <unistd.h>"},
		{"BI", `"int fsync(int " fd );`, "int fsync(int fd);"},
		// An escaped space does not part arguments.
		{"BR", `\-s\ \fIservice\fP ", " \-\-service\ \fIservice\fP`, "-s service, --service service"},
		{"BI", `\-n\  name \fR,\ \fB\-\-progname= name`, "-n name, --progname=name"},
		{"IR", `"a ""quoted"" word" x`, `a "quoted" wordx`},
	}
	for _, tt := range tests {
		if got := manFont(tt.req, tt.args); got != tt.want {
			t.Errorf("manFont(%s, %q) = %q, want %q", tt.req, tt.args, got, tt.want)
		}
	}
}

// A request continued on the next line by a backslash at its end is one
// request.
func TestManContinuedLine(t *testing.T) {
	src := ".TH X 1\n.SH OPTIONS\n.TP\n.BR \\-s\\ \\fIdb\\fP:\\fIservice\\fP \", \"\\\n\\-\\-service\\ \\fIdb\\fP:\\fIservice\\fP\nOverride only the databases named.\n"
	d := loadOne(t, "x.1", src)
	passageWith(t, d, "-s db:service, --service db:service: Override only the databases named.")
}
