package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"hash/fnv"
	"slices"
	"strconv"
)

// embedFonts finds, in a document as gofpdf writes it (objs with their
// bodies), the font files gofpdf was given as markers (fontMarker), reads
// which codes each page draws in which font, and returns the new bodies of
// the objects it changes: every such font file cut to the glyphs drawn
// (subset.go), its stream spliced from outlines compressed once
// (fontStream), and its font and descriptor
// objects with the subset tag before the font name
// ("ABCDEF+DejaVuSansCondensed", ISO 32000-1 §9.6.4). When it cannot follow
// the document — a stream it does not know, text drawn before a font is
// chosen, an inline image — every font file is the whole face instead.
func embedFonts(objs []gofpdfObject) (map[int][]byte, error) {
	fonts, err := loadFonts()
	if err != nil {
		return nil, err
	}
	faces := map[int]*ttfFace{} // font file object → face
	for _, o := range objs {
		_, content, ok := streamObject(o.body, o.num)
		for _, f := range fonts.faces {
			if ok && bytes.Equal(content, f.marker) {
				faces[o.num] = f
			}
		}
	}
	if len(faces) == 0 {
		return nil, nil
	}
	out := map[int][]byte{}
	used, named, ok := fontUse(objs, faces)
	for file, face := range faces {
		if !ok || len(named[file]) == 0 {
			body := fmt.Appendf(nil, "%d 0 obj\n<</Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n", file, len(face.compressed), face.size)
			body = append(body, face.compressed...)
			out[file] = append(body, "\nendstream\nendobj\n"...)
			continue
		}
		sub, glyfAt, kept := face.subset(used[file])
		stream := face.fontStream(sub, glyfAt, kept)
		body := fmt.Appendf(nil, "%d 0 obj\n<</Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n", file, len(stream), len(sub))
		body = append(body, stream...)
		out[file] = append(body, "\nendstream\nendobj\n"...)
		tag := subsetTag(used[file])
		for _, n := range named[file] {
			b := out[n]
			if b == nil {
				b = bodyOf(objs, n)
			}
			for _, key := range []string{"/BaseFont /", "/FontName /"} {
				b = bytes.Replace(b, []byte(key), []byte(key+tag+"+"), 1)
			}
			out[n] = b
		}
	}
	return out, nil
}

// fontStream returns the zlib stream of a subset font file (ttfFace.subset):
// the tables before the outlines compressed now (fixedDeflate), then the
// outlines kept as compressed once (compressGlyphs), a final empty block,
// and the Adler-32 of the whole file (RFC 1950, RFC 1951 §3.2.3).
func (f *ttfFace) fontStream(file []byte, glyfAt int, kept []int) []byte {
	size := len(zlibHeader) + glyfAt + 16 + 2 + 4
	for _, g := range kept {
		size += len(f.packed[g])
	}
	stream := make([]byte, 0, size)
	stream = append(stream, zlibHeader...)
	stream = fixedDeflate(stream, file[:glyfAt])
	for _, g := range kept {
		stream = append(stream, f.packed[g]...)
	}
	stream = append(stream, 0x03, 0x00) // final block, fixed codes, end of block only
	return binary.BigEndian.AppendUint32(stream, adler32.Checksum(file))
}

// bodyOf returns the body of object n.
func bodyOf(objs []gofpdfObject, n int) []byte {
	for _, o := range objs {
		if o.num == n {
			return o.body
		}
	}
	return nil
}

// fontUse reads which codes the pages draw in each of the font files of
// faces, and which font and descriptor objects name each file. ok is false
// when the document holds what it cannot follow.
func fontUse(objs []gofpdfObject, faces map[int]*ttfFace) (used map[int]*[256]bool, named map[int][]int, ok bool) {
	var pages, resources [][]byte
	for _, o := range objs {
		if faces[o.num] != nil {
			continue
		}
		dict, content, isStream := streamObject(o.body, o.num)
		switch {
		case !isStream:
			if bytes.Contains(o.body, []byte("/Font <<\n")) {
				resources = append(resources, o.body)
			}
		case bytes.HasPrefix(dict, []byte("/Length ")) && bytes.IndexByte(dict, '/') == bytes.LastIndexByte(dict, '/'):
			pages = append(pages, content)
		case bytes.Contains(dict, []byte("/Subtype /Image")):
		default:
			return nil, nil, false
		}
	}
	// Resource name → font file, and the font and descriptor objects naming it.
	fileOf := map[string]int{}
	named = map[int][]int{}
	for _, r := range resources {
		list := r[bytes.Index(r, []byte("/Font <<\n"))+len("/Font <<\n"):]
		for {
			nl := bytes.IndexByte(list, '\n')
			if nl < 0 {
				return nil, nil, false
			}
			line := list[:nl]
			list = list[nl+1:]
			if string(line) == ">>" {
				break
			}
			fields := bytes.Fields(line)
			if len(fields) != 4 || fields[0][0] != '/' || string(fields[3]) != "R" {
				return nil, nil, false
			}
			dict, err := strconv.Atoi(string(fields[1]))
			if err != nil {
				return nil, nil, false
			}
			desc, ok := objectRef(bodyOf(objs, dict), "/FontDescriptor ")
			if !ok {
				continue
			}
			file, ok := objectRef(bodyOf(objs, desc), "/FontFile2 ")
			if !ok || faces[file] == nil {
				continue
			}
			fileOf[string(fields[0][1:])] = file
			for _, n := range []int{dict, desc} {
				if !slices.Contains(named[file], n) {
					named[file] = append(named[file], n)
				}
			}
		}
	}
	used = map[int]*[256]bool{}
	for file := range faces {
		used[file] = new([256]bool)
	}
	for _, page := range pages {
		ok := scanText(page, func(font []byte) *[256]bool {
			if file, ok := fileOf[string(font)]; ok {
				return used[file]
			}
			return nil
		})
		if !ok {
			return nil, nil, false
		}
	}
	return used, named, true
}

// subsetTag is the six capital letters that name a subset, made from the
// codes it keeps so that different subsets get different names.
func subsetTag(used *[256]bool) string {
	h := fnv.New64a()
	for _, u := range used {
		if u {
			h.Write([]byte{1})
		} else {
			h.Write([]byte{0})
		}
	}
	sum := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	return string(tag)
}

// streamObject splits an object gofpdf wrote as a stream, "num 0 obj",
// "<<dict>>", "stream", the data, "endstream", "endobj", into its dictionary
// and data.
func streamObject(body []byte, num int) (dict, content []byte, ok bool) {
	head := strconv.AppendInt(nil, int64(num), 10)
	head = append(head, " 0 obj\n<<"...)
	const tail = "\nendstream\nendobj\n"
	if !bytes.HasPrefix(body, head) || !bytes.HasSuffix(body, []byte(tail)) {
		return nil, nil, false
	}
	i := bytes.Index(body, []byte(">>\nstream\n"))
	if i < len(head) || i+len(">>\nstream\n") > len(body)-len(tail) {
		return nil, nil, false
	}
	return body[len(head):i], body[i+len(">>\nstream\n") : len(body)-len(tail)], true
}

// objectRef reads the object number after key ("/FontFile2 12 0 R").
func objectRef(body []byte, key string) (int, bool) {
	i := bytes.Index(body, []byte(key))
	if i < 0 {
		return 0, false
	}
	rest := body[i+len(key):]
	j := bytes.IndexByte(rest, ' ')
	if j < 0 || !bytes.HasPrefix(rest[j:], []byte(" 0 R")) {
		return 0, false
	}
	n, err := strconv.Atoi(string(rest[:j]))
	return n, err == nil
}

// Byte classes of PDF content syntax (ISO 32000-1 §7.2.2).
const (
	regularChar = iota
	spaceChar
	delimChar
)

// charClass gives the class of every byte.
var charClass = func() (t [256]byte) {
	for _, c := range []byte{0, '\t', '\n', '\f', '\r', ' '} {
		t[c] = spaceChar
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = delimChar
	}
	return t
}()

// scanText reads a page's content stream and marks, for every string it
// holds, its bytes as used in the font in force: fontUse gives the codes of
// a font resource name (nil for a font not cut down) when Tf selects it; q
// saves the font and Q restores it. It reports false for what it cannot
// follow: a string before any font is set, an inline image, an unbalanced
// string or q/Q.
func scanText(content []byte, fontUse func(name []byte) *[256]bool) bool {
	var name []byte
	var font *[256]bool
	fontSet := false
	var saved []*[256]bool
	var savedSet []bool
	none := new([256]bool) // codes of the fonts not cut down, not read
	mark := none
	p := content
	for len(p) > 0 {
		c := p[0]
		switch {
		case charClass[c] == spaceChar || c == '[' || c == ']' || c == '{' || c == '}':
			p = p[1:]
		case c == '%':
			nl := bytes.IndexAny(p, "\r\n")
			if nl < 0 {
				return true
			}
			p = p[nl:]
		case c == '/':
			i := 1
			for i < len(p) && charClass[p[i]] == regularChar {
				i++
			}
			name = p[1:i]
			p = p[i:]
		case c == '(':
			if !fontSet {
				return false
			}
			depth := 1
			i := 1
			for ; depth > 0; i++ {
				if i >= len(p) {
					return false
				}
				b := p[i]
				switch b {
				case '(':
					depth++
				case ')':
					depth--
					if depth == 0 {
						continue
					}
				case '\\':
					i++
					if i >= len(p) {
						return false
					}
					switch e := p[i]; e {
					case 'n':
						b = '\n'
					case 'r':
						b = '\r'
					case 't':
						b = '\t'
					case 'b':
						b = '\b'
					case 'f':
						b = '\f'
					case '\r', '\n':
						if e == '\r' && i+1 < len(p) && p[i+1] == '\n' {
							i++
						}
						continue
					default:
						if e >= '0' && e <= '7' {
							v := int(e - '0')
							for k := 0; k < 2 && i+1 < len(p) && p[i+1] >= '0' && p[i+1] <= '7'; k++ {
								i++
								v = v*8 + int(p[i]-'0')
							}
							b = byte(v)
						} else {
							b = e
						}
					}
				}
				mark[b] = true
			}
			p = p[i:]
		case c == '<' && len(p) > 1 && p[1] == '<', c == '>' && len(p) > 1 && p[1] == '>':
			p = p[2:]
		case c == '<':
			if !fontSet {
				return false
			}
			end := bytes.IndexByte(p, '>')
			if end < 0 {
				return false
			}
			var v byte
			n := 0
			for _, h := range p[1:end] {
				switch {
				case charClass[h] == spaceChar:
					continue
				case h >= '0' && h <= '9':
					v = v<<4 | (h - '0')
				case h >= 'a' && h <= 'f':
					v = v<<4 | (h - 'a' + 10)
				case h >= 'A' && h <= 'F':
					v = v<<4 | (h - 'A' + 10)
				default:
					return false
				}
				if n++; n%2 == 0 {
					mark[v] = true
				}
			}
			if n%2 == 1 {
				mark[v<<4] = true
			}
			p = p[end+1:]
		case c == ')' || c == '>':
			return false
		default:
			i := 1
			for i < len(p) && charClass[p[i]] == regularChar {
				i++
			}
			switch string(p[:i]) {
			case "Tf":
				if name == nil {
					return false
				}
				font, fontSet = fontUse(name), true
				if mark = font; mark == nil {
					mark = none
				}
			case "q":
				saved, savedSet = append(saved, font), append(savedSet, fontSet)
			case "Q":
				if len(saved) == 0 {
					return false
				}
				font, fontSet = saved[len(saved)-1], savedSet[len(saved)-1]
				saved, savedSet = saved[:len(saved)-1], savedSet[:len(saved)-1]
				if mark = font; mark == nil {
					mark = none
				}
			case "BI":
				return false
			}
			p = p[i:]
		}
	}
	return true
}
