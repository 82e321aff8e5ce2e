// Package data is the domain at the centre of Kinerja: staff, units, the office
// identity, and the civil-service rules that govern them (NIP structure, ranks,
// the work calendar, discipline and evaluation rules).
//
// Rules are pure functions of their inputs. Persistence lives in data/store;
// file formats and documents live in export; nothing here imports Fyne.
package data
