package cli

import (
	"fmt"
	"io"
	"os"

	"kinerja/data"
	"kinerja/data/service"
)

// maxLogoKB is the largest letterhead logo, in KB, for the usage line.
const maxLogoKB = service.MaxLogoSize >> 10

// officeShow is "kinerja office show".
func officeShow(c *call) error {
	c.formatFlag(formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("office show: tidak menerima argumen")
	}
	return c.withService(func(svc *service.Service) error {
		o, err := svc.Office()
		if err != nil {
			return err
		}
		return c.print(listing{json: officeJSON(o), text: func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "Kecamatan: %s\nKabupaten: %s\nAlamat:    %s\nKota:      %s\n", o.Kecamatan, o.Kabupaten, o.Alamat, o.Kota)
			return err
		}})
	})
}

func officeJSON(o data.Office) []map[string]string {
	return []map[string]string{{"kecamatan": o.Kecamatan, "kabupaten": o.Kabupaten, "alamat": o.Alamat, "kota": o.Kota}}
}

// officeSet is "kinerja office set": it may create the data file.
func officeSet(c *call) error {
	set := map[string]*string{}
	for _, f := range []string{"kecamatan", "kabupaten", "alamat", "kota"} {
		set[f] = c.flags.String(f, "", f)
	}
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		o, err := svc.Office()
		if err != nil {
			return err
		}
		for field, dst := range map[string]*string{"kecamatan": &o.Kecamatan, "kabupaten": &o.Kabupaten, "alamat": &o.Alamat, "kota": &o.Kota} {
			if c.given(field) {
				*dst = *set[field]
			}
		}
		if err := svc.SetOffice(o); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Identitas kantor tersimpan: Kecamatan %s, Kabupaten %s\n", o.Kecamatan, o.Kabupaten)
		return nil
	})
}

// officeLogo is "kinerja office logo FILE | --remove".
func officeLogo(c *call) error {
	remove := c.flags.Bool("remove", false, "hapus logo kop surat")
	if err := c.parse(); err != nil {
		return err
	}
	if *remove == (len(c.args) == 1) || len(c.args) > 1 {
		return usagef("office logo: pakai FILE atau --remove")
	}
	if *remove {
		return c.withService(func(svc *service.Service) error {
			if err := svc.RemoveOfficeLogo(); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "Logo kop surat dihapus.")
			return nil
		})
	}
	file := c.args[0]
	logo, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("membaca logo %s: %w", file, err)
	}
	if err := service.CheckLogo(logo); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return c.withService(func(svc *service.Service) error {
		if err := svc.SetOfficeLogo(logo); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Logo kop surat dipasang: %s (%d KB)\n", file, (len(logo)+1023)>>10)
		return nil
	})
}
