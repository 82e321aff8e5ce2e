package main

import (
	"fmt"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/data/store"
)

// demoPassphrase is the one passphrase of the demo's office root and of every
// demo signer. It is for the fictional demo office only.
const demoPassphrase = "demo-kinerja"

// fillDemoSigners gives the demo office its root and every rater of a final
// demo evaluation a signer, all under demoPassphrase, and signs those final
// evaluations. Each key is unlocked once (argon2id is slow on purpose).
func fillDemoSigners(st *store.Store) error {
	if _, found, err := service.OfficeRootInfo(st); err != nil {
		return err
	} else if !found {
		if _, err := service.CreateOfficeRoot(st, demoPassphrase); err != nil {
			return fmt.Errorf("sertifikat induk kantor demo: %w", err)
		}
	}
	periods, err := service.Periods(st)
	if err != nil {
		return err
	}
	var raters []uint64
	seen := map[uint64]bool{}
	for _, p := range periods {
		all, err := st.Evaluations(p.ID)
		if err != nil {
			return err
		}
		for _, e := range all {
			if r := e.Rater.StaffID; e.State == data.EvalFinal && r != 0 && !seen[r] {
				seen[r] = true
				raters = append(raters, r)
			}
		}
	}
	signers, err := service.CreateSigners(st, raters, demoPassphrase, demoPassphrase)
	if err != nil {
		return fmt.Errorf("penanda tangan demo: %w", err)
	}
	for _, u := range signers {
		for _, p := range periods {
			if _, err := service.SignRated(st, p.ID, u); err != nil {
				return fmt.Errorf("menandatangani penilaian demo %s: %w", p.ID, err)
			}
		}
	}
	return nil
}
