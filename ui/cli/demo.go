package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"kinerja/data"
	demodata "kinerja/data/demo"
	"kinerja/data/service"
)

// demo is "kinerja demo": an empty data file filled with a fictitious office.
//
// A demo is all or nothing. When the data file does not exist yet it is
// built in a temporary folder beside it and moved into place only when
// complete, so a demo stopped half way (Ctrl+C, power cut) leaves no data
// file at all — just a hidden ".kinerja-demo-…" folder that may be deleted.
// When the file exists (empty, e.g. made by "office set") it is filled in
// place; a fill stopped half way leaves staff in it, and a second demo
// refuses it with a message saying to delete the file and start again.
func demo(c *call) error {
	n := c.flags.Int("staff", 45, "jumlah pegawai")
	seed := c.flags.Int64("seed", 1, "benih acak (hasil sama untuk benih sama)")
	years := c.flags.Int("years", 1, "tahun riwayat kehadiran dan penilaian")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("demo: argumen %q tidak dikenal", c.args[0])
	}
	if *n < 1 || *n > 5000 {
		return usagef("demo: --staff harus antara 1 dan 5000")
	}
	if *years < 1 || *years > demodata.MaxYears {
		return usagef("demo: --years harus antara 1 dan %d", demodata.MaxYears)
	}
	opt := demodata.Options{Staff: *n, Seed: *seed, Today: data.Today(), Years: *years}
	path := c.dataPath
	if path == "" {
		p, err := service.DefaultPath()
		if err != nil {
			return fmt.Errorf("menentukan lokasi file data: %w", err)
		}
		path = p
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return c.demoNewFile(path, opt)
	}
	return c.withService(func(svc *service.Service) error {
		count, err := svc.FillDemo(opt)
		if errors.Is(err, data.ErrNotEmpty) {
			return fmt.Errorf("%w. Demo hanya mengisi file kosong; bila ini demo yang terhenti di tengah jalan, "+
				"hapus file %s lalu jalankan demo lagi", err, svc.Path())
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Data demo dibuat: %d pegawai di %s\n", count, svc.Path())
		return nil
	})
}

// demoNewFile builds the demo in a temporary folder beside path and moves
// the finished file to path, never over a file that appeared meanwhile.
func (c *call) demoNewFile(path string, opt demodata.Options) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("membuat folder %s: %w", dir, err)
	}
	tmpDir, err := os.MkdirTemp(dir, ".kinerja-demo-")
	if err != nil {
		return fmt.Errorf("membuat folder sementara demo: %w", err)
	}
	defer os.RemoveAll(tmpDir)
	tmp := filepath.Join(tmpDir, filepath.Base(path))
	svc, err := service.Open(tmp, openOptions(true, false))
	if err != nil {
		return err
	}
	count, err := svc.FillDemo(opt)
	if cerr := svc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	// The signed documents go first, so the data file appears only when the
	// archive it points at is in place.
	if err := placeArchive(service.ArchiveDirOf(tmp), service.ArchiveDirOf(path)); err != nil {
		return err
	}
	if err := placeNew(tmp, path); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Data demo dibuat: %d pegawai di %s\n", count, path)
	return nil
}

// placeArchive moves the demo's archive folder of signed documents from to
// its place beside the new data file; archive files already there are never
// replaced (the demo is refused instead: each data file wants a folder of
// its own).
func placeArchive(from, to string) error {
	names, err := os.ReadDir(from)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("membaca arsip dokumen demo: %w", err)
	}
	if err := os.MkdirAll(to, 0o700); err != nil {
		return fmt.Errorf("membuat folder arsip %s: %w", to, err)
	}
	for _, n := range names {
		dst := filepath.Join(to, n.Name())
		if _, err := os.Lstat(dst); !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("folder %s sudah berisi arsip dokumen %s milik file data lain; buat demo di folder kosong", to, n.Name())
		}
		if err := os.Rename(filepath.Join(from, n.Name()), dst); err != nil {
			return fmt.Errorf("memindahkan arsip dokumen demo ke %s: %w", to, err)
		}
	}
	return nil
}

// placeNew moves the finished file tmp to path unless path exists: a hard
// link fails on an existing name; where links are not supported (FAT32 flash
// disks) the name is checked just before the rename.
func placeNew(tmp, path string) error {
	exists := fmt.Errorf("file %s dibuat oleh program lain selama demo disiapkan; file itu tidak ditimpa, demo dibatalkan", path)
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return exists
	}
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return exists
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("memindahkan data demo ke %s: %w", path, err)
	}
	return nil
}
