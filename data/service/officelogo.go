package service

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
)

// SettingOfficeLogo is the setting that holds the kop-surat logo: the image
// bytes (PNG or JPEG), kept apart from the office identity so the office
// record and its audit entries stay small.
const SettingOfficeLogo = "office_logo"

// MaxLogoSize is the largest logo accepted, in bytes (512 KB): a kop-surat
// logo prints about 2 cm wide, and every document embeds it.
const MaxLogoSize = 512 << 10

// MaxLogoWidth and MaxLogoHeight bound the logo in pixels (docs/aturan.md
// §10.1): a small file may still declare a huge image, and decoding
// 20000×20000 px takes gigabytes for every document that prints it.
const (
	MaxLogoWidth  = 2000
	MaxLogoHeight = 2000
)

// Refusals of a logo.
var (
	ErrLogoTooLarge = fmt.Errorf("logo lebih dari %d KB; perkecil gambarnya", MaxLogoSize>>10)
	ErrLogoFormat   = errors.New("logo harus gambar PNG atau JPEG yang dapat dibaca")
	// ErrImageDimensions refuses an image wider or taller than allowed.
	ErrImageDimensions = errors.New("ukuran gambar terlalu besar")
)

// CheckLogo refuses a logo that is empty or larger than MaxLogoSize
// (ErrLogoTooLarge), larger than MaxLogoWidth × MaxLogoHeight pixels
// (ErrImageDimensions, read from the header before any decoding), or that
// does not decode completely as a PNG or JPEG image with a size
// (ErrLogoFormat).
func CheckLogo(b []byte) error {
	if len(b) > MaxLogoSize {
		return fmt.Errorf("%w (%d KB)", ErrLogoTooLarge, (len(b)+1023)>>10)
	}
	return checkImage(b, "logo", MaxLogoWidth, MaxLogoHeight)
}

// checkImage reads the header of a PNG or JPEG image with image.DecodeConfig,
// refuses it when wider than maxW or taller than maxH pixels — before the
// pixels are decoded, so a hostile header costs nothing — and then decodes it
// completely. what names the image in messages.
func checkImage(b []byte, what string, maxW, maxH int) error {
	var (
		decodeConfig func(io.Reader) (image.Config, error)
		decode       func(io.Reader) (image.Image, error)
	)
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		decodeConfig, decode = png.DecodeConfig, png.Decode
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8}):
		decodeConfig, decode = jpeg.DecodeConfig, jpeg.Decode
	default:
		return ErrLogoFormat
	}
	cfg, err := decodeConfig(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrLogoFormat, err)
	}
	if cfg.Width > maxW || cfg.Height > maxH {
		return fmt.Errorf("%w: %s berukuran %d×%d piksel, paling besar %d×%d piksel; perkecil gambarnya",
			ErrImageDimensions, what, cfg.Width, cfg.Height, maxW, maxH)
	}
	if cfg.Width == 0 || cfg.Height == 0 {
		return fmt.Errorf("%w: gambar tanpa ukuran", ErrLogoFormat)
	}
	img, err := decode(bytes.NewReader(b))
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
