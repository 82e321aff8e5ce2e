package service

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// SettingOfficeLogo is the setting that holds the kop-surat logo: the image
// bytes (PNG or JPEG), kept apart from the office identity so the office
// record and its audit entries stay small.
const SettingOfficeLogo = "office_logo"

// MaxLogoSize is the largest logo accepted, in bytes (512 KB): a kop-surat
// logo prints about 2 cm wide, and every document embeds it.
const MaxLogoSize = 512 << 10

// Refusals of a logo.
var (
	ErrLogoTooLarge = fmt.Errorf("logo lebih dari %d KB; perkecil gambarnya", MaxLogoSize>>10)
	ErrLogoFormat   = errors.New("logo harus gambar PNG atau JPEG yang dapat dibaca")
)

// CheckLogo refuses a logo that is empty or larger than MaxLogoSize
// (ErrLogoTooLarge), or that does not decode completely as a PNG or JPEG
// image with a size (ErrLogoFormat).
func CheckLogo(b []byte) error {
	if len(b) > MaxLogoSize {
		return fmt.Errorf("%w (%d KB)", ErrLogoTooLarge, (len(b)+1023)>>10)
	}
	var (
		img image.Image
		err error
	)
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		img, err = png.Decode(bytes.NewReader(b))
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8}):
		img, err = jpeg.Decode(bytes.NewReader(b))
	default:
		return ErrLogoFormat
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrLogoFormat, err)
	}
	if r := img.Bounds(); r.Dx() == 0 || r.Dy() == 0 {
		return fmt.Errorf("%w: gambar tanpa ukuran", ErrLogoFormat)
	}
	return nil
}

// OfficeLogo returns the stored kop-surat logo, nil when none is set.
func (svc *Service) OfficeLogo() ([]byte, error) {
	var logo []byte
	if _, err := svc.st.Setting(SettingOfficeLogo, &logo); err != nil {
		return nil, fmt.Errorf("logo kantor: %w", err)
	}
	return logo, nil
}

// SetOfficeLogo stores logo as the kop-surat logo of every document after
// checking it with CheckLogo.
func (svc *Service) SetOfficeLogo(logo []byte) error {
	if err := CheckLogo(logo); err != nil {
		return err
	}
	if err := svc.st.SetSetting(SettingOfficeLogo, logo); err != nil {
		return fmt.Errorf("menyimpan logo kantor: %w", err)
	}
	return nil
}

// RemoveOfficeLogo removes the kop-surat logo; documents print the kop
// without one.
func (svc *Service) RemoveOfficeLogo() error {
	if err := svc.st.SetSetting(SettingOfficeLogo, []byte(nil)); err != nil {
		return fmt.Errorf("menghapus logo kantor: %w", err)
	}
	return nil
}
