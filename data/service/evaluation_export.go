package service

import (
	"io"

	"kinerja/export"
)

// EvaluationWorkbook is the e-Kinerja export of a period: every stored
// evaluation with its employee and rater, and the hasil kerja rows of the
// SKP it was made from.
func (svc *Service) EvaluationWorkbook(periodID string) (export.EvaluationWorkbook, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return export.EvaluationWorkbook{}, err
	}
	list, err := svc.EvaluationList(p.ID)
	if err != nil {
		return export.EvaluationWorkbook{}, err
	}
	b := export.EvaluationWorkbook{Period: p.Period}
	for _, r := range list {
		if !r.Stored {
			continue
		}
		rec := export.EvaluationRecord{Employee: r.Employee, Rater: r.Rater, Evaluation: r.Evaluation}
		if r.HasSKP && r.SKP.ID == r.Evaluation.SKPID {
			rec.HasilKerja = r.SKP.Rows
		}
		b.Records = append(b.Records, rec)
	}
	return b, nil
}

// ExportEvaluations writes the e-Kinerja workbook of a period to path (.xlsx,
// atomically, after GuardOutput) and returns how many evaluations it holds.
func (svc *Service) ExportEvaluations(periodID, path string) (int, error) {
	b, err := svc.EvaluationWorkbook(periodID)
	if err != nil {
		return 0, err
	}
	if err := svc.writeOutput(path, func(w io.Writer) error { return export.WriteEvaluationsXLSX(w, b) }); err != nil {
		return 0, err
	}
	return len(b.Records), nil
}
