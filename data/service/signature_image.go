package service

import (
	"errors"
	"fmt"
	"strconv"

	"kinerja/data"
)

// MaxSignatureImageSize is the largest scanned signature accepted, in bytes
// (256 KB): it prints about 4 cm wide beside a name.
const MaxSignatureImageSize = 256 << 10

// ErrSignatureImageTooLarge refuses a scanned signature over
// MaxSignatureImageSize; one that is not a readable PNG or JPEG is refused
// with ErrLogoFormat, as a logo is.
var ErrSignatureImageTooLarge = fmt.Errorf("gambar tanda tangan lebih dari %d KB; perkecil gambarnya", MaxSignatureImageSize>>10)

// signatureImageKey is the setting that holds the scanned signature of one
// staff member: "signature_image/<staffID>".
func signatureImageKey(staffID uint64) string {
	return "signature_image/" + strconv.FormatUint(staffID, 10)
}

// MaxSignatureWidth and MaxSignatureHeight bound a scanned signature in
// pixels (docs/aturan.md §10.1): it prints about 4 × 2 cm.
const (
	MaxSignatureWidth  = 1000
	MaxSignatureHeight = 500
)

// CheckSignatureImage refuses a scanned signature larger than
// MaxSignatureImageSize (ErrSignatureImageTooLarge), larger than
// MaxSignatureWidth × MaxSignatureHeight pixels (ErrImageDimensions, read
// from the header before decoding), or that does not decode completely as a
// PNG or JPEG image with a size (ErrLogoFormat).
func CheckSignatureImage(img []byte) error {
	if len(img) > MaxSignatureImageSize {
		return fmt.Errorf("%w (%d KB)", ErrSignatureImageTooLarge, (len(img)+1023)>>10)
	}
	if err := checkImage(img, "gambar tanda tangan", MaxSignatureWidth, MaxSignatureHeight); err != nil {
		if errors.Is(err, ErrLogoFormat) {
			return fmt.Errorf("gambar tanda tangan: %w", err)
		}
		return err
	}
	return nil
}

// SignatureImage returns the scanned signature of staffID; found is false
// when none is stored.
func (svc *Service) SignatureImage(staffID uint64) (img []byte, found bool, err error) {
	if _, err := svc.st.Setting(signatureImageKey(staffID), &img); err != nil {
		return nil, false, fmt.Errorf("gambar tanda tangan pegawai %d: %w", staffID, err)
	}
	return img, len(img) > 0, nil
}

// SetSignatureImage stores img as the scanned signature of staffID, who must
// exist, after checking it with CheckSignatureImage. Documents set after
// this carry it in that person's signature block.
func (svc *Service) SetSignatureImage(staffID uint64, img []byte) error {
	if err := CheckSignatureImage(img); err != nil {
		return err
	}
	if _, err := svc.st.StaffByID(staffID); err != nil {
		return fmt.Errorf("gambar tanda tangan: %w", err)
	}
	if err := svc.st.SetSetting(signatureImageKey(staffID), img); err != nil {
		return fmt.Errorf("menyimpan gambar tanda tangan pegawai %d: %w", staffID, err)
	}
	return nil
}

// RemoveSignatureImage removes the scanned signature of staffID; documents
// leave the room for a hand signature blank again.
func (svc *Service) RemoveSignatureImage(staffID uint64) error {
	if err := svc.st.SetSetting(signatureImageKey(staffID), []byte(nil)); err != nil {
		return fmt.Errorf("menghapus gambar tanda tangan pegawai %d: %w", staffID, err)
	}
	return nil
}

// signatureImages loads the scanned signatures of the employee and the rater
// of evaluation e, keyed by staff ID; people without one are left out.
func (svc *Service) signatureImages(e data.Evaluation) (map[uint64][]byte, error) {
	images := map[uint64][]byte{}
	for _, id := range []uint64{e.StaffID, e.Rater.StaffID} {
		if id == 0 {
			continue
		}
		img, found, err := svc.SignatureImage(id)
		if err != nil {
			return nil, err
		}
		if found {
			images[id] = img
		}
	}
	return images, nil
}
