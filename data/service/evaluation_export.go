package service

import (
	"bytes"

	"kinerja/export"
)

// ExportEvaluations writes the e-Kinerja workbook of a period
// (EvaluationWorkbook) to path, through the output guard and atomically, and
// returns how many evaluations it holds.
func (svc *Service) ExportEvaluations(periodID, path string) (int, error) {
	b, err := svc.EvaluationWorkbook(periodID)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	if err := export.WriteEvaluationsXLSX(&buf, b); err != nil {
		return 0, err
	}
	if err := svc.WriteOutput(path, buf.Bytes()); err != nil {
		return 0, err
	}
	return len(b.Records), nil
}
