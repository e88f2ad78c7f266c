package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// siteVarsFile holds a site's variables at the root of its tree, as
// PingCAP's docs keep them: pages write {{{ .name }}} (a dotted path into
// nested objects) and the site's build fills in the value.
const siteVarsFile = "variables.json"

// siteVarRe is a variable's reference in a page: {{{ .starter }}},
// {{{.tidb-operator-version}}}, {{{ .a.b }}}.
var siteVarRe = regexp.MustCompile(`\{\{\{\s*\.([\w.-]+)\s*\}\}\}`)

// siteVarsReason is the root's variables.json's line in the list of files
// not loaded: it is read, but into the pages.
const siteVarsReason = "the site's variables: their values fill the pages' {{{ .name }}}, not a document"

// siteVariables reads the root's variables.json when paths lists it: nil
// when there is none, or it is too large or not a JSON object (then why,
// which its line in the list of files not loaded says, and the pages keep
// their references as written).
func (l *loader) siteVariables(paths []string) (vars map[string]any, why string) {
	if !slices.Contains(paths, siteVarsFile) {
		return nil, ""
	}
	fail := func(why string) (map[string]any, string) {
		return nil, "the site's variables, not used: " + why
	}
	info, err := fs.Stat(l.fsys, siteVarsFile)
	if err != nil {
		return fail(reasonOf(err))
	}
	if info.Size() > l.maxBytes {
		return fail(fmt.Sprintf("larger than %d bytes", l.maxBytes))
	}
	b, err := fs.ReadFile(l.fsys, siteVarsFile)
	if err != nil {
		return fail(reasonOf(err))
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber() // 3 reads "3", not "3e+00"
	if err := d.Decode(&vars); err != nil {
		return fail("not a JSON object: " + err.Error())
	}
	return vars, ""
}

// fillSiteVariables writes each {{{ .name }}} of src as its value, as the
// site's build does; a name vars lacks, or one naming an object, stays as
// written. Lines stay where they are: values are one line.
func fillSiteVariables(src string, vars map[string]any) string {
	return siteVarRe.ReplaceAllStringFunc(src, func(ref string) string {
		var v any = vars
		for k := range strings.SplitSeq(siteVarRe.FindStringSubmatch(ref)[1], ".") {
			m, ok := v.(map[string]any)
			if !ok {
				return ref
			}
			if v, ok = m[k]; !ok {
				return ref
			}
		}
		switch v := v.(type) {
		case string:
			if !strings.ContainsAny(v, "\r\n") {
				return v
			}
		case json.Number:
			return v.String()
		case bool:
			return fmt.Sprint(v)
		}
		return ref
	})
}
