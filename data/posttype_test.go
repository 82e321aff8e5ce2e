package data

import (
	"testing"
	"time"
)

func TestPostTypeOf(t *testing.T) {
	t.Parallel()
	units := DefaultUnits()
	units[0].HeadStaffID = 1 // Camat
	units[1].HeadStaffID = 2 // Sekretaris Kecamatan
	units[2].HeadStaffID = 3 // Kasubbag Umum dan Kepegawaian
	units[4].HeadStaffID = 4 // Kepala Seksi Pemerintahan, fungsional since the penyetaraan
	units[5].HeadStaffID = 9 // a head whose unit is inactive below
	units[5].Inactive = true
	on := NewDate(2026, time.June, 30)
	person := func(id uint64, position string, unit uint64) Staff {
		return Staff{ID: id, Name: "X", History: []Event{startEvent(2020, time.January, 1, "III/c", position, unit)}}
	}
	promoted := person(8, "Pengadministrasi Perkantoran", 7)
	promoted.History = append(promoted.History, Event{Date: NewDate(2026, time.July, 1), Kind: EventPosition, Position: "Analis Kebijakan Ahli Pertama"})
	tests := []struct {
		name  string
		staff Staff
		want  PostType
	}{
		{"camat", person(1, "Camat", 1), PostAdministrator},
		{"sekcam", person(2, "Sekretaris Kecamatan", 2), PostAdministrator},
		{"kasubbag", person(3, "Kepala Subbagian Umum dan Kepegawaian", 3), PostSupervisor},
		{"kasi holding a fungsional post", person(4, "Analis Kebijakan Ahli Muda", 5), PostFunctional},
		{"fungsional keahlian", person(5, "Penata Kelola Sistem dan Teknologi Informasi Ahli Pertama", 3), PostFunctional},
		{"fungsional keterampilan", person(6, "Pranata Komputer Terampil", 3), PostFunctional},
		{"jenjang in any case", person(6, "ARSIPARIS PENYELIA", 3), PostFunctional},
		{"pelaksana", person(7, "Pengadministrasi Perkantoran", 3), PostExecutor},
		{"jenjang word only inside another word", person(7, "Pemulaan Terampilan", 3), PostExecutor},
		{"position on the day, not later", promoted, PostExecutor},
		{"head of an inactive unit", person(9, "Kepala Seksi Ketenteraman", 6), PostExecutor},
		{"no position at all", Staff{ID: 10}, PostExecutor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PostTypeOf(tt.staff, units, on); got != tt.want {
				t.Errorf("PostTypeOf = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsFunctionalPosition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		position string
		want     bool
	}{
		{"Analis Kebijakan Ahli Madya", true},
		{"Perencana Ahli Utama", true},
		{"Pranata Komputer Mahir", true},
		{"Arsiparis Pemula", true},
		{"Analis Kebijakan Ahli", false},
		{"Ahli-Muda", true},
		{"", false},
		{"Kepala Seksi Pemerintahan", false},
	}
	for _, tt := range tests {
		if got := IsFunctionalPosition(tt.position); got != tt.want {
			t.Errorf("IsFunctionalPosition(%q) = %v, want %v", tt.position, got, tt.want)
		}
	}
}
