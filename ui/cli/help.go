package cli

import (
	"fmt"
	"io"
	"strings"
)

// help is "kinerja help": the commands of the table, grouped as in README.md.
func help(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("help: tidak menerima argumen")
	}
	printUsage(c.stdout)
	return nil
}

// printUsage prints how to call the program and every command of the table,
// each line with the full command.
func printUsage(w io.Writer) {
	fmt.Fprint(w, `Kinerja — administrasi kepegawaian kantor kecamatan.

Pemakaian:
  kinerja [--data FILE]                 membuka jendela aplikasi
  kinerja [--data FILE] PERINTAH ...    menjalankan perintah; opsi dan argumen
                                        boleh dalam urutan apa pun

Perintah:
`)
	for _, g := range commandTable() {
		fmt.Fprintf(w, "\n%s\n", g.title)
		for _, c := range g.commands {
			fmt.Fprintf(w, "  kinerja %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
		}
	}
	fmt.Fprint(w, `
Opsi umum:
  --data FILE   file data (bawaan: folder data aplikasi pengguna, atau di samping
                program bila ada file kinerja.portable)

Kode keluar: 0 berhasil, 1 gagal, 2 salah pemakaian.
`)
}
