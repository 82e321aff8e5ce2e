package cli

import (
	"kinerja/data"
	"kinerja/data/service"
)

// staffJSON is one staff member as "staff list --format json" prints it.
type staffJSON struct {
	ID       uint64 `json:"id"`
	NIP      string `json:"nip"`
	NIK      string `json:"nik"`
	Name     string `json:"name"`
	FullName string `json:"full_name"`
	Kind     string `json:"kind"`
	Rank     string `json:"rank"`
	Position string `json:"position"`
	Unit     string `json:"unit"`
	Status   string `json:"status"`
}

func staffView(s data.Staff, units []data.Unit) staffJSON {
	cur := s.Current()
	status := "active"
	if !cur.Active {
		status = "left"
	}
	return staffJSON{ID: s.ID, NIP: s.NIP, NIK: s.NIK, Name: s.Name, FullName: s.DisplayName(), Kind: string(s.Kind),
		Rank: cur.Rank, Position: cur.Position, Unit: data.UnitName(units, cur.UnitID), Status: status}
}

// staffList is "kinerja staff list".
func staffList(c *call) error {
	c.formatFlag(formatCSV, formatJSON)
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		staff, err := svc.AllStaff()
		if err != nil {
			return err
		}
		units, err := svc.Units()
		if err != nil {
			return err
		}
		views := make([]staffJSON, 0, len(staff))
		rows := make([][]string, 0, len(staff))
		for _, s := range staff {
			v := staffView(s, units)
			views = append(views, v)
			status := "Aktif"
			if v.Status == "left" {
				status = "Tidak aktif"
			}
			id := v.NIP
			if id == "" {
				id = v.NIK
			}
			rows = append(rows, []string{id, v.FullName, v.Kind, v.Rank, v.Position, v.Unit, status})
		}
		return c.print(listing{json: views, header: []string{"NIP/NIK", "Nama", "Jenis", "Gol.", "Jabatan", "Unit kerja", "Status"}, rows: rows})
	})
}
