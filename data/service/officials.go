package service

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"kinerja/data"
)

// AddOfficial registers an official outside the office who rates or reviews
// the office's evaluations (the Camat's Pejabat Penilai at the kabupaten,
// the Sekda as Atasan of a Kasi; PermenPANRB 6/2022 lets both sit in another
// unit). Refusals: a missing name, jabatan or instansi or a NIP that is not
// 18 digits (*data.ValidationError), a NIP already registered as an official
// (store.ErrOfficialNIPExists) or held by the office's own staff.
func (svc *Service) AddOfficial(name, nip, rank, position, agency string) (data.Official, error) {
	o := data.Official{Name: name, NIP: nip, Rank: rank, Position: position, Agency: agency}.Normalize()
	if err := svc.refuseStaffNIP(o.NIP); err != nil {
		return o, err
	}
	return svc.st.SaveOfficial(o)
}

// refuseStaffNIP refuses a NIP that belongs to the office's staff: an
// insider is chosen from the staff register, never registered twice.
func (svc *Service) refuseStaffNIP(nip string) error {
	if nip == "" {
		return nil
	}
	if s, err := svc.st.StaffByIdentifier(nip); err == nil {
		return &data.ValidationError{Problems: data.Problems{Errors: []data.FieldError{{Field: data.FieldNIP,
			Message: fmt.Sprintf("NIP %s milik pegawai kantor ini (%s); pilih dari daftar pegawai, bukan sebagai pejabat luar kantor.", data.FormatNIP(nip), s.DisplayName())}}}}
	}
	return nil
}

// Officials returns the registered officials outside the office, active
// ones first, each group by name.
func (svc *Service) Officials() ([]data.Official, error) {
	all, err := svc.st.Officials()
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Inactive != all[j].Inactive {
			return !all[i].Inactive
		}
		return strings.ToLower(all[i].Name) < strings.ToLower(all[j].Name)
	})
	return all, nil
}

// ChangeOfficial replaces the identity of a registered official (a new
// rank or post); evaluations already set keep the identity frozen in them.
// The Inactive mark is kept as it is (see SetOfficialActive).
func (svc *Service) ChangeOfficial(o data.Official) (data.Official, error) {
	cur, err := svc.officialByID(o.ID)
	if err != nil {
		return o, err
	}
	o = o.Normalize()
	o.Inactive = cur.Inactive
	if err := svc.refuseStaffNIP(o.NIP); err != nil {
		return o, err
	}
	return svc.st.SaveOfficial(o)
}

// SetOfficialActive marks an official active or inactive. An inactive
// official is offered for no new choice; nobody is ever deleted, and
// evaluations naming the official keep printing the identity.
func (svc *Service) SetOfficialActive(id uint64, active bool) (data.Official, error) {
	o, err := svc.officialByID(id)
	if err != nil {
		return o, err
	}
	o.Inactive = !active
	return svc.st.SaveOfficial(o)
}

func (svc *Service) officialByID(id uint64) (data.Official, error) {
	all, err := svc.st.Officials()
	if err != nil {
		return data.Official{}, err
	}
	for _, o := range all {
		if o.ID == id {
			return o, nil
		}
	}
	return data.Official{}, fmt.Errorf("pejabat luar kantor %d: %w", id, data.ErrNotFound)
}

// OfficialByNIP returns the registered official with nip (spaces and dots
// allowed), or an error wrapping data.ErrNotFound.
func (svc *Service) OfficialByNIP(nip string) (data.Official, error) {
	nip = data.NormalizeNIP(strings.TrimSpace(nip))
	all, err := svc.st.Officials()
	if err != nil {
		return data.Official{}, err
	}
	for _, o := range all {
		if nip != "" && o.NIP == nip {
			return o, nil
		}
	}
	return data.Official{}, fmt.Errorf("NIP %s tidak terdaftar sebagai pegawai maupun pejabat luar kantor: %w", nip, data.ErrNotFound)
}

// ErrInactiveOfficial refuses choosing an official marked inactive.
var ErrInactiveOfficial = errors.New("pejabat ini sudah tidak aktif; aktifkan kembali atau pilih pejabat lain")

// SetRaters chooses, for one period, the Pejabat Penilai Kinerja and the
// Atasan Pejabat Penilai Kinerja of staffID by NIP: the NIP of a staff
// member of the office (recorded as a rater override, see
// SetRaterOverride) or of a registered official outside the office
// (recorded in the period's ExternalRaters). An empty NIP goes back to the
// default from the unit structure for that role. Refusals: an unknown NIP
// (data.ErrNotFound), an inactive official (ErrInactiveOfficial), the
// employee rating himself. Final evaluations keep the raters frozen in them.
func (svc *Service) SetRaters(periodID string, staffID uint64, raterNIP, atasanNIP string) (data.EvaluationPeriod, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return p, err
	}
	self, err := svc.st.StaffByID(staffID)
	if err != nil {
		return p, err
	}
	var (
		pair data.RaterPair
		ext  data.ExternalRaters
	)
	for _, role := range []struct {
		nip   string
		staff *data.RaterRef
		off   *data.OfficialRef
		what  string
	}{{raterNIP, &pair.Rater, &ext.Rater, "pejabat penilai"}, {atasanNIP, &pair.Atasan, &ext.Atasan, "atasan pejabat penilai"}} {
		nip := data.NormalizeNIP(strings.TrimSpace(role.nip))
		if nip == "" {
			continue
		}
		if nip == self.NIP {
			return p, errors.New("pegawai tidak dapat menilai dirinya sendiri")
		}
		if s, err := svc.st.StaffByIdentifier(nip); err == nil {
			role.staff.StaffID = s.ID
			continue
		}
		o, err := svc.OfficialByNIP(nip)
		if err != nil {
			return p, fmt.Errorf("%s: %w", role.what, err)
		}
		if o.Inactive {
			return p, fmt.Errorf("%s %s: %w", role.what, o.Name, ErrInactiveOfficial)
		}
		role.off.OfficialID = o.ID
	}
	return svc.SetRaterChoice(p.ID, staffID, pair, ext)
}

// SetExternalRaters records for one period which registered officials rate
// or review staffID (the zero value removes the choice); a set role stands
// in place of the staff rater of that role.
func (svc *Service) SetExternalRaters(periodID string, staffID uint64, ext data.ExternalRaters) (data.EvaluationPeriod, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return p, err
	}
	if err := svc.checkExternal(ext); err != nil {
		return p, err
	}
	return svc.st.UpdatePeriod(p.ID, func(p *data.EvaluationPeriod) error {
		setExternal(p, staffID, ext)
		return nil
	})
}

// checkExternal refuses an acting title other than Plt or Plh, and an
// unknown or inactive official, in either role of ext.
func (svc *Service) checkExternal(ext data.ExternalRaters) error {
	for _, ref := range []data.OfficialRef{ext.Rater, ext.Atasan} {
		if ref.Acting != "" && ref.Acting != data.ActingPlt && ref.Acting != data.ActingPlh {
			return fmt.Errorf("sebutan %q tidak dikenali; pilih Plt atau Plh", string(ref.Acting))
		}
		if !ref.IsSet() {
			continue
		}
		o, err := svc.officialByID(ref.OfficialID)
		if err != nil {
			return err
		}
		if o.Inactive {
			return fmt.Errorf("%s: %w", o.Name, ErrInactiveOfficial)
		}
	}
	return nil
}

func setExternal(p *data.EvaluationPeriod, staffID uint64, ext data.ExternalRaters) {
	if ext == (data.ExternalRaters{}) {
		delete(p.ExternalRaters, staffID)
		return
	}
	if p.ExternalRaters == nil {
		p.ExternalRaters = map[uint64]data.ExternalRaters{}
	}
	p.ExternalRaters[staffID] = ext
}

// SetRaterChoice records for one period who rates and reviews staffID, in
// one update: pair holds the staff members chosen in place of the default
// (a Plt or Plh; see SetRaterOverride), ext the officials outside the
// office, whose set role wins over pair's. The zero values restore the
// default. Refusals: those of SetRaterOverride for pair; an unknown or
// inactive official (data.ErrNotFound, ErrInactiveOfficial).
func (svc *Service) SetRaterChoice(periodID string, staffID uint64, pair data.RaterPair, ext data.ExternalRaters) (data.EvaluationPeriod, error) {
	p, err := svc.checkRaterPair(periodID, staffID, pair)
	if err != nil {
		return p, err
	}
	if err := svc.checkExternal(ext); err != nil {
		return p, err
	}
	return svc.st.UpdatePeriod(p.ID, func(p *data.EvaluationPeriod) error {
		if pair == (data.RaterPair{}) {
			delete(p.RaterOverrides, staffID)
		} else {
			if p.RaterOverrides == nil {
				p.RaterOverrides = map[uint64]data.RaterPair{}
			}
			p.RaterOverrides[staffID] = pair
		}
		setExternal(p, staffID, ext)
		return nil
	})
}
