package data

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// MismatchReasonMessage is the error added when a NIP disagrees with the record
// (see the warnings of ValidateStaff) and no MismatchReason was recorded.
const MismatchReasonMessage = "NIP tidak cocok dengan data pegawai (lihat peringatan); isi alasan untuk tetap menyimpan."

// ValidateStaff is the single place that decides whether a staff record may be
// saved; today is the reference for "not in the future". Errors block saving:
// missing name, kind or sex; a NIP missing or invalid for ASN, or present for
// Non-ASN; an invalid NIK; a missing or future birth date for ASN; a missing or
// incomplete start event; a missing or invalid rank for PNS, CPNS and PPPK (PPPK
// paruh waktu may have none, Non-ASN have none); missing or reversed PPPK
// contract dates; history events without a date, before the start, with invalid
// fields, after leaving, or a second start or leave; a current unit that is
// unknown or no longer active; a text longer than its Batas isian or a date
// outside its window (checkLimits). Warnings (the NIP disagrees with the record's
// birth date or sex, an unknown PPPK code) may be kept only with a
// MismatchReason; without one they add an error on FieldMismatch.
func ValidateStaff(s Staff, units []Unit, today Date) Problems {
	var p Problems
	p.checkPerson(s, today)
	p.checkIdentity(s, today)
	p.checkContract(s)
	p.checkHistory(s, units)
	p.checkLimits(s, today)
	if len(p.Warnings) > 0 && strings.TrimSpace(s.MismatchReason) == "" {
		p.errorf(FieldMismatch, "%s", MismatchReasonMessage)
	}
	return p
}

func (p *Problems) errorf(field, format string, args ...any) {
	p.Errors = append(p.Errors, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p *Problems) warnf(field, format string, args ...any) {
	p.Warnings = append(p.Warnings, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// addError records err, keeping its field when it is a FieldError.
func (p *Problems) addError(field string, err error) {
	var fe FieldError
	if errors.As(err, &fe) {
		p.Errors = append(p.Errors, fe)
		return
	}
	p.Errors = append(p.Errors, FieldError{Field: field, Message: err.Error()})
}

func (p *Problems) checkPerson(s Staff, today Date) {
	if strings.TrimSpace(s.Name) == "" {
		p.errorf(FieldName, "Nama pegawai wajib diisi.")
	}
	switch {
	case s.Kind == "":
		p.errorf(FieldKind, "Jenis pegawai wajib dipilih.")
	case !s.Kind.Valid():
		p.errorf(FieldKind, "Jenis pegawai %q tidak dikenal; pilih PNS, CPNS, PPPK, PPPK paruh waktu, atau Non-ASN.", s.Kind)
	}
	switch {
	case s.Sex == "":
		p.errorf(FieldSex, "Jenis kelamin wajib dipilih.")
	case s.Sex.Label() == "":
		p.errorf(FieldSex, "Jenis kelamin %q tidak dikenal; pilih Laki-laki atau Perempuan.", s.Sex)
	}
	switch {
	case s.BirthDate.IsZero() && s.Kind.IsASN():
		p.errorf(FieldBirthDate, "Tanggal lahir wajib diisi untuk %s.", s.Kind)
	case !today.IsZero() && s.BirthDate.After(today):
		p.errorf(FieldBirthDate, "Tanggal lahir (%s) tidak boleh setelah hari ini (%s).", s.BirthDate.Long(), today.Long())
	}
}

// checkIdentity checks the NIP and NIK and warns where the NIP disagrees with the record.
func (p *Problems) checkIdentity(s Staff, today Date) {
	if strings.TrimSpace(s.NIK) != "" {
		if _, err := ParseNIK(s.NIK); err != nil {
			p.addError(FieldNIK, err)
		}
	}
	hasNIP := strings.TrimSpace(s.NIP) != ""
	if s.Kind == KindNonASN && hasNIP {
		p.errorf(FieldNIP, "Pegawai Non-ASN tidak memiliki NIP; kosongkan NIP dan isi NIK bila ada.")
	}
	if !s.Kind.HasNIP() {
		return
	}
	if !hasNIP {
		if s.Kind.IsPPPK() {
			p.errorf(FieldNIP, "NI PPPK wajib diisi untuk %s.", s.Kind)
		} else {
			p.errorf(FieldNIP, "NIP wajib diisi untuk %s.", s.Kind)
		}
		return
	}
	var n NIP
	var err error
	if s.Kind.IsPPPK() {
		var warnings []FieldError
		n, warnings, err = ParseNIPPPPK(s.NIP, today)
		p.Warnings = append(p.Warnings, warnings...)
	} else {
		n, err = ParseNIP(s.NIP, today)
	}
	if err != nil {
		p.addError(FieldNIP, err)
		return
	}
	if !s.BirthDate.IsZero() && !s.BirthDate.Equal(n.BirthDate) {
		p.warnf(FieldBirthDate, "Tanggal lahir pada NIP (%s) berbeda dengan tanggal lahir yang diisi (%s).",
			n.BirthDate.Long(), s.BirthDate.Long())
	}
	if s.Sex.Label() != "" && s.Sex != n.Sex {
		p.warnf(FieldSex, "Jenis kelamin pada NIP (digit ke-15: %s) berbeda dengan yang diisi (%s).",
			n.Sex.Label(), s.Sex.Label())
	}
}

func (p *Problems) checkContract(s Staff) {
	if !s.Kind.IsPPPK() {
		return
	}
	if s.ContractStart.IsZero() {
		p.errorf(FieldContractStart, "Tanggal mulai kontrak wajib diisi untuk %s.", s.Kind)
	}
	if s.ContractEnd.IsZero() {
		p.errorf(FieldContractEnd, "Tanggal akhir kontrak wajib diisi untuk %s.", s.Kind)
	}
	if !s.ContractStart.IsZero() && !s.ContractEnd.IsZero() && !s.ContractEnd.After(s.ContractStart) {
		p.errorf(FieldContractEnd, "Tanggal akhir kontrak (%s) harus setelah tanggal mulai kontrak (%s).",
			s.ContractEnd.Long(), s.ContractStart.Long())
	}
}

// eventLabels name the event kinds in messages.
var eventLabels = map[EventKind]string{
	EventStart:    "mulai bertugas",
	EventRank:     "perubahan pangkat",
	EventPosition: "perubahan jabatan",
	EventTransfer: "mutasi",
	EventLeave:    "keluar",
}

// eventLabel names event i (0-based, as stored) for a message: "Riwayat ke-3 (mutasi, 1 April 2020)".
func eventLabel(i int, e Event) string {
	kind, ok := eventLabels[e.Kind]
	if !ok {
		kind = string(e.Kind)
	}
	if e.Date.IsZero() {
		return fmt.Sprintf("Riwayat ke-%d (%s)", i+1, kind)
	}
	return fmt.Sprintf("Riwayat ke-%d (%s, %s)", i+1, kind, e.Date.Long())
}

// checkHistory checks the start event and every later event, in date order.
func (p *Problems) checkHistory(s Staff, units []Unit) {
	order := make([]int, len(s.History))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return s.History[order[a]].Date.Before(s.History[order[b]].Date) })
	start := slices.IndexFunc(order, func(i int) bool { return s.History[i].Kind == EventStart })
	if start < 0 {
		p.errorf(FieldStartDate, "Riwayat belum memiliki peristiwa mulai bertugas; isi TMT di kantor ini, jabatan, dan unit kerja.")
		return
	}
	first := s.History[order[start]]
	p.checkStart(s.Kind, first, units)
	unitField, unitLabel := FieldUnit, "Unit kerja"
	leaveSeen := false
	for pos, i := range order {
		e := s.History[i]
		if pos == start {
			continue
		}
		label := eventLabel(i, e)
		switch {
		case e.Date.IsZero():
			p.errorf(FieldHistory, "%s: tanggal wajib diisi.", label)
		case e.Date.Before(first.Date):
			p.errorf(FieldHistory, "%s: tanggal tidak boleh sebelum tanggal mulai bertugas (%s).", label, first.Date.Long())
		case pos < start:
			p.errorf(FieldHistory, "%s: tercatat sebelum peristiwa mulai bertugas pada tanggal yang sama; letakkan sesudahnya.", label)
		}
		if leaveSeen {
			p.errorf(FieldHistory, "%s: tidak boleh ada riwayat setelah pegawai keluar.", label)
		}
		switch e.Kind {
		case EventStart:
			p.errorf(FieldHistory, "%s: peristiwa mulai bertugas hanya boleh satu.", label)
		case EventRank:
			p.checkRank(FieldHistory, label+": pangkat/golongan baru", s.Kind, e.Rank, true)
		case EventPosition:
			if strings.TrimSpace(e.Position) == "" {
				p.errorf(FieldHistory, "%s: jabatan baru wajib diisi.", label)
			}
		case EventTransfer:
			if p.checkUnitExists(FieldHistory, label+": unit kerja tujuan", e.UnitID, units) {
				unitField, unitLabel = FieldHistory, label+": unit kerja tujuan"
			}
		case EventLeave:
			if !slices.Contains(LeaveReasons, e.Reason) {
				p.errorf(FieldHistory, "%s: alasan keluar wajib dipilih (%s).", label, joinReasons())
			}
			leaveSeen = true
		default:
			p.errorf(FieldHistory, "%s: jenis peristiwa %q tidak dikenal.", label, e.Kind)
		}
	}
	if sit := s.Current(); sit.Active {
		for _, u := range units {
			if u.ID == sit.UnitID && u.Inactive {
				p.errorf(unitField, "%s (%s) sudah tidak aktif; pilih unit yang masih aktif.", unitLabel, u.Name)
			}
		}
	}
}

// checkStart checks the date, position, unit and rank of the start event.
func (p *Problems) checkStart(k Kind, e Event, units []Unit) {
	if e.Date.IsZero() {
		p.errorf(FieldStartDate, "TMT di kantor ini wajib diisi.")
	}
	if strings.TrimSpace(e.Position) == "" {
		p.errorf(FieldPosition, "Jabatan wajib diisi.")
	}
	p.checkUnitExists(FieldUnit, "Unit kerja", e.UnitID, units)
	p.checkRank(FieldRank, "Pangkat/golongan", k, e.Rank, k != KindPPPKParuhWaktu)
}

// checkUnitExists reports whether id names one of units, adding an error when it does not.
func (p *Problems) checkUnitExists(field, label string, id uint64, units []Unit) bool {
	if id == 0 {
		p.errorf(field, "%s wajib dipilih.", label)
		return false
	}
	if !slices.ContainsFunc(units, func(u Unit) bool { return u.ID == id }) {
		p.errorf(field, "%s (nomor %d) tidak ada di daftar unit.", label, id)
		return false
	}
	return true
}

// checkRank checks a rank code for kind k; what names it in messages. required
// applies to ASN kinds; Non-ASN must have none; an unknown kind is reported elsewhere.
func (p *Problems) checkRank(field, what string, k Kind, code string, required bool) {
	code = strings.TrimSpace(code)
	switch {
	case !k.Valid():
	case k == KindNonASN:
		if code != "" {
			p.errorf(field, "%s tidak berlaku untuk pegawai Non-ASN; kosongkan.", what)
		}
	case code == "":
		if required {
			p.errorf(field, "%s wajib dipilih untuk %s.", what, k)
		}
	case !ValidRank(k, code):
		codes := ranksFor(k)
		p.errorf(field, "%s %q tidak berlaku untuk %s; pilih %s–%s.", what, code, k, codes[0], codes[len(codes)-1])
	}
}

func joinReasons() string {
	names := make([]string, len(LeaveReasons))
	for i, r := range LeaveReasons {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// checkLimits applies the Batas isian (docs/aturan.md §10.1): the length of
// every text, the birth date from MinBirthYear and at least MinStaffAge years
// before today, the contract and every history date from MinServiceYear to
// YearsAhead past today's year, and a contract end at most MaxContractYears
// after its start. A zero today leaves the upper ends open.
func (p *Problems) checkLimits(s Staff, today Date) {
	p.checkLen(FieldName, "Nama", s.Name, MaxNameRunes)
	p.checkLen(ColGelarDepan, "Gelar depan", s.GelarDepan, MaxGelarRunes)
	p.checkLen(ColGelarBelakang, "Gelar belakang", s.GelarBelakang, MaxGelarRunes)
	p.checkLen(FieldBirthPlace, "Tempat lahir", s.BirthPlace, MaxPlaceRunes)
	p.checkLen(FieldMismatch, "Alasan NIP berbeda", s.MismatchReason, MaxReasonRunes)
	if msg := YearWindowError("Tanggal lahir", s.BirthDate, MinBirthYear, 0); msg != "" {
		p.errorf(FieldBirthDate, "%s", msg)
	} else if !s.BirthDate.IsZero() && !today.IsZero() && !s.BirthDate.After(today) && s.BirthDate.After(today.AddYears(-MinStaffAge)) {
		p.errorf(FieldBirthDate, "Tanggal lahir (%s) berarti umur belum %d tahun; periksa tahunnya.", s.BirthDate.Long(), MinStaffAge)
	}
	startMsg := ServiceDateError("Tanggal mulai kontrak", s.ContractStart, today)
	if startMsg != "" {
		p.errorf(FieldContractStart, "%s", startMsg)
	}
	if msg := ServiceDateError("Tanggal akhir kontrak", s.ContractEnd, Date{}); msg != "" {
		p.errorf(FieldContractEnd, "%s", msg)
	} else if startMsg == "" && !s.ContractStart.IsZero() && s.ContractEnd.Year() > s.ContractStart.Year()+MaxContractYears {
		p.errorf(FieldContractEnd, "Tanggal akhir kontrak (%s) lebih dari %d tahun setelah mulai kontrak; periksa tahunnya.",
			s.ContractEnd.Long(), MaxContractYears)
	}
	for i, e := range s.History {
		dateField, posField, label := FieldHistory, FieldHistory, eventLabel(i, e)+": "
		if e.Kind == EventStart {
			dateField, posField, label = FieldStartDate, FieldPosition, ""
		}
		what := "Tanggal"
		if e.Kind == EventStart {
			what = "TMT di kantor ini"
		}
		if msg := ServiceDateError(what, e.Date, today); msg != "" {
			p.errorf(dateField, "%s%s", label, msg)
		}
		p.checkLen(posField, label+"Jabatan", e.Position, MaxPositionRunes)
		p.checkLen(FieldHistory, label+"Nomor SK/surat", e.Letter, MaxLetterRunes)
		p.checkLen(FieldHistory, label+"Catatan", e.Note, MaxNoteRunes)
	}
}
