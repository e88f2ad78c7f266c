package corpus

import (
	"strings"
	"testing"
)

// A table whose cells are shortcodes without arguments — Jaeger's
// security table ({{< check_yes >}} / {{< check_no >}}), GitLab's
// ({{< yes >}} / {{< no >}}), Sensu's ({{< check >}} / {{< cross >}}) —
// was read with empty cells ("Cassandra |  |  | …"): the shortcode's name
// is all the page says, so a cell that holds only one reads as the name
// in words. Anywhere else, or with arguments, a shortcode still goes.
func TestShortcodeAloneInCellReadsAsName(t *testing.T) {
	src := "# Security\n\n" +
		"| Storage | TLS | Kerberos |\n| --- | --- | --- |\n" +
		"| Cassandra | {{< check_yes >}} | {{< check_no >}} |\n" +
		"| Kafka | {{% yes %}} | {{<checkYes>}} |\n" +
		"| Badger | {{< param \"tls\" >}} | text {{< note >}} |\n\n" +
		"Plain | table\n--- | ---\nsensu | {{< cross >}}\n\n" +
		"Prose {{< check_yes >}} keeps no mark.\n"
	d := loadOne(t, "security.md", src)
	for _, s := range []string{
		"Cassandra | check yes | check no",
		"Kafka | yes | check yes",
		"sensu | cross",
		"Prose keeps no mark.",
	} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q: %q", s, d.Text)
		}
	}
	for _, s := range []string{"{{", "param", "tls", "note", "Prose check"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("text holds %q: %q", s, d.Text)
		}
	}
}
