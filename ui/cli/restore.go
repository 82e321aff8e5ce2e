package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"golang.org/x/term"

	"kinerja/data"
	"kinerja/data/service"
)

// restore is "kinerja restore FILE [--yes]": the data file replaced by a
// backup, without opening the data file (it may be too damaged to open).
// The backup is checked and summarised first; without --yes the user
// confirms on the terminal. The replaced file is kept in the backups folder.
func restore(c *call) error {
	yes := c.flags.Bool("yes", false, "pulihkan tanpa bertanya")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("restore: sebutkan satu FILE cadangan [--yes]")
	}
	dataPath := c.dataPath
	if dataPath == "" {
		p, err := service.DefaultPath()
		if err != nil {
			return fmt.Errorf("menentukan lokasi file data: %w", err)
		}
		dataPath = p
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// A backup copied without its arsip/ folder still checks against the live
	// archives beside the data file.
	sum, err := service.InspectBackupFor(ctx, c.args[0], dataPath)
	if err != nil {
		return err
	}
	printBackup(c, sum)
	if len(sum.Problems) > 0 {
		return fmt.Errorf("cadangan %s tidak dipulihkan: pemeriksaan menemukan %d masalah", sum.Path, len(sum.Problems))
	}
	if warn := officeWarning(ctx, dataPath, sum); warn != "" {
		fmt.Fprintln(c.stdout, warn)
	}
	if !*yes {
		if err := confirmRestore(c, dataPath); err != nil {
			return err
		}
	}
	res, err := service.RestoreFile(ctx, dataPath, sum, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "File data %s dipulihkan dari %s.\n", dataPath, sum.Path)
	if res.KeptAs != "" {
		fmt.Fprintf(c.stdout, "File data sebelumnya disimpan sebagai %s.\n", res.KeptAs)
	}
	return nil
}

// printBackup shows what a backup holds, for the confirmation.
func printBackup(c *call, sum service.BackupSummary) {
	when := "perubahan terakhir " + stamp(sum.LastChange)
	if sum.LastChange.IsZero() {
		when = "berkas diubah " + stamp(sum.Modified)
	}
	fmt.Fprintf(c.stdout, "Cadangan: %s (%s)\n", sum.Path, when)
	fmt.Fprintf(c.stdout, "Kantor: %s\n", officeName(sum.Office))
	fmt.Fprintf(c.stdout, "Isi: %d pegawai, %d penilaian, kehadiran %d bulan\n", sum.Staff, sum.Evaluations, sum.AttendanceMonths)
	for _, p := range sum.Problems {
		fmt.Fprintln(c.stdout, "Masalah:", p.String())
	}
}

func officeName(o data.Office) string {
	if strings.TrimSpace(o.Kecamatan) == "" && strings.TrimSpace(o.Kabupaten) == "" {
		return "(identitas kantor belum diisi)"
	}
	return fmt.Sprintf("Kecamatan %s, Kabupaten %s", o.Kecamatan, o.Kabupaten)
}

// officeWarning warns when the data file being replaced belongs to another
// office than the backup. The data file is only inspected, never opened for
// use; one that cannot be read gives no warning (it is being replaced).
func officeWarning(ctx context.Context, dataPath string, sum service.BackupSummary) string {
	if _, err := os.Stat(dataPath); err != nil {
		return ""
	}
	cur, err := service.InspectBackup(ctx, dataPath)
	if err != nil {
		return ""
	}
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	if norm(cur.Office.Kecamatan) == norm(sum.Office.Kecamatan) && norm(cur.Office.Kabupaten) == norm(sum.Office.Kabupaten) {
		return ""
	}
	return fmt.Sprintf("PERHATIAN: cadangan ini milik kantor lain (%s), bukan kantor file data sekarang (%s).",
		officeName(sum.Office), officeName(cur.Office))
}

// errNotConfirmed ends a restore the user did not confirm.
var errNotConfirmed = errors.New("pemulihan dibatalkan; file data tidak diubah")

// confirmRestore asks on the terminal; without one it refuses and points to --yes.
func confirmRestore(c *call, dataPath string) error {
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return fmt.Errorf("pemulihan perlu konfirmasi: jalankan dari terminal, atau tambahkan --yes bila sudah yakin")
	}
	fmt.Fprintf(c.stderr, "Ganti file data %s dengan cadangan ini? Ketik ya untuk melanjutkan: ", dataPath)
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "ya" && a != "y" {
		return errNotConfirmed
	}
	return nil
}
