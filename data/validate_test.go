package data

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var validateToday = NewDate(2026, time.November, 28)

func validateUnits() []Unit {
	return append(DefaultUnits(), Unit{ID: 10, Name: "Seksi Lama", Kind: UnitSection, Inactive: true})
}

func startEvent(y int, m time.Month, d int, rank, position string, unit uint64) Event {
	return Event{Date: NewDate(y, m, d), Kind: EventStart, Rank: rank, Position: position, UnitID: unit}
}

func validPNS() Staff {
	return Staff{Name: "Asep Saepudin", GelarDepan: "Drs.", Kind: KindPNS, Sex: SexMale,
		NIP: "196804111993031009", BirthDate: NewDate(1968, 4, 11),
		History: []Event{startEvent(2015, time.March, 1, "IV/a", "Camat", 1)}}
}

func validCPNS() Staff {
	return Staff{Name: "Rina Marlina", Kind: KindCPNS, Sex: SexFemale,
		NIP: "199807152025022001", BirthDate: NewDate(1998, 7, 15),
		History: []Event{startEvent(2025, time.February, 1, "III/a", "Penata Layanan Operasional", 5)}}
}

func validPPPK() Staff {
	return Staff{Name: "Dedi Kurniawan", Kind: KindPPPK, Sex: SexMale,
		NIP: "199001012022211001", BirthDate: NewDate(1990, 1, 1),
		ContractStart: NewDate(2022, 3, 1), ContractEnd: NewDate(2027, 2, 28),
		History: []Event{startEvent(2022, time.March, 1, "IX", "Pengelola Layanan Operasional", 5)}}
}

func validParuhWaktu() Staff {
	return Staff{Name: "Siti Aminah", Kind: KindPPPKParuhWaktu, Sex: SexFemale,
		NIP: "199505122025242117", BirthDate: NewDate(1995, 5, 12),
		ContractStart: NewDate(2025, 10, 1), ContractEnd: NewDate(2026, 9, 30),
		History: []Event{startEvent(2025, time.October, 1, "", "Operator Layanan Operasional", 9)}}
}

func validNonASN() Staff {
	return Staff{Name: "Ujang", Kind: KindNonASN, Sex: SexMale,
		History: []Event{startEvent(2020, time.January, 2, "", "Pramu Kantor", 3)}}
}

func TestValidateStaff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		base   func() Staff
		mutate func(*Staff)
		errs   []string // fields of the expected errors
		warns  []string // fields of the expected warnings
	}{
		{name: "valid PNS", base: validPNS},
		{name: "valid CPNS", base: validCPNS},
		{name: "valid PPPK", base: validPPPK},
		{name: "valid PPPK paruh waktu without rank", base: validParuhWaktu},
		{name: "valid Non-ASN", base: validNonASN},
		{name: "valid Non-ASN with NIK", base: validNonASN, mutate: func(s *Staff) { s.NIK = "3204051104680001" }},
		{name: "NIP typed grouped", base: validPNS, mutate: func(s *Staff) { s.NIP = "19680411 199303 1 009" }},

		{name: "no name", base: validPNS, mutate: func(s *Staff) { s.Name = "  " }, errs: []string{FieldName}},
		{name: "no kind", base: validPNS, mutate: func(s *Staff) { s.Kind = "" }, errs: []string{FieldKind}},
		{name: "unknown kind", base: validPNS, mutate: func(s *Staff) { s.Kind = "Honorer" }, errs: []string{FieldKind}},
		{name: "no sex", base: validPNS, mutate: func(s *Staff) { s.Sex = "" }, errs: []string{FieldSex}},
		{name: "unknown sex", base: validPNS, mutate: func(s *Staff) { s.Sex = "X" }, errs: []string{FieldSex}},

		{name: "PNS without NIP", base: validPNS, mutate: func(s *Staff) { s.NIP = "" }, errs: []string{FieldNIP}},
		{name: "PNS NIP too short", base: validPNS, mutate: func(s *Staff) { s.NIP = "19680411199303100" }, errs: []string{FieldNIP}},
		{name: "PNS with NI PPPK", base: validPNS, mutate: func(s *Staff) { s.NIP = "196804111993211009" }, errs: []string{FieldNIP}},
		{name: "PPPK without NIP", base: validPPPK, mutate: func(s *Staff) { s.NIP = "" }, errs: []string{FieldNIP}},
		{name: "PPPK with bad birth date in NIP", base: validPPPK, mutate: func(s *Staff) { s.NIP = "199002302022211001" }, errs: []string{FieldNIP}},
		{name: "Non-ASN with NIP", base: validNonASN, mutate: func(s *Staff) { s.NIP = "196804111993031009" }, errs: []string{FieldNIP}},
		{name: "Non-ASN bad NIK", base: validNonASN, mutate: func(s *Staff) { s.NIK = "3204053204680001" }, errs: []string{FieldNIK}},
		{name: "PNS bad NIK", base: validPNS, mutate: func(s *Staff) { s.NIK = "12345" }, errs: []string{FieldNIK}},

		{name: "PNS without birth date", base: validPNS, mutate: func(s *Staff) { s.BirthDate = Date{} }, errs: []string{FieldBirthDate}},
		{name: "Non-ASN without birth date", base: validNonASN, mutate: func(s *Staff) { s.BirthDate = Date{} }},
		{name: "Non-ASN born in the future", base: validNonASN, mutate: func(s *Staff) { s.BirthDate = NewDate(2026, 11, 29) },
			errs: []string{FieldBirthDate}},
		{name: "Non-ASN born today", base: validNonASN, mutate: func(s *Staff) { s.BirthDate = validateToday },
			errs: []string{FieldBirthDate}},
		{name: "Non-ASN 17 today", base: validNonASN, mutate: func(s *Staff) { s.BirthDate = validateToday.AddYears(-MinStaffAge) }},

		{name: "birth date differs from NIP", base: validPNS, mutate: func(s *Staff) { s.BirthDate = NewDate(1968, 4, 12) },
			errs: []string{FieldMismatch}, warns: []string{FieldBirthDate}},
		{name: "birth date differs, reason given", base: validPNS, mutate: func(s *Staff) {
			s.BirthDate = NewDate(1968, 4, 12)
			s.MismatchReason = "NIP konversi lama; tanggal lahir sesuai akta."
		}, warns: []string{FieldBirthDate}},
		{name: "sex differs from NIP", base: validPNS, mutate: func(s *Staff) { s.Sex = SexFemale },
			errs: []string{FieldMismatch}, warns: []string{FieldSex}},
		{name: "both differ, blank reason", base: validPNS, mutate: func(s *Staff) {
			s.Sex, s.BirthDate, s.MismatchReason = SexFemale, NewDate(1968, 4, 12), "   "
		}, errs: []string{FieldMismatch}, warns: []string{FieldBirthDate, FieldSex}},
		{name: "PPPK unknown code", base: validPPPK, mutate: func(s *Staff) { s.NIP = "199001012022371001" },
			errs: []string{FieldMismatch}, warns: []string{FieldNIP}},

		{name: "no history", base: validPNS, mutate: func(s *Staff) { s.History = nil }, errs: []string{FieldStartDate}},
		{name: "history without start", base: validPNS, mutate: func(s *Staff) {
			s.History = []Event{{Date: NewDate(2020, 1, 1), Kind: EventPosition, Position: "Camat"}}
		}, errs: []string{FieldStartDate}},
		{name: "start without date", base: validPNS, mutate: func(s *Staff) { s.History[0].Date = Date{} }, errs: []string{FieldStartDate}},
		{name: "start without position", base: validPNS, mutate: func(s *Staff) { s.History[0].Position = " " }, errs: []string{FieldPosition}},
		{name: "start without unit", base: validPNS, mutate: func(s *Staff) { s.History[0].UnitID = 0 }, errs: []string{FieldUnit}},
		{name: "start in unknown unit", base: validPNS, mutate: func(s *Staff) { s.History[0].UnitID = 99 }, errs: []string{FieldUnit}},
		{name: "start in inactive unit", base: validPNS, mutate: func(s *Staff) { s.History[0].UnitID = 10 }, errs: []string{FieldUnit}},
		{name: "inactive start unit, since transferred", base: validPNS, mutate: func(s *Staff) {
			s.History[0].UnitID = 10
			s.History = append(s.History, Event{Date: NewDate(2018, 1, 2), Kind: EventTransfer, UnitID: 5})
		}},
		{name: "inactive unit, person has left", base: validPNS, mutate: func(s *Staff) {
			s.History[0].UnitID = 10
			s.History = append(s.History, Event{Date: NewDate(2024, 5, 1), Kind: EventLeave, Reason: LeaveRetireBUP})
		}},
		{name: "transfer into inactive unit", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2018, 1, 2), Kind: EventTransfer, UnitID: 10})
		}, errs: []string{FieldHistory}},

		{name: "PNS without rank", base: validPNS, mutate: func(s *Staff) { s.History[0].Rank = "" }, errs: []string{FieldRank}},
		{name: "PNS with PPPK grade", base: validPNS, mutate: func(s *Staff) { s.History[0].Rank = "IX" }, errs: []string{FieldRank}},
		{name: "CPNS without rank", base: validCPNS, mutate: func(s *Staff) { s.History[0].Rank = "" }, errs: []string{FieldRank}},
		{name: "PPPK without rank", base: validPPPK, mutate: func(s *Staff) { s.History[0].Rank = "" }, errs: []string{FieldRank}},
		{name: "PPPK with PNS rank", base: validPPPK, mutate: func(s *Staff) { s.History[0].Rank = "III/a" }, errs: []string{FieldRank}},
		{name: "PPPK paruh waktu with grade", base: validParuhWaktu, mutate: func(s *Staff) { s.History[0].Rank = "V" }},
		{name: "PPPK paruh waktu with PNS rank", base: validParuhWaktu, mutate: func(s *Staff) { s.History[0].Rank = "II/a" },
			errs: []string{FieldRank}},
		{name: "Non-ASN with rank", base: validNonASN, mutate: func(s *Staff) { s.History[0].Rank = "II/a" }, errs: []string{FieldRank}},

		{name: "PPPK without contract start", base: validPPPK, mutate: func(s *Staff) { s.ContractStart = Date{} },
			errs: []string{FieldContractStart}},
		{name: "PPPK paruh waktu without contract end", base: validParuhWaktu, mutate: func(s *Staff) { s.ContractEnd = Date{} },
			errs: []string{FieldContractEnd}},
		{name: "contract ends when it starts", base: validPPPK, mutate: func(s *Staff) { s.ContractEnd = s.ContractStart },
			errs: []string{FieldContractEnd}},
		{name: "contract ends before it starts", base: validPPPK, mutate: func(s *Staff) { s.ContractEnd = NewDate(2021, 1, 1) },
			errs: []string{FieldContractEnd}},

		{name: "full valid history", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History,
				Event{Date: NewDate(2015, 3, 1), Kind: EventPosition, Position: "Camat Soreang"},
				Event{Date: NewDate(2019, 4, 1), Kind: EventRank, Rank: "IV/b"},
				Event{Date: NewDate(2020, 1, 2), Kind: EventTransfer, UnitID: 2},
				Event{Date: NewDate(2026, 5, 1), Kind: EventLeave, Reason: LeaveRetireBUP})
		}},
		{name: "event without date", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Kind: EventRank, Rank: "IV/b"})
		}, errs: []string{FieldHistory}},
		{name: "event before start", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2015, 2, 28), Kind: EventRank, Rank: "IV/b"})
		}, errs: []string{FieldHistory}},
		{name: "same-day event stored before start", base: validPNS, mutate: func(s *Staff) {
			s.History = append([]Event{{Date: NewDate(2015, 3, 1), Kind: EventRank, Rank: "IV/b"}}, s.History...)
		}, errs: []string{FieldHistory}},
		{name: "rank event with empty rank", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2019, 4, 1), Kind: EventRank})
		}, errs: []string{FieldHistory}},
		{name: "rank event with rank of other kind", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2019, 4, 1), Kind: EventRank, Rank: "X"})
		}, errs: []string{FieldHistory}},
		{name: "rank event for Non-ASN", base: validNonASN, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2021, 4, 1), Kind: EventRank, Rank: "I/a"})
		}, errs: []string{FieldHistory}},
		{name: "position event without position", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2019, 4, 1), Kind: EventPosition})
		}, errs: []string{FieldHistory}},
		{name: "transfer without unit", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2019, 4, 1), Kind: EventTransfer})
		}, errs: []string{FieldHistory}},
		{name: "transfer to unknown unit", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2019, 4, 1), Kind: EventTransfer, UnitID: 42})
		}, errs: []string{FieldHistory}},
		{name: "leave without reason", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2024, 4, 1), Kind: EventLeave})
		}, errs: []string{FieldHistory}},
		{name: "leave with unknown reason", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2024, 4, 1), Kind: EventLeave, Reason: "Cuti"})
		}, errs: []string{FieldHistory}},
		{name: "two leaves", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History,
				Event{Date: NewDate(2024, 4, 1), Kind: EventLeave, Reason: LeaveMoved},
				Event{Date: NewDate(2024, 4, 1), Kind: EventLeave, Reason: LeaveMoved})
		}, errs: []string{FieldHistory}},
		{name: "event after leave", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History,
				Event{Date: NewDate(2025, 1, 1), Kind: EventPosition, Position: "Staf"},
				Event{Date: NewDate(2024, 4, 1), Kind: EventLeave, Reason: LeaveMoved})
		}, errs: []string{FieldHistory}},
		{name: "second start", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, startEvent(2020, time.January, 1, "IV/a", "Camat", 1))
		}, errs: []string{FieldHistory}},
		{name: "unknown event kind", base: validPNS, mutate: func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2020, 1, 1), Kind: "cuti"})
		}, errs: []string{FieldHistory}},
	}
	for _, tt := range tests {
		s := tt.base()
		if tt.mutate != nil {
			tt.mutate(&s)
		}
		p := ValidateStaff(s, validateUnits(), validateToday)
		if got := validateFields(p.Errors); !slices.Equal(got, validateSorted(tt.errs)) {
			t.Errorf("%s: error fields %v, want %v; errors: %v", tt.name, got, validateSorted(tt.errs), p.Errors)
		}
		if got := validateFields(p.Warnings); !slices.Equal(got, validateSorted(tt.warns)) {
			t.Errorf("%s: warning fields %v, want %v; warnings: %v", tt.name, got, validateSorted(tt.warns), p.Warnings)
		}
		for _, fe := range append(p.Errors, p.Warnings...) {
			if !strings.HasSuffix(fe.Message, ".") || fe.Message[0] < 'A' || fe.Message[0] > 'Z' {
				t.Errorf("%s: message not a sentence: %q", tt.name, fe.Message)
			}
		}
	}
}

func TestValidateStaffMessages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		base   func() Staff
		mutate func(*Staff)
		want   string
	}{
		{"mismatch", validPNS, func(s *Staff) { s.Sex = SexFemale }, MismatchReasonMessage},
		{"birth date warning", validPNS, func(s *Staff) { s.BirthDate = NewDate(1968, 4, 12) },
			"Tanggal lahir pada NIP (11 April 1968) berbeda dengan tanggal lahir yang diisi (12 April 1968)."},
		{"sex warning", validPNS, func(s *Staff) { s.Sex = SexFemale },
			"Jenis kelamin pada NIP (digit ke-15: Laki-laki) berbeda dengan yang diisi (Perempuan)."},
		{"PNS NIP missing", validCPNS, func(s *Staff) { s.NIP = "" }, "NIP wajib diisi untuk CPNS."},
		{"PPPK NIP missing", validParuhWaktu, func(s *Staff) { s.NIP = "" }, "NI PPPK wajib diisi untuk PPPK paruh waktu."},
		{"NIP error passed through", validPNS, func(s *Staff) { s.NIP = "1968041119930310" },
			"NIP harus 18 digit angka (tertulis 16)."},
		{"inactive unit", validPNS, func(s *Staff) { s.History[0].UnitID = 10 },
			"Unit kerja (Seksi Lama) sudah tidak aktif; pilih unit yang masih aktif."},
		{"unknown unit", validPNS, func(s *Staff) { s.History[0].UnitID = 99 },
			"Unit kerja (nomor 99) tidak ada di daftar unit."},
		{"wrong rank", validPPPK, func(s *Staff) { s.History[0].Rank = "III/a" },
			`Pangkat/golongan "III/a" tidak berlaku untuk PPPK; pilih I–XVII.`},
		{"event rank", validPNS, func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2019, 4, 1), Kind: EventRank, Rank: "X"})
		}, `Riwayat ke-2 (perubahan pangkat, 1 April 2019): pangkat/golongan baru "X" tidak berlaku untuk PNS; pilih I/a–IV/e.`},
		{"transfer into inactive", validPNS, func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2018, 1, 2), Kind: EventTransfer, UnitID: 10})
		}, "Riwayat ke-2 (mutasi, 2 Januari 2018): unit kerja tujuan (Seksi Lama) sudah tidak aktif; pilih unit yang masih aktif."},
		{"after leave", validPNS, func(s *Staff) {
			s.History = append(s.History,
				Event{Date: NewDate(2025, 1, 1), Kind: EventPosition, Position: "Staf"},
				Event{Date: NewDate(2024, 4, 1), Kind: EventLeave, Reason: LeaveMoved})
		}, "Riwayat ke-2 (perubahan jabatan, 1 Januari 2025): tidak boleh ada riwayat setelah pegawai keluar."},
		{"contract order", validPPPK, func(s *Staff) { s.ContractEnd = NewDate(2021, 1, 1) },
			"Tanggal akhir kontrak (1 Januari 2021) harus setelah tanggal mulai kontrak (1 Maret 2022)."},
	}
	for _, tt := range tests {
		s := tt.base()
		tt.mutate(&s)
		p := ValidateStaff(s, validateUnits(), validateToday)
		var all []string
		for _, fe := range append(p.Errors, p.Warnings...) {
			all = append(all, fe.Message)
		}
		if !slices.Contains(all, tt.want) {
			t.Errorf("%s: messages %q lack %q", tt.name, all, tt.want)
		}
	}
}

func validateFields(fes []FieldError) []string {
	out := []string{}
	for _, fe := range fes {
		out = append(out, fe.Field)
	}
	return validateSorted(out)
}

func validateSorted(s []string) []string {
	out := append([]string{}, s...)
	slices.Sort(out)
	return out
}
