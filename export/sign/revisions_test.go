package sign

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// appendUpdate adds an incremental update to doc redefining the objects in
// objs (number -> object), with the given /Prev (-1: the real startxref).
func appendUpdate(t testing.TB, doc []byte, objs map[int]any, prev int64) []byte {
	return appendUpdateExtra(t, doc, objs, prev, "")
}

// appendUpdateExtra is appendUpdate with extra text written just before a
// classic cross-reference table.
func appendUpdateExtra(t testing.TB, doc []byte, objs map[int]any, prev int64, extra string) []byte {
	t.Helper()
	sx, err := lastStartxref(doc)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := readChain(doc, sx)
	if err != nil {
		t.Fatal(err)
	}
	if prev < 0 {
		prev = sx
	}
	size := chain[0].trailer["Size"].(int64)
	var b bytes.Buffer
	b.Write(doc)
	b.WriteString("\n")
	offs := map[int]int{}
	nums := make([]int, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		offs[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		writeTestObj(&b, objs[n])
		b.WriteString("\nendobj\n")
		size = max(size, int64(n+1))
	}
	xref := b.Len()
	if chain[0].trailer["Type"] == pdfName("XRef") {
		// Continue a cross-reference stream with one, uncompressed.
		self := int(size)
		offs[self] = xref
		nums = append(nums, self)
		var rows []byte
		index := pdfArray{}
		for _, n := range nums {
			index = append(index, int64(n), int64(1))
			rows = append(rows, 1, byte(offs[n]>>24), byte(offs[n]>>16), byte(offs[n]>>8), byte(offs[n]), 0)
		}
		d := pdfDict{"Type": pdfName("XRef"), "W": pdfArray{int64(1), int64(4), int64(1)}, "Index": index,
			"Size": int64(self + 1), "Root": chain[0].trailer["Root"], "Prev": prev}
		fmt.Fprintf(&b, "%d 0 obj\n", self)
		writeTestObj(&b, &pdfStream{dict: d, raw: rows})
		fmt.Fprintf(&b, "\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
		return b.Bytes()
	}
	b.WriteString(extra)
	xref = b.Len()
	b.WriteString("xref\n")
	for _, n := range nums {
		fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offs[n])
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root ", size)
	writeTestObj(&b, chain[0].trailer["Root"])
	if info, ok := chain[0].trailer["Info"]; ok {
		b.WriteString(" /Info ")
		writeTestObj(&b, info)
	}
	fmt.Fprintf(&b, " /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", prev, xref)
	return b.Bytes()
}

// writeTestObj serializes an object read by the reader back to PDF syntax.
func writeTestObj(b *bytes.Buffer, x any) {
	switch v := x.(type) {
	case nil:
		b.WriteString("null")
	case bool, int64:
		fmt.Fprint(b, v)
	case float64:
		fmt.Fprintf(b, "%.4f", v)
	case pdfName:
		b.WriteString("/" + string(v))
	case pdfString:
		b.WriteString("<" + hex.EncodeToString([]byte(v)) + ">")
	case pdfRef:
		fmt.Fprintf(b, "%d %d R", v.num, v.gen)
	case pdfArray:
		b.WriteString("[")
		for _, e := range v {
			writeTestObj(b, e)
			b.WriteString(" ")
		}
		b.WriteString("]")
	case pdfDict:
		b.WriteString("<<")
		for _, k := range unionKeys(v, nil) {
			b.WriteString("/" + string(k) + " ")
			writeTestObj(b, v[k])
			b.WriteString(" ")
		}
		b.WriteString(">>")
	case *pdfStream:
		d := maps(v.dict)
		d["Length"] = int64(len(v.raw))
		writeTestObj(b, d)
		b.WriteString("\nstream\n")
		b.Write(v.raw)
		b.WriteString("\nendstream")
	default:
		panic(fmt.Sprintf("writeTestObj %T", x))
	}
}

// maps copies a dictionary.
func maps(d pdfDict) pdfDict {
	out := pdfDict{}
	for k, v := range d {
		out[k] = v
	}
	return out
}

// firstPage returns the view of the whole of a one-revision-chain doc, the
// first page's reference and dictionary.
func firstPage(t testing.TB, doc []byte) (*objView, pdfRef, pdfDict) {
	t.Helper()
	sx, err := lastStartxref(doc)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := readChain(doc, sx)
	if err != nil {
		t.Fatal(err)
	}
	v := &objView{secs: chain, cache: newObjCache()}
	cat, _ := v.resolve(v.trailer()["Root"])
	pages, _ := v.resolve(cat.(pdfDict)["Pages"])
	kids, _ := v.resolve(pages.(pdfDict)["Kids"])
	ref := kids.(pdfArray)[0].(pdfRef)
	page, err := v.resolve(ref)
	if err != nil {
		t.Fatal(err)
	}
	return v, ref, page.(pdfDict)
}

// newSignedFixture signs a small evaluation page by the Pejabat Penilai and
// gives a second signer under the same office root.
func newSignedFixture(t testing.TB, text string) (signed []byte, second Identity, root Identity) {
	root = newRoot(t, "Soreang")
	signed = signDoc(t, makePDF(t, "Evaluasi Kinerja Pegawai", text), newSigner(t, root, "Pejabat Penilai", "196804111993031009"))
	return signed, newSigner(t, root, "Atasan Pejabat Penilai", "197001011995031002"), root
}

// changedPage rewrites the first page's content stream uncompressed with
// old replaced by repl, as an incremental update.
func changedPage(t testing.TB, doc []byte, old, repl string) []byte {
	t.Helper()
	v, _, page := firstPage(t, doc)
	cref := page["Contents"].(pdfRef)
	c, err := v.resolve(cref)
	if err != nil {
		t.Fatal(err)
	}
	s := c.(*pdfStream)
	text, err := decodeStream(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(text, []byte(old)) {
		t.Fatalf("page content has no %q:\n%s", old, text)
	}
	d := maps(s.dict)
	delete(d, "Filter")
	delete(d, "DecodeParms")
	ns := &pdfStream{dict: d, raw: bytes.ReplaceAll(text, []byte(old), []byte(repl))}
	return appendUpdate(t, doc, map[int]any{cref.num: ns}, -1)
}

// addedAnnotation puts a FreeText annotation on the first page.
func addedAnnotation(t testing.TB, doc []byte) []byte {
	t.Helper()
	v, pref, page := firstPage(t, doc)
	size := int(v.trailer()["Size"].(int64))
	np := maps(page)
	np["Annots"] = pdfArray{pdfRef{num: size}}
	annot := pdfDict{"Type": pdfName("Annot"), "Subtype": pdfName("FreeText"),
		"Rect":     pdfArray{int64(60), int64(700), int64(400), int64(740)},
		"Contents": pdfString("Predikat: Sangat Kurang"), "DA": pdfString("/Helv 14 Tf 0 g")}
	return appendUpdate(t, doc, map[int]any{pref.num: np, size: annot}, -1)
}

func TestDocumentChangedThenSignedAgain(t *testing.T) {
	t.Parallel()
	signed, second, root := newSignedFixture(t, "Predikat: Sangat Baik")
	pool := poolOf(t, root)
	tests := []struct {
		name     string
		tampered []byte
		want     string // in the reason
	}{
		{"page content changed", changedPage(t, signed, "Sangat Baik", "Sangat Kurang"), "/Contents"},
		{"annotation added", addedAnnotation(t, signed), "anotasi baru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := signDoc(t, tt.tampered, second)
			rep, err := VerifyPDF(doc, pool)
			if err != nil {
				t.Fatal(err)
			}
			// Each signature on its own is valid: that was the false "Sah".
			if len(rep.Signatures) != 2 || Overall(rep.Signatures) != StatusValid {
				t.Fatalf("signatures %+v, want two valid on their own", rep.Signatures)
			}
			d := rep.Document
			if d.ChangedAfter != 0 || d.Undetermined || !strings.Contains(d.Reason, "sesudah tanda tangan ke-1") || !strings.Contains(d.Reason, tt.want) {
				t.Fatalf("verdict %+v, want changed after signature 1 (%q)", d, tt.want)
			}
			if rep.Signatures[0].Unaltered || !rep.Signatures[1].Unaltered {
				t.Errorf("unaltered: %v %v, want false true", rep.Signatures[0].Unaltered, rep.Signatures[1].Unaltered)
			}
			if rep.Overall() != StatusChanged {
				t.Errorf("report overall %v", rep.Overall())
			}
			results, err := Verify(doc, pool)
			if err != nil {
				t.Fatal(err)
			}
			if Overall(results) != StatusChanged || results[0].Status != StatusChanged || results[1].Status != StatusValid {
				t.Fatalf("Verify %+v, want the first signature changed", results)
			}
			if !strings.Contains(results[0].Detail, "diubah sesudah tanda tangan ke-1") {
				t.Errorf("detail %q", results[0].Detail)
			}
		})
	}
	t.Run("the attack is real: pdftotext shows the new predikat", func(t *testing.T) {
		doc := signDoc(t, changedPage(t, signed, "Sangat Baik", "Sangat Kurang"), second)
		text, err := runTool(t, doc, "pdftotext", "FILE", "-")
		if err != nil || !strings.Contains(text, "Sangat Kurang") {
			t.Fatalf("pdftotext (%v):\n%s", err, text)
		}
	})
}

func TestDocumentSecondSignatureOnly(t *testing.T) {
	t.Parallel()
	signed, second, root := newSignedFixture(t, "Predikat: Sangat Baik")
	both := signDoc(t, signed, second)
	rep, err := VerifyPDF(both, poolOf(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if d := rep.Document; !d.Unchanged() || d.Undetermined || d.Reason != "" || d.Revisions != 2 {
		t.Fatalf("verdict %+v, want unchanged over 2 revisions", d)
	}
	if rep.Overall() != StatusValid || len(rep.Signatures) != 2 {
		t.Fatalf("overall %v, %+v", rep.Overall(), rep.Signatures)
	}
	first, last := rep.Signatures[0], rep.Signatures[1]
	sum := sha256.Sum256(signed)
	switch {
	case !first.Unaltered || !last.Unaltered:
		t.Error("a signature is not marked unaltered")
	case first.RevisionSHA256 != hex.EncodeToString(sum[:]) || first.RevisionEnd != int64(len(signed)):
		t.Errorf("first revision %d %s, want the signed file", first.RevisionEnd, first.RevisionSHA256)
	case last.RevisionEnd != int64(len(both)) || !last.WholeFile || first.WholeFile:
		t.Errorf("coverage: %d/%v, %d/%v", first.RevisionEnd, first.WholeFile, last.RevisionEnd, last.WholeFile)
	case first.Signer != "Pejabat Penilai" || first.NIP != "196804111993031009" || last.Signer != "Atasan Pejabat Penilai":
		t.Errorf("signers %q %q %q", first.Signer, first.NIP, last.Signer)
	case first.RootName != "Sertifikat Induk Kantor Kecamatan Soreang" || first.RootFingerprint != ShortFingerprint(root.CertDER):
		t.Errorf("root %q %q", first.RootName, first.RootFingerprint)
	}
	if out, err := runTool(t, both, "qpdf", "--check", "FILE"); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

func TestDocumentXrefStreams(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	plain := makePDF(t, "Evaluasi", "Predikat: Sangat Baik")
	compressed := qpdfObjectStreams(t, plain)
	signed := signDoc(t, compressed, newSigner(t, root, "Pejabat Penilai", "196804111993031009"))
	second := newSigner(t, root, "Atasan", "197001011995031002")
	pool := poolOf(t, root)
	both := signDoc(t, signed, second)
	rep, err := VerifyPDF(both, pool)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Document.Unchanged() || rep.Overall() != StatusValid {
		t.Fatalf("genuine: verdict %+v, overall %v %+v", rep.Document, rep.Overall(), rep.Signatures)
	}
	if out, err := runTool(t, both, "qpdf", "--check", "FILE"); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, _ := runTool(t, both, "pdfsig", "FILE")
	if n := strings.Count(out, "Signature is Valid."); n != 2 {
		t.Fatalf("pdfsig: %d valid, want 2:\n%s", n, out)
	}
	tampered := signDoc(t, addedAnnotation(t, signed), second)
	rep, err = VerifyPDF(tampered, pool)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Document.ChangedAfter != 0 || rep.Overall() != StatusChanged {
		t.Fatalf("tampered: verdict %+v", rep.Document)
	}
}

// qpdfObjectStreams rewrites doc with qpdf into object streams and a
// cross-reference stream.
func qpdfObjectStreams(t *testing.T, doc []byte) []byte {
	t.Helper()
	out, err := runTool(t, doc, "qpdf", "--object-streams=generate", "--compress-streams=n", "FILE", "-")
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	if !strings.Contains(out, "/ObjStm") || !strings.Contains(out, "/XRef") {
		t.Fatalf("qpdf made no object or xref stream")
	}
	return []byte(out)
}

func TestDocumentWrongPrev(t *testing.T) {
	t.Parallel()
	signed, second, root := newSignedFixture(t, "Predikat: Sangat Baik")
	// The update skips the first signature's revision: a reader following
	// /Prev no longer sees its signature field nor its catalog.
	base := regexp.MustCompile(`startxref\s+(\d+)`).FindAllSubmatch(signed, -1)[0][1]
	var prev int64
	fmt.Sscan(string(base), &prev)
	v, _, _ := firstPage(t, signed)
	size := int(v.trailer()["Size"].(int64))
	skipped := appendUpdate(t, signed, map[int]any{size: pdfDict{"Producer": pdfString("x")}}, prev)
	for _, doc := range [][]byte{skipped, signDoc(t, skipped, second)} {
		rep, err := VerifyPDF(doc, poolOf(t, root))
		if err != nil {
			t.Fatal(err)
		}
		if d := rep.Document; !d.Undetermined || d.ChangedAfter != 0 || !strings.Contains(d.Reason, "/Prev") {
			t.Fatalf("verdict %+v, want refused for /Prev", d)
		}
		results, _ := Verify(doc, poolOf(t, root))
		if Overall(results) != StatusChanged {
			t.Fatalf("Verify overall %v", Overall(results))
		}
	}
}

func TestDocumentHiddenObject(t *testing.T) {
	t.Parallel()
	signed, second, root := newSignedFixture(t, "Predikat: Sangat Baik")
	// An object in an update that its cross-reference section does not list
	// is what a repairing reader might pick up: refused.
	_, pref, page := firstPage(t, signed)
	var obj bytes.Buffer
	fmt.Fprintf(&obj, "%d 0 obj\n", pref.num)
	np := maps(page)
	np["Rotate"] = int64(90)
	writeTestObj(&obj, np)
	obj.WriteString("\nendobj\n")
	hidden := appendUpdateExtra(t, signed, map[int]any{9999: pdfDict{}}, -1, obj.String())
	rep, err := VerifyPDF(signDoc(t, hidden, second), poolOf(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if d := rep.Document; !d.Undetermined || rep.Overall() != StatusChanged || !strings.Contains(d.Reason, "tidak tercantum di xref") {
		t.Fatalf("verdict %+v", d)
	}
}

func TestVerifyLimits(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signed := signDoc(t, makePDF(t, "x"), newSigner(t, root, "Asep", "196804111993031009"))
	manyRanges := []byte("%PDF-1.7\n" + strings.Repeat("/ByteRange [0 1 2 3]\n", 30000))
	manyRanges = append(manyRanges, bytes.Repeat([]byte{' '}, 1<<20-len(manyRanges))...)
	hexSig := regexp.MustCompile(`<[0-9a-fA-F]{256,}>`).Find(signed)
	manyContents := append([]byte("%PDF-1.7\n"), bytes.Repeat(append(hexSig, '\n'), maxSignatures+1)...)
	huge := make([]byte, maxVerifySize+1)
	copy(huge, signed)
	tests := []struct {
		name string
		doc  []byte
		want error
		text string
	}{
		{"30000 ByteRange entries in 1 MB", manyRanges, ErrTooManySignatures, "Terlalu banyak tanda tangan dalam berkas (lebih dari 50)"},
		{"51 signature contents", manyContents, ErrTooManySignatures, "lebih dari 50"},
		{"over 50 MB", huge, ErrTooLarge, "Berkas terlalu besar untuk diperiksa (lebih dari 50 MB)"},
	}
	for _, tt := range tests {
		for _, f := range []func([]byte) error{
			func(d []byte) error { _, err := VerifyPDF(d, nil); return err },
			func(d []byte) error { _, err := Verify(d, nil); return err },
		} {
			if err := f(tt.doc); !errors.Is(err, tt.want) || err.Error() != tt.text && !strings.Contains(err.Error(), tt.text) {
				t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
			}
		}
	}
}

func TestShortFingerprint(t *testing.T) {
	t.Parallel()
	got := ShortFingerprint([]byte("abc"))
	// SHA-256("abc") begins ba7816bf 8f01cfea.
	if got != "BA78 16BF 8F01 CFEA" {
		t.Fatalf("ShortFingerprint = %q", got)
	}
}

// BenchmarkVerifyManyRanges refuses a 1 MB file with 30,000 ByteRange entries.
func BenchmarkVerifyManyRanges(b *testing.B) {
	doc := []byte("%PDF-1.7\n" + strings.Repeat("/ByteRange [0 1 2 3]\n", 30000))
	for b.Loop() {
		if _, err := Verify(doc, nil); !errors.Is(err, ErrTooManySignatures) {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyTwoSignatures verifies a twice-signed document with the
// document judgement.
func BenchmarkVerifyTwoSignatures(b *testing.B) {
	signed, second, root := newSignedFixture(b, "Predikat: Baik")
	both := signDoc(b, signed, second)
	pool := poolOf(b, root)
	for b.Loop() {
		if rep, err := VerifyPDF(both, pool); err != nil || !rep.Document.Unchanged() {
			b.Fatal(err, rep.Document)
		}
	}
}

func FuzzRevisions(f *testing.F) {
	signed, second, _ := newSignedFixture(f, "Predikat: Sangat Baik")
	both := signDoc(f, signed, second)
	tampered := signDoc(f, changedPage(f, signed, "Sangat Baik", "Sangat Kurang"), second)
	f.Add(both, uint32(len(signed)))
	f.Add(tampered, uint32(len(signed)))
	f.Add(signed, uint32(len(signed)))
	f.Add(addedAnnotation(f, signed), uint32(len(signed)))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2/Root 1 0 R>>\nstartxref\n42\n%%EOF\n"), uint32(100))
	f.Fuzz(func(t *testing.T, doc []byte, cut uint32) {
		if len(doc) == 0 || len(doc) > 1<<20 {
			return
		}
		e := int64(cut)%int64(len(doc)) + 1
		views, final, _, err := signedViews(doc, []int{0}, []int64{e})
		if err != nil {
			return
		}
		reason, err := compareRevisions(views[0], final)
		if err == nil && reason == "" && e == int64(len(doc)) && len(final.secs) != len(views[0].secs) {
			t.Fatalf("whole file judged as its own revision with different sections")
		}
		// The parser must also survive being pointed anywhere.
		p := &parser{b: doc, pos: int(e) % len(doc)}
		_, _ = p.value()
	})
}
