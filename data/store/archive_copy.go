package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// copyArchives brings the archive files of folder src into folder dst, for
// backups (live → backup folder) and restores (backup folder → live): a
// file dst lacks is copied whole; a file dst holds shorter — the same
// archive, by its id — gets only the frames it lacks appended; a file dst
// holds as long or longer is not read beyond its header (append-only: it
// holds every frame src has). Only whole frames whose checksum holds are
// copied, so a frame being written meanwhile is left for the next time. A
// dst file that is another archive is set aside as NAME.<aside> when aside
// is not "", and refused otherwise. Nothing in dst is ever shortened. It
// returns the bytes written.
func copyArchives(ctx context.Context, src, dst, aside string) (int64, error) {
	names, err := archiveFiles(src)
	if err != nil {
		return 0, fmt.Errorf("folder arsip dokumen %s: %w", src, err)
	}
	if len(names) == 0 {
		return 0, nil
	}
	if si, err := os.Stat(src); err == nil {
		if di, err := os.Stat(dst); err == nil && os.SameFile(si, di) {
			return 0, nil
		}
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return 0, fmt.Errorf("folder arsip dokumen %s: %w", dst, err)
	}
	var total int64
	for _, name := range names {
		n, err := copyArchive(ctx, filepath.Join(src, name), filepath.Join(dst, name), aside)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func copyArchive(ctx context.Context, srcPath, dstPath, aside string) (int64, error) {
	in, err := os.Open(srcPath)
	if err != nil {
		return 0, fmt.Errorf("arsip dokumen %s: %w", srcPath, err)
	}
	defer in.Close()
	id, err := readHeader(in)
	if err != nil {
		return 0, fmt.Errorf("arsip dokumen %s: %w", srcPath, err)
	}
	info, err := in.Stat()
	if err != nil {
		return 0, fmt.Errorf("arsip dokumen %s: %w", srcPath, err)
	}
	out, err := os.OpenFile(dstPath, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return copyWhole(ctx, in, dstPath)
	}
	if err != nil {
		return 0, fmt.Errorf("arsip dokumen %s: %w", dstPath, err)
	}
	n, _, same, err := appendMissing(ctx, in, info.Size(), id, out)
	if cerr := out.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("menyalin arsip dokumen %s ke %s: %w", srcPath, dstPath, err)
	}
	if same {
		return n, nil
	}
	if aside == "" {
		return 0, &FileError{Path: dstPath, Kind: ErrExists,
			Msg: fmt.Sprintf("Di %q sudah ada arsip dokumen lain (bukan salinan arsip ini); pilih folder lain.", dstPath)}
	}
	if err := os.Rename(dstPath, dstPath+"."+aside); err != nil {
		return 0, fmt.Errorf("menyisihkan arsip dokumen %s: %w", dstPath, err)
	}
	return copyWhole(ctx, in, dstPath)
}

// appendMissing appends to out the frames of in (size bytes, archive id)
// that out lacks. same is false when out is not a copy of the same archive
// (another id, or its end is not a frame boundary of in even after
// trimming a torn tail of out); then nothing was written.
func appendMissing(ctx context.Context, in *os.File, size int64, id []byte, out *os.File) (n, from int64, same bool, err error) {
	oid, err := readHeader(out)
	if err != nil || !bytes.Equal(oid, id) {
		return 0, 0, false, nil
	}
	oinfo, err := out.Stat()
	if err != nil {
		return 0, 0, false, err
	}
	from = oinfo.Size()
	if from >= size {
		return 0, from, true, nil // out holds every frame in has
	}
	if from > int64(archiveHeaderSize) {
		if _, err := readFrame(in, from); err != nil {
			// out may end in a torn frame (a copy cut short): find its
			// last whole frame and continue from there if in agrees.
			good, err := scanFrames(out, int64(archiveHeaderSize), nil)
			if err != nil {
				return 0, from, false, err
			}
			if _, err := readFrame(in, good); good != int64(archiveHeaderSize) && err != nil {
				return 0, from, false, nil
			}
			if err := out.Truncate(good); err != nil {
				return 0, from, false, err
			}
			from = good
		}
	}
	pos := from
	_, err = scanFrames(in, from, func(f frame) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		b := encodeFrame(f.flags, f.sum, f.body)
		if _, err := out.WriteAt(b, pos); err != nil {
			return err
		}
		pos += int64(len(b))
		return nil
	})
	if err == nil {
		err = out.Sync()
	}
	if err != nil {
		_ = out.Truncate(from)
		return 0, from, true, err
	}
	return pos - from, from, true, nil
}

// copyWhole copies the header and every whole frame of in to a new file
// at dstPath (through a temporary file renamed into place).
func copyWhole(ctx context.Context, in *os.File, dstPath string) (n int64, err error) {
	dir := filepath.Dir(dstPath)
	tmp, err := os.CreateTemp(dir, tempPattern(dstPath))
	if err != nil {
		return 0, fmt.Errorf("arsip dokumen %s: %w", dstPath, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	head := make([]byte, archiveHeaderSize)
	if _, err := in.ReadAt(head, 0); err != nil {
		return 0, err
	}
	if _, err := tmp.Write(head); err != nil {
		return 0, err
	}
	n = int64(len(head))
	_, err = scanFrames(in, int64(archiveHeaderSize), func(f frame) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		w, err := tmp.Write(encodeFrame(f.flags, f.sum, f.body))
		n += int64(w)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("menyalin arsip dokumen ke %s: %w", dstPath, err)
	}
	if err := tmp.Sync(); err != nil {
		return 0, err
	}
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp.Name(), dstPath); err != nil {
		return 0, fmt.Errorf("arsip dokumen %s: %w", dstPath, err)
	}
	return n, syncDir(dir)
}
