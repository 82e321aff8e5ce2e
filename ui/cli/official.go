package cli

import (
	"fmt"

	"kinerja/data"
	"kinerja/data/service"
)

// officialAdd is "kinerja official add": registers an official outside the
// office (the Sekda who rates the Camat, an atasan in another unit) who may
// be chosen as Pejabat Penilai or Atasan Pejabat Penilai (PermenPANRB
// 6/2022).
func officialAdd(c *call) error {
	name := c.flags.String("name", "", "nama dengan gelar")
	nip := c.flags.String("nip", "", "NIP (18 angka)")
	rank := c.flags.String("rank", "", "pangkat/golongan ruang")
	position := c.flags.String("position", "", "jabatan")
	agency := c.flags.String("agency", "", "instansi/unit kerja")
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		o, err := svc.AddOfficial(*name, *nip, *rank, *position, *agency)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Pejabat tercatat: %s (%s), %s, %s\n", o.Name, nipText(o.NIP), o.Position, o.Agency)
		return nil
	})
}

// officialList is "kinerja official list": the registered officials, active
// ones first.
func officialList(c *call) error {
	c.formatFlag(formatJSON)
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		list, err := svc.Officials()
		if err != nil {
			return err
		}
		rows := make([][]string, len(list))
		for i, o := range list {
			state := "aktif"
			if o.Inactive {
				state = "nonaktif"
			}
			rows[i] = []string{nipText(o.NIP), o.Name, o.Rank, o.Position, o.Agency, state}
		}
		return c.print(listing{json: list, header: []string{"NIP", "Nama", "Pangkat/gol.", "Jabatan", "Instansi", "Status"}, rows: rows})
	})
}

// officialDeactivate is "kinerja official deactivate": the official is no
// longer offered as a rater; evaluations naming him keep his identity.
func officialDeactivate(c *call) error { return setOfficialActive(c, false) }

// officialActivate is "kinerja official activate": the official may be
// chosen again.
func officialActivate(c *call) error { return setOfficialActive(c, true) }

func setOfficialActive(c *call, active bool) error {
	nip := c.flags.String("nip", "", "NIP pejabat")
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	if *nip == "" {
		return usagef("%s: --nip wajib diisi", c.name)
	}
	return c.withService(func(svc *service.Service) error {
		o, err := svc.OfficialByNIP(*nip)
		if err != nil {
			return err
		}
		if o, err = svc.SetOfficialActive(o.ID, active); err != nil {
			return err
		}
		state := "nonaktif: tidak ditawarkan lagi sebagai penilai"
		if active {
			state = "aktif kembali"
		}
		fmt.Fprintf(c.stdout, "%s (%s) %s\n", o.Name, nipText(o.NIP), state)
		return nil
	})
}

// nipText is a NIP grouped as printed on forms, or "—" when there is none.
func nipText(nip string) string {
	if nip == "" {
		return "—"
	}
	return data.FormatNIP(nip)
}
