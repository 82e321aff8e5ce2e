package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPrintOpensSKPDocument(t *testing.T) {
	u, _, period := newDocumentsUI(t)
	u.documents.tabs.SelectIndex(3)
	tab := u.documents.print
	tab.dir = t.TempDir()
	tab.period.choose(period)
	test.Tap(button(t, u, "Buka dokumen SKP"))
	if !shownText(u, "Pilih pegawai dulu") {
		t.Fatal("opening an SKP without a staff member did not ask for one")
	}
	with := -1
	for i, r := range tab.rows {
		if r.HasSKP {
			with = i
			break
		}
	}
	if with < 0 {
		t.Fatal("no staff member with an SKP offered")
	}
	tab.staffSel.SetSelectedIndex(with)
	test.Tap(button(t, u, "Buka dokumen SKP"))
	waitSlow(t, "the SKP document to be written", func() bool { return tab.opened != "" })
	if name := filepath.Base(tab.opened); !strings.HasPrefix(name, "SKP_"+tab.rows[with].Employee.NIP+"_") {
		t.Errorf("file name %q", name)
	}
	raw, err := os.ReadFile(tab.opened)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "%PDF-") {
		t.Errorf("%s is not a PDF", tab.opened)
	}
	if !shownText(u, "Dibuka di penampil PDF") {
		t.Error("no message that the viewer was opened")
	}
}
