package pdf

// fixedDeflate compresses the small tables of a subset font (fontStream)
// as one deflate block with the fixed Huffman codes (RFC 1951 §3.2.6),
// matching only runs repeated at a distance of 1, 2 or 4 bytes — the zeroed
// metrics and the repeated offsets of emptied glyphs — and ends it with an
// empty stored block, so that it ends byte-aligned and is not final, like a
// sync flush. compress/flate would build Huffman tables for these two
// kilobytes, which costs ten times more than the encoding; the result is a
// few hundred bytes larger.
func fixedDeflate(dst, data []byte) []byte {
	w := bitWriter{out: dst}
	w.bits(0, 1) // not the final block
	w.bits(1, 2) // fixed Huffman codes
	for i := 0; i < len(data); {
		length, dist := 0, 0
		for _, d := range []int{1, 2, 4} {
			if i < d {
				break
			}
			n := 0
			for n < 258 && i+n < len(data) && data[i+n] == data[i+n-d] {
				n++
			}
			if n > length {
				length, dist = n, d
			}
		}
		if length < 3 {
			w.literal(int(data[i]))
			i++
			continue
		}
		w.match(length, dist)
		i += length
	}
	w.literal(256) // end of block
	// An empty stored block pads to a byte boundary: its header, the padding,
	// LEN 0 and NLEN 0xFFFF.
	w.bits(0, 3)
	w.align()
	w.out = append(w.out, 0x00, 0x00, 0xFF, 0xFF)
	return w.out
}

// bitWriter writes deflate's bit stream, least significant bit first.
type bitWriter struct {
	out   []byte
	acc   uint64
	nbits uint
}

// bits writes the n low bits of v.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// align pads with zero bits to the next byte.
func (w *bitWriter) align() {
	if w.nbits > 0 {
		w.bits(0, 8-w.nbits)
	}
}

// fixedCodes are the fixed Huffman codes of the literal/length symbols,
// bit-reversed for the stream (deflate stores codes most significant bit
// first), with their lengths.
var fixedCodes = func() (t [286]struct {
	code uint64
	n    uint
}) {
	for sym := range t {
		var c uint64
		var n uint
		switch {
		case sym < 144:
			c, n = uint64(0x30+sym), 8
		case sym < 256:
			c, n = uint64(0x190+sym-144), 9
		case sym < 280:
			c, n = uint64(sym-256), 7
		default:
			c, n = uint64(0xC0+sym-280), 8
		}
		t[sym].code, t[sym].n = reverseBits(c, n), n
	}
	return t
}()

// reverseBits reverses the n low bits of c.
func reverseBits(c uint64, n uint) uint64 {
	var r uint64
	for range n {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

// literal writes a literal/length symbol with its fixed code.
func (w *bitWriter) literal(sym int) {
	w.bits(fixedCodes[sym].code, fixedCodes[sym].n)
}

// Length and distance codes: the smallest value of each code and its
// number of extra bits (RFC 1951 §3.2.5).
var (
	lengthBase  = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
)

// match writes a back-reference of length 3–258 at distance 1–4, whose
// distance codes 0–3 have no extra bits.
func (w *bitWriter) match(length, dist int) {
	c := len(lengthBase) - 1
	for lengthBase[c] > length {
		c--
	}
	w.literal(257 + c)
	w.bits(uint64(length-lengthBase[c]), lengthExtra[c])
	w.bits(reverseBits(uint64(dist-1), 5), 5)
}
