package sign

import (
	"bytes"
	"encoding/hex"
	"strconv"

	"github.com/digitorus/pkcs7"
)

// The signatures of a PDF are found by scanning its raw bytes rather than by
// parsing its object structure, so a damaged or tampered file still shows
// every signature it carries, each judged on its own bytes.

// byteRangeKey starts the ByteRange entry of a signature dictionary.
var byteRangeKey = []byte("/ByteRange")

// minSignatureHex is the shortest hex string taken for a signature's
// contents; any real PKCS#7 signature with a certificate is far longer.
const minSignatureHex = 256

// rangeEntry is one ByteRange entry found in a PDF.
type rangeEntry struct {
	values []int64 // the four numbers; nil when they cannot be read
}

// contentsEntry is one hex string in a PDF that holds a PKCS#7 signature.
type contentsEntry struct {
	start, end int // offset of '<' and just past '>'
	p7         *pkcs7.PKCS7
}

// findByteRanges returns every ByteRange entry in file order.
func findByteRanges(doc []byte) []rangeEntry {
	var out []rangeEntry
	for from := 0; ; {
		i := bytes.Index(doc[from:], byteRangeKey)
		if i < 0 {
			return out
		}
		at := from + i
		out = append(out, rangeEntry{values: parseByteRange(doc[at+len(byteRangeKey):])})
		from = at + len(byteRangeKey)
	}
}

// parseByteRange reads "[a b c d]" after optional white space; it returns nil
// unless there are exactly four non-negative integers.
func parseByteRange(rest []byte) []int64 {
	i := skipSpace(rest, 0)
	if i >= len(rest) || rest[i] != '[' {
		return nil
	}
	var values []int64
	for i++; ; {
		i = skipSpace(rest, i)
		if i >= len(rest) {
			return nil
		}
		if rest[i] == ']' {
			break
		}
		j := i
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' && j-i < 12 {
			j++
		}
		if j == i || (j < len(rest) && !isDelimiter(rest[j])) {
			return nil
		}
		n, err := strconv.ParseInt(string(rest[i:j]), 10, 64)
		if err != nil {
			return nil
		}
		values = append(values, n)
		i = j
	}
	if len(values) != 4 {
		return nil
	}
	return values
}

// findSignatureContents returns every hex string that decodes to a PKCS#7
// SignedData with at least one signer, in file order; ok is false when there
// are more than limit of them (it stops reading at the first one beyond).
func findSignatureContents(doc []byte, limit int) (out []contentsEntry, ok bool) {
	for i := 0; i < len(doc); i++ {
		if doc[i] != '<' || (i+1 < len(doc) && doc[i+1] == '<') {
			continue
		}
		j := i + 1
		for j < len(doc) && isHexDigit(doc[j]) {
			j++
		}
		if j >= len(doc) || doc[j] != '>' || j-i-1 < minSignatureHex {
			i = j - 1
			continue
		}
		if p7 := parseSignatureHex(doc[i+1 : j]); p7 != nil {
			if len(out) == limit {
				return nil, false
			}
			out = append(out, contentsEntry{start: i, end: j + 1, p7: p7})
		}
		i = j
	}
	return out, true
}

// parseSignatureHex decodes a signature's hex contents (zero padding after
// the DER is allowed) into PKCS#7; it returns nil if that fails, including
// when the PKCS#7 parser panics on malformed input.
func parseSignatureHex(h []byte) (p7 *pkcs7.PKCS7) {
	defer func() {
		if recover() != nil {
			p7 = nil
		}
	}()
	raw := make([]byte, len(h)/2)
	if _, err := hex.Decode(raw, h[:len(raw)*2]); err != nil {
		return nil
	}
	p7, err := pkcs7.Parse(raw)
	if err != nil || len(p7.Signers) == 0 {
		return nil
	}
	return p7
}

// skipSpace returns the first offset at or after i that is not PDF white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// isSpace reports PDF white-space characters.
func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

// isDelimiter reports characters that may end a number inside an array.
func isDelimiter(c byte) bool { return isSpace(c) || c == ']' }

// isHexDigit reports 0-9, a-f and A-F.
func isHexDigit(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
