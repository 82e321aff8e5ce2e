package store

import (
	"errors"
	"testing"

	"kinerja/data"
)

func TestSaveUnit(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	tests := []struct {
		name  string
		unit  data.Unit
		field string // "" when the unit is accepted
	}{
		{"new", data.Unit{Name: "  Seksi   Baru ", ParentID: 1}, ""},
		{"empty name", data.Unit{Name: " "}, data.FieldName},
		{"name taken", data.Unit{Name: "sekretariat"}, data.FieldName},
		{"bad kind", data.Unit{Name: "X", Kind: "bagian"}, data.FieldKind},
		{"missing parent", data.Unit{Name: "Y", ParentID: 77}, data.FieldUnit},
		{"own ancestor", data.Unit{ID: 1, Name: "Pimpinan Kecamatan", Kind: data.UnitLeadership, ParentID: 2}, data.FieldUnit},
		{"rename keeps own name check", data.Unit{ID: 2, Name: "SEKRETARIAT", Kind: data.UnitSecretariat, ParentID: 1}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := s.SaveUnit(tc.unit)
			if tc.field == "" {
				if err != nil || u.ID == 0 {
					t.Fatalf("SaveUnit = %+v, %v", u, err)
				}
				return
			}
			var ve *data.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems.Of(tc.field)) == 0 {
				t.Fatalf("err = %v, want a problem on %s", err, tc.field)
			}
		})
	}
	units, _ := s.Units()
	if len(units) != 10 || units[9].Name != "Seksi Baru" || units[9].Kind != data.UnitOther {
		t.Fatalf("units = %+v", units)
	}
	if _, err := s.SaveUnit(data.Unit{ID: 50, Name: "Z"}); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("unknown unit ID: %v", err)
	}
}

func TestOfficeAndSettings(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	if o, err := s.Office(); err != nil || o.IsSet() {
		t.Fatalf("new file office = %+v, %v", o, err)
	}
	var ve *data.ValidationError
	if err := s.SetOffice(data.Office{Kecamatan: "Soreang"}); !errors.As(err, &ve) {
		t.Fatalf("SetOffice without kabupaten: %v", err)
	}
	var lang string
	if ok, err := s.Setting("bahasa", &lang); ok || err != nil {
		t.Fatalf("absent setting = %v, %v", ok, err)
	}
	if err := s.SetSetting("bahasa", "en"); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Setting("bahasa", &lang); !ok || err != nil || lang != "en" {
		t.Fatalf("setting = %q, %v, %v", lang, ok, err)
	}
	if err := s.SetSetting("", 1); err == nil {
		t.Fatal("empty setting key accepted")
	}
}
