package service

import (
	"kinerja/export"
)

// EvaluationWorkbook returns the stored evaluations of a period as the
// e-Kinerja workbook takes them (export.WriteEvaluationsXLSX): the period
// with its dates and capaian, and per evaluation the employee, the Pejabat
// Penilai and the Atasan (frozen ones once Ditetapkan, an official outside
// the office included), the SKP's hasil kerja rows and the ekspektasi khusus
// pimpinan per BerAKHLAK value. Evaluations not started are left out.
func (svc *Service) EvaluationWorkbook(periodID string) (export.EvaluationWorkbook, error) {
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return export.EvaluationWorkbook{}, err
	}
	list, err := svc.EvaluationList(c.period.ID)
	if err != nil {
		return export.EvaluationWorkbook{}, err
	}
	b := export.EvaluationWorkbook{Period: c.period.Period, Capaian: c.period.Capaian}
	for _, r := range list {
		if !r.Stored {
			continue
		}
		atasan := c.identities(r.Staff.ID).Atasan
		if f := r.Evaluation.Frozen; f != nil {
			atasan = f.Atasan
		}
		rec := export.EvaluationRecord{Employee: r.Employee, Rater: r.Rater, Atasan: atasan, Evaluation: r.Evaluation}
		skp := r.SKP
		if r.Evaluation.SKPID != 0 && r.Evaluation.SKPID != skp.ID {
			if k, err := svc.st.SKP(r.Evaluation.SKPID); err == nil {
				skp = k
			}
		}
		if skp.ID != 0 && skp.ID == r.Evaluation.SKPID {
			rec.HasilKerja = skp.Rows
			for _, x := range skp.Perilaku {
				if x.ValueIndex >= 1 && x.ValueIndex <= len(rec.Ekspektasi) {
					rec.Ekspektasi[x.ValueIndex-1] = x.Ekspektasi
				}
			}
		}
		b.Records = append(b.Records, rec)
	}
	return b, nil
}
