package corpus

import "testing"

// A Pandoc LaTeX template (pingcap/docs-cn's templates/template.tex, the
// one its PDF build fills) is the build's, not a document: loaded, it was
// titled "titleif(subtitle) endif" from its "\title{$title$$if(subtitle)$…"
// and its $if(…)$ lines were text. A document that shows a template in
// verbatim, or spends dollars on math, is still a document.
func TestPandocTemplateNotADocument(t *testing.T) {
	tmpl := "\\documentclass[$if(fontsize)$$fontsize$,$endif$]{$documentclass$}\n$if(fontfamily)$\n\\usepackage{$fontfamily$}\n$else$\n\\usepackage{lmodern}\n$endif$\n" +
		"\\title{$title$$if(subtitle)$\\\\\\vspace{0.5em}{\\large $subtitle$}$endif$}\n\\begin{document}\n$if(title)$\n\\maketitle\n$endif$\n$body$\n\\end{document}\n"
	if g := parseLaTeX(tmpl).generated; g == "" {
		t.Errorf("a Pandoc template is read as a document")
	}
	for name, doc := range map[string]string{
		"math":     "\\title{Costs}\n\\begin{document}\nThe price is $5$ and the tax $t$ if $x > 0$.\n\\end{document}\n",
		"verbatim": "\\title{Templates}\n\\begin{document}\nA Pandoc template writes the body where it says so:\n\\begin{verbatim}\n$if(title)$\\maketitle$endif$\n$body$\n\\end{verbatim}\n\\end{document}\n",
	} {
		if g := parseLaTeX(doc).generated; g != "" {
			t.Errorf("%s: read as %s", name, g)
		}
	}
}
