package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"kinerja/data"
)

func TestDocumentsPostType(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	tests := []struct {
		name    string
		staffID uint64
		want    data.PostType
	}{
		{"pelaksana", o.pelaksana[0], data.PostExecutor},
		{"kasi", o.kasi, data.PostSupervisor},
		{"sekcam", o.sekcam, data.PostAdministrator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o.submitted(t, tt.staffID, data.RatingSesuai, data.RatingSesuai)
			raw, err := o.svc.RenderEvaluation(o.periodID, tt.staffID, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkPDFTools(t, writeTemp(t, "dok.pdf", raw), false, "Jenis Jabatan : "+string(tt.want))
		})
	}
	kasi, err := o.svc.StaffByID(o.kasi)
	if err != nil {
		t.Fatal(err)
	}
	res, err := o.svc.ExportForms(context.Background(), o.periodID, ExportFilter{NIP: kasi.NIP}, t.TempDir(), nil)
	if err != nil || len(res.Files) != 2 {
		t.Fatalf("ExportForms: %d files, %v", len(res.Files), err)
	}
	raw, err := os.ReadFile(res.Files[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	checkPDFTools(t, writeTemp(t, filepath.Base(res.Files[0].Path), raw), false, "Jenis Jabatan : "+string(data.PostSupervisor))
}
