package sign

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// A signed PDF grows by incremental updates (ISO 32000-1 §7.5.6): each
// signature covers the file as it was when it was made, and a later update
// can redefine any object. What a reader shows is the newest revision, so a
// signature only vouches for the document when the newest revision shows
// what that signature covered. These functions compare the two.

// maxUpdates bounds the incremental updates read after the first signature.
const maxUpdates = 2*maxSignatures + 8

// maxDiffSteps bounds the objects compared for one signature, and
// maxDiffDepth how deep the comparison may follow references.
const (
	maxDiffSteps = 2000000
	maxDiffDepth = 2000
)

// update is one incremental update after the first signature.
type update struct {
	start     int // first byte of the update (after white space and comments)
	eofEnd    int // just past its "%%EOF"
	startxref int64
	sec       *xrefSection
}

// parseUpdates reads the incremental updates in data from offset from on,
// each exactly: objects, then a cross-reference table with trailer or a
// cross-reference stream, then "startxref N %%EOF". Nothing else may sit
// between the objects, so no object is hidden from the cross-reference
// sections, and each update's /Prev must be the previous startxref.
func parseUpdates(data []byte, from int, prevStartxref int64) ([]*update, error) {
	var out []*update
	p := &parser{b: data, pos: from}
	for {
		p.skipWS()
		if p.pos >= len(data) {
			return out, nil
		}
		if len(out) >= maxUpdates {
			return nil, structErr("terlalu banyak pembaruan berkas sesudah tanda tangan pertama")
		}
		u, err := parseUpdate(p, len(out)+1, prevStartxref)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
		prevStartxref = u.startxref
	}
}

// parseUpdate reads one update at p.pos; n numbers it in messages.
func parseUpdate(p *parser, n int, prevStartxref int64) (*update, error) {
	data := p.b
	u := &update{start: p.pos}
	objs := map[int]int64{}
	xrefStream := -1
	for u.sec == nil {
		p.skipWS()
		at := p.pos
		if p.peekKeyword() == "xref" {
			sec, end, err := readXrefSection(data, int64(at))
			if err != nil {
				return nil, err
			}
			u.sec, p.pos = sec, end
			break
		}
		ind, err := parseIndirect(data, int64(at), nil)
		if err != nil {
			return nil, structErr("pembaruan ke-%d sesudah tanda tangan pertama tidak terbaca: %v", n, err)
		}
		if _, dup := objs[ind.num]; dup {
			return nil, structErr("pembaruan ke-%d memuat objek %d dua kali", n, ind.num)
		}
		objs[ind.num] = int64(at)
		p.pos = ind.end
		if s, ok := ind.obj.(*pdfStream); ok && s.dict["Type"] == pdfName("XRef") {
			sec, _, err := readXrefSection(data, int64(at))
			if err != nil {
				return nil, err
			}
			u.sec, xrefStream = sec, ind.num
		}
	}
	if err := p.keyword("startxref"); err != nil {
		return nil, structErr("pembaruan ke-%d tidak memuat startxref", n)
	}
	sx, err := p.uint()
	// pdfsign points startxref at the line break just before a
	// cross-reference stream; only white space may lie in between.
	if err != nil || sx > u.sec.at || int64(skipSpace(data, int(sx))) != u.sec.at {
		return nil, structErr("startxref pembaruan ke-%d tidak menunjuk xref-nya", n)
	}
	p.skipSpaces()
	if !bytes.HasPrefix(data[p.pos:], []byte("%%EOF")) {
		return nil, structErr("pembaruan ke-%d tidak diakhiri %%EOF", n)
	}
	p.pos += len("%%EOF")
	u.eofEnd, u.startxref = p.pos, sx
	u.sec.data = data[:u.eofEnd]
	prev, err := u.sec.prev()
	if err != nil || prev != prevStartxref {
		return nil, structErr("/Prev pembaruan ke-%d tidak menunjuk startxref revisi sebelumnya (%d)", n, prevStartxref)
	}
	for num, e := range u.sec.entries {
		switch e.typ {
		case 1:
			if off, ok := objs[num]; !ok || off != e.off {
				return nil, structErr("xref pembaruan ke-%d menunjuk objek %d di luar pembaruan itu", n, num)
			}
		case 2:
			return nil, structErr("pembaruan ke-%d memakai object stream; tidak didukung", n)
		}
	}
	for num, off := range objs {
		if e, ok := u.sec.entries[num]; num != xrefStream && (!ok || e.typ != 1 || e.off != off) {
			return nil, structErr("pembaruan ke-%d memuat objek %d yang tidak tercantum di xref-nya", n, num)
		}
	}
	return u, nil
}

// DocumentVerdict is the judgement on the document as a whole: whether what
// a reader sees is what the signatures covered.
type DocumentVerdict struct {
	// ChangedAfter is -1 when the newest revision shows what every signature
	// covered (later updates only added signatures and validation data);
	// otherwise the index (into the results) of the first signature whose
	// signed revision differs from what a reader now sees.
	ChangedAfter int
	// Undetermined is set when the file's structure could not be read, so
	// it is not judged unchanged (it fails closed); ChangedAfter is then the
	// first signature.
	Undetermined bool
	// Reason explains a change or an unreadable structure, in Indonesian.
	Reason string
	// Revisions counts the revisions read: the first signed one and every
	// incremental update after it; 0 when none could be read.
	Revisions int
}

// Unchanged reports whether the newest revision shows what the signatures covered.
func (d DocumentVerdict) Unchanged() bool { return d.ChangedAfter < 0 }

// judgeDocument compares each signed revision with the whole file. ends[i] is
// the end of the bytes result i signs, or -1 when its ByteRange is unusable.
// It sets Unaltered on the results it finds intact.
func judgeDocument(doc []byte, results []Result, ends []int64) DocumentVerdict {
	var order []int
	for i, e := range ends {
		if e > 0 {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		if len(results) == 0 {
			return DocumentVerdict{ChangedAfter: -1}
		}
		return DocumentVerdict{ChangedAfter: 0, Undetermined: true, Reason: "tidak ada tanda tangan dengan ByteRange yang dapat dipakai"}
	}
	sort.SliceStable(order, func(a, b int) bool { return ends[order[a]] < ends[order[b]] })
	first := order[0]
	fail := func(err error) DocumentVerdict {
		return DocumentVerdict{ChangedAfter: first, Undetermined: true,
			Reason: "struktur berkas tidak dapat dipastikan utuh: " + err.Error()}
	}
	views, final, revisions, err := signedViews(doc, order, ends)
	if err != nil {
		return fail(err)
	}
	verdict := DocumentVerdict{ChangedAfter: -1, Revisions: revisions}
	for k, i := range order {
		reason, err := compareRevisions(views[k], final)
		if err != nil {
			return fail(err)
		}
		if reason == "" {
			results[i].Unaltered = true
			continue
		}
		if verdict.ChangedAfter < 0 || i < verdict.ChangedAfter {
			verdict.ChangedAfter = i
			verdict.Reason = fmt.Sprintf("dokumen diubah sesudah tanda tangan ke-%d: %s", i+1, reason)
		}
	}
	return verdict
}

// signedViews reads the revision each signature covers (in the order given)
// and the whole file; it also counts the revisions.
func signedViews(doc []byte, order []int, ends []int64) ([]*objView, *objView, int, error) {
	cache := newObjCache()
	e0 := ends[order[0]]
	base := doc[:e0]
	sx, err := lastStartxref(base)
	if err != nil {
		return nil, nil, 0, err
	}
	chain, err := readChain(base, sx)
	if err != nil {
		return nil, nil, 0, err
	}
	ups, err := parseUpdates(doc, int(e0), sx)
	if err != nil {
		return nil, nil, 0, err
	}
	// secs lists every section newest first; the view of update k starts at
	// len(ups)-1-k, the base view at len(ups).
	secs := make([]*xrefSection, 0, len(ups)+len(chain))
	for k := len(ups) - 1; k >= 0; k-- {
		secs = append(secs, ups[k].sec)
	}
	secs = append(secs, chain...)
	views := make([]*objView, len(order))
	views[0] = &objView{secs: secs[len(ups):], cache: cache}
	for k, i := range order[1:] {
		e := int(ends[i])
		found := -1
		for j, u := range ups {
			next := len(doc)
			if j+1 < len(ups) {
				next = ups[j+1].start
			}
			if e >= u.eofEnd && e <= next && skipSpace(doc, u.eofEnd) >= e {
				found = j
				break
			}
		}
		if found < 0 {
			if e == int(e0) {
				views[k+1] = views[0]
				continue
			}
			return nil, nil, 0, structErr("tanda tangan ke-%d tidak berakhir di akhir sebuah revisi", i+1)
		}
		views[k+1] = &objView{secs: secs[len(ups)-1-found:], cache: cache}
	}
	return views, &objView{secs: secs, cache: cache}, len(ups) + 1, nil
}

// differ walks the object graphs of a signed revision and of the newest
// revision side by side from /Root.
type differ struct {
	old, cur   *objView
	seen       map[[2]pdfRef]bool
	steps      int
	depth      int
	sigWidgets map[int]bool // object numbers of the widgets of new signature fields
}

// errTooComplex stops a comparison that exceeds maxDiffSteps.
var errTooComplex = errors.New("struktur objek terlalu rumit untuk diperiksa")

// compareRevisions returns "" when cur shows what old showed, allowing only
// added signature fields with their widgets, /AcroForm bookkeeping for them,
// /DSS, and the trailer's /Info; otherwise an Indonesian description of the
// first difference. An error means the structure could not be read.
func compareRevisions(old, cur *objView) (string, error) {
	d := &differ{old: old, cur: cur, seen: map[[2]pdfRef]bool{}, sigWidgets: map[int]bool{}}
	oldRoot, ok1 := old.trailer()["Root"].(pdfRef)
	curRoot, ok2 := cur.trailer()["Root"].(pdfRef)
	if !ok1 || !ok2 {
		return "", structErr("trailer tidak menunjuk /Root")
	}
	oc, err := old.resolve(oldRoot)
	if err != nil {
		return "", err
	}
	cc, err := cur.resolve(curRoot)
	if err != nil {
		return "", err
	}
	oldCat, ok1 := oc.(pdfDict)
	curCat, ok2 := cc.(pdfDict)
	if !ok1 || !ok2 {
		return "", structErr("/Root bukan kamus")
	}
	if reason, err := d.acroForm(oldCat["AcroForm"], curCat["AcroForm"]); reason != "" || err != nil {
		return reason, err
	}
	for _, k := range unionKeys(oldCat, curCat) {
		if k == "AcroForm" || k == "DSS" {
			continue
		}
		if reason, err := d.same(oldCat[k], curCat[k], "/Root/"+string(k)); reason != "" || err != nil {
			return reason, err
		}
	}
	return "", nil
}

// acroForm compares the interactive form: existing fields must be unchanged,
// new fields must be signature fields, /SigFlags may change, /DR and /DA
// (defaults for new appearances) may change; anything else must be equal.
func (d *differ) acroForm(oldX, curX any) (string, error) {
	oldAF, err := d.dictOf(d.old, oldX, "/Root/AcroForm")
	if err != nil {
		return "", err
	}
	curAF, err := d.dictOf(d.cur, curX, "/Root/AcroForm")
	if err != nil {
		return "", err
	}
	oldF, err := d.arrayOf(d.old, oldAF["Fields"], "/Root/AcroForm/Fields")
	if err != nil {
		return "", err
	}
	curF, err := d.arrayOf(d.cur, curAF["Fields"], "/Root/AcroForm/Fields")
	if err != nil {
		return "", err
	}
	if len(curF) < len(oldF) {
		return "isian formulir (/Fields) berkurang", nil
	}
	for i := range oldF {
		if reason, err := d.same(oldF[i], curF[i], fmt.Sprintf("/Root/AcroForm/Fields[%d]", i)); reason != "" || err != nil {
			return reason, err
		}
	}
	for i := len(oldF); i < len(curF); i++ {
		if reason, err := d.newSigField(curF[i], fmt.Sprintf("/Root/AcroForm/Fields[%d]", i)); reason != "" || err != nil {
			return reason, err
		}
	}
	for _, k := range unionKeys(oldAF, curAF) {
		switch k {
		case "Fields", "SigFlags", "DR", "DA":
			continue
		}
		if reason, err := d.same(oldAF[k], curAF[k], "/Root/AcroForm/"+string(k)); reason != "" || err != nil {
			return reason, err
		}
	}
	return "", nil
}

// newSigField accepts a field added after signing only when it is a
// signature field whose widgets carry no actions; it records the widgets so
// pages may list them in /Annots.
func (d *differ) newSigField(x any, path string) (string, error) {
	ref, ok := x.(pdfRef)
	if !ok {
		return "isian baru " + path + " bukan rujukan objek", nil
	}
	f, err := d.dictOf(d.cur, ref, path)
	if err != nil {
		return "", err
	}
	if f["FT"] != pdfName("Sig") {
		return "isian baru " + path + " bukan isian tanda tangan", nil
	}
	widgets := []pdfRef{ref}
	if kids, ok := f["Kids"]; ok {
		arr, err := d.arrayOf(d.cur, kids, path+"/Kids")
		if err != nil {
			return "", err
		}
		widgets = widgets[:0]
		for _, k := range arr {
			kr, ok := k.(pdfRef)
			if !ok {
				return "widget isian tanda tangan baru bukan rujukan objek", nil
			}
			widgets = append(widgets, kr)
		}
	}
	if _, ok := f["A"]; ok {
		return "isian tanda tangan baru memuat aksi", nil
	}
	if _, ok := f["AA"]; ok {
		return "isian tanda tangan baru memuat aksi", nil
	}
	for _, w := range widgets {
		wd, err := d.dictOf(d.cur, w, path)
		if err != nil {
			return "", err
		}
		if w != ref && wd["Subtype"] != pdfName("Widget") {
			return "anak isian tanda tangan baru bukan widget", nil
		}
		if _, ok := wd["A"]; ok {
			return "widget tanda tangan baru memuat aksi", nil
		}
		if _, ok := wd["AA"]; ok {
			return "widget tanda tangan baru memuat aksi", nil
		}
		d.sigWidgets[w.num] = true
	}
	return "", nil
}

// same compares two objects reachable by the same path in both revisions.
func (d *differ) same(a, b any, path string) (string, error) {
	if d.steps++; d.steps > maxDiffSteps || d.depth >= maxDiffDepth {
		return "", errTooComplex
	}
	d.depth++
	defer func() { d.depth-- }()
	ra, aRef := a.(pdfRef)
	rb, bRef := b.(pdfRef)
	if aRef && bRef {
		key := [2]pdfRef{ra, rb}
		if d.seen[key] {
			return "", nil
		}
		d.seen[key] = true
	}
	var err error
	if a, err = d.old.resolve(a); err != nil {
		return "", err
	}
	if b, err = d.cur.resolve(b); err != nil {
		return "", err
	}
	changed := "bagian " + path + " berbeda"
	switch x := a.(type) {
	case nil, bool, pdfName, pdfString:
		if a != b {
			return changed, nil
		}
	case int64, float64:
		if !numEqual(a, b) {
			return changed, nil
		}
	case pdfArray:
		y, ok := b.(pdfArray)
		if !ok || len(x) != len(y) {
			return changed, nil
		}
		for i := range x {
			if reason, err := d.same(x[i], y[i], fmt.Sprintf("%s[%d]", path, i)); reason != "" || err != nil {
				return reason, err
			}
		}
	case pdfDict:
		y, ok := b.(pdfDict)
		if !ok {
			return changed, nil
		}
		return d.dicts(x, y, path)
	case *pdfStream:
		y, ok := b.(*pdfStream)
		if !ok || !bytes.Equal(x.raw, y.raw) {
			return "isi " + path + " berbeda", nil
		}
		return d.dicts(x.dict, y.dict, path)
	default:
		return "", structErr("objek tak dikenal di %s", path)
	}
	return "", nil
}

// dicts compares two dictionaries key by key; a page's /Annots may only
// gain the widgets of new signature fields.
func (d *differ) dicts(x, y pdfDict, path string) (string, error) {
	page := x["Type"] == pdfName("Page") && y["Type"] == pdfName("Page")
	for _, k := range unionKeys(x, y) {
		kp := path + "/" + string(k)
		if page && k == "Annots" {
			if reason, err := d.annots(x[k], y[k], kp); reason != "" || err != nil {
				return reason, err
			}
			continue
		}
		if reason, err := d.same(x[k], y[k], kp); reason != "" || err != nil {
			return reason, err
		}
	}
	return "", nil
}

// annots compares a page's annotations: the old ones unchanged and in
// order, then only widgets of new signature fields.
func (d *differ) annots(a, b any, path string) (string, error) {
	oldA, err := d.arrayOf(d.old, a, path)
	if err != nil {
		return "", err
	}
	curA, err := d.arrayOf(d.cur, b, path)
	if err != nil {
		return "", err
	}
	if len(curA) < len(oldA) {
		return "anotasi halaman " + path + " berkurang", nil
	}
	for i := range oldA {
		if reason, err := d.same(oldA[i], curA[i], fmt.Sprintf("%s[%d]", path, i)); reason != "" || err != nil {
			return reason, err
		}
	}
	for _, x := range curA[len(oldA):] {
		r, ok := x.(pdfRef)
		if !ok || !d.sigWidgets[r.num] {
			return "ada anotasi baru pada halaman (" + path + ") yang bukan tanda tangan", nil
		}
	}
	return "", nil
}

// dictOf resolves x in view v to a dictionary; null gives an empty one.
func (d *differ) dictOf(v *objView, x any, path string) (pdfDict, error) {
	r, err := v.resolve(x)
	if err != nil {
		return nil, err
	}
	switch t := r.(type) {
	case nil:
		return pdfDict{}, nil
	case pdfDict:
		return t, nil
	}
	return nil, structErr("%s bukan kamus", path)
}

// arrayOf resolves x in view v to an array; null gives an empty one.
func (d *differ) arrayOf(v *objView, x any, path string) (pdfArray, error) {
	r, err := v.resolve(x)
	if err != nil {
		return nil, err
	}
	switch t := r.(type) {
	case nil:
		return nil, nil
	case pdfArray:
		return t, nil
	}
	return nil, structErr("%s bukan larik", path)
}

// numEqual compares two PDF numbers, integer or real, by value.
func numEqual(a, b any) bool {
	f := func(x any) (float64, bool) {
		switch v := x.(type) {
		case int64:
			return float64(v), true
		case float64:
			return v, true
		}
		return math.NaN(), false
	}
	x, ok1 := f(a)
	y, ok2 := f(b)
	return ok1 && ok2 && x == y
}

// unionKeys lists the keys of both dictionaries, sorted, so differences are
// reported in a stable order.
func unionKeys(a, b pdfDict) []pdfName {
	keys := make([]pdfName, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
