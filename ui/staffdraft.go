package ui

import (
	"slices"
	"strings"

	"kinerja/data"
)

// staffDraft is what the staff form holds, as plain values: the person's
// identity and the start event at this office (rank, position, unit and the
// date the person started here).
type staffDraft struct {
	Kind                            data.Kind
	NIP, NIK                        string
	Name, GelarDepan, GelarBelakang string
	Sex                             data.Sex
	BirthPlace                      string
	BirthDate                       data.Date
	Rank, Position                  string
	UnitID                          uint64
	Start                           data.Date
	ContractStart, ContractEnd      data.Date
	MismatchReason                  string
}

// draftOf returns the form values of s; rank, position and unit are those of its start event.
func draftOf(s data.Staff) staffDraft {
	d := staffDraft{
		Kind: s.Kind, NIP: s.NIP, NIK: s.NIK,
		Name: s.Name, GelarDepan: s.GelarDepan, GelarBelakang: s.GelarBelakang,
		Sex: s.Sex, BirthPlace: s.BirthPlace, BirthDate: s.BirthDate,
		ContractStart: s.ContractStart, ContractEnd: s.ContractEnd,
		MismatchReason: s.MismatchReason,
	}
	if i := startIndex(s); i >= 0 {
		e := s.History[i]
		d.Rank, d.Position, d.UnitID, d.Start = e.Rank, e.Position, e.UnitID, e.Date
	}
	return d
}

// apply returns orig with the draft's values: identity fields replaced (text
// trimmed, NIP and NIK without separators), the start event updated or
// created, other history kept. A rank is kept only for kinds that have one and
// contract dates only for PPPK kinds.
func (d staffDraft) apply(orig data.Staff) data.Staff {
	s := orig
	s.History = slices.Clone(orig.History)
	s.Kind, s.Sex = d.Kind, d.Sex
	s.NIP = data.NormalizeNIP(strings.TrimSpace(d.NIP))
	s.NIK = data.NormalizeNIP(strings.TrimSpace(d.NIK))
	s.Name = strings.TrimSpace(d.Name)
	s.GelarDepan = strings.TrimSpace(d.GelarDepan)
	s.GelarBelakang = strings.TrimSpace(d.GelarBelakang)
	s.BirthPlace = strings.TrimSpace(d.BirthPlace)
	s.BirthDate = d.BirthDate
	s.MismatchReason = strings.TrimSpace(d.MismatchReason)
	s.ContractStart, s.ContractEnd = data.Date{}, data.Date{}
	if d.Kind.IsPPPK() {
		s.ContractStart, s.ContractEnd = d.ContractStart, d.ContractEnd
	}
	if !d.Kind.HasNIP() {
		s.NIP = ""
	}
	rank := d.Rank
	if len(data.RanksFor(d.Kind)) == 0 {
		rank = ""
	}
	start := data.Event{Kind: data.EventStart, Date: d.Start, Rank: rank,
		Position: strings.TrimSpace(d.Position), UnitID: d.UnitID}
	if i := startIndex(s); i >= 0 {
		start.Letter, start.Note = s.History[i].Letter, s.History[i].Note
		s.History[i] = start
	} else {
		s.History = append([]data.Event{start}, s.History...)
	}
	return s
}

// startIndex returns the index of the start event in s.History, or -1.
func startIndex(s data.Staff) int {
	return slices.IndexFunc(s.History, func(e data.Event) bool { return e.Kind == data.EventStart })
}

// changedLater reports whether s's history changes what an event of kind k
// sets after the start event, so the form must not edit it as the start value:
// such changes are made with the history actions instead.
func changedLater(s data.Staff, k data.EventKind) bool {
	return slices.ContainsFunc(s.History, func(e data.Event) bool { return e.Kind == k })
}
