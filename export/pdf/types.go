package pdf

import "time"

// Common holds what every document carries besides its content.
type Common struct {
	// DocumentID is printed in every page's footer and identifies the
	// document, e.g. "EVK-2026-TW4-0007-r1".
	DocumentID string
	// Letterhead is the kop surat on the first page; nil prints none.
	Letterhead *Letterhead
	// Final is true for a document that is ditetapkan. Otherwise every page
	// carries the banner "KONSEP – BELUM DITETAPKAN".
	Final bool
	// Created is written as the PDF's creation date; zero means now.
	Created time.Time
}

// Letterhead is the office's kop surat: government, office, address, an
// optional logo, closed by a double rule.
type Letterhead struct {
	Government string // "PEMERINTAH KABUPATEN BANDUNG"
	Office     string // "KECAMATAN SOREANG"
	Address    string // "Jl. Alun-alun Utara No. 1, Soreang 40911, Telp. (022) 5891234"
	Logo       []byte // PNG or JPEG image, printed left of the text; nil for none
}

// Person is one identity block of a form, every field already formatted.
type Person struct {
	Name     string // with gelar as typed: "Dr. H. Asep Saepudin, S.Sos., M.Si."
	NIP      string // grouped: "19680411 199303 1 009" (see GroupNIP)
	Rank     string // pangkat/golongan ruang: "Pembina Tingkat I (IV/b)"
	Position string // jabatan
	Unit     string // unit kerja
}

// Signature is one signature block (Permendagri 1/2023; docs/aturan.md §8.1):
// place and date, role, the
// space for the signature, then name, pangkat and NIP.
type Signature struct {
	Place string // "Soreang"; empty prints a dotted line to fill by hand
	Date  string // "28 November 2026"; empty prints a dotted line
	// Above is an optional line over the role, e.g. "Mengetahui,".
	Above string
	// NoPlaceDate leaves out the place and date line, for the left block of a
	// form that dates only the right one.
	NoPlaceDate bool
	Role        string // "Pejabat Penilai Kinerja," or "CAMAT SOREANG,"
	Name        string // printed bold and underlined
	Rank        string // "Pembina Tingkat I (IV/b)"; empty prints no line
	NIP         string // grouped digits without the "NIP " prefix; empty prints no line
	// Image is an optional scanned signature (PNG or JPEG) put in the space.
	Image []byte
	// Electronic, when set, puts the visible electronic-signature box in the
	// space instead of the blank room for a hand signature.
	Electronic *ESignature
}

// ESignature is the visible block of an electronic signature made with the
// office's own certificate. The cryptographic signature is the one inside the
// PDF; the box and its QR code only point to it.
type ESignature struct {
	Signer     string // name of the signer with gelar
	Time       string // "28 November 2026 pukul 10.15 WIB"
	Issuer     string // the office root's name, e.g. "Sertifikat Induk Kantor Kecamatan Soreang"
	DocumentID string // encoded in the QR code
	SHA256     string // hex digest encoded in the QR code
}
