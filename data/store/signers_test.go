package store

import (
	"encoding/json"
	"errors"
	"testing"

	"kinerja/data"
)

var sealedStub = json.RawMessage(`{"kdf":"argon2id"}`)

func TestOfficeRootOnce(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	if _, found, err := s.OfficeRoot(); err != nil || found {
		t.Fatalf("new file: found %v, %v", found, err)
	}
	root := OfficeRoot{CertDER: []byte{1, 2, 3}, SealedKey: sealedStub, CreatedAt: testNow}
	tests := []struct {
		name string
		root OfficeRoot
		want error
	}{
		{"first", root, nil},
		{"second", root, ErrRootExists},
	}
	for _, tt := range tests {
		if err := s.CreateOfficeRoot(tt.root); !errors.Is(err, tt.want) {
			t.Fatalf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	if err := s.CreateOfficeRoot(OfficeRoot{}); err == nil {
		t.Error("an empty root was accepted")
	}
	got, found, err := s.OfficeRoot()
	if err != nil || !found || string(got.CertDER) != string(root.CertDER) {
		t.Fatalf("OfficeRoot = %+v, %v, %v", got, found, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestAddSignerRevokesOlder(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	saved, err := s.AddStaff([]data.Staff{asep()})
	if err != nil {
		t.Fatal(err)
	}
	id := saved[0].ID
	if _, err := s.ActiveSigner(id); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("no signer yet: %v", err)
	}
	first, err := s.AddSigner(Signer{StaffID: id, Kind: SignerOffice, CertDER: []byte{1}, SealedKey: sealedStub})
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.AddSigner(Signer{StaffID: id, Kind: SignerImported, CertDER: []byte{2}, SealedKey: sealedStub})
	if err != nil {
		t.Fatal(err)
	}
	active, err := s.ActiveSigner(id)
	if err != nil || active.ID != second.ID {
		t.Fatalf("active = %+v, %v", active, err)
	}
	all, err := s.Signers()
	if err != nil || len(all) != 2 || !all[0].Revoked || all[0].ID != first.ID || all[1].Revoked {
		t.Fatalf("signers = %+v, %v", all, err)
	}
	refused := []Signer{
		{StaffID: 999, Kind: SignerOffice, CertDER: []byte{1}, SealedKey: sealedStub},
		{StaffID: id, Kind: "lain", CertDER: []byte{1}, SealedKey: sealedStub},
		{StaffID: id, Kind: SignerOffice, SealedKey: sealedStub},
		{StaffID: id, Kind: SignerOffice, CertDER: []byte{1}},
	}
	for i, sig := range refused {
		if _, err := s.AddSigner(sig); err == nil {
			t.Errorf("refused[%d] was stored", i)
		}
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestTrustRootOnce(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	for range 2 {
		if err := s.TrustRoot(TrustedRoot{CertDER: []byte{9, 9}, Name: "Kecamatan Lain"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.TrustRoot(TrustedRoot{}); err == nil {
		t.Error("an empty root was trusted")
	}
	roots, err := s.TrustedRoots()
	if err != nil || len(roots) != 1 || roots[0].Name != "Kecamatan Lain" {
		t.Fatalf("roots = %+v, %v", roots, err)
	}
}
