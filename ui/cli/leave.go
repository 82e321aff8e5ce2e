package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"kinerja/data"
	"kinerja/data/service"
)

// leaveAdd is "kinerja leave add": a leave over a date range, checked under
// the rules in force (PP 11/2017): a code the person's kind may not take,
// cuti besar before five years of service or cuti tahunan over the balance
// is refused naming the rule.
func leaveAdd(c *call) error {
	nip := c.flags.String("nip", "", "NIP atau NIK")
	var req service.LeaveRequest
	c.flags.StringVar(&req.Code, "code", "", "kode cuti (CT, CB, CS, CM, CAP, CLTN) atau S, I, TB, DL")
	from := c.flags.String("from", "", "hari pertama")
	to := c.flags.String("to", "", "hari terakhir")
	c.flags.StringVar(&req.Letter, "letter", "", "nomor surat cuti")
	c.flags.StringVar(&req.GrantedBy, "granted-by", "", "pejabat pemberi cuti")
	c.flags.StringVar(&req.Reason, "reason", "", "alasan cuti")
	c.flags.StringVar(&req.Address, "address", "", "alamat selama menjalankan cuti")
	c.flags.StringVar(&req.Note, "note", "", "keterangan")
	if err := c.parse(); err != nil {
		return err
	}
	var errFrom, errTo error
	req.From, errFrom = data.ParseDate(*from)
	req.To, errTo = data.ParseDate(*to)
	if len(c.args) > 0 || *nip == "" || req.Code == "" || errFrom != nil || errTo != nil || req.From.IsZero() || req.To.IsZero() {
		return usagef("leave add: pakai --nip NIP --code KODE --from YYYY-MM-DD --to YYYY-MM-DD")
	}
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		req.StaffID = s.ID
		res, err := svc.AddLeave(req)
		var re *data.RuleError
		if errors.As(err, &re) {
			return fmt.Errorf("cuti ditolak: %s (aturan: %s)", re.Message, re.Rule)
		}
		if err != nil {
			return err
		}
		warn(c, res.Warnings...)
		fmt.Fprintf(c.stdout, "%s: %s %s–%s tersimpan, %d hari\n", s.DisplayName(), req.Code, req.From.Slash(), req.To.Slash(), res.Days)
		return nil
	})
}

// leaveBalance is "kinerja leave balance": the cuti tahunan of a year, of
// everyone active in it or of one person.
func leaveBalance(c *call) error {
	year := c.flags.Int("year", data.Today().Year(), "tahun")
	nip := c.flags.String("nip", "", "hanya pegawai ini")
	kind := c.kindFlag()
	c.formatFlag(formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("leave balance: pakai --year YYYY [--nip NIP] [--kind JENIS] [--format text|json]")
	}
	f, err := c.recapFilter(*kind)
	if err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		lines, err := leaveLines(svc, *year, *nip, f)
		if err != nil {
			return err
		}
		if st, err := svc.HolidayListStatus(*year); err == nil {
			warn(c, st.Warning())
		}
		header := []string{"NIP/NIK", "Nama", "Jenis", "Unit", "Hak", "Sisa tahun lalu", "Piket", "Diambil", "Sisa", "Catatan"}
		rows := make([][]string, len(lines))
		for i, l := range lines {
			n := strconv.Itoa
			note := ""
			switch {
			case l.Status.Cancelled:
				note = "gugur (cuti besar tahun ini)"
			case l.Remaining < 0:
				note = "melebihi hak"
			}
			rows[i] = []string{l.NIP, l.Name, string(l.Kind), l.Unit, n(l.Entitled), n(l.Carried), n(l.Piket), n(l.Taken), n(l.Remaining), note}
		}
		return c.print(listing{json: lines, header: header, rows: rows, text: func(w io.Writer) error {
			fmt.Fprintf(w, "Cuti tahunan %d%s\n\n", *year, kindNote(f.Kind))
			return writeTable(w, header, rows)
		}})
	})
}

// leaveLines are the balance lines of year: everyone f keeps, or only the
// person with nip (also when not active that year).
func leaveLines(svc *service.Service, year int, nip string, f service.RecapFilter) ([]service.LeaveBalanceLine, error) {
	lines, err := svc.LeaveBalances(year, f)
	if err != nil || nip == "" {
		return lines, err
	}
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if l.StaffID == s.ID {
			return []service.LeaveBalanceLine{l}, nil
		}
	}
	l, err := svc.LeaveBalanceOf(s.ID, year)
	if err != nil {
		return nil, err
	}
	return []service.LeaveBalanceLine{l}, nil
}

// leaveForm is "kinerja leave form": the Formulir Permintaan dan Pemberian
// Cuti (Peraturan BKN 24/2017) of a leave entered with "leave add".
func leaveForm(c *call) error {
	nip := c.flags.String("nip", "", "NIP pegawai")
	from := c.flags.String("from", "", "hari pertama cuti")
	out := c.flags.String("out", "", "berkas tujuan .pdf")
	if err := c.parse(); err != nil {
		return err
	}
	d, err := data.ParseDate(*from)
	if len(c.args) > 0 || *nip == "" || err != nil || d.IsZero() || *out == "" {
		return usagef("leave form: pakai --nip NIP --from YYYY-MM-DD --out FILE.pdf")
	}
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		pdf, err := svc.LeaveForm(s.ID, d)
		if err != nil {
			return err
		}
		if err := svc.WriteOutput(*out, pdf); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, "Ditulis:", *out)
		return nil
	})
}
