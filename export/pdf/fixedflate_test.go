package pdf

import (
	"bytes"
	"compress/flate"
	"io"
	"testing"
)

// inflateFixed decodes what fixedDeflate wrote, closed by a final empty
// block as fontStream closes it.
func inflateFixed(t testing.TB, packed []byte) []byte {
	t.Helper()
	r := flate.NewReader(bytes.NewReader(append(packed, 0x03, 0x00)))
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflate: %v", err)
	}
	return out
}

func TestFixedDeflate(t *testing.T) {
	t.Parallel()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	used := [256]bool{'A': true, 'b': true, 0xE9: true}
	file, glyfAt, _ := fonts.faces[0].subset(&used)
	cases := map[string][]byte{
		"empty":    nil,
		"one byte": {7},
		"every byte": func() []byte {
			b := make([]byte, 512)
			for i := range b {
				b[i] = byte(i)
			}
			return b
		}(),
		"long zeros":  make([]byte, 1000),
		"pairs":       bytes.Repeat([]byte{0, 0x5A}, 300),
		"quads":       bytes.Repeat([]byte{1, 2, 3, 4}, 100),
		"run of 258":  append([]byte{9}, bytes.Repeat([]byte{9}, 258)...),
		"run of 259":  bytes.Repeat([]byte{9}, 260),
		"font tables": file[:glyfAt],
		"text":        []byte("Dokumen Evaluasi Kinerja Pegawai — Kecamatan Soreang"),
	}
	for name, data := range cases {
		packed := fixedDeflate(nil, data)
		if got := inflateFixed(t, packed); !bytes.Equal(got, data) {
			t.Errorf("%s: round trip differs (%d bytes, want %d)", name, len(got), len(data))
		}
		if name == "font tables" && len(packed) > len(data)/2 {
			t.Errorf("font tables: %d bytes packed from %d", len(packed), len(data))
		}
	}
}

// FuzzFixedDeflate: whatever the data, inflating what fixedDeflate wrote
// gives it back, and the writer appends to what dst held.
func FuzzFixedDeflate(f *testing.F) {
	f.Add([]byte("aaaaaaaaab"), []byte{})
	f.Add(bytes.Repeat([]byte{0, 1}, 200), []byte{0x78, 0x01})
	f.Add(make([]byte, 600), []byte{1})
	f.Fuzz(func(t *testing.T, data, dst []byte) {
		// The fuzzer may hand over dst and data sharing memory (dst's spare
		// capacity over data); the writer only promises to append to dst.
		data, dst = bytes.Clone(data), bytes.Clone(dst)
		prefix := bytes.Clone(dst)
		packed := fixedDeflate(dst, data)
		if !bytes.Equal(packed[:len(prefix)], prefix) {
			t.Fatal("dst overwritten")
		}
		if got := inflateFixed(t, packed[len(prefix):]); !bytes.Equal(got, data) {
			t.Fatalf("round trip differs: %d bytes, want %d", len(got), len(data))
		}
	})
}
