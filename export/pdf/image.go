package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"sync"
)

// maxCachedImages bounds the images kept ready between documents (a logo
// and a few scanned signatures are the usual working set).
const maxCachedImages = 32

// preparedImages holds PNG images already turned into opaque RGB PNGs, by
// the SHA-256 of the bytes the caller gave. gofpdf decompresses and
// recompresses a PNG with transparency for every document; an opaque one is
// copied into the PDF as it is.
var preparedImages struct {
	sync.Mutex
	byHash map[[32]byte]preparedImage
}

// preparedImage is an image ready for gofpdf: its bytes and type.
type preparedImage struct {
	data []byte
	kind string // "PNG" or "JPG"
}

// prepareImage makes data cheap for gofpdf to embed: a JPEG is used as it
// is; a PNG is drawn once over white (so it is written as 8-bit RGB without
// transparency) and kept for the next document. Anything else is refused.
func prepareImage(data []byte) (preparedImage, [32]byte, error) {
	sum := sha256.Sum256(data)
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		if _, err := jpeg.DecodeConfig(bytes.NewReader(data)); err != nil {
			return preparedImage{}, sum, fmt.Errorf("gambar JPEG tidak dapat dibaca: %w", err)
		}
		return preparedImage{data: data, kind: "JPG"}, sum, nil
	case !bytes.HasPrefix(data, []byte("\x89PNG")):
		return preparedImage{}, sum, fmt.Errorf("gambar bukan PNG atau JPEG")
	}
	preparedImages.Lock()
	defer preparedImages.Unlock()
	if img, ok := preparedImages.byHash[sum]; ok {
		return img, sum, nil
	}
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return preparedImage{}, sum, fmt.Errorf("gambar PNG tidak dapat dibaca: %w", err)
	}
	opaque := image.NewRGBA(src.Bounds())
	draw.Draw(opaque, opaque.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(opaque, opaque.Bounds(), src, src.Bounds().Min, draw.Over)
	var buf bytes.Buffer
	if err := png.Encode(&buf, opaque); err != nil {
		return preparedImage{}, sum, fmt.Errorf("gambar PNG tidak dapat disiapkan: %w", err)
	}
	if preparedImages.byHash == nil || len(preparedImages.byHash) >= maxCachedImages {
		preparedImages.byHash = make(map[[32]byte]preparedImage)
	}
	img := preparedImage{data: buf.Bytes(), kind: "PNG"}
	preparedImages.byHash[sum] = img
	return img, sum, nil
}
